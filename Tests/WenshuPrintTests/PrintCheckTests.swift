import Foundation
import XCTest
import WenshuAssembly
import WenshuCase
import WenshuPrint
import WenshuRun
import WenshuTemplate
import WenshuTestSupport
import WenshuWriters

/// The print check: every form of every example case (and of Tests/PrintCases), and every blank form, printed to PDF through
/// Wenshu's own conversion (one batch through the pool), as a mediator without the official fonts would.
final class PrintCheckTests: XCTestCase {
    func testNoPDFEmbedsAJapaneseFace() throws {
        for form in try PrintedExamples.forms() {
            let japanese = form.fonts.filter { $0.contains("CJKjp") || $0.hasSuffix("JP") }
            XCTAssertEqual(japanese, [], form.name)
        }
    }

    func testTheBodyFaceIsFandolFangWhenInstalled() throws {
        let forms = try PrintedExamples.forms()
        guard PrintedExamples.fandolFangInstalled else {
            throw XCTSkip("FandolFang is not installed (texlive-lang-chinese, see README): the body prints in a Song face")
        }
        for form in forms {
            XCTAssertTrue(form.fonts.contains { $0.hasSuffix("+FandolFang-Regular") }, "\(form.name): \(form.fonts)")
        }
    }

    /// Money figures print with ¥ (U+00A5): every Fandol face draws the full-width ￥ (U+FFE5) as a dollar
    /// sign, so "（￥14,020.00）" came out as "（$14,020.00）" on paper (pdftotext still read ￥ from the font's
    /// ToUnicode map). The text layout of the same forms keeps ￥ for GB2312 printers.
    func testMoneyFiguresPrintWithTheYuanSign() throws {
        var figures = 0
        for form in try PrintedExamples.forms() {
            let words = form.words.joined(separator: " ")
            XCTAssertFalse(words.contains("\u{FFE5}"), "\(form.name) prints a full-width ￥, which Fandol draws as $")
            let inText = form.textLines.joined().filter { $0 == "\u{FFE5}" }.count
            XCTAssertEqual(words.filter { $0 == "\u{A5}" }.count, inText, "\(form.name): each figure of the text layout's ￥ is a ¥ on paper")
            figures += inText
        }
        XCTAssertGreaterThan(figures, 10, "the examples print money figures")
    }

    /// The forms printed on one sheet (a slip, a certificate, the dossier's cover, contents and notes): a face
    /// wider or taller than the grid's cell (Noto CJK JP's titles took two grid lines) pushed them onto a
    /// second page.
    static let onePageForms: Set<String> = [
        "follow-up", "mediation-certificate", "oral-agreement", "supervision", "referral", "intake-register",
        "dossier-cover", "dossier-contents", "dossier-notes", "dossier-back",
    ]

    func testAOnePageFormStaysOnePage() throws {
        // A register of twelve claimants runs on to more sheets (its last rows kept together); every other
        // case's one-page forms stay one sheet.
        let onePage = try PrintedExamples.forms().filter {
            Self.onePageForms.contains($0.formID) && !$0.name.hasPrefix("twelve-claimants.yaml")
        }
        XCTAssertEqual(Set(onePage.map(\.formID)), Self.onePageForms, "every one-page form is among the examples")
        for form in onePage {
            XCTAssertEqual(form.pdfPages, 1, form.name)
        }
    }

    /// Nothing signs alone (issue 13): no page after the first starts with the committee's name and seal, a
    /// date alone, the parties' signatures or a table's signature row — the wages case's 受理登记表 started
    /// page 2 with its seal and date. A first line lower than a grid line under the text block's top has
    /// lines above it that pdftotext does not see (a blank form's ruled lines). The committee's officers
    /// (人民调解员, 记录人) never open a page either: the last party's line goes with them. Only a group of
    /// signatures too tall for one page carries its parties' lines on to the next page: such a page follows
    /// one that ends with a signatory's line, and starts with a party's.
    func testNoSignatureOrSealStartsAPage() throws {
        let date = /^[0-9〇一二三四五六七八九十]*年[0-9〇一二三四五六七八九十]*月[0-9〇一二三四五六七八九十]*日$/
        var pages = 0
        for form in try PrintedExamples.forms() {
            for (index, top) in form.pageTops.enumerated() {
                let page = index + 2
                pages += 1
                guard let top else {
                    XCTFail("\(form.name) page \(page) is empty")
                    continue
                }
                guard top.top < 37 + 10 else { continue }
                let line = top.text
                let officers = line.hasPrefix("人民调解员：") || line.hasPrefix("记录人：")
                let continues = form.signed && (form.pageLines[index].last.map { SignedPages.isSignature($0.text) } ?? false)
                // A signatory's line (the parties', an interviewee's, a receipt's), not a sentence that
                // names signing (本协议自各方当事人签名……之日起生效).
                let signs = ["当事人（签名", "签收", "申请人：", "被申请人：", "第三人：", "当事人：", "法定代表人：", "负责人：",
                             "委托代理人：", "法定代理人：", "被调查人：", "受理人签名", "当事人签名"].contains { line.hasPrefix($0) }
                    || line.hasSuffix("（签名）") || line.contains("（签名或按指印）") || line.contains("（盖章）")
                // …and not a party's particulars (申请人：杨秀英　性别：…), which open a page like any text.
                let particulars = line.contains("性别：") || line.contains("名称：")
                let alone = line.contains("（印）") || line.wholeMatch(of: date) != nil
                    || officers || (signs && !particulars && !continues)
                XCTAssertFalse(alone, "\(form.name) page \(page) starts with “\(line)”")
            }
        }
        XCTAssertGreaterThan(pages, 50, "the examples' forms have pages after the first")
    }

