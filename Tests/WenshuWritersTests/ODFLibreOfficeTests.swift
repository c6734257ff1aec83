import Foundation
import XCTest
import WenshuTestSupport
import WenshuDocument
@testable import WenshuWriters

/// What real LibreOffice makes of the ODF writer's output: each test converts to PDF (a fresh profile per
/// conversion) and reads the PDF back with poppler. Skipped when LibreOffice is not installed.
final class ODFLibreOfficeTests: XCTestCase {
    /// The PDF's text with line ends removed (Chinese has no spaces to lose), so a name the word processor
    /// broke across two lines is still found.
    func joinedText(_ pdf: URL) throws -> String {
        try LibreOffice.text(pdf).replacingOccurrences(of: "\n", with: "")
    }

    func testAgreementPrintsNamesAmountAndNumberInBothForms() throws {
        for flat in [false, true] {
            let data = try ODFWriter(flat: flat).write(SampleDocuments.agreement())
            let pdf = try LibreOffice.convertToPDF(data, name: flat ? "agreement.fodt" : "agreement.odt")
            let text = try joinedText(pdf)
            for expected in ["人民调解协议书", "（2026）西交调字第37号", "王建国", "李明", "陈晓红", SampleDocuments.amountInCapitals,
                             "￥43,200.00", "□一次性履行", "☑分期履行", "13805712345", "2026年5月20日"] {
                XCTAssertTrue(text.contains(expected), "\(flat ? "fodt" : "odt"): \(expected) not in the PDF")
            }
            // A telephone number is never split across lines (Latin text is tagged English for that).
            XCTAssertTrue(try LibreOffice.text(pdf).contains("13805712345"))
            // "— N —": right on the odd page, left on the even one, one character in from the text block.
            // Three pages: the signatures, with the clause they sign, do not fit under the table on page 2.
            XCTAssertEqual(try LibreOffice.pageCount(pdf), 3)
            let odd = try XCTUnwrap(LibreOffice.words(pdf, page: 1).first { $0.text == "1" && $0.top > 262 })
            let even = try XCTUnwrap(LibreOffice.words(pdf, page: 2).first { $0.text == "2" && $0.top > 262 })
            XCTAssertGreaterThan(odd.left, 150)
            XCTAssertLessThan(even.right, 60)
        }
    }

    func testOnePageFormIsOnePage() throws {
        let pdf = try LibreOffice.convertToPDF(ODFWriter(flat: false).write(SampleDocuments.intakeRegister()), name: "intake.odt")
        XCTAssertEqual(try LibreOffice.pageCount(pdf), 1)
        let text = try joinedText(pdf)
        for expected in ["人民调解受理登记表", "王建国", "李明", "☑道路交通事故", "（2026）西交调字第37号"] {
            XCTAssertTrue(text.contains(expected), expected)
        }
    }

    /// With the shipped fonts.conf, the official font names resolve to GB fonts: no Japanese face is
    /// embedded (Noto CJK alone would print Japanese glyph forms).
    func testNoJapaneseFaceIsEmbedded() throws {
        let pdf = try LibreOffice.convertToPDF(ODFWriter(flat: false).write(SampleDocuments.agreement()), name: "fonts.odt")
        let fonts = try LibreOffice.fonts(pdf)
        XCTAssertFalse(fonts.contains { $0.contains("CJKjp") || $0.contains("JP") }, "\(fonts)")
        // Body (FandolFang, else AR PL SungtiL GB), level-2 heading (FandolKai, else AR PL KaitiM GB), level-1
        // heading (FandolHei, else WenQuanYi Zen Hei): the Fandol faces where they are installed (README).
        XCTAssertTrue(fonts.contains { $0.contains("FandolFang") || $0.contains("BousungEG-Light-GB") }, "\(fonts)")
        XCTAssertTrue(fonts.contains { $0.contains("FandolKai") || $0.contains("GBZenKai") }, "\(fonts)")
        XCTAssertTrue(fonts.contains { $0.contains("FandolHei") || $0.contains("WenQuanYi") }, "\(fonts)")
    }

