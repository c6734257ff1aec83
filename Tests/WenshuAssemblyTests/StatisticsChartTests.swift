import Foundation
import WenshuDocument
import WenshuTestSupport
import WenshuWriters
import XCTest
@testable import WenshuAssembly

/// The statistics report's bar chart of cases by dispute type, over the bundled examples.
final class StatisticsChartTests: XCTestCase {
    func text(_ table: Table, _ row: Int, _ column: Int) -> String {
        table.rows[row].cells[column].paragraphs.flatMap(\.inlines).compactMap(\.plainText).joined()
    }

    /// The chart sits on the table by type and reads its 受理 and 调解成功 columns, one bar per type in the
    /// table's order, the 合计 row left out.
    func testTypeTableCarriesTheChart() throws {
        let statistics = Statistics(cases: try StatisticsExamplesTests.facts())
        let tables = statistics.document().blocks.compactMap { block -> Table? in
            if case .table(let table) = block { return table }
            return nil
        }
        let charted = tables.filter { $0.chart != nil }
        XCTAssertEqual(charted.count, 1)
        let table = try XCTUnwrap(charted.first), chart = try XCTUnwrap(table.chart)
        XCTAssertEqual(chart.kind, .bar)
        XCTAssertEqual(text(table, 0, chart.categoryColumn), "纠纷类型")
        XCTAssertEqual(chart.valueColumns.map { text(table, 0, $0) }, ["受理", "调解成功"])
        XCTAssertEqual(chart.valueAxisTitle, "件数")
        let rows = try XCTUnwrap(chart.rows)
        XCTAssertEqual(rows.map { text(table, $0, 0) }, statistics.byType.map(\.label))
        XCTAssertEqual(rows.map { text(table, $0, 1) }, statistics.byType.map { String($0.tally.accepted) })
        XCTAssertEqual(rows.map { text(table, $0, 2) }, statistics.byType.map { String($0.tally.successful) })
        XCTAssertEqual(rows.upperBound, table.rows.count - 1)
        XCTAssertEqual(text(table, rows.upperBound, 0), "合计")
    }

    /// The report's `.odt` holds the chart object, and LibreOffice draws it: its title, its value axis title
    /// and every dispute type a second time beside the table's.
    func testLibreOfficeDrawsTheReportsChart() throws {
        let statistics = Statistics(cases: try StatisticsExamplesTests.facts())
        let odt = try ODFWriter(flat: false).write(statistics.document())
        let object = String(decoding: try XCTUnwrap(ZipParts(odt).data["Object 1/content.xml"]), as: UTF8.self)
        // The table by type is the report's third: the chart reads its rows 2–17 (the 16 types).
        XCTAssertTrue(object.contains(#"<chart:categories table:cell-range-address="Table3.A2:Table3.A17"/>"#))

        let text = try LibreOffice.text(LibreOffice.convertToPDF(odt, name: "statistics.odt"))
            .replacingOccurrences(of: "\n", with: "")
        XCTAssertTrue(text.contains("各类纠纷受理与调解成功件数"))
        for type in statistics.byType.map(\.label) {
            XCTAssertGreaterThanOrEqual(text.components(separatedBy: type).count - 1, 2, type)
        }
    }
}
