import WenshuCase
import WenshuDocument
import XCTest
@testable import WenshuAssembly

final class SubsidyRulesTests: XCTestCase {
    static let rules = SubsidyRules(rates: [
        .init(level: "村(居)", grade: "一般", amount: Amount(fen: 3000), requiredMaterials: ["人民调解受理登记表", "人民调解协议书"]),
        .init(level: "村(居)", grade: "疑难", amount: Amount(fen: 8000),
              requiredMaterials: ["人民调解受理登记表", "人民调解记录", "人民调解协议书", "人民调解回访记录"]),
        .init(level: "乡镇(街道)", grade: "重大", amount: Amount(fen: 40000),
              requiredMaterials: ["人民调解申请书", "人民调解调查记录", "人民调解协议书", "卷宗封面"]),
    ])

    /// A village case that qualifies: dossier, success, performed, the materials of its rate, a mediator.
    static let qualifying = CaseFacts(
        file: "q.yaml", number: "（2026）溪调字第3号", accepted: .init(iso: "2026-01-12"), type: "邻里", grade: "一般",
        committee: "溪口村人民调解委员会", committeeLevel: "村(居)",
        mediators: [.init(name: "王芳", presides: false), .init(name: "赵刚", presides: true)],
        outcome: "调解成功", agreementForm: .written, performance: "已履行", visits: 1, dossierNumber: "（2026）溪人调卷字第3号",
        materials: ["人民调解受理登记表", "人民调解记录", "人民调解协议书", "人民调解回访记录"])

    /// The specification: a change to a qualifying case, and the reasons (by id) it then does not qualify.
    func testEligibility() {
        typealias Change = (inout CaseFacts) -> Void
        let table: [(String, Change, [String])] = [
            ("qualifies", { _ in }, []),
            ("no dossier", { $0.dossierNumber = nil }, ["subsidy.no-dossier"]),
            ("empty dossier number", { $0.dossierNumber = "" }, ["subsidy.no-dossier"]),
            ("mediation failed", { $0.outcome = "调解不成功"; $0.agreementForm = nil; $0.performance = nil },
             ["subsidy.not-successful"]),
            ("terminated", { $0.outcome = "终止调解"; $0.performance = nil }, ["subsidy.not-successful"]),
            ("still being mediated", { $0.outcome = nil; $0.performance = nil }, ["subsidy.not-successful"]),
            ("partly performed", { $0.performance = "部分履行" }, ["subsidy.not-performed"]),
            ("not performed", { $0.performance = "未履行" }, ["subsidy.not-performed"]),
            ("performance not recorded", { $0.performance = nil }, ["subsidy.not-performed"]),
            ("all three pillars fail, all said at once", { $0.dossierNumber = nil; $0.outcome = "调解不成功" },
             ["subsidy.no-dossier", "subsidy.not-successful"]),
            ("no grade", { $0.grade = nil }, ["subsidy.no-grade"]),
            ("no committee level", { $0.committeeLevel = nil }, ["subsidy.no-committee-level"]),
            ("no rate for this grade and level", { $0.committeeLevel = "企事业" }, ["subsidy.no-rate"]),
            ("a harder grade needs the follow-up record", { $0.grade = "疑难"; $0.materials.remove("人民调解回访记录") },
             ["subsidy.missing-materials"]),
            ("no mediator named", { $0.mediators = [] }, ["subsidy.no-mediator"]),
            ("unperformed and no dossier", { $0.performance = "未履行"; $0.dossierNumber = nil },
             ["subsidy.no-dossier", "subsidy.not-performed"]),
        ]
        for (name, change, expected) in table {
            var c = Self.qualifying
            change(&c)
            let decision = Self.rules.decide(c)
            XCTAssertEqual(decision.reasons.map(\.id), expected, name)
            XCTAssertEqual(decision.qualifies, expected.isEmpty, name)
            XCTAssertEqual(decision.amount, expected.isEmpty ? decision.rate?.amount : .zero, name)
        }
    }

