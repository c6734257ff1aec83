import WenshuDiagnostics

/// The materials a court needs with an application for judicial confirmation (民事诉讼法 arts. 205–206 and its interpretation, docs/packet.md; 民事诉讼法
/// art. 205 and the SPC's rules): the application, the agreement and the committee's certificate (the
/// packet's own parts), each party's and each applying agent's identity papers, the agents' authority,
/// and the property-right proofs the agreement calls for — matched against the papers the case lists as
/// attachments, so the checklist can say plainly what is there and what is missing.
///
/// Attachments carry no link to a person, so they are matched by their titles (docs/packet.md):
/// - a person's identity paper: kind 身份证明, the title names the person (王建国居民身份证复印件);
/// - an organisation's: kind 身份证明, the title names it or its representative, or is an organisation's
///   paper (营业执照, 法人证书, 登记证书, 法定代表人身份证明, 负责人身份证明);
/// - an appointed agent's authority: kind 授权委托书, the title names the agent or the party; without one
///   the packet prints a 授权委托书 filled from the agent's data for the party to sign;
/// - a statutory agent's authority: a paper naming the agent or the party that proves the guardianship
///   (户口, 出生, 监护, 亲属关系);
/// - property-right proofs, when the agreement's terms deal with property (房屋, 土地, 车辆, 股权 …): a
///   paper whose title is a proof of right (权属, 产权, 不动产权, 房产证, 土地使用权, 林权, 登记证 …).
/// Other evidence the case attaches (证据材料, 其他) is listed as attached; receipts of performance and
/// papers the court itself issued are not part of an application.
struct PacketMaterials: Sendable {
    struct Material: Sendable, Equatable {
        enum Source: Sendable, Equatable {
            /// A part of the packet itself, by section id.
            case packet(section: String)
            /// The 授权委托书 the packet prints filled from the agent's data for the party to sign, when the
            /// case attaches no signed one: the `attorney`th (from 1) of the form's documents.
            case toSign(attorney: Int)
            case attached([PacketFacts.Attachment])
            case missing
        }

        /// What the court needs, e.g. 申请人王建国的身份证明.
        var title: String
        var source: Source
        /// The finding for a missing material (nil when present).
        var finding: PacketFinding?
    }

    var items: [Material]

    /// The section of the placeholder pages of paper `k` (from 1) attached for checklist row `row`.
    static func placeholderSection(_ row: Int, _ k: Int) -> String { "material-\(row)-\(k)" }

    var missing: [Material] { items.filter { $0.source == .missing } }
    var findings: [PacketFinding] { items.compactMap(\.finding) }

    /// Words in a title that mark an organisation's own identity papers.
    static let organisationPapers = ["营业执照", "法人证书", "登记证书", "法定代表人身份证明", "负责人身份证明"]
    /// Words in a title that mark a proof of guardianship.
    static let guardianshipPapers = ["户口", "出生", "监护", "亲属关系"]
    /// Words in the agreement's terms that mean it deals with property whose right a court would check.
    static let propertyWords = ["房屋", "房产", "不动产", "土地", "宅基地", "承包经营权", "林地", "林木", "车辆", "机动车",
                                "股权", "商标", "专利", "著作权"]
    /// Words in a title that mark a proof of a property right.
    static let propertyProofs = ["权属", "产权", "不动产权", "房产证", "房屋所有权", "土地使用权", "承包经营权证", "林权",
                                 "登记证", "行驶证", "股权证明", "权利证书"]
    /// Attachment kinds an application carries (not receipts of performance, nor the court's own papers).
    static let applicationKinds: Set<String> = ["身份证明", "授权委托书", "证据材料", "其他"]

