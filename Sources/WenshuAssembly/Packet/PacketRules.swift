import WenshuCase
import WenshuDiagnostics
import WenshuFormat
import WenshuTemplate
import WenshuXML

/// The rules a judicial-confirmation application must meet before a court accepts it (民事诉讼法 arts. 205–206 and its interpretation, docs/packet.md), as
/// small pure functions over `PacketFacts`. Each returns every finding it makes; none stops the others.
enum PacketRules {
    // MARK: The agreement

    /// There is a written agreement to confirm, and at least two parties to apply for it jointly.
    static func agreement(_ facts: PacketFacts) -> [PacketFinding] {
        var findings: [PacketFinding] = []
        if facts.parties.count < 2 {
            findings.append(PacketFinding(.oneParty, at: facts.origin, field: "parties", ["count": "\(facts.parties.count)"],
                notice: "司法确认应由调解协议的双方当事人共同申请，案件材料中当事人不足两方。"))
        }
        guard let agreement = facts.agreement else {
            findings.append(PacketFinding(.noAgreement, at: facts.origin, field: "agreement",
                notice: "案件没有人民调解协议，无可申请司法确认的内容。"))
            return findings
        }
        if agreement.form == "oral" {
            findings.append(PacketFinding(.oralAgreement, at: agreement.origin, field: "form",
                notice: "调解协议为口头协议，人民法院确认的是书面人民调解协议书，请先制作书面协议。"))
        }
        return findings
    }

    // MARK: The 30-day window

    /// The 30-day window (人民调解法 art. 33; 民事诉讼法 art. 205), counted as 民法典 arts. 201 and 203 say:
    /// an application after its last day is refused; without an application date, a note gives the last
    /// day; a window counted without a year's holiday arrangement is said to be so.
    /// - Parameter profileGiven: whether an office profile (with its holiday arrangements) was used.
    static func window(_ facts: PacketFacts, calendar: RestDayCalendar, profileGiven: Bool) -> [PacketFinding] {
        guard let agreement = facts.agreement, let effective = agreement.effective else { return [] }
        let window = ConfirmationWindow(effective: effective, calendar: calendar)
        var findings: [PacketFinding] = []
        let moved: DiagnosticArgument = window.lastDay == window.nominalLastDay ? ""
            : .phrase(PacketWording.movedToWorkingDay, ["day": "\(window.nominalLastDay)"])
        let movedNotice = window.lastDay == window.nominalLastDay ? ""
            : "（第三十日\(ChineseDate.arabic(window.nominalLastDay))为法定休假日，期限顺延至其后的第一个工作日）"
        if let applied = facts.confirmation?.applied, let origin = facts.confirmation?.appliedOrigin {
            if !window.isTimely(applied) {
                let day = applied.dayNumber - effective.dayNumber
                findings.append(PacketFinding(.window, at: origin,
                    ["applied": "\(applied)", "day": "\(day)", "effective": "\(effective)", "lastDay": "\(window.lastDay)",
                     "moved": moved],
                    notice: "申请超过法定期限：调解协议于\(ChineseDate.arabic(effective))生效，应自生效之日起三十日内共同申请司法确认，期限至\(ChineseDate.arabic(window.lastDay))届满\(movedNotice)；本申请于\(ChineseDate.arabic(applied))提出，已超过期限（《中华人民共和国人民调解法》第三十三条、《中华人民共和国民事诉讼法》第二百零五条）。"))
            }
        } else {
            let origin = facts.confirmation?.origin ?? agreement.effectiveOrigin
            findings.append(PacketFinding(.windowOpen, at: origin, field: facts.confirmation == nil ? nil : "applied",
                ["lastDay": "\(window.lastDay)", "effective": "\(effective)", "moved": moved],
                notice: "申请期限：调解协议于\(ChineseDate.arabic(effective))生效，双方当事人应于\(ChineseDate.arabic(window.lastDay))前（含当日）共同申请司法确认\(movedNotice)。"))
        }
        if !window.yearsWithoutArrangement.isEmpty {
            let years = window.yearsWithoutArrangement.map(String.init)
            let why: DiagnosticArgument = profileGiven
                ? .phrase(PacketWording.profileLacksYears, ["years": .list(years)]) : .phrase(PacketWording.noProfile)
            let origin = facts.confirmation?.appliedOrigin ?? agreement.effectiveOrigin
            findings.append(PacketFinding(.holidaysUnknown, at: origin, ["why": why],
                notice: "计算申请期限时未掌握\(window.yearsWithoutArrangement.map { "\($0)年" }.joined(separator: "、"))国务院节假日安排，仅以周六、周日为休息日，请核对期限。"))
        }
        return findings
    }

