import Foundation
import XCTest
@testable import WenshuXML

final class RelaxNGTests: XCTestCase {
    let schema = try! RelaxNGSchema(data: Data("""
    <element name="case" xmlns="http://relaxng.org/ns/structure/1.0"
             datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">
      <element name="number"><text/></element>
      <oneOrMore><element name="party"><element name="name"><text/></element></element></oneOrMore>
      <optional><element name="date"><data type="date"/></element></optional>
    </element>
    """.utf8), name: "test.rng")

    func testValidDocumentHasNoIssues() throws {
        let doc = try XMLDocument(parsing: Data("<case><number>1</number><party><name>a</name></party></case>".utf8), fileName: "ok.xml")
        XCTAssertEqual(schema.validate(doc), [])
    }

    func testInvalidDocumentReportsLine() throws {
        let doc = try XMLDocument(parsing: Data("<case>\n<number>1</number>\n<party><name>a</name></party>\n<date>2026-13-40</date>\n</case>".utf8), fileName: "bad.xml")
        let issues = schema.validate(doc)
        XCTAssertFalse(issues.isEmpty)
        XCTAssertEqual(issues.first?.line, 4)
        XCTAssertEqual(issues.first?.file, "bad.xml")
    }

    func testIssuesNameTheNodeTheyAreAbout() throws {
        let doc = try XMLDocument(parsing: Data("<case><number>1</number><party><name>a</name></party><date>x</date></case>".utf8), fileName: "n.xml")
        let issues = schema.validate(doc)
        let date = try XCTUnwrap(doc.root?.element(named: "date"))
        XCTAssertTrue(issues.contains { $0.node == date }, "\(issues)")
    }

    func testASchemaChangedInMemoryCompilesWithItsIncludesAndStaysUnchanged() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let rng = "http://relaxng.org/ns/structure/1.0"
        try Data("""
            <grammar xmlns="\(rng)" datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">
              <define name="code"><data type="string"><param name="pattern">[A-Z]{2}</param></data></define>
            </grammar>
            """.utf8).write(to: folder.appendingPathComponent("types.rng"))
        let main = folder.appendingPathComponent("main.rng")
        try Data("""
            <grammar xmlns="\(rng)"><include href="types.rng"/>
              <start><element name="c"><ref name="code"/></element></start>
            </grammar>
            """.utf8).write(to: main)
        let document = try XMLDocument(contentsOf: main, displayName: main.path)
        let strict = try RelaxNGSchema(document: document, name: "main.rng")
        // An override of the included define, added in memory.
        let include = try XCTUnwrap(document.root?.element(named: "include"))
        let define = include.addElement("define", namespace: rng)
        define.setAttribute("name", "code")
        define.addElement("data", namespace: rng).setAttribute("type", "string")
        let before = document.serialized()
        let loose = try RelaxNGSchema(document: document, name: "main-loose.rng")
        XCTAssertEqual(document.serialized(), before)

