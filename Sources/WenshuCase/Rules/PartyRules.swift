import WenshuXML

/// Parties as records: the fields of their kind, unique `id`s, references that resolve, and the
/// particulars the forms print (warnings when missing).
///
/// Ids: `field-for-other-kind`, `duplicate-party-id`, `unknown-party`, and the warnings `missing-phone`
/// (neither the party nor an agent has one),
/// `missing-id-number` (a person), `missing-credit-code` (an organisation).
enum PartyRules {
    static let personOnly = ["gender", "ethnicity", "birth_date", "occupation", "id_type", "id_number"]
    static let organisationOnly = ["credit_code", "representative"]
    private static let parties = ChildSteps(path: "parties/party")
    private static let partyIDs = ChildSteps(path: "parties/party/id")
    private static let payers = ChildSteps(path: "agreement/instalments/instalment/payer")
    private static let agentPhones = ChildSteps(path: "agents/agent/phone")

    static let kindFields: CaseRule = { context in
        for party in context.root.nodes(parties) {
            let kind = party.value("kind")
            let (wrong, owner) = kind == "organisation" ? (personOnly, InputWording.person) : kind == "person" ? (organisationOnly, InputWording.organisation) : ([], InputWording.person)
            // Nearly every party has none of the other kind's fields: one look-up per name first, not a
            // comparison per field and name.
            guard wrong.contains(where: { party.element(named: $0) != nil }) else { continue }
            for field in party.childElements where wrong.contains(where: field.isNamed) {
                context.report(.fieldForOtherKind, at: field, ["field": "\(field.name)", "owner": .phrase(owner), "kind": "\(kind!)"])
            }
        }
    }

    static let references: CaseRule = { context in
        let ids = context.root.nodes(partyIDs)
        var seen = [String: XMLNode](minimumCapacity: ids.count)  // grown once, not at the second party
        for idNode in ids {
            let id = idNode.stringValue
            if let first = seen[id] {
                context.report(.duplicatePartyID, at: idNode, ["id": "\(id)", "other": "\(context.file.fieldPath(of: first.parent!))"])
            } else {
                seen[id] = idNode
            }
        }
        for payer in context.root.nodes(payers) where seen[payer.stringValue] == nil {
            context.report(.unknownParty, at: payer, ["payer": "\(payer.stringValue)", "known": .list(seen.keys.sorted())])
        }
    }

    static let particulars: CaseRule = { context in
        for party in context.root.nodes(parties) {
            let name = party.value("name") ?? ""
            if party.element(named: "phone") == nil && !agentPhones.reachesElement(from: party) {
                context.report(.missingPhone, at: party, field: "phone", ["name": "\(name)"])
            }
            switch party.value("kind") {
            case "person" where party.element(named: "id_number") == nil:
                context.report(.missingIDNumber, at: party, field: "id_number", ["name": "\(name)"])
            case "organisation" where party.element(named: "credit_code") == nil:
                context.report(.missingCreditCode, at: party, field: "credit_code", ["name": "\(name)"])
            default:
                break
            }
        }
    }
}
