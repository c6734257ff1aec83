import Foundation
import WenshuDocument
import XCTest
@testable import WenshuWriters

final class TextWriterTests: XCTestCase {
    static let geometries: [WriterOptions] = [
        WriterOptions(textColumns: 56, textLines: 22),
        WriterOptions(textColumns: 80, textLines: 66),
        WriterOptions(textColumns: 80, textLines: 66, ambiguousWidth: 1),
        WriterOptions(textColumns: 40, textLines: 30),
        WriterOptions(textColumns: 57, textLines: 22),
    ]
    static let samples: [(String, Document)] = [
        ("agreement", TextSamples.agreement), ("intake", TextSamples.intakeForm), ("dossier", TextSamples.dossier()),
    ]

    /// The yuan sign of money figures (U+00A5, which the ODF faces draw) prints as GB2312's full-width ￥,
    /// which a GB2312 printer has, taking two columns; in GB18030 it is the two bytes A3 A4.
    func testASignatoryLabelEndsWithAColonAsItsCharactersSay() {
        // SignatureLayout looks at the last bytes; the answer must be what comparing Characters gives.
        for text in ["", "：", ":", "当事人（签名）：", "label:", "签名", "：签名", "a:\u{301}", "：\u{301}", "\u{FF1A}\u{FF1A}", "\u{FE13}", "\u{FE55}"] {
            XCTAssertEqual(SignatureLayout.endsWithColon(text), text.hasSuffix("：") || text.hasSuffix(":"), text)
        }
    }

    func testTheYuanSignPrintsFullWidth() throws {
        let document = Document(metadata: DocumentMetadata(formID: "t", title: "t"), blocks: [
            .paragraph(Paragraph([.text("合计"), .field("¥34,020.00"), .text("元")])),
        ])
        let text = try TextWriter(options: WriterOptions(textColumns: 56, textLines: 22)).text(document)
        XCTAssertTrue(text.contains("合计￥34,020.00元"), text)
        XCTAssertFalse(text.contains("\u{A5}"))
        let gb18030 = try TextWriter(options: WriterOptions(textEncoding: .gb18030)).write(document)
        XCTAssertNotNil(gb18030.range(of: Data([0xA3, 0xA4, 0x33, 0x34])))
    }

    /// A one-line lead-in (履行方式、时限：) never ends a page with its paragraph on the next, wherever the
    /// page break falls; nor does a paragraph introducing a table.
    func testALeadInNeverEndsAPage() throws {
        let geometry = WriterOptions(textColumns: 56, textLines: 22)
        for filler in 1...30 {
            var blocks: [Block] = (0..<filler).map { .paragraph(Paragraph([.text("第\($0 + 1)行。")], firstLineIndent: true)) }
            blocks.append(.paragraph(Paragraph([.text("履行方式、时限：")], firstLineIndent: true)))
            blocks.append(.paragraph(Paragraph([.field(String(repeating: "当场以微信转账方式支付。", count: 3))], firstLineIndent: true)))
            blocks.append(.paragraph(Paragraph([.text("分期履行如下：")], firstLineIndent: true)))
            blocks.append(.table(Table(columnWidths: [1, 2], rows: [TableRow(cells: [TableCell([Paragraph([.text("第1期")])]),
                                                                                    TableCell([Paragraph([.text("¥100.00")])])])])))
            let document = Document(metadata: DocumentMetadata(formID: "t", title: "t"), blocks: blocks)
            let text = try TextWriter(options: geometry).text(document)
            for page in text.components(separatedBy: "\u{0C}") {
                let lines = page.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                    .filter { !$0.isEmpty && !$0.hasPrefix("—") }
                XCTAssertFalse(lines.last?.hasSuffix("：") ?? false, "\(filler) lines before: a page ends with “\(lines.last ?? "")”")
            }
        }
    }

    /// Every line of every sample in every geometry: no wider than the page, no trailing spaces, no page
    /// longer than its lines, every table line as wide as its table, no line starting with closing or
    /// ending with opening punctuation.
    func testEveryLineKeepsTheRules() throws {
        for options in Self.geometries {
            for (name, document) in Self.samples {
                let text = try TextWriter(options: options).text(document)
                XCTAssertEqual(TextOutput.violations(in: text, options: options), [], "\(name) at \(options)")
            }
        }
    }

