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
            let id = mediator.value("id_number")?.uppercased()
            for person in people {
                let otherID = person.node.value("id_number")?.uppercased()
                var otherPath: String { context.file.fieldPath(of: person.node) }
                if let id, let otherID, !id.isEmpty, id == otherID {
                    context.report(.recusal, at: mediator, ["name": "\(name)", "id": "\(ResidentIDNumber.masked(id))",
                                                            "role": .phrase(person.what), "other": "\(otherPath)"])
                } else if (id == nil || otherID == nil), !name.isEmpty, name == person.node.value("name") {
                    context.report(.recusalName, at: mediator, ["name": "\(name)", "role": .phrase(person.what),
                                                                "other": "\(otherPath)"])
                }
            }
        }
    }
}
