import XCTest
@testable import WenshuAssembly

final class LedgerOrderingTests: XCTestCase {
    /// Each pair files in this order (and never the other way).
    func testCaseNumbersFileByYearSeriesThenNumber() {
        let table: [(String, String)] = [
            ("（2026）西交调字第9号", "（2026）西交调字第37号"),        // number as an integer, not as text
            ("（2026）西交调字第37号", "（2026）西交调字第100号"),
            ("（2025）西交调字第120号", "（2026）西交调字第1号"),       // year first
            ("（2026）古荡调字第99号", "（2026）西交调字第1号"),        // then series
            ("（2026）西交调协字第37号", "（2026）西交调字第1号"),      // series decides before the number (协 U+534F < 字 U+5B57)
            ("〔2025〕西交调字第5号", "（2026）西交调字第1号"),         // bracket style does not matter
            ("（2026）西交调字第３号", "（2026）西交调字第12号"),       // full-width digits read as digits
            ("（2026）西交调字第037号", "（2026）西交调字第37号"),      // equal numbers: exact text breaks the tie
            ("（2026）西交调字第99999999999999999999号", "（2026）西交调字第100000000000000000000号"), // no overflow
        ]
        for (a, b) in table {
            XCTAssertTrue(CaseNumberOrder.precedes(a, b), "\(a) should file before \(b)")
            XCTAssertFalse(CaseNumberOrder.precedes(b, a), "\(b) should not file before \(a)")
        }
        XCTAssertFalse(CaseNumberOrder.precedes("（2026）西交调字第37号", "（2026）西交调字第37号"))
    }

    func testSortingFactsIsNaturalAndStable() {
        let numbers = ["（2026）西交调字第37号", "（2026）西交调字第9号", "（2025）西交调字第120号", "（2026）古荡调字第2号",
                       "（2026）西交调字第10号"]
        let facts = numbers.map { CaseFacts(file: "\($0).xml", number: $0, type: "其他", committee: "c") }
        XCTAssertEqual(CaseNumberOrder.sorted(facts).map(\.number), [
            "（2025）西交调字第120号", "（2026）古荡调字第2号", "（2026）西交调字第9号", "（2026）西交调字第10号",
            "（2026）西交调字第37号",
        ])
        XCTAssertEqual(CaseNumberOrder.sorted(facts.reversed()).map(\.number), CaseNumberOrder.sorted(facts).map(\.number))
    }

    /// The register lists cases as they came in: by acceptance date, then number (a later number accepted
    /// earlier comes first; one day's cases by number).
    func testTheRegisterRunsByAcceptanceDateThenNumber() {
        let rows: [(String, String)] = [
            ("（2026）西交调字第9号", "2026-03-05"), ("（2026）西交调字第37号", "2026-03-03"),
            ("（2026）古荡调字第2号", "2026-03-05"), ("（2026）西交调字第10号", "2026-01-12"),
        ]
        let facts = rows.map { CaseFacts(file: "\($0.0).xml", number: $0.0, accepted: .init(iso: $0.1), type: "其他", committee: "c") }
        let expected = ["（2026）西交调字第10号", "（2026）西交调字第37号", "（2026）古荡调字第2号", "（2026）西交调字第9号"]
        XCTAssertEqual(CaseNumberOrder.byAcceptance(facts).map(\.number), expected)
        XCTAssertEqual(CaseNumberOrder.byAcceptance(facts.reversed()).map(\.number), expected)
        let register = LedgerBooks().disputeRegister(facts)
        guard case .table(let table)? = register.blocks.last else { return XCTFail("no table") }
        let numbers = table.rows.dropFirst().map { row -> String in
            row.cells[1].paragraphs.flatMap(\.inlines).compactMap { if case .field(let t) = $0 { t } else { nil } }.joined()
        }
        XCTAssertEqual(numbers, expected)
    }
}