    /// The checks above are not vacuous: they catch a line too wide, a ragged table and a comma at a
    /// line's start.
    func testTheLineChecksCatchBrokenOutput() {
        let options = WriterOptions(textColumns: 10, textLines: 5)
        let broken: [(String, WriterOptions)] = [
            ("一二三四五六\n", options),                                   // 12 columns
            ("┌──┐\n│一 │\n└──┘\n", WriterOptions(textColumns: 10, textLines: 5, ambiguousWidth: 1)),  // ragged
            ("┌──┐\n│一│\n", WriterOptions(textColumns: 10, textLines: 5, ambiguousWidth: 1)),         // unclosed
            ("一二\n，三\n", options),                                     // comma first
            ("一（\n二\n", options),                                       // bracket last
            ("一 \n", options),                                             // trailing space
            ("1\n2\n3\n4\n5\n6\n", options),                           // six lines on a five-line page
            ("一", options),                                                 // no final newline
        ]
        for (text, options) in broken {
            XCTAssertFalse(TextOutput.violations(in: text, options: options).isEmpty, text)
        }
        XCTAssertEqual(TextOutput.violations(in: "┌─┐\n│1│\n└─┘\n一，\n", options: WriterOptions(textColumns: 10, textLines: 5, ambiguousWidth: 1)), [])
    }

    /// What the agreement's reader sees: centred title, number line at the right, indented body,
    /// the amount whole, the instalment table, the signatures with their date lines.
    func testAgreementReadsAsPrinted() throws {
        let text = try TextWriter(options: WriterOptions()).text(TextSamples.agreement)
        let lines = TextOutput.pages(text).flatMap { $0 }
        XCTAssertEqual(lines[0], String(repeating: " ", count: 21) + "人民调解协议书")
        XCTAssertEqual(lines[1], String(repeating: " ", count: 36) + "（2026）青调字第12号")
        XCTAssertEqual(lines[2], "")
        XCTAssertTrue(lines[3].hasPrefix("　　甲方：张三，"))
        XCTAssertTrue(lines.contains { $0.contains("110105198503120017") })
        XCTAssertTrue(lines.contains { $0.contains("│  合计  │人民币叁万肆仟零贰拾元整（￥34,020.00）") })
        XCTAssertTrue(lines.contains { $0.hasSuffix("年　　月　　日") })
        XCTAssertTrue(lines.contains { $0.hasSuffix("青年路街道人民调解委员会（印）") })
        XCTAssertTrue(lines.contains { $0.hasSuffix("二〇二六年十一月二十二日") })
        XCTAssertTrue(lines.contains { $0.hasSuffix("人民调解员（签名）：赵六") })
    }

    /// Blanks print as underscores two per full-width character; checkboxes as □ and ■, which take the
    /// same columns (☑ is one column where □ is two).
    func testBlanksAndCheckboxes() throws {
        let document = Document(metadata: DocumentMetadata(formID: "t", title: "t"), blocks: [
            .paragraph(Paragraph([.text("姓名"), .blank(width: 4), .text("性别"), .checkbox(label: "男", checked: true),
                                  .checkbox(label: "女", checked: false)])),
        ])
        let text = try TextWriter(options: WriterOptions()).text(document)
        XCTAssertEqual(TextOutput.pages(text)[0][0], "姓名________性别■男□女")
        let width = DisplayWidth(ambiguous: 2)
        XCTAssertEqual(width.of("■男"), width.of("□男"))
    }

    /// Control characters in case data never reach the printer: a form feed or escape would be a command.
    func testControlCharactersInDataAreRemoved() throws {
        let document = Document(metadata: DocumentMetadata(formID: "t", title: "t"), blocks: [
            .paragraph(Paragraph([.field("张\u{1B}[2J三\u{0C}李\t四\r\n王五")])),
        ])
        let text = try TextWriter(options: WriterOptions()).text(document)
        XCTAssertEqual(TextOutput.pages(text)[0].prefix(3), ["张[2J三", "李 四", "王五"])
        XCTAssertFalse(text.unicodeScalars.contains { $0 == "\u{1B}" })
    }

    /// Every kind of control character is found alone in otherwise clean text (text without any passes
    /// through untouched, so the check that skips the work must see each of them), and nothing else is.
    func testEachControlCharacterIsFoundOnItsOwn() {
        let table: [(String, String)] = [
            ("甲\u{01}乙", "甲乙"), ("甲\u{1F}乙", "甲乙"), ("甲\u{7F}乙", "甲乙"), ("甲\u{80}乙", "甲乙"), ("甲\u{9F}乙", "甲乙"),
            ("甲\u{85}乙", "甲\n乙"), ("甲\u{2028}乙", "甲\n乙"), ("甲\u{2029}乙", "甲\n乙"), ("甲\t乙", "甲 乙"),
            ("甲\r\n乙\r", "甲\n乙\n"), ("\u{0C}", "\n"), ("\u{1B}", ""),
            ("甲\u{A0}乙“”‘’\u{2027}\u{202A}\u{3028}…—", "甲\u{A0}乙“”‘’\u{2027}\u{202A}\u{3028}…—"),
        ]
        for (text, printed) in table {
            XCTAssertEqual(InlineText.printable(text), printed, text.debugDescription)
        }
    }