    /// The materials for `facts`, in the order a court clerk checks them.
    init(_ facts: PacketFacts) {
        var items: [Material] = [
            Material(title: "司法确认申请书", source: .packet(section: PacketPart.application.rawValue)),
            Material(title: "人民调解协议书", source: .packet(section: PacketPart.agreement.rawValue)),
            Material(title: "调解组织主持调解的证明", source: .packet(section: PacketPart.certificate.rawValue)),
        ]
        let offered = facts.attachments.filter { Self.applicationKinds.contains($0.kind) }
        var used: [PacketFacts.Attachment] = []
        func material(_ title: String, matching: (PacketFacts.Attachment) -> Bool, at origin: PacketFacts.Origin,
                      id: PacketID = .missingMaterial, _ arguments: [String: DiagnosticArgument], wording: Phrase? = nil) {
            let found = offered.filter(matching)
            used += found
            let finding = found.isEmpty
                ? PacketFinding(id, at: origin, arguments, wording: wording, notice: "缺\(title)。") : nil
            items.append(Material(title: title, source: found.isEmpty ? .missing : .attached(found), finding: finding))
        }
        func names(_ title: String, _ name: String?) -> Bool { name.map { !$0.isEmpty && title.contains($0) } ?? false }

        // The 授权委托书 the packet fills are one per 委托代理人 in case order (the form's for-each): the
        // ordinal names the section each lands in.
        var attorneyOrdinal = 0
        for party in facts.parties {
            if party.isOrganisation {
                material("申请人\(party.name)的主体资格证明及\(party.representative.map { "法定代表人\($0)" } ?? "法定代表人")的身份证明",
                         matching: { $0.kind == "身份证明" && (names($0.title, party.name) || names($0.title, party.representative)
                                        || Self.organisationPapers.contains(where: $0.title.contains)) },
                         at: party.origin,
                         ["name": "\(party.name)"], wording: PacketWording.organisationPapers)
            } else {
                material("申请人\(party.name)的身份证明", matching: { $0.kind == "身份证明" && names($0.title, party.name) },
                         at: party.origin,
                         ["name": "\(party.name)"])
            }
            for agent in party.agents {
                if !agent.isStatutory { attorneyOrdinal += 1 }
                guard agent.applies else { continue }
                material("\(agent.kindLabel)\(agent.name)的身份证明", matching: { $0.kind == "身份证明" && names($0.title, agent.name) },
                         at: agent.origin,
                         ["agent": "\(agent.name)", "kind": "\(agent.kindLabel)", "party": "\(party.name)"],
                         wording: PacketWording.agentIdentity)
                if agent.isStatutory {
                    material("\(agent.name)与\(party.name)的监护关系证明",
                             matching: { (names($0.title, agent.name) || names($0.title, party.name))
                                 && Self.guardianshipPapers.contains(where: $0.title.contains) },
                             at: agent.origin,
                             ["agent": "\(agent.name)", "party": "\(party.name)"], wording: PacketWording.guardianship)
                } else {
                    let title = "\(party.name)出具的授权委托书（\(agent.name)，特别授权）"
                    let signed = offered.filter { $0.kind == "授权委托书" && (names($0.title, agent.name) || names($0.title, party.name)) }
                    used += signed
                    items.append(Material(title: title, source: signed.isEmpty
                                          ? .toSign(attorney: attorneyOrdinal) : .attached(signed)))
                }
            }
        }
        items.append(Material(title: "各申请人的送达地址确认书", source: .packet(section: PacketPart.serviceAddress.rawValue)))

        if let agreement = facts.agreement {
            let property = Self.propertyWords.filter(agreement.terms.contains)
            if !property.isEmpty {
                material("与调解协议相关的财产权利证明（协议涉及\(property.joined(separator: "、"))）",
                         matching: { attachment in Self.propertyProofs.contains(where: attachment.title.contains) },
                         at: agreement.origin, id: .propertyProof,
                         ["property": .list(property)])
            }
        }

        let others = offered.filter { !used.contains($0) && ($0.kind == "证据材料" || $0.kind == "其他") }
        if !others.isEmpty { items.append(Material(title: "其他证据材料", source: .attached(others))) }
        self.items = items
    }
}