    /// GB/T 9704: 22 lines of 28 characters a page. One paragraph of 22 × 28 characters, broken into lines by
    /// LibreOffice, is one page of 22 lines of 28; one more line's worth makes a second page (widow control
    /// takes two lines over, so no line stands alone).
    func testProsePageHolds22LinesOf28Characters() throws {
        let full = try LibreOffice.convertToPDF(ODFWriter(flat: false).write(SampleDocuments.fullParagraph(lines: 22)), name: "grid22.odt")
        XCTAssertEqual(try LibreOffice.pageCount(full), 1)
        let lines = try bodyLines(full, page: 1)
        XCTAssertEqual(lines.count, 22, lines.joined(separator: "\n"))
        XCTAssertEqual(lines.map(\.count), Array(repeating: 28, count: 22))

        // The text block is where GB/T 9704 puts it: 37 mm from the top, 28 mm from the left, 156 × 225 mm.
        let words = try LibreOffice.words(full, page: 1)
        let body = words.filter { !$0.text.contains("—") && Int($0.text) == nil }
        XCTAssertEqual(body.map(\.left).min() ?? 0, 28, accuracy: 0.5)
        XCTAssertLessThanOrEqual(body.map(\.right).max() ?? 999, 210 - 26)
        XCTAssertGreaterThanOrEqual(body.map(\.top).min() ?? 0, 37)
        XCTAssertLessThan(body.map(\.top).min() ?? 999, 37 + 10.3, "the first line sits in the first grid line")
        XCTAssertLessThanOrEqual(body.map(\.bottom).max() ?? 999, 297 - 35)
        XCTAssertGreaterThan(body.map(\.bottom).max() ?? 0, 297 - 35 - 10.3, "the last line sits in the last grid line")
        // The page number's line starts 7 mm under the text block (GB/T 9704 §7.5), inside the bottom margin.
        let number = try XCTUnwrap(words.first { $0.text == "1" })
        XCTAssertEqual(number.top, 297 - 35 + 7, accuracy: 1.5)

        let over = try LibreOffice.convertToPDF(ODFWriter(flat: false).write(SampleDocuments.fullParagraph(lines: 23)), name: "grid23.odt")
        XCTAssertEqual(try LibreOffice.pageCount(over), 2)
        let overLines = try bodyLines(over, page: 1) + bodyLines(over, page: 2)
        XCTAssertEqual(overLines.map(\.count), Array(repeating: 28, count: 23))
    }

    /// A dossier's contents lists each document's first and last page as page references; the numbers
    /// LibreOffice prints must be the numbers in the footers of the pages where each document starts and
    /// ends. Cover and contents carry no number, so the first document starts at 1.
    func testPageReferencesMatchWhereSectionsStartAndEnd() throws {
        let pdf = try LibreOffice.convertToPDF(ODFWriter(flat: false).write(SampleDocuments.dossier()), name: "dossier.odt")
        let pageCount = try LibreOffice.pageCount(pdf)
        var pages: [String] = []
        for page in 1...pageCount { pages.append(try LibreOffice.text(pdf, page: page)) }

        // The number each page's footer prints, if any.
        let footers = pages.map { text -> Int? in
            // pdftotext infers the spaces from gaps, and reads FandolSong's narrower ones as none.
            guard let match = text.firstMatch(of: /—\s?(\d+)\s?—/) else { return nil }
            return Int(match.1)
        }
        XCTAssertNil(footers[0], "the cover has no page number")
        XCTAssertNil(footers[1], "the contents page has no page number")
        XCTAssertEqual(footers[2], 1)

        let contents = try LibreOffice.text(pdf, page: 2, layout: true)
        for (marker, title) in [("APPLICATION-", "人民调解申请书"), ("RECORD-", "人民调解记录"), ("AGREEMENT-", "人民调解协议书")] {
            let first = try XCTUnwrap(pages.firstIndex { $0.contains(marker + "1：") }, marker)
            let last = try XCTUnwrap(pages.lastIndex { $0.contains(marker) }, marker)
            let row = try XCTUnwrap(contents.split(separator: "\n").first { $0.contains(title) }, title)
            let printed = try XCTUnwrap(row.firstMatch(of: /(\d+)—(\d+)/), String(row))
            XCTAssertEqual(Int(printed.1), footers[first], "\(title) starts on the page numbered \(footers[first] ?? -1)")
            XCTAssertEqual(Int(printed.2), footers[last], "\(title) ends on the page numbered \(footers[last] ?? -1)")
        }
        XCTAssertGreaterThan(pages.filter { $0.contains("RECORD-") }.count, 1, "the record runs over several pages")
        // The agreement's section is printed on landscape pages, the others on portrait A4.
        let landscape = try XCTUnwrap(pages.firstIndex { $0.contains("AGREEMENT-1：") }) + 1
        let size = try LibreOffice.pageSize(pdf, page: landscape)
        XCTAssertEqual(size.width, 297, accuracy: 1)
        XCTAssertEqual(size.height, 210, accuracy: 1)
        XCTAssertEqual(try LibreOffice.pageSize(pdf, page: 1).width, 210, accuracy: 1)
        // The 备考表 counts the numbered pages.
        let notes = try XCTUnwrap(pages.last)
        XCTAssertTrue(notes.contains("本卷共3件，\(pageCount - 2)页。"), notes)
    }

    // MARK: Helpers

    /// The lines of text on a page, without the page-number footer and empty lines.
    func bodyLines(_ pdf: URL, page: Int) throws -> [String] {
        try LibreOffice.text(pdf, page: page).split(separator: "\n").map(String.init)
            .filter { !$0.isEmpty && !$0.contains("—") && !$0.hasPrefix("\u{0C}") }
    }
}