    /// The byte scan that lets most text through untouched steps a code point at a time, and text whose only
    /// change is `¥` is changed on its bytes: over random texts of code points of every UTF-8 length and lead
    /// byte near the ones it looks for, `printable` gives what judging every code point gives.
    func testTheControlScanAgreesWithTheScalarWalk() {
        let scalars: [UInt32] = [0x00, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x41, 0x7E, 0x7F, 0x80, 0x85, 0x9F, 0xA0, 0xA5, 0xBF, 0xC0,
                                 0x7FF, 0x800, 0xFFF, 0x1000, 0x2027, 0x2028, 0x2029, 0x202A, 0x2FFF, 0x3000, 0x3001, 0x4E2D,
                                 0xFF1A, 0xFFE5, 0xFFFD, 0x10000, 0x1F600, 0x20000]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...6, using: &generator) {
                text.append(Unicode.Scalar(scalars.randomElement(using: &generator)!)!)
            }
            let value = String(text)
            XCTAssertEqual(Array(InlineText.printable(value).utf8), Array(InlineText.printableScalarByScalar(value).utf8),
                           "\(value.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    /// The same document gives the same bytes, in both encodings.
    func testOutputIsReproducible() throws {
        for encoding in TextEncoding.allCases {
            for (name, document) in Self.samples {
                let options = WriterOptions(textEncoding: encoding)
                let first = try TextWriter(options: options).write(document)
                let second = try Writers.writer(for: .txt, options: options).write(document)
                XCTAssertEqual(first, second, name)
                XCTAssertFalse(first.isEmpty)
            }
        }
    }

    /// GB18030 bytes from iconv agree with Python's codec on “ ” … ① and on every sample.
    func testGB18030AgreesWithPython() throws {
        try TextOutput.requirePython(importing: "sys")
        let sample = Document(metadata: DocumentMetadata(formID: "t", title: "t"), blocks: [
            .paragraph(Paragraph([.text("他说：“好。”……①②③ ￥34,020.00 ‘单引号’ — · × □ ☑")])),
        ])
        for (name, document) in [("quotes", sample)] + Self.samples {
            let utf8 = try TextWriter(options: WriterOptions(textEncoding: .utf8)).write(document)
            let gb18030 = try TextWriter(options: WriterOptions(textEncoding: .gb18030)).write(document)
            let file = TextOutput.temporaryFile("\(name).txt")
            try utf8.write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let script = "import sys; sys.stdout.buffer.write(open(sys.argv[1], encoding='utf-8', newline='').read().encode('gb18030'))"
            let python = try XCTUnwrap(TextOutput.run(["python3", "-c", script, file.path]))
            XCTAssertEqual(python.status, 0)
            XCTAssertEqual(gb18030, python.output, name)
            XCTAssertNotEqual(gb18030, utf8)
        }
        let quotes = try TextWriter(options: WriterOptions(textEncoding: .gb18030)).write(
            Document(metadata: DocumentMetadata(formID: "t", title: "t"), blocks: [.paragraph(Paragraph([.text("“”…①")]))]))
        XCTAssertEqual(Array(quotes.prefix(9)), [0xA1, 0xB0, 0xA1, 0xB1, 0xA1, 0xAD, 0xA2, 0xD9, 0x0A])
    }

    /// A character the encoding lacks is an error naming it: glibc's GB18030 (the 2022 mapping) has no
    /// code for the private-use points the standard moved to real characters, such as U+E78D.
    func testUnencodableCharacterIsNamed() {
        let document = Document(metadata: DocumentMetadata(formID: "t", title: "t"), blocks: [
            .paragraph(Paragraph([.text("甲方"), .field("\u{E78D}"), .text("乙方")])),
        ])
        XCTAssertThrowsError(try TextWriter(options: WriterOptions(textEncoding: .gb18030)).write(document)) {
            XCTAssertEqual($0 as? WriterError, .unencodable(character: "\u{E78D}", encoding: "GB18030"))
        }
        XCTAssertNoThrow(try TextWriter(options: WriterOptions(textEncoding: .utf8)).write(document))
    }

    func testEmptyDocumentIsEmpty() throws {
        XCTAssertEqual(try TextWriter(options: WriterOptions()).write(Document(metadata: DocumentMetadata(formID: "t", title: "t"), blocks: [])), Data())
    }
}
