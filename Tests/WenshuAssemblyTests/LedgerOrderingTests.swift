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
}
