import Foundation
import XCTest
import WenshuTestSupport
import ZIPFoundation
import WenshuDocument
@testable import WenshuWriters
@testable import WenshuXML

/// The ODF writer's output as files: schema validity, the package's shape, reproducibility, the markup
/// that carries GB/T 9704's layout. What LibreOffice makes of it is in `ODFLibreOfficeTests`.
final class ODFWriterTests: XCTestCase {
    static let samples: [(name: String, document: Document)] = [
        ("agreement", SampleDocuments.agreement()),
        ("grid-22", SampleDocuments.fullLines(22)),
        ("dossier", SampleDocuments.dossier()),
        ("empty", Document(metadata: DocumentMetadata(formID: "empty", title: "空"), blocks: [])),
        ("odd-shapes", SampleDocuments.oddShapes()),
        ("charts", SampleDocuments.chartReport()),
    ]

    // MARK: Validity

    func testFlatDocumentsValidateAgainstODF13() throws {
        let schema = try ODFSchemas.document()
        for (name, document) in Self.samples {
            let fodt = try ODFWriter(flat: true).write(document)
            XCTAssertEqual(try ODFSchemas.problems(fodt, name: name + ".fodt", schema: schema), [], name)
        }
    }

    func testPackagedPartsValidateAgainstODF13() throws {
        let schema = try ODFSchemas.document(), manifest = try ODFSchemas.manifest()
        for (name, document) in Self.samples {
            let parts = try ZipParts(ODFWriter(flat: false).write(document))
            for part in ["content.xml", "styles.xml", "meta.xml"] {
                let data = try XCTUnwrap(parts.data[part], "\(name): \(part) missing")
                XCTAssertEqual(try ODFSchemas.problems(data, name: "\(name)/\(part)", schema: schema), [])
            }
            let data = try XCTUnwrap(parts.data["META-INF/manifest.xml"])
            XCTAssertEqual(try ODFSchemas.problems(data, name: "\(name)/manifest.xml", schema: manifest), [])
        }
    }

