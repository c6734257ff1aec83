import Foundation
import XCTest
@testable import WenshuAssembly
import WenshuDocument
import WenshuTestSupport
import WenshuWriters
import WenshuXML

/// The richest example's dossier, bound with the installed templates: in ODF, opened by LibreOffice, the
/// page numbers its 卷内目录 prints are the pages where each paper starts; in text, likewise, by Wenshu's
/// own paginator. `force` lets it bind whatever part of the catalogue is installed; the catalogue's forms
/// join in as they come.
final class DossierPaginationTests: XCTestCase {
    static let bound: Result<Dossier, Error> = Result {
        let assembler = DossierAssembler(library: DossierFixtures.bundled, profile: DossierFixtures.profile, force: true)
        let result = assembler.assemble(caseAt: DossierFixtures.richestCase, displayName: "traffic-instalments.xml")
        guard let dossier = result.dossier else { throw Refused(diagnostics: result.diagnostics) }
        return dossier
    }

    struct Refused: Error { var diagnostics: [Diagnostic] }

    func testTheODFContentsMatchWhereEachPaperStartsInLibreOffice() throws {
        let dossier = try Self.bound.get()
        XCTAssertGreaterThanOrEqual(dossier.items.count, 8, "attachments, the agreement, 备考表, 封底")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-dossier-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let odt = folder.appendingPathComponent("dossier.odt")
        try dossier.write(.odt).write(to: odt)
        XCTAssertEqual(try ODFSchemas.problems(inFile: odt), [])

        let pdf = try LibreOffice.convertToPDF(try Data(contentsOf: odt), name: "dossier.odt")
        let pages = try (1...LibreOffice.pageCount(pdf)).map { page -> PrintedPage in
            let lines = try LibreOffice.text(pdf, page: page).components(separatedBy: "\n")
            return PrintedPage(number: PrintedPage.footerNumber(lines), lines: lines)
        }
        // Cover and contents carry no number; from the first paper on, every page does, from 1.
        XCTAssertEqual(pages.first?.firstLine, "杭州市西湖区道路交通事故人民调解委员会")
        let firstNumbered = try XCTUnwrap(pages.firstIndex { $0.number != nil })
        XCTAssertGreaterThanOrEqual(firstNumbered, 2)
        XCTAssertTrue(pages[..<firstNumbered].allSatisfy { $0.number == nil })
        let numbered = pages[firstNumbered...].prefix { $0.number != nil }
        XCTAssertEqual(numbered.map(\.number), Array(1...numbered.count).map(Optional.some))
        // GB/T 9705: the 备考表 and the 封底 close the volume unnumbered, one page each.
        let closing = pages[(firstNumbered + numbered.count)...]
        XCTAssertEqual(closing.map(\.firstLine), ["备考表", "（本卷完）"], closing.map(\.lines).description)
        XCTAssertTrue(closing.allSatisfy { $0.number == nil })

        let rows = try (2...firstNumbered).flatMap { DossierCheck.contentsRows(words: try LibreOffice.words(pdf, page: $0)) }
        let contentsText = try LibreOffice.text(pdf, page: 2, layout: true)
        XCTAssertEqual(rows.count, dossier.items.count, contentsText)
        // GB/T 9705's columns, in order.
        let header = try LibreOffice.text(pdf, page: 2).replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: " ", with: "")
        for column in ["文号", "责任者", "题名", "日期", "页号", "备注"] { XCTAssertTrue(header.contains(column), column) }
        DossierCheck.assertContents(rows, match: dossier.items, pages: pages)

