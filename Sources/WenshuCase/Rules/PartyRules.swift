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

    static let kindFields: CaseRule = { context in
        for party in context.root.nodes("parties/party") {
            let kind = party.value("kind")
            let (wrong, owner) = kind == "organisation" ? (personOnly, "a person") : kind == "person" ? (organisationOnly, "an organisation") : ([], "")
            for field in party.elements where wrong.contains(field.name) {
                context.report("field-for-other-kind", at: field,
                               "`\(field.name)` belongs to \(owner), but this party's `kind` is \(kind!)")
            }
        }
    }

    static let references: CaseRule = { context in
        var seen: [String: XMLNode] = [:]
        for idNode in context.root.nodes("parties/party/id") {
            let id = idNode.stringValue
            if let first = seen[id] {
                context.report("duplicate-party-id", at: idNode,
                               "party id `\(id)` is already used by `\(context.file.fieldPath(of: first.parent!))`")
            } else {
                seen[id] = idNode
            }
        }
        for payer in context.root.nodes("agreement/instalments/instalment/payer") where seen[payer.stringValue] == nil {
            context.report("unknown-party", at: payer,
                           "`payer` \(payer.stringValue) is not the `id` of any party (" + seen.keys.sorted().joined(separator: ", ") + ")")
        }
    }

    static let particulars: CaseRule = { context in
        for party in context.root.nodes("parties/party") {
            let name = party.value("name") ?? ""
            if party.element(named: "phone") == nil && party.nodes("agents/agent/phone").isEmpty {
                context.report("missing-phone", .warning, at: party, field: "phone",
                               "no `phone` for \(name) or an agent: the application and the court papers ask for one")
            }
            switch party.value("kind") {
            case "person" where party.element(named: "id_number") == nil:
                context.report("missing-id-number", .warning, at: party, field: "id_number",
                               "no `id_number` for \(name): forms and judicial confirmation need the party's identity")
            case "organisation" where party.element(named: "credit_code") == nil:
                context.report("missing-credit-code", .warning, at: party, field: "credit_code",
                               "no `credit_code` for \(name): an organisation is identified by its unified social credit code")
            default:
                break
            }
        }
    }
}
