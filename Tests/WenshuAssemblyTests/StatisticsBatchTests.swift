import Foundation
import WenshuCase
import WenshuXML
import XCTest
@testable import WenshuAssembly

/// Many cases generated in memory from one template case (the reference traffic case), streamed through the
/// batch reader: the totals must be what the generation rule says, counted here by plain arithmetic.
func failed(_ i: Int) -> Bool { i % 10 == 9 }
func partlyPerformed(_ i: Int) -> Bool { i % 4 == 3 }
func hasDossier(_ i: Int) -> Bool { i % 5 != 4 }
func escalated(_ i: Int) -> Bool { i % 7 == 0 }
func persons(_ i: Int) -> Int { i % 3 + 1 }

final class StatisticsBatchTests: XCTestCase {
    static let count = 3_000
    static let types = ["婚姻家庭", "邻里", "合同", "道路交通事故"]
    static let grades = ["一般", "疑难", "重大"]

    /// Makes case `i` of the batch from the template: its number, date, type, grade, outcome, performance,
    /// dossier and escalations varied by `i` (changed fields go to the end of the tree, where order does not
    /// matter to XPath).
    struct Generator: Sendable {
        let template: Data

        func document(_ i: Int, name: String) throws -> XMLDocument {
            let document = try XMLDocument(parsing: template, fileName: name)
            let root = try XCTUnwrap(document.root)
            func set(_ field: String, _ value: String, in parent: XMLNode) {
                parent.element(named: field)?.remove()
                parent.addElement(field, text: value)
            }
            set("number", "（2026）西交调字第\(i + 1)号", in: root)
            set("accepted", StatisticsBatchTests.acceptedDate(i), in: root)
            set("type", StatisticsBatchTests.types[i % 4], in: root)
            set("grade", StatisticsBatchTests.grades[i % 3], in: root)
            if failed(i) {
                set("result", "调解不成功", in: try XCTUnwrap(root.element(named: "outcome")))
                root.element(named: "agreement")?.remove()
                root.element(named: "visits")?.remove()
            } else if partlyPerformed(i) {
                set("status", "部分履行", in: try XCTUnwrap(root.element(named: "agreement")?.element(named: "performance")))
            }
            if !hasDossier(i) { root.element(named: "dossier")?.remove() }
            if escalated(i) {
                let escalation = root.addElement("escalations").addElement("escalation")
                escalation.addElement("kind", text: "自杀")
                escalation.addElement("persons", text: "\(persons(i))")
            }
            return document
        }
    }

    static func acceptedDate(_ i: Int) -> String {
        let (month, day) = (i % 12 + 1, i % 28 + 1)
        return "2026-" + (month < 10 ? "0" : "") + "\(month)-" + (day < 10 ? "0" : "") + "\(day)"
    }

    static let rules = SubsidyRules(rates: [
        .init(level: "行业性专业性", grade: "一般", amount: Amount(fen: 10000), requiredMaterials: ["人民调解协议书", "人民调解回访记录"]),
        .init(level: "行业性专业性", grade: "疑难", amount: Amount(fen: 30000), requiredMaterials: ["人民调解协议书"]),
        .init(level: "行业性专业性", grade: "重大", amount: Amount(fen: 50000), requiredMaterials: ["人民调解协议书"]),
    ])

    /// The batch is read once for all tests of this class.
    nonisolated(unsafe) static var cached: [CaseFacts]?

    func collect() throws -> [CaseFacts] {
        if let cached = Self.cached { return cached }
        let generator = try Generator(template: Data(contentsOf: Repository.cases.appendingPathComponent("traffic-instalments.xml")))
        let extractor = try CaseFactsExtractor()
        let (facts, diagnostics) = CaseFactsBatch.collect(count: Self.count, extractor: extractor, workers: 2) { i in
            let name = "generated-\(i + 1).xml"
            do {
                let document = try generator.document(i, name: name)
                return .init(root: document.root, name: name)
            } catch {
                return .init(root: nil, name: name, diagnostics: [Diagnostic("case.syntax", at: SourceLocation(file: name), "\(error)")])
            }
        }
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(facts.count, Self.count)
        XCTAssertEqual(facts.map(\.file), (0..<Self.count).map { "generated-\($0 + 1).xml" }, "input order, whatever the workers")
        Self.cached = facts
        return facts
    }