    /// A requirement written as alternatives (人民调解申请书或人民调解受理登记表) is met by either paper.
    func testAlternativeMaterials() {
        let rules = SubsidyRules(rates: [.init(level: "村(居)", grade: "一般", amount: Amount(fen: 3000),
                                               requiredMaterials: ["人民调解申请书或人民调解受理登记表", "收条或汇款单等履行凭证"])])
        var c = Self.qualifying
        c.materials = ["人民调解受理登记表"]
        XCTAssertEqual(rules.decide(c).reasons, [])
        c.materials = ["人民调解申请书"]
        XCTAssertEqual(rules.decide(c).reasons, [])
        c.materials = []
        XCTAssertEqual(rules.decide(c).reasons, [.missingMaterials(["人民调解申请书或人民调解受理登记表"])])
        XCTAssertEqual(rules.uncheckedMaterials, ["收条或汇款单等履行凭证"])
    }

    func testRatesDependOnGradeAndLevel() {
        var c = Self.qualifying
        XCTAssertEqual(Self.rules.decide(c).amount, Amount(fen: 3000))
        c.grade = "疑难"
        XCTAssertEqual(Self.rules.decide(c).amount, Amount(fen: 8000))
    }

    func testReasonsNameWhatIsMissing() {
        var c = Self.qualifying
        c.grade = "疑难"
        c.materials = ["人民调解受理登记表", "人民调解协议书"]
        c.performance = "部分履行"
        XCTAssertEqual(Self.rules.decide(c).reasons, [.notPerformed(status: "部分履行"),
                                                      .missingMaterials(["人民调解记录", "人民调解回访记录"])])
        XCTAssertEqual(SubsidyReason.missingMaterials(["人民调解回访记录"]).explanation, "缺少材料：人民调解回访记录")
        XCTAssertEqual(SubsidyReason.notPerformed(status: "部分履行").explanation, "协议未履行完毕（部分履行）")
    }

    /// 谁调解，补助谁: the presiding mediator receives the whole amount; the first named when no one presides.
    func testThePresidingMediatorIsPaid() {
        var c = Self.qualifying
        XCTAssertEqual(Self.rules.decide(c).recipient?.name, "赵刚")
        c.mediators = [.init(name: "王芳", presides: false), .init(name: "李强", presides: false)]
        XCTAssertEqual(Self.rules.decide(c).recipient?.name, "王芳")
    }

    /// A material the case data cannot show is reported as unchecked, not held against every case.
    func testUncheckableMaterialsAreListedNotRefused() {
        XCTAssertEqual(Self.rules.uncheckedMaterials, ["卷宗封面"])
        var c = Self.qualifying
        c.grade = "重大"
        c.committeeLevel = "乡镇(街道)"
        c.materials = ["人民调解申请书", "人民调解调查记录", "人民调解协议书"]
        XCTAssertEqual(Self.rules.decide(c).reasons, [])
    }

