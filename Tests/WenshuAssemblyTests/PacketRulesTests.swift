import XCTest
import WenshuCase
import WenshuXML
@testable import WenshuAssembly

/// The court's rules (民事诉讼法 arts. 205–206 and its interpretation, docs/packet.md) as tables: each row is the specification of one case.
final class PacketRulesTests: XCTestCase {
    /// The 30-day window with the example office's 2026 holiday arrangement. Day of effect not counted;
    /// a 30th day on a rest day moves to the next working day; a make-up working Saturday does not move it.
    func testWindowTable() {
        let rows: [(effective: String, applied: String, refused: Bool, why: String)] = [
            ("2026-03-10", "2026-03-16", false, "day 6"),
            ("2026-03-10", "2026-04-09", false, "day 30, a Thursday: the last day"),
            ("2026-03-10", "2026-04-10", true, "day 31"),
            ("2026-03-07", "2026-04-07", false, "day 30 is 2026-04-06, in 清明节: the window runs to Tuesday 04-07"),
            ("2026-03-07", "2026-04-08", true, "the day after the moved last day"),
            ("2026-09-05", "2026-10-08", false, "day 30 is 10-05, in 国庆节 (10-01–10-07): the last day is 10-08"),
            ("2026-09-05", "2026-10-09", true, "after the moved last day"),
            ("2026-09-10", "2026-10-10", false, "day 30 is Saturday 10-10, a make-up working day: no extension"),
            ("2026-09-10", "2026-10-11", true, "Sunday 10-11 is a day too late"),
            ("2026-01-05", "2026-02-04", false, "day 30, a Wednesday"),
        ]
        for row in rows {
            let facts = PacketFacts.sample(agreement: .agreement(effective: row.effective), applied: row.applied)
            let findings = PacketRules.window(facts, calendar: PacketFixtures.calendar, profileGiven: true)
            XCTAssertEqual(findings.map(\.id), row.refused ? ["packet.window"] : [], row.why)
        }
    }

    func testALateApplicationNamesTheDatesAndTheRule() throws {
        let facts = PacketFacts.sample(agreement: .agreement(effective: "2026-03-07"), applied: "2026-04-08")
        let finding = try XCTUnwrap(PacketRules.window(facts, calendar: PacketFixtures.calendar, profileGiven: true).first)
        XCTAssertEqual(finding.severity, .error)
        XCTAssertEqual(finding.diagnostic.location, SourceLocation(file: "case.xml", line: 7))
        XCTAssertEqual(finding.diagnostic.subject, "confirmation.applied")
        for date in ["2026-03-07", "2026-04-07", "2026-04-08", "2026-04-06"] {
            XCTAssertTrue(finding.diagnostic.message.contains(date), "\(date) in \(finding.diagnostic.message)")
        }
        XCTAssertTrue(finding.notice.contains("2026年4月7日届满"), finding.notice)
        XCTAssertTrue(finding.notice.contains("第三十三条"), finding.notice)
        XCTAssertTrue(finding.overridable)
    }

    /// Without the holiday arrangement the window counts weekends only, and a note says public holidays were
    /// not known: 10-05 is a Monday, so 10-08 is late there although it is in time with the arrangement.
    func testWithoutAnArrangementOnlyWeekendsRestAndANoteSaysSo() {
        let facts = PacketFacts.sample(agreement: .agreement(effective: "2026-09-05"), applied: "2026-10-08")
        let findings = PacketRules.window(facts, calendar: .weekendsOnly, profileGiven: false)
        XCTAssertEqual(findings.map(\.id), ["packet.window", "packet.holidays-unknown"])
        XCTAssertEqual(findings.map(\.severity), [.error, .note])
        XCTAssertTrue(findings[1].diagnostic.message.contains("no office profile"))

        let nextYear = PacketFacts.sample(agreement: .agreement(effective: "2026-12-20"), applied: "2027-01-05")
        let notes = PacketRules.window(nextYear, calendar: PacketFixtures.calendar, profileGiven: true)
        XCTAssertEqual(notes.map(\.id), ["packet.holidays-unknown"])
        XCTAssertTrue(notes[0].diagnostic.message.contains("no holiday arrangement for 2027"), notes[0].diagnostic.message)
    }

    func testWithoutAnApplicationDateANoteGivesTheLastDay() {
        let facts = PacketFacts.sample(agreement: .agreement(effective: "2026-03-07"), applied: nil)
        let findings = PacketRules.window(facts, calendar: PacketFixtures.calendar, profileGiven: true)
        XCTAssertEqual(findings.map(\.id), ["packet.window-open"])
        XCTAssertEqual(findings[0].severity, .note)
        XCTAssertTrue(findings[0].diagnostic.message.contains("by 2026-04-07"), findings[0].diagnostic.message)
        XCTAssertTrue(findings[0].notice.contains("2026年4月7日前"), findings[0].notice)
    }