        // The 备考表 counts the contents' rows and the volume's pages.
        let notes = try XCTUnwrap(pages.first { $0.firstLine == "备考表" }).lines.map(PrintedPage.squeezed).joined()
        let total = try XCTUnwrap(notes.firstMatch(of: /本卷共(\d+)件，(\d+)页/))
        XCTAssertEqual(Int(total.1), dossier.items.count)
        XCTAssertEqual(Int(total.2), numbered.count)
        XCTAssertFalse(dossier.items.contains { ["备考表", "封底"].contains($0.title) }, "not listed")
    }

    /// On paper, the 卷内目录 gives each column the width of what it holds: a committee's full name, the
    /// examples' longest (21 characters), takes two lines of its 责任者 cell (at 14 pt in even columns it took
    /// four), and no header wraps. The cover runs down the whole sheet: its last row (备注) stands in the
    /// lowest fifth of the text block (at two handwriting lines a row it stopped two thirds of the way down).
    func testTheContentsColumnsAndTheCoverFitTheirSheetsInLibreOffice() throws {
        let name = "杭州市拱墅区和睦街道德胜里社区人民调解委员会"
        let url = try DossierFixtures.changedCase { $0.replacingOccurrences(of: "杭州市西湖区道路交通事故人民调解委员会", with: name) }
        let assembler = DossierAssembler(library: DossierFixtures.bundled, profile: DossierFixtures.profile, force: true)
        let dossier = try XCTUnwrap(assembler.assemble(caseAt: url, displayName: "case.xml").dossier)
        let pdf = try LibreOffice.convertToPDF(try dossier.write(.odt), name: "dossier.odt")

        let contents = try LibreOffice.words(pdf, page: 2)
        for header in ["序号", "文号", "责任者", "题名", "日期", "页号", "备注"] {
            XCTAssertTrue(contents.contains { $0.text == header }, "the header \(header) on one line")
        }
        // A cell's lines are words at the same left edge, one under the next: follow each line that starts the
        // name down its column until the name is spelled.
        var cells: [Int] = []
        for start in contents where name.hasPrefix(start.text) {
            var spelled = start.text, lines = 1, line = start
            while spelled != name, name.hasPrefix(spelled),
                  let next = contents.filter({ abs($0.left - line.left) < 0.5 && $0.top > line.top + 1 }).min(by: { $0.top < $1.top }) {
                spelled += next.text
                lines += 1
                line = next
            }
            if spelled == name { cells.append(lines) }
        }
        XCTAssertGreaterThanOrEqual(cells.count, 3, "the committee wrote the register, the notice, the records")
        XCTAssertEqual(cells.filter { $0 > 2 }, [Int](), "lines of the committee's name in its 责任者 cells: \(cells)")

        let cover = try LibreOffice.words(pdf, page: 1)
        let remarks = try XCTUnwrap(cover.first { $0.text.hasPrefix("备注") })
        XCTAssertGreaterThan(remarks.top, 37 + 225 * 0.8, "the cover's last row at \(remarks.top) mm")
    }

    func testTheTextContentsMatchItsOwnPagination() throws {
        let dossier = try Self.bound.get()
        for options in [WriterOptions(), WriterOptions(textColumns: 80, textLines: 66)] {
            let writer = TextWriter(options: options)
            let text = try writer.text(dossier.document)
            let pages = text.components(separatedBy: "\u{0C}").map { page -> PrintedPage in
                let lines = page.components(separatedBy: "\n")
                return PrintedPage(number: PrintedPage.footerNumber(lines), lines: lines)
            }
            let contents = try XCTUnwrap(pages.firstIndex { $0.firstLine == "卷内目录" })
            let firstNumbered = try XCTUnwrap(pages.firstIndex { $0.number != nil })
            let rows = DossierCheck.contentsRows(pages[contents..<firstNumbered].flatMap(\.lines))
            XCTAssertEqual(rows.count, dossier.items.count, "\(options.textColumns)×\(options.textLines)")
            DossierCheck.assertContents(rows, match: dossier.items, pages: pages)

            // The paginator's own page references say the same.
            let pagination = try writer.paginate(dossier.document)
            XCTAssertEqual(rows.map(\.start), dossier.items.map { pagination.numbers.sections[$0.sectionID]?.start ?? -1 })
            let last = try XCTUnwrap(pages.compactMap(\.number).max())
            let notesPage = try XCTUnwrap(pages.firstIndex { $0.firstLine == "备考表" })
            XCTAssertNil(pages[notesPage].number, "the 备考表 carries no number")
            let notes = pages[notesPage].lines.map(PrintedPage.squeezed).joined()
            XCTAssertTrue(notes.contains("本卷共\(dossier.items.count)件，\(last)页。"), notes)
        }
    }

    func testOnePlaceholderPagePerPageOfPaper() throws {
        let dossier = try Self.bound.get()
        let text = try TextWriter(options: WriterOptions()).text(dossier.document)
        let squeezed = PrintedPage.squeezed(text)
        // 道路交通事故认定书 has two pages, 银行转账凭证 three (examples/cases/traffic-instalments.xml).
        for (title, pages) in [("王建国居民身份证复印件", 1), ("道路交通事故认定书", 2), ("银行转账凭证", 3)] {
            for page in 1...pages {
                XCTAssertTrue(squeezed.contains("此处装订：\(title)（第\(page)页，共\(pages)页）"), "\(title) page \(page)")
            }
            XCTAssertFalse(squeezed.contains("此处装订：\(title)（第\(pages + 1)页"))
        }
    }
}