    /// jing is stricter than libxml2 in places; run it too where it is installed (`jing -i`: the schema's
    /// ID types need it).
    func testJingAgreesWhereInstalled() throws {
        guard let jing = Tool.find("jing") else { throw XCTSkip("jing is not installed: apt-get install jing") }
        let folder = TestPaths.odfSchemaFolder
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-jing-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: temporary) }
        var files: [String] = []
        for (name, document) in Self.samples {
            let file = temporary.appendingPathComponent(name + ".fodt")
            try ODFWriter(flat: true).write(document).write(to: file)
            files.append(file.path)
        }
        let result = try Tool.run(jing, ["-i", folder.appendingPathComponent("OpenDocument-v1.3-schema.rng").path] + files)
        XCTAssertEqual(result.status, 0, result.output + result.errors)
    }

    // MARK: Package and reproducibility

    func testPackageStartsWithStoredMimetype() throws {
        let odt = try ODFWriter(flat: false).write(SampleDocuments.agreement())
        // ODF 1.3 part 2 §3.3: the first entry is `mimetype`, stored, with no extra field, so the media type
        // sits at byte 38 for tools that sniff it.
        XCTAssertEqual(odt.prefix(4), Data([0x50, 0x4B, 0x03, 0x04]))
        XCTAssertEqual(String(decoding: odt[30..<38], as: UTF8.self), "mimetype")
        XCTAssertEqual(String(decoding: odt[38..<(38 + 39)], as: UTF8.self), "application/vnd.oasis.opendocument.text")
        let parts = try ZipParts(odt)
        XCTAssertEqual(parts.names, ["mimetype", "content.xml", "styles.xml", "meta.xml", "META-INF/manifest.xml"])
        XCTAssertEqual(parts.methods["mimetype"], CompressionMethod.none)
        XCTAssertEqual(parts.methods["content.xml"], .deflate)
    }

    /// The writer both forms are put together in: integers low byte first, pieces in order, and the `Data`
    /// it hands over holds exactly those bytes (a long piece too, which `Data` keeps out of line).
    func testByteWriterHandsOverWhatItWrote() {
        let long = [UInt8]((0..<300).map { UInt8(truncatingIfNeeded: $0 * 7) })
        var writer = ByteWriter(capacity: 4 + 2 + 4 + long.count)
        writer.le(UInt32(0x0403_4B50))
        writer.le(UInt16(0x0314))
        writer.bytes("a/é")
        writer.bytes(long)
        XCTAssertEqual(writer.count, 310)
        XCTAssertEqual(writer.data(), Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x03, 0x61, 0x2F, 0xC3, 0xA9]) + Data(long))
    }

    /// `Markup` writes into memory of its own: a copy keeps what it had when either is written to, the
    /// memory grows past its first room, and an insertion moves what follows it.
    func testMarkupCopiesOnWriteGrowsAndInserts() {
        var first = Markup()
        first.raw("<p>")
        var second = first
        second.raw("x")
        first.raw("y")    // within the first room: the same offset `second` wrote at
        let long = String(repeating: "甲", count: 100)
        first.text(long + "&")
        first.insert("<s/>", at: 3)
        XCTAssertEqual(String(decoding: first.bytes, as: UTF8.self), "<p><s/>y" + long + "&amp;")
        XCTAssertEqual(String(decoding: second.bytes, as: UTF8.self), "<p>x")
        XCTAssertEqual(first.count, 8 + 300 + 5)
        XCTAssertEqual(second.data, Data("<p>x".utf8))
    }

    func testSameDocumentGivesSameBytes() throws {
        for flat in [true, false] {
            let first = try ODFWriter(flat: flat).write(SampleDocuments.dossier())
            let second = try ODFWriter(flat: flat).write(SampleDocuments.dossier())
            XCTAssertEqual(first, second, flat ? "fodt" : "odt")
        }
    }

    /// The flat document and the package carry the same body, styles and metadata.
    func testFlatAndPackageShareEveryPart() throws {
        let document = SampleDocuments.agreement()
        let fodt = try XMLDocument(parsing: ODFWriter(flat: true).write(document), fileName: "a.fodt")
        let parts = try ZipParts(ODFWriter(flat: false).write(document))
        let content = try XMLDocument(parsing: parts.data["content.xml"]!, fileName: "content.xml")
        let styles = try XMLDocument(parsing: parts.data["styles.xml"]!, fileName: "styles.xml")
        let meta = try XMLDocument(parsing: parts.data["meta.xml"]!, fileName: "meta.xml")
        func serialized(_ document: XMLDocument, _ name: String) throws -> [String] {
            try XPathContext.odf(document).evaluate("//office:\(name)").nodes.map { $0.serializedForTest }
        }
        for name in ["body", "meta", "master-styles", "styles", "font-face-decls"] {
            let flatPart = try serialized(fodt, name)
            let packaged = try serialized(content, name) + serialized(styles, name) + serialized(meta, name)
            XCTAssertEqual(flatPart.count, 1, name)
            XCTAssertEqual(flatPart.first, packaged.first, name)
        }
    }

    func testMetadataComesFromTheDocumentNotTheClock() throws {
        let meta = try XPathContext.odf(flat(SampleDocuments.agreement()))
        XCTAssertEqual(try meta.evaluate("string(//meta:creation-date)").stringValue, "2026-05-20T00:00:00")
        XCTAssertEqual(try meta.evaluate("string(//dc:date)").stringValue, "2026-05-20T00:00:00")
        XCTAssertEqual(try meta.evaluate("string(//dc:title)").stringValue, "人民调解协议书")
        XCTAssertEqual(try meta.evaluate("string(//meta:generator)").stringValue, "Wenshu/" + WenshuVersion.current)
        XCTAssertEqual(try meta.evaluate("string(//meta:user-defined[@meta:name='case-number'])").stringValue,
                       "（2026）西交调字第37号")
        XCTAssertEqual(try meta.evaluate("string(//meta:user-defined[@meta:name='form-id'])").stringValue, "agreement")
    }

    func testAnImpossibleDateIsAnError() {
        var document = SampleDocuments.agreement()
        document.metadata.date = "2026-02-30"
        XCTAssertThrowsError(try ODFWriter(flat: true).write(document)) {
            XCTAssertEqual($0 as? WriterError, .invalidDate("2026-02-30"))
        }
    }

    // MARK: Layout markup

    /// Tables that follow one another print as one grid; a table after text stands a little apart.
    func testConsecutiveTablesJoin() throws {
        func table(_ text: String) -> Block {
            .table(Table(columnWidths: [1, 3], rows: [TableRow(cells: [TableCell([Paragraph([.text(text)])]),
                                                                       TableCell([Paragraph([.field(text)])])])]))
        }
        let document = Document(metadata: DocumentMetadata(formID: "t", title: "t"), pageStyle: .form,
                                blocks: [.title([.text("表")]), table("一"), table("二"), table("三"),
                                         .paragraph(Paragraph([.text("注")])), table("四")])
        let x = try XPathContext.odf(flat(document))
        func margins(_ n: Int) throws -> String {
            let style = "//style:style[@style:name=//table:table[@table:name='Table\(n)']/@table:style-name]/style:table-properties"
            return try x.evaluate("concat(\(style)/@fo:margin-top, ' ', \(style)/@fo:margin-bottom)").stringValue
        }
        XCTAssertEqual(try margins(1), "2mm 0mm")
        XCTAssertEqual(try margins(2), "0mm 0mm")
        XCTAssertEqual(try margins(3), "0mm 2mm")
        // The document's last table: nothing under it but the tiny paragraph that ends the document.
        XCTAssertEqual(try margins(4), "2mm 0mm")
    }

    func testProsePageIsGBT9704() throws {
        let x = try XPathContext.odf(flat(SampleDocuments.agreement()))
        let layout = "//style:page-layout[@style:name=//style:master-page[@style:name='Wenshu_Prose']/@style:page-layout-name]/style:page-layout-properties"
        XCTAssertEqual(try x.evaluate("string(\(layout)/@fo:page-width)").stringValue, "210mm")
        XCTAssertEqual(try x.evaluate("string(\(layout)/@fo:page-height)").stringValue, "297mm")
        XCTAssertEqual(try x.evaluate("string(\(layout)/@fo:margin-top)").stringValue, "37mm")
        XCTAssertEqual(try x.evaluate("string(\(layout)/@fo:margin-left)").stringValue, "28mm")
        XCTAssertEqual(try x.evaluate("string(\(layout)/@fo:margin-right)").stringValue, "26mm")
        // The footer (7 mm spacing + 6 mm) sits inside the 35 mm bottom margin.
        XCTAssertEqual(try x.evaluate("string(\(layout)/@fo:margin-bottom)").stringValue, "22mm")
        XCTAssertEqual(try x.evaluate("string(\(layout)/@style:layout-grid-mode)").stringValue, "line")
        XCTAssertEqual(try x.evaluate("string(\(layout)/@style:layout-grid-lines)").stringValue, "22")
        // The first paragraph puts the document on its master page.
        XCTAssertEqual(try x.evaluate("string(//style:style[@style:name=//office:text/*[1]/@text:style-name]/@style:master-page-name)").stringValue,
                       "Wenshu_Prose")
        // Page number "— N —", right on odd pages, left on even ones.
        let master = "//style:master-page[@style:name='Wenshu_Prose']"
        XCTAssertEqual(try x.evaluate("string(\(master)/style:footer/text:p)").stringValue, "— 1 —")
        XCTAssertEqual(try x.evaluate("string(//style:style[@style:name=\(master)/style:footer/text:p/@text:style-name]/style:paragraph-properties/@fo:text-align)").stringValue, "end")
        XCTAssertEqual(try x.evaluate("string(//style:style[@style:name=\(master)/style:footer-left/text:p/@text:style-name]/style:paragraph-properties/@fo:text-align)").stringValue, "start")
    }

    func testTableSpansHeaderRowsAndBorders() throws {
        let x = try XPathContext.odf(flat(SampleDocuments.agreement()))
        let table = "//table:table[1]"
        XCTAssertEqual(try x.evaluate("count(\(table)/table:table-column)").stringValue, "3")
        XCTAssertEqual(try x.evaluate("count(\(table)/table:table-header-rows/table:table-row)").stringValue, "1")
        // Every row lists three positions: cells plus covered cells.
        for row in 1...4 {
            XCTAssertEqual(try x.evaluate("count(\(table)/table:table-row[\(row)]/*)").stringValue, "3", "row \(row)")
        }
        XCTAssertEqual(try x.evaluate("string(\(table)/table:table-row[2]/table:table-cell[3]/@table:number-rows-spanned)").stringValue, "2")
        XCTAssertEqual(try x.evaluate("local-name(\(table)/table:table-row[3]/*[3])").stringValue, "covered-table-cell")
        XCTAssertEqual(try x.evaluate("string(\(table)/table:table-row[4]/table:table-cell[2]/@table:number-columns-spanned)").stringValue, "2")
        // Column widths follow the model's 1 : 3 : 3 over the 156 mm text block.
        let widths = try (1...3).map { column in
            try x.evaluate("string(//style:style[@style:name=\(table)/table:table-column[\(column)]/@table:style-name]/style:table-column-properties/@style:column-width)").stringValue
        }
        XCTAssertEqual(widths, ["22.29mm", "66.86mm", "66.85mm"])
        // The bottom-right cell draws all four borders.
        XCTAssertEqual(try x.evaluate("string(//style:style[@style:name=\(table)/table:table-row[4]/table:table-cell[2]/@table:style-name]/style:table-cell-properties/@fo:border-bottom)").stringValue,
                       "0.5pt solid #000000")
    }

    func testBlanksAreUnderlinedIdeographicSpacesOfTheirWidth() throws {
        let x = try XPathContext.odf(flat(SampleDocuments.agreement()))
        let blank = try x.evaluate("string(//text:span[@text:style-name='Wenshu_20_Blank'])").stringValue
        XCTAssertEqual(blank, String(repeating: "\u{3000}", count: 12))
        XCTAssertEqual(try x.evaluate("string(//style:style[@style:name='Wenshu_20_Blank']/style:text-properties/@style:text-underline-style)").stringValue, "solid")
    }

    /// A blank right before a closing mark ends in a fullwidth low line, which is text: LibreOffice cannot let
    /// it hang past the line's end, so the mark never starts the next line.
    func testABlankBeforeAClosingMarkEndsInALowLine() throws {
        let document = Document(metadata: DocumentMetadata(formID: "t", title: "T"), pageStyle: .form, blocks: [
            .paragraph(Paragraph([.text("住址"), .blank(width: 3), .text("，电话"), .blank(width: 2)])),
        ])
        let x = try XPathContext.odf(flat(document))
        let blanks = try x.evaluate("//text:span[@text:style-name='Wenshu_20_Blank']").nodes.map(\.stringValue)
        XCTAssertEqual(blanks, ["\u{3000}\u{3000}\u{FF3F}", "\u{3000}\u{3000}"])
    }

    func testCheckboxesPrintTheirGlyphs() throws {
        let x = try XPathContext.odf(flat(SampleDocuments.agreement()))
        XCTAssertEqual(try x.evaluate("string(//text:p[contains(., '履行方式')])").stringValue, "履行方式：□一次性履行　☑分期履行")
    }

    func testSignaturesKeepTogetherWithTheirDateLine() throws {
        let x = try XPathContext.odf(flat(SampleDocuments.agreement()))
        let lines = try x.evaluate("//text:p[starts-with(@text:style-name, 'P') and contains(., '（签名')] | //text:p[contains(., '（印）')] | //text:p[. = '2026年5月20日']").nodes
        XCTAssertEqual(lines.count, 6)
        for (index, line) in lines.enumerated() {
            let style = line.attribute("style-name", namespace: ODFNamespace.text) ?? ""
            let keep = try x.evaluate("string(//style:style[@style:name='\(style)']/style:paragraph-properties/@fo:keep-with-next)").stringValue
            XCTAssertEqual(keep, index < lines.count - 1 ? "always" : "", line.stringValue)
        }
    }

    func testSectionsGetBookmarksPageStartsAndReferences() throws {
        let x = try XPathContext.odf(flat(SampleDocuments.dossier()))
        for id in ["cover", "contents", "application", "record", "agreement", "notes"] {
            XCTAssertEqual(try x.evaluate("count(//text:bookmark[@text:name='start:\(id)'])").stringValue, "1", id)
            XCTAssertEqual(try x.evaluate("count(//text:bookmark[@text:name='end:\(id)'])").stringValue, "1", id)
        }
        XCTAssertEqual(try x.evaluate("count(//text:bookmark-ref[@text:reference-format='page'])").stringValue, "7")
        // The cover and contents carry no page number; the first document restarts at 1; the ledger page is
        // landscape; the 备考表 counts numbered pages from the last page's number.
        func style(ofTitle title: String) -> String {
            "//style:style[@style:name=//office:text/text:p[. = '\(title)']/@text:style-name]"
        }
        func master(ofTitle title: String) throws -> String {
            try x.evaluate("string(\(style(ofTitle: title))/@style:master-page-name)").stringValue
        }
        XCTAssertEqual(try master(ofTitle: "调解卷宗"), "Wenshu_Form_Unnumbered")
        XCTAssertEqual(try master(ofTitle: "卷内目录"), "Wenshu_Form_Unnumbered")
        XCTAssertEqual(try master(ofTitle: "人民调解申请书"), "Wenshu_Prose")
        XCTAssertEqual(try x.evaluate("string(\(style(ofTitle: "人民调解申请书"))/style:paragraph-properties/@style:page-number)").stringValue, "1")
        XCTAssertEqual(try master(ofTitle: "人民调解记录"), "Wenshu_Prose")
        XCTAssertEqual(try x.evaluate("string(\(style(ofTitle: "人民调解记录"))/style:paragraph-properties/@style:page-number)").stringValue, "")
        XCTAssertEqual(try master(ofTitle: "人民调解协议书"), "Wenshu_Landscape")
        XCTAssertEqual(try master(ofTitle: "备考表"), "Wenshu_Prose")
        XCTAssertEqual(try x.evaluate("string(//text:p[contains(., '本卷共')]/text:bookmark-ref/@text:ref-name)").stringValue, "document-end")
    }

    /// A section that restarts numbering and opens with a section on another kind of page starts one page,
    /// on the inner page style, numbered as the outer one asked; after the inner section the outer page style
    /// comes back on a new page.
    func testNestedSectionsStartOnePage() throws {
        let x = try XPathContext.odf(flat(SampleDocuments.oddShapes()))
        let inner = "//style:style[@style:name=//office:text/text:p[text:bookmark/@text:name='start:inner']/@text:style-name]"
        XCTAssertEqual(try x.evaluate("string(\(inner)/@style:master-page-name)").stringValue, "Wenshu_Landscape")
        XCTAssertEqual(try x.evaluate("string(\(inner)/style:paragraph-properties/@style:page-number)").stringValue, "5")
        let back = "//style:style[@style:name=//office:text/text:p[. = '回到外层']/@text:style-name]"
        XCTAssertEqual(try x.evaluate("string(\(back)/@style:master-page-name)").stringValue, "Wenshu_Form")
        XCTAssertEqual(try x.evaluate("count(\(back)/style:paragraph-properties/@style:page-number)").stringValue, "0")
    }

    func testPageCountIsAFieldWhenEveryPageIsNumbered() throws {
        let document = Document(metadata: SampleDocuments.metadata, blocks: [.paragraph(Paragraph([.text("共"), .pageCount, .text("页")]))])
        let x = try XPathContext.odf(flat(document))
        XCTAssertEqual(try x.evaluate("count(//text:page-count)").stringValue, "1")
    }

    func testAPageReferenceToAMissingSectionIsAnError() {
        let document = Document(metadata: SampleDocuments.metadata, blocks: [.paragraph(Paragraph([.pageRef(target: "nowhere", end: false)]))])
        XCTAssertThrowsError(try ODFWriter(flat: true).write(document)) {
            XCTAssertEqual($0 as? WriterError, .unknownPageTarget("nowhere"))
        }
    }

    func testSpacesTabsAndLineBreaksSurviveODFWhiteSpaceRules() throws {
        let document = Document(metadata: SampleDocuments.metadata, blocks: [
            .paragraph(Paragraph([.text("  甲  乙\t丙\n丁 "), .text(" 戊"), .lineBreak, .strong("己 & <庚>")])),
        ])
        let data = try ODFWriter(flat: true).write(document)
        let xml = String(decoding: data, as: UTF8.self)
        XCTAssertTrue(xml.contains(#"<text:s text:c="2"/>甲 <text:s/>乙<text:tab/>丙<text:line-break/>丁 <text:s/>戊<text:line-break/><text:span text:style-name="Strong_20_Emphasis">己 &amp; &lt;庚&gt;</text:span>"#), xml)
    }

    func testCharactersXMLCannotCarryAreReplaced() throws {
        let document = Document(metadata: SampleDocuments.metadata, blocks: [.paragraph(Paragraph([.field("甲\u{0}乙\u{1B}丙\u{FFFF}")]))])
        let x = try XPathContext.odf(flat(document))
        XCTAssertEqual(try x.evaluate("string(//office:text/text:p)").stringValue, "甲\u{FFFD}乙\u{FFFD}丙\u{FFFD}")
    }

    /// Escaping and the white-space rules pass whole eight-byte words that hold none of the bytes they look at
    /// (`Markup.plainWords`): over random texts long enough to have words, of Chinese, fullwidth marks (0xEF
    /// 0xBC …), code points whose UTF-8 holds 0xBF, U+FFFE/U+FFFF, spaces, controls and markup characters, the
    /// output is what judging every code point gives.
    func testWordSkippingAgreesWithTheScalarWalk() throws {
        let scalars: [UInt32] = [0x00, 0x09, 0x0A, 0x0D, 0x1B, 0x20, 0x22, 0x26, 0x27, 0x30, 0x3C, 0x3D, 0x3E, 0x3F, 0x41,
                                 0x7E, 0xBF, 0x4E2D, 0x56FD, 0x7F3F, 0x3000, 0xFF0C, 0xFF1A, 0xFFBF, 0xFFFD, 0xFFFE, 0xFFFF,
                                 0x1F600]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...40, using: &generator) {
                // Mostly Chinese, so that whole words occur between the rarer scalars.
                let value = Bool.random(using: &generator) ? 0x4E2D : scalars.randomElement(using: &generator)!
                text.append(Unicode.Scalar(value)!)
            }
            let value = String(text)
            let described = "\(value.unicodeScalars.map { String($0.value, radix: 16) })"
            for inAttribute in [false, true] {
                var out: [UInt8] = []
                Markup.escape(value, inAttribute: inAttribute, into: &out)
                XCTAssertEqual(String(decoding: out, as: UTF8.self), Self.escapedScalarByScalar(value, inAttribute: inAttribute), described)
            }
            // The first paragraph takes the page's style (`P1`); the second is the body text's.
            let document = Document(metadata: SampleDocuments.metadata, blocks: [.paragraph(Paragraph([.text("甲")])),
                                                                                  .paragraph(Paragraph([.text(value)]))])
            let xml = String(decoding: try ODFWriter(flat: true).write(document), as: UTF8.self)
            let start = try XCTUnwrap(xml.range(of: #"<text:p text:style-name="Text_20_body">"#))
            let end = try XCTUnwrap(xml.range(of: "</text:p>", range: start.upperBound..<xml.endIndex))
            XCTAssertEqual(String(xml[start.upperBound..<end.lowerBound]), Self.odfTextScalarByScalar(value), described)
        }
    }

    /// What `Markup.escape` writes, judged a code point at a time.
    static func escapedScalarByScalar(_ text: String, inAttribute: Bool) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where inAttribute: out += "&quot;"
            case "\t" where inAttribute: out += "&#9;"
            case "\n" where inAttribute: out += "&#10;"
            case "\r": out += "&#13;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            case "\u{0}"..<"\u{20}", "\u{FFFE}", "\u{FFFF}": out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A paragraph's text under ODF's white-space rules, a code point at a time: a space after a space or at
    /// the start counted into `text:s`, tabs and line feeds as elements, carriage returns dropped.
    static func odfTextScalarByScalar(_ text: String) -> String {
        var out = "", spaces = 0, afterSpace = true
        for scalar in text.unicodeScalars {
            if scalar == " " && afterSpace {
                spaces += 1
                continue
            }
            if spaces > 0 { out += spaces > 1 ? #"<text:s text:c="\#(spaces)"/>"# : "<text:s/>" }
            spaces = 0
            switch scalar {
            case " ": out += " "
            case "\t": out += "<text:tab/>"
            case "\n": out += "<text:line-break/>"
            case "\r": break
            default: out += escapedScalarByScalar(String(scalar), inAttribute: false)
            }
            afterSpace = scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r"
        }
        if spaces > 0 { out += spaces > 1 ? #"<text:s text:c="\#(spaces)"/>"# : "<text:s/>" }
        return out
    }

    // MARK: Helpers

    func flat(_ document: Document) throws -> XMLDocument {
        try XMLDocument(parsing: ODFWriter(flat: true).write(document), fileName: "test.fodt")
    }

    /// Writes the samples to `$WENSHU_SAMPLE_OUTPUT` (both ODF forms, their PDFs, the archival XML) for a person
    /// to look at:
    /// `WENSHU_SAMPLE_OUTPUT=/tmp/wenshu-samples swift test --filter ODFWriterTests/testWriteSamplesForInspection`
    func testWriteSamplesForInspection() throws {
        guard let folder = ProcessInfo.processInfo.environment["WENSHU_SAMPLE_OUTPUT"] else {
            throw XCTSkip("set WENSHU_SAMPLE_OUTPUT to a folder to write the sample documents there")
        }
        let url = URL(fileURLWithPath: folder, isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, document) in Self.samples + [("intake", SampleDocuments.intakeRegister())] {
            try ODFWriter(flat: true).write(document).write(to: url.appendingPathComponent(name + ".fodt"))
            try ArchiveXMLWriter().write(document).write(to: url.appendingPathComponent(name + ".xml"))
            let odt = try ODFWriter(flat: false).write(document)
            try odt.write(to: url.appendingPathComponent(name + ".odt"))
            if LibreOffice.soffice != nil {
                let pdf = try LibreOffice.convertToPDF(odt, name: name + ".odt")
                try? FileManager.default.removeItem(at: url.appendingPathComponent(name + ".pdf"))
                try FileManager.default.copyItem(at: pdf, to: url.appendingPathComponent(name + ".pdf"))
            }
        }
    }
}

enum ODFNamespace {
    static let office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    static let style = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
    static let text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    static let table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    static let fo = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
    static let meta = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
    static let dc = "http://purl.org/dc/elements/1.1/"
}

extension XPathContext {
    /// A context with ODF's prefixes bound.
    static func odf(_ document: XMLDocument) -> XPathContext {
        let context = XPathContext(document: document)
        for (prefix, uri) in [("office", ODFNamespace.office), ("style", ODFNamespace.style), ("text", ODFNamespace.text),
                              ("table", ODFNamespace.table), ("fo", ODFNamespace.fo), ("meta", ODFNamespace.meta),
                              ("dc", ODFNamespace.dc)] {
            context.registerNamespace(prefix: prefix, uri: uri)
        }
        return context
    }
}

extension XMLNode {
    /// A canonical-enough text of an element for comparing two documents' parts: name, attributes, children.
    var serializedForTest: String {
        if isText { return "\"" + stringValue + "\"" }
        let attributes = self.attributes.map { "\($0.namespace ?? "")|\($0.name)=\($0.value)" }.joined(separator: " ")
        return "<\(namespaceURI ?? "")|\(name) \(attributes)>" + children.map(\.serializedForTest).joined() + "</>"
    }
}
