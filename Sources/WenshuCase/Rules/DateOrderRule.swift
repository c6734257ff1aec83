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
        /// Why the order holds, in both languages (the finding ends with it).
        var reason: Phrase
    }

    static let table: [Order] = [
        Order(first: ["source/date"], then: ["received"], reportOnFirst: true,
              reason: Phrase(en: "a case is sent before it is received", zh: "案件先移送后接收")),
        Order(first: ["received"], then: ["accepted"], reason: Phrase(en: "a case is accepted after it is received", zh: "案件先接收后受理")),
        Order(first: ["parties/party/birth_date"], then: ["received"], reportOnFirst: true,
              reason: Phrase(en: "a party is born before the case", zh: "当事人出生应早于案件")),
        Order(first: ["received"], then: ["routings/routing/date"], reason: Phrase(en: "a case is routed after it is received", zh: "案件接收后才能流转")),
        Order(scope: "routings/routing", first: ["date"], then: ["deadline"], reason: Phrase(en: "a deadline comes after its slip", zh: "期限应晚于交办单日期")),
        Order(scope: "routings/routing", first: ["date"], then: ["new_deadline"], reason: Phrase(en: "a deadline comes after its slip", zh: "期限应晚于交办单日期")),
        Order(scope: "routings/routing", first: ["date"], then: ["done/date"],
              reason: Phrase(en: "a slip is reported done after it is issued", zh: "交办单应在发出之后才能报结")),
        Order(first: ["accepted", "received"], then: ["extensions/extension/date"],
              reason: Phrase(en: "a time limit is extended after the case is accepted", zh: "期限应在受理之后延长")),
        Order(first: ["accepted", "received"], then: ["investigations/investigation/date"],
              reason: Phrase(en: "an investigation comes after the case is accepted", zh: "调查应在受理之后")),
        Order(first: ["accepted", "received"], then: ["sessions/session/date"],
              reason: Phrase(en: "a mediation session comes after the case is accepted", zh: "调解应在受理之后")),
        Order(first: ["accepted", "received"], then: ["agreement/date"],
              reason: Phrase(en: "an agreement comes after the case is accepted", zh: "协议应在受理之后达成")),
        Order(first: ["sessions/session/date"], then: ["agreement/date"], reportOnFirst: true,
              reason: Phrase(en: "mediation sessions come before the agreement they lead to", zh: "调解应在达成协议之前")),
        Order(first: ["agreement/date"], then: ["agreement/effective"],
              reason: Phrase(en: "an agreement takes effect on or after the day it is made", zh: "协议自达成之日或其后生效")),
        Order(first: ["agreement/date"], then: ["agreement/instalments/instalment/due"],
              reason: Phrase(en: "an instalment falls due after the agreement", zh: "分期付款应在协议之后到期")),
        Order(first: ["agreement/date"], then: ["agreement/performance/payments/payment/date"],
              reason: Phrase(en: "a payment under the agreement comes after it", zh: "履行协议的付款应在协议之后")),
        Order(first: ["agreement/date"], then: ["visits/visit/date"], reason: Phrase(en: "a follow-up visit comes after the agreement", zh: "回访应在协议之后")),
        Order(first: ["accepted", "received"], then: ["visits/visit/date"],
              reason: Phrase(en: "a follow-up visit comes after the case is accepted", zh: "回访应在受理之后")),
        Order(first: ["agreement/effective", "agreement/date"], then: ["confirmation/applied"],
              reason: Phrase(en: "judicial confirmation is applied for after the agreement takes effect", zh: "司法确认应在协议生效后申请")),
        Order(first: ["confirmation/applied"], then: ["confirmation/decided"],
              reason: Phrase(en: "the court decides after the application", zh: "法院在申请之后作出决定")),
        Order(first: ["agreement/date"], then: ["closed"], reason: Phrase(en: "a case with an agreement is closed on or after it", zh: "有协议的案件在协议当日或其后结案")),
        Order(first: ["accepted", "received"], then: ["closed"], reason: Phrase(en: "a case is closed after it is accepted", zh: "案件受理之后才能结案")),
        Order(first: ["closed"], then: ["dossier/filed_on"], reason: Phrase(en: "a dossier is filed after the case is closed", zh: "卷宗在结案之后归档")),
        Order(first: ["received"], then: ["notices/notice/date"], reason: Phrase(en: "a party is notified after the case is received", zh: "案件收到之后才能通知当事人")),
        Order(first: ["received"], then: ["services/service/date"], reason: Phrase(en: "a paper is served after the case is received", zh: "案件收到之后才能送达文书")),
        Order(first: ["received"], then: ["report/date"], reason: Phrase(en: "a dispute is reported up after it is received", zh: "纠纷收到之后才能上报")),
        Order(first: ["closed"], then: ["reply/date"], reason: Phrase(en: "the sender is told the result once the case is closed", zh: "结案之后才能向移送单位回复结果")),
    ]

    /// The paths the table looks up from the root, each once: a case reads each of them once.
    private static let rootPaths: [String] = {
        var paths: [String] = []
        for order in table where order.scope == nil {
            for path in order.first + order.then where !paths.contains(path) { paths.append(path) }
        }
        return paths
    }()

    /// `rootPaths` compiled.
    private static let rootSteps = rootPaths.map(ChildSteps.init(path:))

    /// For each order of the table with a scope, the scope and its alternatives compiled.
    private static let scopedSteps: [(scope: ChildSteps, first: [ChildSteps], then: [ChildSteps])?] = table.map { order in
        order.scope.map { (ChildSteps(path: $0), order.first.map(ChildSteps.init(path:)), order.then.map(ChildSteps.init(path:))) }
    }

    /// For each order of the table without a scope, where its alternatives are in `rootPaths`.
    private static let rootIndices: [(first: [Int], then: [Int])] = table.map { order in
        guard order.scope == nil else { return ([], []) }
        return (order.first.map { rootPaths.firstIndex(of: $0)! }, order.then.map { rootPaths.firstIndex(of: $0)! })
    }

    /// What a path reaches: whether any element, and its dates, each with its position among the elements
    /// reached. The dates are read from libxml2's bytes in place and the node is found again only for a
    /// finding: an `XMLNode` per dated element (and an array of them per path) retained and released its
    /// document, most of the rule's cost.
    private typealias Dated = (present: Bool, dates: [(position: Int, date: CivilDate)])
    /// The dates of the first alternative present, and which alternative that is.
    private typealias Chosen = (alternative: Int, dates: [(position: Int, date: CivilDate)])

    static let rule: CaseRule = { context in
        let root = context.root
        var reported = Set<XMLNode>()
        var rootLookups = [Dated?](repeating: nil, count: rootPaths.count)
        func read(_ scope: XMLNode, _ path: ChildSteps) -> Dated {
            var found: Dated = (false, [])
            var position = 0
            _ = path.reachesElement(from: scope) { bytes in
                if let date = CivilDate(isoBytes: bytes) { found.dates.append((position, date)) }
                position += 1
                return false  // every element: none is the one looked for
            }
            found.present = position > 0
            return found
        }
        /// The dated elements of the first alternative that is present.
        func dated(_ scope: XMLNode, _ alternatives: [ChildSteps]) -> Chosen {
            for alternative in alternatives.indices {
                let found = read(scope, alternatives[alternative])
                if found.present { return (alternative, found.dates) }
            }
            return (0, [])
        }
        /// The same from the root, each path read once.
        func datedFromRoot(_ alternatives: [Int]) -> Chosen {
            for alternative in alternatives.indices {
                let index = alternatives[alternative]
                let found = rootLookups[index] ?? read(root, rootSteps[index])
                rootLookups[index] = found
                if found.present { return (alternative, found.dates) }
            }
            return (0, [])
        }
        /// Reports each `first` date later than a `then` date; `path` gives the path of an alternative of
        /// either side (`true`: first), from which `scope` finds a reported date's node again.
        func check(_ index: Int, in scope: XMLNode, _ firsts: Chosen, _ thens: Chosen,
                   path: (_ first: Bool, _ alternative: Int) -> ChildSteps) {
            for i in firsts.dates.indices {
                for j in thens.dates.indices where firsts.dates[i].date > thens.dates[j].date {
                    let a = path(true, firsts.alternative).elements(from: scope)[firsts.dates[i].position]
                    let b = path(false, thens.alternative).elements(from: scope)[thens.dates[j].position]
                    let (aDate, bDate) = (firsts.dates[i].date, thens.dates[j].date)
                    let order = table[index]
                    let (at, other, atDate, otherDate) = order.reportOnFirst ? (a, b, aDate, bDate) : (b, a, bDate, aDate)
                    guard !reported.contains(at) else { continue }
                    reported.insert(at)
                    let relation = order.reportOnFirst ? InputWording.after : InputWording.before
                    context.report(.dateOrder, at: at,
                                   ["date": "\(atDate)", "relation": .phrase(relation),
                                    "other": "\(context.file.fieldPath(of: other))", "otherDate": "\(otherDate)",
                                    "reason": .phrase(order.reason)])
                }
            }
        }
        // By index, not `for order in table`: copying an order (its strings and arrays) for each of the
        // 26 costs more than reading the dates of a case.
        for index in table.indices {
            if let scoped = scopedSteps[index] {
                for node in root.nodes(scoped.scope) {
                    check(index, in: node, dated(node, scoped.first), dated(node, scoped.then)) { $0 ? scoped.first[$1] : scoped.then[$1] }
                }
            } else {
                let (firsts, thens) = rootIndices[index]
                check(index, in: root, datedFromRoot(firsts), datedFromRoot(thens)) { rootSteps[$0 ? firsts[$1] : thens[$1]] }
            }
        }
    }
}
