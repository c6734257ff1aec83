import Foundation
import XCTest
import WenshuTestSupport
import WenshuDocument
@testable import WenshuWriters
@testable import WenshuXML

final class ArchiveXMLWriterTests: XCTestCase {
    static let schemaURL = TestPaths.packageRoot.appendingPathComponent("docs/wenshu-archive.rng")
    static let schema = Result { try RelaxNGSchema(contentsOf: schemaURL) }

    static let samples: [(name: String, document: Document)] = [
        ("agreement", SampleDocuments.agreement()),
        ("intake", SampleDocuments.intakeRegister()),
        ("dossier", SampleDocuments.dossier()),
        ("empty", Document(metadata: DocumentMetadata(formID: "empty", title: "空"), blocks: [])),
        ("odd-shapes", SampleDocuments.oddShapes()),
        ("charts", SampleDocuments.chartReport()),
    ]

    func archive(_ document: Document) throws -> XMLDocument {
        try XMLDocument(parsing: ArchiveXMLWriter().write(document), fileName: "archive.xml")
    }

    func context(_ document: Document) throws -> XPathContext {
        let context = XPathContext(document: try archive(document))
        context.registerNamespace(prefix: "w", uri: ArchiveXMLWriter.namespace)
        return context
    }

    func testEverySampleValidatesAgainstTheSchema() throws {
        let schema = try Self.schema.get()
        for (name, document) in Self.samples {
            let xml = try XMLDocument(parsing: ArchiveXMLWriter().write(document), fileName: name + ".xml")
            XCTAssertEqual(schema.validate(xml).map(\.description), [], name)
        }
    }