    // MARK: What the agreement does

    /// The flags a dispute type must answer, because its agreements may do what courts do not confirm.
    /// The table is data: a type not listed is not asked about.
    static let exclusionQuestions: [String: [ExclusionFlag]] = [
        "婚姻家庭": [.statusRelation, .ownership],
        "房屋宅基地": [.ownership],
        "山林土地": [.ownership],
        "征地拆迁": [.ownership],
    ]

    enum ExclusionFlag: String, Sendable {
        case statusRelation = "confirms_status_relation"
        case ownership = "confirms_ownership"
    }

    /// Courts do not confirm agreements that confirm a status relation or the ownership of property or
    /// intellectual-property rights. This turns on the agreement's flags, not on the dispute type; a type
    /// whose agreements may do so, without the flag, gets a question (a warning), not a refusal.
    static func exclusions(_ facts: PacketFacts) -> [PacketFinding] {
        guard let agreement = facts.agreement else { return [] }
        var findings: [PacketFinding] = []
        if agreement.confirmsStatusRelation == true {
            findings.append(PacketFinding(.excludedStatus, at: agreement.statusFlagOrigin ?? agreement.origin,
                notice: "调解协议内容涉及确认婚姻、亲子、收养等身份关系，不属于人民法院司法确认的受理范围。"))
        }
        if agreement.confirmsOwnership == true {
            findings.append(PacketFinding(.excludedOwnership, at: agreement.ownershipFlagOrigin ?? agreement.origin,
                notice: "调解协议内容涉及确认物权或者知识产权的归属，不属于人民法院司法确认的受理范围。"))
        }
        guard let type = facts.type else { return findings }
        for flag in exclusionQuestions[type] ?? [] {
            switch flag {
            case .statusRelation where agreement.confirmsStatusRelation == nil:
                findings.append(PacketFinding(.exclusionUnknown, at: agreement.origin, field: flag.rawValue, ["type": "\(type)"],
                    notice: "本案为\(type)纠纷，案件材料未载明调解协议是否确认身份关系，请核实：仅涉及抚养费、赡养费等给付内容的可以申请司法确认，确认婚姻、亲子、收养关系的不予受理。"))
            case .ownership where agreement.confirmsOwnership == nil:
                findings.append(PacketFinding(.exclusionUnknown, at: agreement.origin, field: flag.rawValue, ["type": "\(type)"],
                    wording: PacketWording.ownershipUnknown,
                    notice: "本案为\(type)纠纷，案件材料未载明调解协议是否确认物权归属，请核实：确认物权或者知识产权归属的协议不予受理。"))
            default:
                break
            }
        }
        return findings
    }

    // MARK: The applicants

