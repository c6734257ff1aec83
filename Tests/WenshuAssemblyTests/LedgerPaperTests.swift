import Foundation
import WenshuTestSupport
import WenshuWriters
import XCTest
@testable import WenshuAssembly

/// The dispute register on paper (LibreOffice's PDF): every case number prints whole on one line of its
/// column, every row once, in the order of acceptance.
final class LedgerPaperTests: XCTestCase {
    func testCaseNumbersPrintWholeAndInOrderOfAcceptance() throws {
        _ = try LibreOffice.require()
        let facts = try StatisticsExamplesTests.facts().filter { $0.accepted != nil }
        let pdf = try LibreOffice.convertToPDF(try ODFWriter(flat: false).write(LedgerBooks().disputeRegister(facts)),
                                               name: "dispute-register.odt")
        let words = try (1...LibreOffice.pageCount(pdf)).flatMap { page in
            try LibreOffice.words(pdf, page: page).map { (page, $0) }
        }
        let expected = CaseNumberOrder.byAcceptance(facts).map(\.number)
        // A number pdftotext reads as one word stands on one line; the words in page and line order give
        // the register's order.
        let printed = words.filter { expected.contains($0.1.text) }
            .sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1.top < $1.1.top }.map(\.1.text)
        XCTAssertEqual(printed, expected, "each case number whole on one line, once, by acceptance date")
    }
}

/// A register that runs over pages is closed on each: every bordered cell draws its own bottom rule (the last
/// row on a page is closed), and only the first row — the header that repeats on each page — its top one.
final class LedgerFrameTests: XCTestCase {
    func testEveryRowDrawsItsBottomRuleAndTheHeaderItsTop() throws {
        let facts = try StatisticsExamplesTests.facts()
        let odt = try ODFWriter(flat: false).write(LedgerBooks().disputeRegister(facts))
        let content = String(decoding: try XCTUnwrap(ZipParts(odt).data["content.xml"]), as: UTF8.self)
        let rows = content.split(separator: "<table:table-row ").dropFirst()
        XCTAssertEqual(rows.count, facts.filter { $0.accepted != nil }.count + 1)
        for (index, row) in rows.enumerated() {
            for match in row.matches(of: /<table:table-cell table:style-name="([^"]+)"/) {
                let name = String(match.1)
                let properties = try XCTUnwrap(content.firstMatch(of: try Regex("style:name=\"\(name)\" style:family=\"table-cell\"><style:table-cell-properties ([^>]*)/>")))
                let text = String(describing: properties.output[1].substring ?? "")
                XCTAssertTrue(text.contains(#"fo:border-bottom="0.5pt solid #000000""#), "row \(index): \(name)")
                XCTAssertEqual(text.contains(#"fo:border-top="0.5pt solid #000000""#), index == 0, "row \(index): \(name)")
            }
        }
    }
}
