import WenshuXML

/// The agreement's copies clause says what the parties agreed. Ids: `copies-count` (warning: without
/// holders, a count that is not one copy per party plus the committee's), `copies-holders-sum` (error: a
/// count that is not the sum of the holders' copies, which the agreement prints).
enum CopiesRule {
    private static let holderCopies = ChildSteps(path: "copy_holders/copy_holder/copies")
    private static let parties = ChildSteps(path: "parties/party")

    static let rule: CaseRule = { context in
        guard let agreement = context.root.element(named: "agreement") else { return }
        let copiesNode = agreement.element(named: "copies")
        let copies = copiesNode.flatMap { Int($0.stringValue) }
        let holders = agreement.nodes(holderCopies).compactMap { Int($0.stringValue) }
        if !holders.isEmpty {
            let sum = holders.reduce(0, +)
            if let copiesNode, let copies, copies != sum {
                context.report(.copiesHoldersSum, at: copiesNode,
                               ["copies": "\(copies)", "sum": "\(sum)", "parts": "\(holders.map(String.init).joined(separator: " + "))"])
            }
            return
        }
        let parties = context.root.nodes(parties).count
        if let copiesNode, let copies, copies != parties + 1 {
            context.report(.copiesCount, at: copiesNode,
                           ["copies": "\(copies)", "parties": "\(parties)", "expected": "\(parties + 1)"])
        }
    }
}