    /// Nothing signs alone (issue 13): on every page after the first of every form with signature blocks, a
    /// page holding signature or seal lines holds at least two lines of the text they sign before the first
    /// of them, or carries on the parties' lines from the page before (a group too tall for one page), never
    /// starting with the committee's officers, seal or date. Lines above a page's first printed line that
    /// pdftotext does not see (a blank form's ruled lines) count by their height, a grid line each.
    func testSignaturesKeepTwoLinesOfTheirText() throws {
        var signed = 0
        for form in try PrintedExamples.forms() where form.signed {
            signed += 1
            let hidden = form.pageLines.map { lines in
                lines.first.map { Int(($0.top - PrintedExamples.textTop + 1) / PrintedExamples.gridLine) } ?? 0
            }
            for problem in SignedPages.problems(form.pageLines.map { $0.map(\.text) }, hidden: hidden, name: form.name) {
                XCTFail(problem)
            }
        }
        XCTAssertGreaterThan(signed, 50, "the forms with signatures are seen")
    }

    /// No line of any example's form or any blank form starts with a closing mark (domain.md §6), in
    /// LibreOffice's layout and in the text layout (a table cell's line starts after its rule): a blank
    /// that vanished at a line's end left "，住址" and "。" to start the next.
    func testNoLineStartsWithAClosingMark() throws {
        let closing: Set<Character> = ["，", "。", "、", "；", "：", "？", "！", "）", "」", "』", "》", "”", "’"]
        var lines = 0
        for form in try PrintedExamples.forms() {
            for start in form.lineStarts {
                lines += 1
                XCTAssertFalse(start.text.first.map(closing.contains) ?? false, "\(form.name) page \(start.page): a line starts with “\(start.text)”")
            }
            for line in form.textLines {
                for piece in line.split(separator: "│") {
                    let text = piece.drop { $0 == " " || $0 == "　" }
                    XCTAssertFalse(text.first.map(closing.contains) ?? false, "\(form.name) (text): a line starts with “\(line)”")
                }
            }
        }
        XCTAssertGreaterThan(lines, 1000, "the lines of every form are seen")
    }

    /// Wenshu's text layout (28 × 22 with page-number lines, tables drawn with rules) never needs fewer pages
    /// than the printed form: a PDF longer than the text means the print spilled.
    func testNoFormPrintsLongerThanItsTextLayout() throws {
        for form in try PrintedExamples.forms() {
            XCTAssertLessThanOrEqual(form.pdfPages, form.textPages, form.name)
        }
    }
}

struct Unprintable: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The examples' forms printed once for all tests of the print check.
enum PrintedExamples {
    struct Form {
        var name: String
        /// The template's id (`follow-up` for follow-up-2.pdf).
        var formID: String
        var fonts: [String]
        var pdfPages: Int
        /// Pages of the same form in Wenshu's text layout (GB/T 9704's 28 × 22).
        var textPages: Int
        /// The first line of each page after the first (its words joined, and its top in millimetres from
        /// the page's top), nil for a page with nothing but its number.
        var pageTops: [(text: String, top: Double)?]
        /// The words that start a line in LibreOffice's layout (a word lower than the one before it), with
        /// their page.
        var lineStarts: [(page: Int, text: String)]
        /// The lines of the form's text layout.
        var textLines: [String]
        /// Every word of the PDF, in reading order.
        var words: [String]
        /// Each page's printed lines (words within a millimetre of each other's top, left to right) above the
        /// page number, with their top in millimetres.
        var pageLines: [[(text: String, top: Double)]]
        /// Whether the form's template has signature blocks (not signatures in table cells).
        var signed: Bool
    }

    /// The top of a prose page's first grid line's words, and the grid's line height (GB/T 9704: 37 mm, 225 / 22).
    static let textTop = 39.5
    static let gridLine = 225.0 / 22

    private static let printed: Result<[Form], Error> = Result { try printAll() }

    static func forms() throws -> [Form] { try printed.get() }