    /// The example in docs/archive-xml.md is a valid archival copy.
    func testTheDocumentedExampleIsValid() throws {
        let text = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("docs/archive-xml.md"), encoding: .utf8)
        let example = try XCTUnwrap(text.firstMatch(of: /```xml\n([\s\S]*?)```/)?.1)
        let xml = try XMLDocument(parsing: Data(example.utf8), fileName: "archive-xml.md")
        XCTAssertEqual(try Self.schema.get().validate(xml).map(\.description), [])
    }

    /// The schema is not a rubber stamp: it refuses what the vocabulary does not allow.
    func testSchemaRefusesWhatTheVocabularyDoesNotAllow() throws {
        let schema = try Self.schema.get()
        let valid = String(decoding: try ArchiveXMLWriter().write(SampleDocuments.agreement()), as: UTF8.self)
        let broken = [
            valid.replacingOccurrences(of: "<date>2026-05-20</date>", with: "<date>20 May 2026</date>"),
            valid.replacingOccurrences(of: #"<checkbox checked="true">☑"#, with: #"<checkbox checked="yes">☑"#),
            valid.replacingOccurrences(of: "<field>王建国</field>", with: "<name>王建国</name>"),
            valid.replacingOccurrences(of: #"<body page-style="prose">"#, with: #"<body page-style="poster">"#),
        ]
        for (index, text) in broken.enumerated() {
            XCTAssertNotEqual(text, valid, "case \(index) changed nothing")
            let xml = try XMLDocument(parsing: Data(text.utf8), fileName: "broken\(index).xml")
            XCTAssertFalse(schema.validate(xml).isEmpty, "case \(index) was accepted")
        }
    }

    func testJingAgreesWhereInstalled() throws {
        guard let jing = Tool.find("jing") else { throw XCTSkip("jing is not installed: apt-get install jing") }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-archive-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var files: [String] = []
        for (name, document) in Self.samples {
            let file = folder.appendingPathComponent(name + ".xml")
            try ArchiveXMLWriter().write(document).write(to: file)
            files.append(file.path)
        }
        let result = try Tool.run(jing, [Self.schemaURL.path] + files)
        XCTAssertEqual(result.status, 0, result.output + result.errors)
    }

    func testSameDocumentGivesSameBytes() throws {
        for (name, document) in Self.samples {
            XCTAssertEqual(try ArchiveXMLWriter().write(document), try ArchiveXMLWriter().write(document), name)
        }
    }

    func testCarriesFormTemplateCaseAndDate() throws {
        let x = try context(SampleDocuments.agreement())
        XCTAssertEqual(try x.evaluate("string(/w:document/w:metadata/w:form/@id)").stringValue, "agreement")
        XCTAssertEqual(try x.evaluate("string(/w:document/w:metadata/w:form/@template-version)").stringValue, "1")
        XCTAssertEqual(try x.evaluate("string(/w:document/w:metadata/w:case-number)").stringValue, "（2026）西交调字第37号")
        XCTAssertEqual(try x.evaluate("string(/w:document/w:metadata/w:number)").stringValue, "（2026）西交调字第37号")
        XCTAssertEqual(try x.evaluate("string(/w:document/w:metadata/w:date)").stringValue, "2026-05-20")
        XCTAssertEqual(try x.evaluate("string(/w:document/w:metadata/w:title)").stringValue, "人民调解协议书")
        XCTAssertEqual(try x.evaluate("string(/w:document/@generator)").stringValue, WenshuVersion.generator)
    }

    /// A paragraph's string value is the printed line: fields, checkbox glyphs and blanks included.
    func testTextIsExactlyAsPrinted() throws {
        let x = try context(SampleDocuments.agreement())
        XCTAssertEqual(try x.evaluate("string(//w:p[starts-with(., '申请人')])").stringValue,
                       "申请人：王建国，男，汉族，1978年3月12日出生，个体工商户，住杭州市西湖区古荡街道嘉绿苑12幢3单元402室，联系电话13805712345。")
        XCTAssertEqual(try x.evaluate("string(//w:p[starts-with(., '履行方式')])").stringValue, "履行方式：□一次性履行　☑分期履行")
        XCTAssertEqual(try x.evaluate("string(//w:p[starts-with(., '收款账户')])").stringValue,
                       "收款账户：" + String(repeating: "\u{3000}", count: 12))
        // Values from the case are marked as data.
        let fields = try x.evaluate("//w:p[starts-with(., '申请人')]/w:field").nodes.map(\.stringValue)
        XCTAssertEqual(fields, ["王建国", "杭州市西湖区古荡街道嘉绿苑12幢3单元402室", "13805712345"])
        XCTAssertEqual(try x.evaluate("string(//w:checkbox[@checked='true'])").stringValue, "☑分期履行")
        XCTAssertEqual(try x.evaluate("string(//w:blank/@width)").stringValue, "12")
    }

    func testTablesKeepSpansHeadersAndWidths() throws {
        let x = try context(SampleDocuments.agreement())
        XCTAssertEqual(try x.evaluate("count(//w:table/w:column)").stringValue, "3")
        XCTAssertEqual(try x.evaluate("string(//w:table/w:column[2]/@width)").stringValue, "3")
        XCTAssertEqual(try x.evaluate("count(//w:row[@header='true'])").stringValue, "1")
        XCTAssertEqual(try x.evaluate("string(//w:cell[@rowspan='2'])").stringValue, "2026年6月30日前")
        XCTAssertEqual(try x.evaluate("string(//w:cell[@colspan='2'])").stringValue, "￥43,200.00（人民币肆万叁仟贰佰元整）")
        XCTAssertEqual(try x.evaluate("count(//w:row[4]/w:cell)").stringValue, "2", "a covered position lists no cell")
    }

    func testSectionsAndPageFields() throws {
        let x = try context(SampleDocuments.dossier())
        XCTAssertEqual(try x.evaluate("string(//w:section[@id='cover']/@numbering)").stringValue, "unnumbered")
        XCTAssertEqual(try x.evaluate("string(//w:section[@id='cover']/@new-page)").stringValue, "false")
        XCTAssertEqual(try x.evaluate("string(//w:section[@id='contents']/@page-style)").stringValue, "form")
        XCTAssertEqual(try x.evaluate("string(//w:section[@id='agreement']/@page-style)").stringValue, "landscape")
        XCTAssertEqual(try x.evaluate("count(//w:page-ref[@target='record' and @end='true'])").stringValue, "1")
        XCTAssertEqual(try x.evaluate("count(//w:page-count)").stringValue, "1")
    }

    func testSignaturesKeepLabelNameAndDate() throws {
        let x = try context(SampleDocuments.agreement())
        XCTAssertEqual(try x.evaluate("count(//w:signature)").stringValue, "5")
        XCTAssertEqual(try x.evaluate("string(//w:signature[1]/w:name/w:field)").stringValue, "王建国")
        XCTAssertEqual(try x.evaluate("string(//w:signature[5]/w:date)").stringValue, "2026年5月20日")
    }

    func testMarkupInTheDataIsEscaped() throws {
        let document = Document(metadata: DocumentMetadata(formID: "x", title: "a & <b>"), blocks: [
            .paragraph(Paragraph([.field("<script>&amp;\"'"), .text("\r\n")])),
        ])
        let x = try context(document)
        XCTAssertEqual(try x.evaluate("string(//w:metadata/w:title)").stringValue, "a & <b>")
        XCTAssertEqual(try x.evaluate("string(//w:p)").stringValue, "<script>&amp;\"'\r\n")
    }

    func testErrorsAreTheODFWritersErrors() {
        var document = SampleDocuments.agreement()
        document.metadata.date = "2026-5-20"
        XCTAssertThrowsError(try ArchiveXMLWriter().write(document)) { XCTAssertEqual($0 as? WriterError, .invalidDate("2026-5-20")) }
        let reference = Document(metadata: SampleDocuments.metadata, blocks: [.paragraph(Paragraph([.pageRef(target: "x", end: false)]))])
        XCTAssertThrowsError(try ArchiveXMLWriter().write(reference)) { XCTAssertEqual($0 as? WriterError, .unknownPageTarget("x")) }
    }

    /// `YYYY-MM-DD` in ASCII digits, a day the month has; `ISODate` reads the bytes.
    func testOnlyRealDatesInASCIIDigitsAreRead() {
        XCTAssertEqual(ISODate("2026-05-20").map { [$0.year, $0.month, $0.day] }, [2026, 5, 20])
        XCTAssertEqual(ISODate("2024-02-29")?.text, "2024-02-29")
        XCTAssertEqual(ISODate("0026-12-31")?.text, "0026-12-31")
        for text in ["2026-02-29", "1900-02-29", "0000-01-01", "2026-13-01", "2026-00-10", "2026-04-31", "2026-05-00",
                     "2026-5-20", "2026-05-20 ", "2026/05/20", "2026-05-2x", "２０２６-05-20", "2026-05-٢٠", "+026-05-20", ""] {
            XCTAssertNil(ISODate(text), text)
        }
    }
}