    func testReportCountsByGradeTimesRateAndListsRefusedCases() {
        var second = Self.qualifying
        second.number = "（2026）溪调字第10号"
        var hard = Self.qualifying
        hard.number = "（2026）溪调字第4号"
        hard.grade = "疑难"
        var otherMediator = Self.qualifying
        otherMediator.number = "（2026）溪调字第5号"
        otherMediator.mediators = [.init(name: "王芳", presides: true)]
        var refused = Self.qualifying
        refused.number = "（2026）溪调字第6号"
        refused.performance = "部分履行"
        var outOfPeriod = Self.qualifying
        outOfPeriod.number = "（2026）溪调字第7号"
        outOfPeriod.accepted = .init(iso: "2026-07-01")

        let report = SubsidyReport(cases: [second, refused, Self.qualifying, hard, otherMediator, outOfPeriod],
                                   rules: Self.rules,
                                   filter: LedgerFilter(since: .init(iso: "2026-01-01"), until: .init(iso: "2026-06-30")))
        XCTAssertEqual(report.lines.map { "\($0.mediator) \($0.grade) \($0.count)×\($0.rate.fen)=\($0.amount.fen)" },
                       ["王芳 一般 1×3000=3000", "赵刚 一般 2×3000=6000", "赵刚 疑难 1×8000=8000"])
        XCTAssertEqual(report.lines[1].cases, ["（2026）溪调字第3号", "（2026）溪调字第10号"])
        XCTAssertEqual(report.total, Amount(fen: 17000))
        XCTAssertEqual(report.refused.map(\.facts.number), ["（2026）溪调字第6号"])

        let csv = report.csvRecords()
        XCTAssertEqual(csv.dropFirst().map { $0[0] }, ["（2026）溪调字第3号", "（2026）溪调字第4号", "（2026）溪调字第5号",
                                                      "（2026）溪调字第6号", "（2026）溪调字第10号"])
        XCTAssertEqual(csv.dropFirst().map { $0[7] }, ["30.00", "80.00", "30.00", "0.00", "30.00"])
        XCTAssertEqual(csv[4][8], "协议未履行完毕（部分履行）")

        let text = plainText(report.document())
        XCTAssertTrue(text.contains("¥170.00"), "the total prints as a ¥ figure")
        XCTAssertTrue(text.contains("协议未履行完毕（部分履行）"))
        XCTAssertTrue(text.contains("卷宗封面"), "unchecked materials are said")
    }
}

/// The rates follow the dossier model: a requirement naming a model row is met by any form of that row.
final class SubsidyModelRowTests: XCTestCase {
    func testARequirementNamingAModelRowTakesAnyOfItsForms() {
        let model = DossierModel(rows: [
            .init(position: 1, title: "受理材料", required: true, forms: ["人民调解申请书", "人民调解受理登记表"]),
        ])
        let rules = SubsidyRules(rates: [.init(level: "村(居)", grade: "一般", amount: Amount(fen: 3000),
                                               requiredMaterials: ["受理材料"])], model: model)
        var c = SubsidyRulesTests.qualifying
        c.materials = ["人民调解受理登记表"]
        XCTAssertEqual(rules.decide(c).reasons, [])
        c.materials = []
        XCTAssertEqual(rules.decide(c).reasons, [.missingMaterials(["受理材料"])])
        XCTAssertEqual(rules.uncheckedMaterials, [])
    }

    /// The two examples a police station and a petition office sent (移送: no application) are not refused for
    /// lacking a 申请书 under the example profile, and no example is refused for a paper its dossier's first row
    /// does not ask for.
    func testReferredExamplesAreNotRefusedForLackingAnApplication() throws {
        let (profile, _) = OfficeProfile.load(Repository.examples.appendingPathComponent("office.yaml"))
        let rules = SubsidyRules(profile: try XCTUnwrap(profile))
        let facts = try StatisticsExamplesTests.facts()
        let referred = facts.filter { $0.sourceKind == "移送" }
        XCTAssertEqual(referred.count, 2)
        for c in facts {
            for reason in rules.decide(c).reasons {
                if case .missingMaterials(let titles) = reason {
                    XCTAssertFalse(titles.contains("人民调解申请书"), c.file)
                    XCTAssertFalse(titles.contains("人民调解申请书或人民调解受理登记表") && c.materials.contains("人民调解受理登记表"), c.file)
                }
            }
        }
        // Under the old reading (申请书 required on its own) the referred cases were refused for it.
        let old = SubsidyRules(rates: rules.rates.map { rate in
            var rate = rate
            rate.requiredMaterials = rate.requiredMaterials.flatMap { $0 == "人民调解申请书或人民调解受理登记表" ? ["人民调解申请书", "人民调解受理登记表"] : [$0] }
            return rate
        })
        XCTAssertTrue(referred.contains { c in old.decide(c).reasons.contains { reason in
            if case .missingMaterials(let titles) = reason { return titles.contains("人民调解申请书") } else { return false }
        } })
    }
}
