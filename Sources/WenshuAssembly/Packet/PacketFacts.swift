import WenshuCase
import WenshuXML

/// What the judicial-confirmation rules read from a case, as plain values, each with the place it was
/// written (for findings) and its field path. Reading the tree once here keeps the rules small pure
/// functions that tests can feed with literal values.
struct PacketFacts: Sendable {
    /// Where a value was written and its field path (`parties[2].id_number`).
    struct Origin: Sendable, Equatable {
        var location: SourceLocation
        var path: String

        /// The path of a field inside this record (`parties[2]` + `phone`).
        func field(_ name: String) -> String { path.isEmpty ? name : "\(path).\(name)" }
    }

    struct Agent: Sendable, Equatable {
        var name: String
        /// 委托代理人 (the default) or 法定代理人.
        var kind: String?
        var idNumber: String?
        var phone: String?
        /// 一般授权 / 特别授权.
        var authority: String?
        var mayApplyConfirmation: Bool?
        var origin: Origin

        var isStatutory: Bool { kind == "法定代理人" }
        /// The printed kind: 委托代理人 unless the case says 法定代理人.
        var kindLabel: String { kind ?? "委托代理人" }
        /// Whether the agent is among the applicants: every agent the case does not say stays out
        /// (`may_apply_confirmation: false`, e.g. a son with general authority while a lawyer applies).
        var applies: Bool { mayApplyConfirmation != false }
    }

    struct Party: Sendable, Equatable {
        var name: String
        /// 申请人 / 被申请人 / 当事人 / 第三人.
        var role: String
        var isOrganisation: Bool
        var idNumber: String?
        var creditCode: String?
        var address: String?
        var phone: String?
        var representative: String?
        var agents: [Agent]
        var origin: Origin

        var applyingAgents: [Agent] { agents.filter(\.applies) }
    }

    struct Agreement: Sendable, Equatable {
        var number: String?
        /// `written` / `oral`.
        var form: String?
        var date: CivilDate?
        /// The day the agreement took effect: `effective`, else its date (人民调解法 art. 29).
        var effective: CivilDate?
        var confirmsStatusRelation: Bool?
        var confirmsOwnership: Bool?
        /// The text of the terms and the performance clause: what the agreement does.
        var terms: String
        var origin: Origin
        var effectiveOrigin: Origin
        var statusFlagOrigin: Origin?
        var ownershipFlagOrigin: Origin?
    }

    struct Confirmation: Sendable, Equatable {
        var court: String?
        var applied: CivilDate?
        var origin: Origin
        var appliedOrigin: Origin?
    }

    struct Attachment: Sendable, Equatable {
        /// 身份证明 / 授权委托书 / 证据材料 / 履行凭证 / 司法确认材料 / 其他.
        var kind: String
        var title: String
        var pages: Int?
    }

    var caseNumber: String?
    var type: String?
    /// 申请 / 主动 / 移送 / 委派 / 委托, and the body that sent the case.
    var sourceKind: String?
    var sourceBody: String?
    var parties: [Party]
    var agreement: Agreement?
    var confirmation: Confirmation?
    var attachments: [Attachment]
    /// The case's root, for findings about the case as a whole.
    var origin: Origin
}

extension PacketFacts {
    /// Reads the facts from a loaded case.
    init(_ file: CaseFile) {
        let root = file.root
        func place(_ node: XMLNode) -> Origin { Origin(location: file.location(of: node), path: file.fieldPath(of: node)) }
        func text(_ node: XMLNode?, _ name: String) -> String? {
            guard let value = node?.element(named: name)?.stringValue, !value.isEmpty else { return nil }
            return value
        }
        func flag(_ node: XMLNode?, _ name: String) -> Bool? {
            text(node, name).flatMap { $0 == "true" ? true : $0 == "false" ? false : nil }
        }
        func date(_ node: XMLNode?, _ name: String) -> CivilDate? { text(node, name).flatMap(CivilDate.init(iso:)) }
        func items(_ node: XMLNode?, _ list: String, _ item: String) -> [XMLNode] {
            node?.element(named: list)?.elements(named: item) ?? []
        }

        caseNumber = text(root, "number")
        type = text(root, "type")
        let source = root.element(named: "source")
        sourceKind = text(source, "kind")
        sourceBody = text(source, "body")
        parties = items(root, "parties", "party").map { party in
            Party(name: text(party, "name") ?? "", role: text(party, "role") ?? "当事人",
                  isOrganisation: text(party, "kind") == "organisation",
                  idNumber: text(party, "id_number"), creditCode: text(party, "credit_code"),
                  address: text(party, "address"), phone: text(party, "phone"),
                  representative: text(party.element(named: "representative"), "name"),
                  agents: items(party, "agents", "agent").map { agent in
                      Agent(name: text(agent, "name") ?? "", kind: text(agent, "kind"), idNumber: text(agent, "id_number"),
                            phone: text(agent, "phone"), authority: text(agent, "authority"),
                            mayApplyConfirmation: flag(agent, "may_apply_confirmation"), origin: place(agent))
                  },
                  origin: place(party))
        }
        agreement = root.element(named: "agreement").map { node in
            let effectiveNode = node.element(named: "effective") ?? node.element(named: "date") ?? node
            let terms = items(node, "terms", "term").compactMap { text($0, "text") } + [text(node, "performance_terms")].compactMap { $0 }
            return Agreement(number: text(node, "number"), form: text(node, "form"), date: date(node, "date"),
                             effective: date(node, "effective") ?? date(node, "date"),
                             confirmsStatusRelation: flag(node, "confirms_status_relation"),
                             confirmsOwnership: flag(node, "confirms_ownership"),
                             terms: terms.joined(separator: "\n"), origin: place(node), effectiveOrigin: place(effectiveNode),
                             statusFlagOrigin: node.element(named: "confirms_status_relation").map(place),
                             ownershipFlagOrigin: node.element(named: "confirms_ownership").map(place))
        }
        confirmation = root.element(named: "confirmation").map { node in
            Confirmation(court: text(node, "court"), applied: date(node, "applied"), origin: place(node),
                         appliedOrigin: node.element(named: "applied").map(place))
        }
        attachments = items(root, "attachments", "attachment").map { node in
            Attachment(kind: text(node, "kind") ?? "", title: text(node, "title") ?? "", pages: text(node, "pages").flatMap { Int($0) })
        }
        origin = Origin(location: file.location(of: root), path: "")
    }
}