        let lowerCase = try XMLDocument(parsing: Data("<c>ab</c>".utf8), fileName: "c.xml")
        XCTAssertFalse(strict.validate(lowerCase).isEmpty)
        XCTAssertEqual(loose.validate(lowerCase), [])
        XCTAssertEqual(strict.validate(try XMLDocument(parsing: Data("<c>AB</c>".utf8), fileName: "c.xml")), [])
    }

    func testSchemaPatternsMatchTheWholeValueAsXMLSchemaDoes() throws {
        let date = try SchemaPattern("\\d{4}-\\d{2}-\\d{2}")
        XCTAssertTrue(date.matches("2026-03-10"))
        XCTAssertFalse(date.matches("2026-03-100"))
        XCTAssertFalse(date.matches(" 2026-03-10"))
        XCTAssertFalse(date.matches(""))
        let text = try SchemaPattern("\\s*\\S[\\s\\S]*")
        XCTAssertTrue(text.matches(" 文 "))
        XCTAssertFalse(text.matches(" \n\t"))
        XCTAssertThrowsError(try SchemaPattern("(unclosed"))
    }

    func testTheNotOnlyWhitespacePatternAnswersAsLibXMLDoes() throws {
        let pattern = try SchemaPattern("\\s*\\S[\\s\\S]*")
        let texts = ["", " ", "\t\r\n ", "x", " x ", "文", "\u{3000}", "\u{A0}", "\u{85}", "\u{B}", "\u{C}", " \u{301}",
                     "\n\n.", "\u{2028}", "\u{FEFF}", "a\u{1}", "\u{1F} ", "\u{7F}", "\u{FFFE}", "a\u{FFFF}b", "（", "\u{FFFD}",
                     "\u{10FFFF}"]
        for text in texts {
            let libxml = withXMLString(text) { pattern.matchedByLibXML($0) }
            XCTAssertEqual(pattern.matches(text), libxml, text.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))
        }
        XCTAssertTrue(pattern.matches("\u{3000}"), "only XML Schema's four whitespace characters are whitespace")
        XCTAssertFalse(pattern.matches(" \t\r\n"))
    }

    func testTheNotOnlyWhitespacePatternAnswersAsLibXMLDoesOnLongTexts() throws {
        // Longer texts take the eight-bytes-at-a-time scan: pieces of whitespace, text, full-width punctuation
        // (EF lead bytes), U+FFFE and U+FFFF, and control characters, in random places.
        let pattern = try SchemaPattern("\\s*\\S[\\s\\S]*")
        let pieces = [" ", "\t", "\r\n", "        ", "x", "文", "，", "（", "\u{FEFF}", "\u{FFFE}", "\u{FFFF}", "\u{1}", "\u{7F}", "ab"]
        var generator = SystemRandomNumberGenerator()
        var texts = [String(repeating: " ", count: 40), String(repeating: " ", count: 39) + "x", "x" + String(repeating: "\n", count: 23),
                     String(repeating: "文", count: 9) + "\u{FFFE}", String(repeating: "\t", count: 16) + "\u{1}"]
        for _ in 0..<3000 {
            let whitespaceOnly = Bool.random(using: &generator)
            texts.append((0..<Int.random(in: 1...20, using: &generator)).map { _ in
                whitespaceOnly && Int.random(in: 0..<10, using: &generator) > 0
                    ? pieces[Int.random(in: 0...3, using: &generator)] : pieces.randomElement(using: &generator)!
            }.joined())
        }
        for text in texts {
            let libxml = withXMLString(text) { pattern.matchedByLibXML($0) }
            XCTAssertEqual(pattern.matches(text), libxml, text.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))
        }
    }

    func testTheDateAndMoneyPatternsAnswerAsLibXMLDoes() throws {
        let date = try SchemaPattern("\\d{4}-\\d{2}-\\d{2}")
        let money = try SchemaPattern("(0|[1-9]\\d{0,11})(\\.\\d{1,2})?")
        var texts = ["", "0", "00", "0.", "0.5", "0.50", "0.505", ".5", "1", "10", "100.1", "999999999999", "9999999999999",
                     "999999999999.99", "01", "1,000", " 1", "1 ", "١٢", "2026-03-10", "2026-3-10", "2026-03-1", "2026-03-10 ",
                     "20260310", "２０２６-03-10", "2026-03-10x", "2026/03/10", "-2026-03-10"]
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("0123456789-.0123456789")
        for _ in 0..<3000 {
            texts.append(String((0..<Int.random(in: 0...14, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }))
        }
        for pattern in [date, money] {
            for text in texts {
                let libxml = withXMLString(text) { pattern.matchedByLibXML($0) }
                XCTAssertEqual(pattern.matches(text), libxml, "\(pattern.source) \(text)")
            }
        }
    }

    func testASchemaPatternReadsAnElementsValueAsRelaxNGDoes() throws {
        let pattern = try SchemaPattern("[0-9]+")
        let doc = try XMLDocument(parsing: Data("<r><a>12</a><b/><c>1<!--x-->2</c><d>1<e/>2</d><f>x</f></r>".utf8), fileName: "r.xml")
        let root = try XCTUnwrap(doc.root)
        let verdicts = root.childElements.map { pattern.matchesValue(of: $0) }
        // <b/> is the empty value; <c> and <d> join their text children ("12").
        XCTAssertEqual(verdicts, [true, false, true, true, false])
    }
}
