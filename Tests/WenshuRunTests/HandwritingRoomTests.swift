import Foundation
import XCTest
import WenshuDocument
import WenshuRun
import WenshuTemplate
import WenshuTestSupport
import WenshuWriters

/// Room to write by hand (issue 13): 8 mm a handwritten line in table cells, an ID number's 18 digits, a
/// blank agreement's lines for the facts and the terms, a 备考表 box of half a page.
final class HandwritingRoomTests: XCTestCase {
    static let root = TestPaths.packageRoot
    static let library = TemplateLibrary.load(directory: root.appendingPathComponent("templates")).library

    func blank(_ forms: [String], _ formats: [OutputFormat]) throws -> [RenderPipeline.RenderedFile] {
        let pipeline = RenderPipeline(library: Self.library, profile: nil, settings: .init(forms: forms, formats: formats))
        return try pipeline.blankForms()
    }

    /// Through LibreOffice: in the blank table forms each party's two lines to fill in (姓名… and 单位或住址…)
    /// stand at least 8 mm apart; at 14 pt they were 4.9 mm.
    func testTableCellsGiveEachHandwrittenLineEightMillimetres() throws {
        _ = try LibreOffice.require()
        let files = try blank(["intake-register", "oral-agreement"], [.odt])
        XCTAssertEqual(files.count, 2)
        for file in files {
            let pdf = try LibreOffice.convertToPDF(file.data, name: file.name)
            let words = try LibreOffice.words(pdf, page: 1)
            let names = words.filter { $0.text.hasPrefix("姓名") }.map(\.top).sorted()
            let addresses = words.filter { $0.text.hasPrefix("单位或住址") }.map(\.top).sorted()
            XCTAssertEqual(names.count, 2, file.name)
            XCTAssertEqual(addresses.count, 2, file.name)
            for (name, address) in zip(names, addresses) {
                XCTAssertGreaterThanOrEqual(address - name, 8, "\(file.name): the lines to fill in are \(address - name) mm apart")
            }
        }
    }

    /// Every blank for an ID number or a credit code, on every blank form, is at least 16 characters:
    /// 89 mm at 16 pt, 18 handwritten digits of about 5 mm.
    func testAnIDSpaceHoldsEighteenDigits() throws {
        var found = 0
        for template in Self.library.templates {
            var previous: Inline?
            template.renderBlank().blocks.forEachInline { inline in
                defer { previous = inline }
                guard case .blank(let width) = inline, case .text(let label)? = previous else { return }
                let trimmed = label.hasSuffix("：") ? String(label.dropLast()) : label
                guard trimmed.hasSuffix("号码") || trimmed.hasSuffix("信用代码") else { return }
                found += 1
                XCTAssertGreaterThanOrEqual(width, 16, "\(template.id): “\(label)” is followed by a blank of \(width)")
            }
        }
        XCTAssertGreaterThan(found, 3, "the ID blanks are found")
    }

    /// The blank agreement has at least 8 lines for the facts and 6 for the terms.
    func testTheBlankAgreementHasLinesForTheFactsAndTerms() throws {
        let file = try XCTUnwrap(try blank(["agreement"], [.txt]).first)
        let lines = String(decoding: file.data, as: UTF8.self).components(separatedBy: "\n")
        func writeInLines(from start: String, to end: String) throws -> Int {
            let from = try XCTUnwrap(lines.firstIndex { $0.contains(start) }, start)
            let to = try XCTUnwrap(lines[from...].firstIndex { $0.contains(end) }, end)
            return lines[(from + 1)..<to].filter { $0.contains("____") }.count
        }
        XCTAssertGreaterThanOrEqual(try writeInLines(from: "纠纷主要事实、争议事项：", to: "经调解，自愿达成如下协议："), 8)
        XCTAssertGreaterThanOrEqual(try writeInLines(from: "经调解，自愿达成如下协议：", to: "履行方式、时限："), 6)
    }

    /// In the 28 × 22 text layout the blank 备考表 is one page, and its box for the archivist's notes is at
    /// least half the page's 22 lines: its 8 mm handwriting lines take the printed lines of 10.2 mm nearest
    /// their height, not one printed line each (which ran it over three pages).
    func testTheBlankNotesSheetIsOneTextPageWithHalfAPageBox() throws {
        let file = try XCTUnwrap(try blank(["dossier-notes"], [.txt]).first)
        let text = String(decoding: file.data, as: UTF8.self)
        XCTAssertFalse(text.contains("\u{0C}"), "one page:\n\(text)")
        let lines = text.components(separatedBy: "\n")
        let counts = try XCTUnwrap(lines.firstIndex { $0.contains("本卷共") })
        let bottom = try XCTUnwrap(lines[counts...].firstIndex { $0.contains("└") })
        // The box: the empty lines between the notes' rule and the table's foot.
        let box = lines[(counts + 1)..<bottom].filter { $0.trimmingCharacters(in: CharacterSet(charactersIn: "│ 　")).isEmpty }
        XCTAssertGreaterThanOrEqual(box.count, 11, text)
        XCTAssertTrue(lines[bottom...].contains { $0.contains("立卷人") }, "the signatures share the page")
    }

    /// On paper (LibreOffice) the blank 备考表 is one sheet whose box, from the notes to 立卷人, is at least half
    /// the 225 mm text block.
    func testTheBlankNotesSheetsBoxIsHalfThePageInLibreOffice() throws {
        _ = try LibreOffice.require()
        let file = try XCTUnwrap(try blank(["dossier-notes"], [.odt]).first)
        let pdf = try LibreOffice.convertToPDF(file.data, name: file.name)
        XCTAssertEqual(try LibreOffice.pageCount(pdf), 1)
        let words = try LibreOffice.words(pdf, page: 1)
        let counts = try XCTUnwrap(words.first { $0.text.hasPrefix("本卷共") })
        let signers = try XCTUnwrap(words.first { $0.text.hasPrefix("立卷人") })
        XCTAssertGreaterThanOrEqual(signers.top - counts.bottom, 225.0 / 2, "the box is \(signers.top - counts.bottom) mm")
    }
}
