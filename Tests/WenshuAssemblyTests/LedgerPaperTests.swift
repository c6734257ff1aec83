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
