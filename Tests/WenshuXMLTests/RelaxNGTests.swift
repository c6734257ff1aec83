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
}
