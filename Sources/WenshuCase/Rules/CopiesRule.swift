import WenshuXML

/// The agreement's copies clause says what the parties agreed. Ids: `copies-count` (warning: without
/// holders, a count that is not one copy per party plus the committee's), `copies-holders-sum` (error: a
/// count that is not the sum of the holders' copies, which the agreement prints).
enum CopiesRule {
    static let rule: CaseRule = { context in
        guard let agreement = context.root.element(named: "agreement") else { return }
        let copiesNode = agreement.element(named: "copies")
        let copies = copiesNode.flatMap { Int($0.stringValue) }
        let holders = agreement.nodes("copy_holders/copy_holder/copies").compactMap { Int($0.stringValue) }
        if !holders.isEmpty {
            let sum = holders.reduce(0, +)
            if let copiesNode, let copies, copies != sum {
                context.report("copies-holders-sum", at: copiesNode,
                               "`copies` is \(copies), but the copy holders hold \(sum) (\(holders.map(String.init).joined(separator: " + "))); the agreement prints \(sum)")
            }
            return
        }
        let parties = context.root.nodes("parties/party").count
        if let copiesNode, let copies, copies != parties + 1 {
            context.report("copies-count", .warning, at: copiesNode,
                           "`copies` is \(copies), but \(parties) parties and the committee keep \(parties + 1) under the standard clause (当事人、人民调解委员会各持一份); list `copy_holders` if the parties agreed otherwise")
        }
    }
}