    static var fandolFangInstalled: Bool {
        guard let fcList = Tool.find("fc-list") else { return false }
        let found = try? Tool.run(fcList, ["FandolFang", "family"], environment: ["FONTCONFIG_FILE": TestPaths.fontsConf.path])
        return found?.output.contains("FandolFang") == true
    }

    private static func printAll() throws -> [Form] {
        let converter = try PrintFixtures.converter(converters: ProcessInfo.processInfo.activeProcessorCount)
        let root = TestPaths.packageRoot
        let (library, problems) = TemplateLibrary.load(directory: root.appendingPathComponent("templates"))
        guard !problems.hasErrors else { throw Unprintable("templates: \(problems)") }
        let (profile, _) = OfficeProfile.load(root.appendingPathComponent("examples/office.yaml"))
        let pipeline = RenderPipeline(library: library, profile: profile, settings: .init(forms: [], formats: [.odt, .txt]))

        var files: [(name: String, files: [RenderPipeline.RenderedFile])] = []
        // The examples, and the cases written for situations they do not cover (24 instalments, only the
        // fields the forms need, twelve claimants against one company).
        for url in try InputFiles.expand([root.appendingPathComponent("examples/cases").path,
                                          root.appendingPathComponent("Tests/PrintCases").path,
                                          root.appendingPathComponent("Tests/Golden/cases").path]) {
            let result = pipeline.render(caseAt: url)
            guard result.succeeded else { throw Unprintable("\(url.lastPathComponent): \(result.diagnostics)") }
            files.append((url.lastPathComponent, result.files))
        }
        files.append(("blank", try pipeline.blankForms()))

        var documents: [(source: String, document: String, odf: Data)] = []
        var textPages: [Int] = []
        var texts: [String] = []
        for (name, rendered) in files {
            for odt in rendered where odt.name.hasSuffix(".odt") {
                let stem = String(odt.name.dropLast(4))
                let text = try XCTUnwrap(rendered.first { $0.name == stem + ".txt" })
                documents.append((name, stem + ".pdf", odt.data))
                let layout = String(decoding: text.data, as: UTF8.self)
                textPages.append(layout.filter { $0 == "\u{0C}" }.count + 1)
                texts.append(layout)
            }
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-print-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var forms: [Form] = []
        for (index, result) in converter.convert(documents).enumerated() {
            let name = "\(documents[index].source): \(documents[index].document)"
            let pdf = folder.appendingPathComponent("\(index).pdf")
            try result.get().write(to: pdf)
            let stem = String(documents[index].document.dropLast(4))
            let formID = stem.replacing(/-\d+$/, with: "")
            let pageCount = try LibreOffice.pageCount(pdf)
            let tops = try (1..<max(pageCount, 1)).map { try firstLine(pdf, page: $0 + 1) }
            var starts: [(page: Int, text: String)] = []
            var allWords: [String] = []
            var pageLines: [[(text: String, top: Double)]] = []
            for page in 1...max(pageCount, 1) {
                var previous: WenshuTestSupport.LibreOffice.Word?
                let words = try LibreOffice.words(pdf, page: page)
                for word in words {
                    if previous.map({ word.top > $0.top + 1 }) ?? true { starts.append((page, word.text)) }
                    previous = word
                    allWords.append(word.text)
                }
                pageLines.append(lines(words))
            }
            let template = try String(contentsOf: root.appendingPathComponent("templates/\(formID).form.xml"), encoding: .utf8)
            forms.append(Form(name: name, formID: formID, fonts: try LibreOffice.fonts(pdf), pdfPages: pageCount,
                              textPages: textPages[index], pageTops: tops, lineStarts: starts,
                              textLines: texts[index].components(separatedBy: .newlines), words: allWords, pageLines: pageLines,
                              signed: SignedPages.hasSignatureBlocks(template: template)))
        }
        return forms
    }

    /// The first line of a page's text block: the words within a millimetre of the topmost one, left to
    /// right; the page number under the text block (from 262 mm down) does not count.
    static func firstLine(_ pdf: URL, page: Int) throws -> (text: String, top: Double)? {
        lines(try LibreOffice.words(pdf, page: page)).first
    }

    /// A page's lines, top to bottom: the words within a millimetre of a line's topmost word, left to right,
    /// joined; the page number under the text block (from 262 mm down) does not count.
    static func lines(_ words: [WenshuTestSupport.LibreOffice.Word]) -> [(text: String, top: Double)] {
        var remaining = words.filter { $0.top < 262 }
        var lines: [(text: String, top: Double)] = []
        while let top = remaining.map(\.top).min() {
            let line = remaining.filter { abs($0.top - top) < 1 }.sorted { $0.left < $1.left }
            lines.append((line.map(\.text).joined(), top))
            remaining.removeAll { abs($0.top - top) < 1 }
        }
        return lines
    }
}
