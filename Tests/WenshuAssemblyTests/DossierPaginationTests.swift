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
        XCTAssertEqual(pages[firstNumbered...].map(\.number), Array(1...(pages.count - firstNumbered)).map(Optional.some))

        let contentsLines = try (2...firstNumbered).flatMap { try LibreOffice.text(pdf, page: $0, layout: true).components(separatedBy: "\n") }
        let rows = DossierCheck.contentsRows(contentsLines)
        XCTAssertEqual(rows.count, dossier.items.count, contentsLines.joined(separator: "\n"))
        DossierCheck.assertContents(rows, match: dossier.items, pages: pages)

        // The 备考表 counts the contents' rows and the volume's pages.
        let notes = try XCTUnwrap(pages.first { $0.firstLine == "备考表" }).lines.map(PrintedPage.squeezed).joined()
        let total = try XCTUnwrap(notes.firstMatch(of: /本卷共(\d+)件，(\d+)页/))
        XCTAssertEqual(Int(total.1), dossier.items.count)
        XCTAssertEqual(Int(total.2), pages.count - firstNumbered)
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
            XCTAssertEqual(pagination.numbers.pageCount, pages.compactMap(\.number).max())
            let notes = try XCTUnwrap(pages.first { $0.firstLine == "备考表" }).lines.map(PrintedPage.squeezed).joined()
            XCTAssertTrue(notes.contains("本卷共\(dossier.items.count)件，\(pagination.numbers.pageCount)页。"), notes)
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
