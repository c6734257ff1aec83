import Foundation
import XCTest
@testable import WenshuXML

final class XMLDocumentTests: XCTestCase {
    func parse(_ text: String, file: String = "t.xml") throws -> XMLDocument {
        try XMLDocument(parsing: Data(text.utf8), fileName: file)
    }

    func testElementsKeepTheirLines() throws {
        let doc = try parse("<case>\n  <number>（2026）青调字第1号</number>\n  <party>\n    <name>张三</name>\n  </party>\n</case>")
        let root = try XCTUnwrap(doc.root)
        XCTAssertEqual(root.line, 1)
        XCTAssertEqual(root.element(named: "number")?.stringValue, "（2026）青调字第1号")
        XCTAssertEqual(root.element(named: "party")?.element(named: "name")?.line, 4)
    }

    func testSyntaxErrorNamesLineAndColumn() {
        XCTAssertThrowsError(try parse("<case>\n<a></b>\n</case>")) { error in
            let issue = error as? XMLIssue
            XCTAssertEqual(issue?.kind, .syntax)
            XCTAssertEqual(issue?.line, 2)
            XCTAssertGreaterThan(issue?.column ?? 0, 0)
            XCTAssertEqual(issue?.file, "t.xml")
        }
    }

    func testDoctypeIsRefusedBeforeParsing() {
        let laughs = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [
         <!ENTITY lol "lol">
         <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
         <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
        ]>
        <lolz>&lol3;</lolz>
        """
        XCTAssertThrowsError(try parse(laughs)) { error in
            XCTAssertEqual((error as? XMLIssue)?.kind, .doctype)
            XCTAssertEqual((error as? XMLIssue)?.line, 2)
        }
    }

    func testExternalEntityIsNeverRead() throws {
        let xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n<x>&e;</x>"
        XCTAssertThrowsError(try parse(xxe))
        // Even where a DOCTYPE is allowed, the entity is not substituted.
        let doc = try XMLDocument(parsing: Data(xxe.utf8), fileName: "x.xml", allowDoctype: true)
        XCTAssertFalse(doc.root?.stringValue.contains("root:") ?? true)
    }

    func testSizeLimit() {
        let data = Data(repeating: 0x20, count: 2048)
        XCTAssertThrowsError(try XMLDocument(parsing: data, fileName: "big.xml", sizeLimit: 1024)) { error in
            XCTAssertEqual((error as? XMLIssue)?.kind, .tooLarge)
        }
    }

    func testBuildAndSerialize() throws {
        let doc = XMLDocument(rootName: "doc", namespace: "urn:x")
        let root = try XCTUnwrap(doc.root)
        root.addElement("p", text: "a < b & 文").setAttribute("k", "\"v\"")
        let text = String(decoding: doc.serialized(), as: UTF8.self)
        XCTAssertTrue(text.contains("<p k=\"&quot;v&quot;\">a &lt; b &amp; 文</p>"), text)
        XCTAssertTrue(text.contains("xmlns=\"urn:x\""))
    }

    func testAppendChildMovesAnElement() throws {
        let doc = try parse("<r><a/><b/><c/></r>")
        let root = try XCTUnwrap(doc.root)
        root.appendChild(try XCTUnwrap(root.element(named: "a")))
        XCTAssertEqual(root.elements.map(\.name), ["b", "c", "a"])
    }
}