    /// Each party's identity, address and contact, and each applying agent's identity and contact: the
    /// court records them and checks them against the identity papers. A party without a phone of its own
    /// is reached through an agent's (a child through a parent).
    static func identity(_ facts: PacketFacts) -> [PacketFinding] {
        var findings: [PacketFinding] = []
        func missing(_ field: String, _ what: String, _ label: String, of who: String, whoNotice: String,
                     at origin: PacketFacts.Origin) {
            // The sentence names the person and the field in each language's own words.
            findings.append(PacketFinding(.missingIdentity, at: origin, field: field,
                ["who": .localized(en: who, zh: whoNotice), "what": .localized(en: what, zh: label)],
                notice: "\(whoNotice)的\(label)未填写。人民法院需要核对每位申请人的身份、住所和联系方式。"))
        }
        for party in facts.parties {
            let who = "\(party.name) (\(party.role))", whoNotice = "当事人\(party.name)"
            let phone = party.phone ?? party.agents.compactMap(\.phone).first
            if party.isOrganisation {
                if party.creditCode == nil { missing("credit_code", "unified social credit code", "统一社会信用代码", of: who, whoNotice: whoNotice, at: party.origin) }
                if party.representative == nil { missing("representative.name", "legal representative", "法定代表人（负责人）", of: who, whoNotice: whoNotice, at: party.origin) }
            } else if party.idNumber == nil {
                missing("id_number", "ID number", "身份证件号码", of: who, whoNotice: whoNotice, at: party.origin)
            }
            if party.address == nil { missing("address", "address", party.isOrganisation ? "住所" : "住址", of: who, whoNotice: whoNotice, at: party.origin) }
            if phone == nil { missing("phone", "phone (nor has an agent)", "联系电话", of: who, whoNotice: whoNotice, at: party.origin) }
            for agent in party.applyingAgents {
                let who = "\(agent.name) (\(agent.kindLabel) of \(party.name))", whoNotice = "\(party.name)的\(agent.kindLabel)\(agent.name)"
                if agent.idNumber == nil { missing("id_number", "ID number", "身份证件号码", of: who, whoNotice: whoNotice, at: agent.origin) }
                if agent.phone == nil { missing("phone", "phone", "联系电话", of: who, whoNotice: whoNotice, at: agent.origin) }
            }
        }
        return findings
    }

    /// An agent among the applicants needs authority to apply: a statutory agent (法定代理人) has it by
    /// law; an appointed one (委托代理人) needs 特别授权 in a power of attorney the party signed. An agent
    /// the case keeps out (`may_apply_confirmation: false`) needs none: the party applies in person.
    static func agentAuthority(_ facts: PacketFacts) -> [PacketFinding] {
        facts.parties.flatMap { party in
            party.applyingAgents.compactMap { agent -> PacketFinding? in
                guard !agent.isStatutory, agent.authority != "特别授权" else { return nil }
                let has: DiagnosticArgument = agent.authority.map { .phrase(PacketWording.hasAuthority, ["authority": "\($0)"]) }
                    ?? .phrase(PacketWording.noAuthority)
                let hasNotice = agent.authority.map { "仅有\($0)" } ?? "未载明代理权限"
                return PacketFinding(.agentAuthority, at: agent.origin, field: "authority",
                    ["agent": "\(agent.name)", "kind": "\(agent.kindLabel)", "party": "\(party.name)", "has": has],
                    notice: "\(party.name)的\(agent.kindLabel)\(agent.name)\(hasNotice)。委托他人代为申请司法确认的，应当提交委托人签名或者盖章的特别授权委托书。")
            }
        }
    }

    // MARK: The court

    /// The receiving court: without one the application's court line is left for handwriting; a case a
    /// court referred (委派, 委托) goes back to that court (民事诉讼法 art. 205(1)).
    static func court(_ facts: PacketFacts) -> [PacketFinding] {
        guard let court = facts.confirmation?.court else {
            return [PacketFinding(.noCourt, at: facts.confirmation?.origin ?? facts.origin, field: "confirmation",
                notice: "案件材料未载明受理法院，申请书中的法院名称需手工填写：人民法院邀请调解的，向作出邀请的人民法院提出；否则向当事人住所地、标的物所在地、调解组织所在地的基层人民法院提出。")]
        }
        guard let body = facts.sourceBody, body.contains("法院"), ["委派", "委托"].contains(facts.sourceKind ?? ""),
              body != court, let origin = facts.confirmation?.origin else { return [] }
        return [PacketFinding(.court, at: origin, field: "court",
            ["body": "\(body)", "sourceKind": "\(facts.sourceKind ?? "")", "court": "\(court)"],
            notice: "本案系\(body)\(facts.sourceKind ?? "")调解的案件，应向作出邀请的\(body)申请司法确认，而非\(court)。")]
    }
}
