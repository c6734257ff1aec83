import WenshuXML

/// 回避: a mediator who is also a party or a party's agent must step aside. Detected by ID number (an error);
/// a matching name where an ID number is missing on either side is a warning asking the clerk to look.
/// Two people with the same name and different ID numbers are different people.
/// Ids: `recusal`, `recusal-name`.
enum RecusalRule {
    private static let parties = ChildSteps(path: "parties/party")
    private static let agents = ChildSteps(path: "agents/agent")
    private static let mediators = ChildSteps(path: "mediators/mediator")

    static let rule: CaseRule = { context in
        var people: [(node: XMLNode, what: Phrase)] = []
        for party in context.root.nodes(parties) {
            people.append((party, InputWording.party))
            for agent in party.nodes(agents) { people.append((agent, InputWording.agent)) }
        }
        for mediator in context.root.nodes(mediators) {
            let name = mediator.value("name") ?? ""
            let id = mediator.value("id_number")
            for person in people {
                let otherID = person.node.value("id_number")
                var otherPath: String { context.file.fieldPath(of: person.node) }
                if let id, let otherID, !id.isEmpty, sameNumber(id, otherID) {
                    context.report(.recusal, at: mediator, ["name": "\(name)", "id": "\(ResidentIDNumber.masked(id.uppercased()))",
                                                            "role": .phrase(person.what), "other": "\(otherPath)"])
                } else if (id == nil || otherID == nil), !name.isEmpty, name == person.node.value("name") {
                    context.report(.recusalName, at: mediator, ["name": "\(name)", "role": .phrase(person.what),
                                                                "other": "\(otherPath)"])
                }
            }
        }
    }

    /// Whether two ID numbers are one, letters in either case: `a.uppercased() == b.uppercased()`, on the
    /// bytes when both are ASCII (where uppercasing is ASCII's and equal strings have equal bytes), so that
    /// the usual number makes no new `String`.
    static func sameNumber(_ a: String, _ b: String) -> Bool {
        var (a, b) = (a, b)  // `withUTF8` is mutating; a native string is not copied
        let ascii: Bool? = a.withUTF8 { x in
            b.withUTF8 { y in
                guard x.allSatisfy({ $0 < 0x80 }), y.allSatisfy({ $0 < 0x80 }) else { return nil }
                func upper(_ byte: UInt8) -> UInt8 { (0x61...0x7A).contains(byte) ? byte - 0x20 : byte }
                return x.count == y.count && zip(x, y).allSatisfy { upper($0) == upper($1) }
            }
        }
        return ascii ?? (a.uppercased() == b.uppercased())
    }
}
