import WenshuCase
import XCTest
@testable import WenshuAssembly

final class StatisticsRateTests: XCTestCase {
    func testPercentagesHaveOneDecimalRoundedHalfUp() {
        let table: [(count: Int, base: Int, printed: String)] = [
            (6, 7, "85.7%"),
            (1, 8, "12.5%"),
            (1, 16, "6.3%"),     // 6.25 rounds up
            (1, 3, "33.3%"),
            (2, 3, "66.7%"),
            (0, 5, "0.0%"),
            (5, 5, "100.0%"),
            (12, 14, "85.7%"),
            (0, 0, "—"),         // a share of nothing is not 0% and not NaN
        ]
        for row in table {
            XCTAssertEqual(StatisticsRate(count: row.count, base: row.base).formatted, row.printed, "\(row.count)/\(row.base)")
        }
        XCTAssertNil(StatisticsRate(count: 0, base: 0).tenthsOfPercent)
    }

    func testMoneyFiguresUseTheFullWidthYuanSignAndSeparators() {
        let table: [(Int, String)] = [(0, "¥0.00"), (7, "¥0.07"), (140902, "¥1,409.02"), (3402000, "¥34,020.00"),
                                      (10000000001, "¥100,000,000.01"), (15000, "¥150.00")]
        for (fen, printed) in table { XCTAssertEqual(LedgerFormat.yuan(Amount(fen: fen)), printed) }
    }
}
