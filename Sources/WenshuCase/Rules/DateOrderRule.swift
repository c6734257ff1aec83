import WenshuXML

/// Dates in a possible order: received ≤ accepted ≤ sessions ≤ agreement ≤ effective ≤ confirmation;
/// no visit, instalment or payment before the agreement; not closed before it; deadlines after their slips;
/// notices, services of papers and reports up after the case came in, the reply to its sender after closing.
/// Each finding sits on the date that is out of place and names the date it contradicts. Id: `date-order`.
enum DateOrderRule {
    /// `first` dates must not be later than `then` dates. Paths are relative to `scope` (the root when
    /// `nil`), one slash-separated path per alternative: the first alternative present is used.
    struct Order: Sendable {
        var scope: String?
        var first: [String]
        var then: [String]
        /// Which side a finding is reported on: the one more likely mistyped.
        var reportOnFirst = false
        var reason: String
    }

    static let table: [Order] = [
        Order(first: ["source/date"], then: ["received"], reportOnFirst: true,
              reason: "a case is sent before it is received"),
        Order(first: ["received"], then: ["accepted"], reason: "a case is accepted after it is received"),
        Order(first: ["parties/party/birth_date"], then: ["received"], reportOnFirst: true,
              reason: "a party is born before the case"),
        Order(first: ["received"], then: ["routings/routing/date"], reason: "a case is routed after it is received"),
        Order(scope: "routings/routing", first: ["date"], then: ["deadline"], reason: "a deadline comes after its slip"),
        Order(scope: "routings/routing", first: ["date"], then: ["new_deadline"], reason: "a deadline comes after its slip"),
        Order(scope: "routings/routing", first: ["date"], then: ["done/date"], reason: "a slip is reported done after it is issued"),
        Order(first: ["accepted", "received"], then: ["extensions/extension/date"],
              reason: "a time limit is extended after the case is accepted"),
        Order(first: ["accepted", "received"], then: ["investigations/investigation/date"],
              reason: "an investigation comes after the case is accepted"),
        Order(first: ["accepted", "received"], then: ["sessions/session/date"],
              reason: "a mediation session comes after the case is accepted"),
        Order(first: ["accepted", "received"], then: ["agreement/date"],
              reason: "an agreement comes after the case is accepted"),
        Order(first: ["sessions/session/date"], then: ["agreement/date"], reportOnFirst: true,
              reason: "mediation sessions come before the agreement they lead to"),
        Order(first: ["agreement/date"], then: ["agreement/effective"],
              reason: "an agreement takes effect on or after the day it is made"),
        Order(first: ["agreement/date"], then: ["agreement/instalments/instalment/due"],
              reason: "an instalment falls due after the agreement"),
        Order(first: ["agreement/date"], then: ["agreement/performance/payments/payment/date"],
              reason: "a payment under the agreement comes after it"),
        Order(first: ["agreement/date"], then: ["visits/visit/date"], reason: "a follow-up visit comes after the agreement"),
        Order(first: ["accepted", "received"], then: ["visits/visit/date"],
              reason: "a follow-up visit comes after the case is accepted"),
        Order(first: ["agreement/effective", "agreement/date"], then: ["confirmation/applied"],
              reason: "judicial confirmation is applied for after the agreement takes effect"),
        Order(first: ["confirmation/applied"], then: ["confirmation/decided"],
              reason: "the court decides after the application"),
        Order(first: ["agreement/date"], then: ["closed"], reason: "a case with an agreement is closed on or after it"),
        Order(first: ["accepted", "received"], then: ["closed"], reason: "a case is closed after it is accepted"),
        Order(first: ["closed"], then: ["dossier/filed_on"], reason: "a dossier is filed after the case is closed"),
        Order(first: ["received"], then: ["notices/notice/date"], reason: "a party is notified after the case is received"),
        Order(first: ["received"], then: ["services/service/date"], reason: "a paper is served after the case is received"),
        Order(first: ["received"], then: ["report/date"], reason: "a dispute is reported up after it is received"),
        Order(first: ["closed"], then: ["reply/date"], reason: "the sender is told the result once the case is closed"),
    ]

    /// The paths the table looks up from the root, each once: a case reads each of them once.
    private static let rootPaths: [String] = {
        var paths: [String] = []
        for order in table where order.scope == nil {
            for path in order.first + order.then where !paths.contains(path) { paths.append(path) }
        }
        return paths
    }()

    /// For each order of the table without a scope, where its alternatives are in `rootPaths`.
    private static let rootIndices: [(first: [Int], then: [Int])] = table.map { order in
        guard order.scope == nil else { return ([], []) }
        return (order.first.map { rootPaths.firstIndex(of: $0)! }, order.then.map { rootPaths.firstIndex(of: $0)! })
    }

    private typealias Dated = (present: Bool, dates: [(XMLNode, CivilDate)])

    static let rule: CaseRule = { context in
        let root = context.root
        var reported = Set<XMLNode>()
        var rootLookups = [Dated?](repeating: nil, count: rootPaths.count)
        func read(_ scope: XMLNode, _ path: String) -> Dated {
            let nodes = scope.nodes(path)
            return (!nodes.isEmpty, nodes.compactMap { node in node.date.map { (node, $0) } })
        }
        /// The dated nodes of the first alternative that is present.
        func dated(_ scope: XMLNode, _ alternatives: [String]) -> [(XMLNode, CivilDate)] {
            for path in alternatives {
                let found = read(scope, path)
                if found.present { return found.dates }
            }
            return []
        }
        /// The same from the root, each path read once.
        func datedFromRoot(_ alternatives: [Int]) -> [(XMLNode, CivilDate)] {
            for index in alternatives {
                let found = rootLookups[index] ?? read(root, rootPaths[index])
                rootLookups[index] = found
                if found.present { return found.dates }
            }
            return []
        }
        for (order, indices) in zip(table, rootIndices) {
            let pairs: [(firsts: [(XMLNode, CivilDate)], thens: [(XMLNode, CivilDate)])]
            if let scope = order.scope {
                pairs = root.nodes(scope).map { (dated($0, order.first), dated($0, order.then)) }
            } else {
                pairs = [(datedFromRoot(indices.first), datedFromRoot(indices.then))]
            }
            for (firsts, thens) in pairs {
                for (a, aDate) in firsts {
                    for (b, bDate) in thens where aDate > bDate {
                        let (at, other, atDate, otherDate) = order.reportOnFirst ? (a, b, aDate, bDate) : (b, a, bDate, aDate)
                        guard !reported.contains(at) else { continue }
                        reported.insert(at)
                        let relation = order.reportOnFirst ? "after" : "before"
                        context.report("date-order", at: at,
                                       "\(atDate) is \(relation) `\(context.file.fieldPath(of: other))` \(otherDate): \(order.reason)")
                    }
                }
            }
        }
    }
}