    /// What the agreement does decides, not the dispute type; a type whose agreements may confirm a status
    /// relation or ownership is asked about a missing flag.
    func testExclusionTable() {
        let rows: [(type: String, status: Bool?, ownership: Bool?, expected: [String])] = [
            ("道路交通事故", false, false, []),
            ("道路交通事故", nil, nil, []),
            ("婚姻家庭", false, false, []),
            ("婚姻家庭", true, false, ["packet.excluded-status agreement.confirms_status_relation"]),
            ("婚姻家庭", nil, false, ["packet.exclusion-unknown agreement.confirms_status_relation"]),
            ("婚姻家庭", nil, nil, ["packet.exclusion-unknown agreement.confirms_status_relation",
                                   "packet.exclusion-unknown agreement.confirms_ownership"]),
            ("山林土地", false, true, ["packet.excluded-ownership agreement.confirms_ownership"]),
            ("房屋宅基地", nil, nil, ["packet.exclusion-unknown agreement.confirms_ownership"]),
            ("征地拆迁", false, nil, ["packet.exclusion-unknown agreement.confirms_ownership"]),
            ("合同", true, true, ["packet.excluded-status agreement.confirms_status_relation",
                                 "packet.excluded-ownership agreement.confirms_ownership"]),
        ]
        for row in rows {
            let facts = PacketFacts.sample(type: row.type, agreement: .agreement(status: row.status, ownership: row.ownership))
            let findings = PacketRules.exclusions(facts)
            XCTAssertEqual(findings.summary, row.expected, "\(row)")
            for finding in findings {
                XCTAssertEqual(finding.severity, finding.id == "packet.exclusion-unknown" ? .warning : .error, "\(row)")
            }
        }
    }

    /// An agent among the applicants (not kept out by `may_apply_confirmation: false`) needs 特别授权,
    /// unless a statutory agent.
    func testAgentAuthorityTable() {
        let rows: [(kind: String?, authority: String?, mayApply: Bool?, refused: Bool)] = [
            ("委托代理人", "特别授权", true, false),
            ("委托代理人", "特别授权", nil, false),
            ("委托代理人", "特别授权", false, false),
            ("委托代理人", "一般授权", true, true),
            ("委托代理人", "一般授权", nil, true),
            ("委托代理人", "一般授权", false, false),
            ("委托代理人", nil, true, true),
            (nil, nil, nil, true),
            ("委托代理人", nil, false, false),
            ("法定代理人", nil, true, false),
            ("法定代理人", nil, nil, false),
        ]
        for row in rows {
            let agent = PacketFacts.Agent.agent("周敏", kind: row.kind, authority: row.authority, mayApply: row.mayApply)
            let facts = PacketFacts.sample(parties: [.person("王建国", agents: [agent]), .person("李明", path: "parties[2]")])
            XCTAssertEqual(PacketRules.agentAuthority(facts).summary,
                           row.refused ? ["packet.agent-authority parties[1].agents[1].authority"] : [], "\(row)")
        }
    }

    func testMissingIdentityNamesThePartyOrAgentAndTheField() {
        let agent = PacketFacts.Agent.agent("周敏", idNumber: nil)
        let kept = PacketFacts.Agent.agent("邓文博", authority: "一般授权", mayApply: false, idNumber: nil, phone: nil, path: "parties[1].agents[2]")
        let child = PacketFacts.Party.person("孙浩然", phone: nil, agents: [.agent("李雪", kind: "法定代理人", authority: nil)])
        let facts = PacketFacts.sample(parties: [
            .person("王建国", agents: [agent, kept]),
            .person("李明", role: "被申请人", idNumber: nil, address: nil, phone: nil, path: "parties[2]"),
            PacketFacts.Party(name: "某物业公司", role: "第三人", isOrganisation: true, idNumber: nil, creditCode: nil,
                              address: "杭州", phone: "0571-87654321", representative: nil, agents: [],
                              origin: PacketFacts.origin("parties[3]")),
            child,
        ])
        let findings = PacketRules.identity(facts)
        XCTAssertEqual(findings.summary, [
            "packet.missing-identity parties[1].agents[1].id_number",
            "packet.missing-identity parties[2].id_number",
            "packet.missing-identity parties[2].address",
            "packet.missing-identity parties[2].phone",
            "packet.missing-identity parties[3].credit_code",
            "packet.missing-identity parties[3].representative.name",
        ], "an agent kept out needs nothing; a child is reached through the parent's phone")
        XCTAssertTrue(findings[0].diagnostic.message.contains("周敏"))
        XCTAssertTrue(findings[1].diagnostic.message.contains("李明"))
        XCTAssertTrue(findings[1].notice.contains("李明的身份证件号码"), findings[1].notice)
        XCTAssertTrue(findings.allSatisfy { $0.severity == .error && $0.overridable })
    }

    func testAgreementRules() {
        XCTAssertEqual(PacketRules.agreement(.sample()).map(\.id), [])
        let none = PacketRules.agreement(.sample(agreement: nil))
        XCTAssertEqual(none.map(\.id), ["packet.no-agreement"])
        XCTAssertFalse(none[0].overridable, "nothing to confirm, force or not")
        let oral = PacketRules.agreement(.sample(agreement: .agreement(form: "oral")))
        XCTAssertEqual(oral.summary, ["packet.oral-agreement agreement.form"])
        XCTAssertFalse(oral[0].overridable)
        XCTAssertEqual(PacketRules.agreement(.sample(parties: [.person("王建国")])).map(\.id), ["packet.one-party"])
    }

    func testTheCourt() {
        XCTAssertEqual(PacketRules.court(.sample()).map(\.id), [])
        let none = PacketRules.court(.sample(applied: nil, court: nil))
        XCTAssertEqual(none.map(\.id), ["packet.no-court"])
        XCTAssertEqual(none[0].severity, .warning)
        var referred = PacketFacts.sample(court: "杭州市西湖区人民法院")
        referred.sourceKind = "委派"
        referred.sourceBody = "杭州市余杭区人民法院"
        XCTAssertEqual(PacketRules.court(referred).map(\.id), ["packet.court"])
        referred.confirmation?.court = "杭州市余杭区人民法院"
        XCTAssertEqual(PacketRules.court(referred).map(\.id), [])
    }
}