    func testTotalsMatchTheGenerationRule() throws {
        let facts = try collect()
        let all = 0..<Self.count
        let statistics = Statistics(cases: facts)
        let t = statistics.total
        XCTAssertEqual(t.accepted, Self.count)
        XCTAssertEqual(t.successful, all.filter { !failed($0) }.count)
        XCTAssertEqual(t.unsuccessful, all.filter(failed).count)
        XCTAssertEqual(t.written, t.successful)
        XCTAssertEqual(t.oral, 0)
        XCTAssertEqual(t.followedUp, t.successful)
        XCTAssertEqual(t.dossiers, all.filter(hasDossier).count)
        XCTAssertEqual(t.agreedAmount, Amount(fen: t.successful * 3_402_000))
        XCTAssertEqual(t.escalation("自杀").cases, all.filter(escalated).count)
        XCTAssertEqual(t.escalation("自杀").persons, all.filter(escalated).map(persons).reduce(0, +))
        for (index, type) in Self.types.enumerated() {
            let group = try XCTUnwrap(statistics.byType.first { $0.label == type })
            XCTAssertEqual(group.tally.accepted, all.filter { $0 % 4 == index }.count, type)
        }
        XCTAssertEqual(statistics.byMediator.map(\.label), ["陈晓红"])
        XCTAssertEqual(statistics.byMediator[0].tally.accepted, Self.count)
    }

    func testDateFilterIsInclusiveOnTheAcceptanceDate() throws {
        let facts = try collect()
        let filter = LedgerFilter(since: CivilDate(iso: "2026-04-01"), until: CivilDate(iso: "2026-06-28"))
        let expected = (0..<Self.count).filter { (3...5).contains($0 % 12) }
        XCTAssertEqual(Statistics(cases: facts, filter: filter).total.accepted, expected.count)
        // Both ends are in: a period of one day takes that day's cases.
        let oneDay = LedgerFilter(since: CivilDate(iso: "2026-01-01"), until: CivilDate(iso: "2026-01-01"))
        XCTAssertEqual(Statistics(cases: facts, filter: oneDay).total.accepted,
                       (0..<Self.count).filter { $0 % 12 == 0 && $0 % 28 == 0 }.count)
    }

    func testSubsidyTotalMatchesTheGenerationRule() throws {
        let facts = try collect()
        let report = SubsidyReport(cases: facts, rules: Self.rules)
        let qualifying = (0..<Self.count).filter { !failed($0) && !partlyPerformed($0) && hasDossier($0) }
        let rate = [10000, 30000, 50000]
        XCTAssertEqual(report.total.fen, qualifying.map { rate[$0 % 3] }.reduce(0, +))
        XCTAssertEqual(report.lines.map(\.count), (0..<3).map { g in qualifying.filter { $0 % 3 == g }.count })
        XCTAssertEqual(report.refused.count, Self.count - qualifying.count)
    }

    /// The register runs by acceptance date, and one day's cases by number (as integers).
    func testTheRegisterListsEveryCaseByAcceptanceDateThenNumber() throws {
        let facts = try collect()
        let register = LedgerBooks().disputeRegister(facts.reversed())
        let rows = tableRows(tables(register)[0]).dropFirst()
        XCTAssertEqual(rows.count, Self.count)
        let byNumber = Dictionary(uniqueKeysWithValues: facts.map { ($0.number, $0) })
        let listed = try rows.map { try XCTUnwrap(byNumber[$0[1]]) }
        XCTAssertEqual(Set(listed.map(\.number)).count, Self.count)
        var sameDay = 0
        for (a, b) in zip(listed, listed.dropFirst()) {
            let (p, q) = (try XCTUnwrap(a.accepted), try XCTUnwrap(b.accepted))
            XCTAssertTrue(p < q || p == q && CaseNumberOrder.precedes(a.number, b.number), "\(a.number) before \(b.number)")
            if p == q { sameDay += 1 }
        }
        XCTAssertGreaterThan(sameDay, 0, "the batch has days with several cases, so the number order within a day is tested")
    }

    /// Two files with one case number: both are kept (the register shows them), the later one is warned about.
    func testDuplicateNumbersAreWarned() {
        let facts = ["a.yaml", "b.yaml", "c.yaml"].enumerated().map { index, file in
            CaseFacts(file: file, number: "（2026）西交调字第\(index + 1)号", type: "其他", committee: "c")
        }
        XCTAssertEqual(CaseFactsBatch.duplicateNumbers(facts), [])
        var twice = facts
        twice[2].number = "（2026）西交调字第1号"
        let findings = CaseFactsBatch.duplicateNumbers(twice)
        XCTAssertEqual(findings.map(\.id), ["ledger.duplicate-number"])
        XCTAssertEqual(findings.first?.location.file, "c.yaml")
        XCTAssertEqual(findings.first?.severity, .warning)
    }
}
