import Foundation
import WenshuDocument
import WenshuXML
import XCTest
@testable import WenshuTemplate

/// The repository's folders and small builders shared by the template tests.
enum Fixtures {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let templates = repository.appendingPathComponent("templates")
    static let schema = templates.appendingPathComponent(TemplateLibrary.schemaFileName)
    static let exampleCase = repository.appendingPathComponent("examples/cases/traffic-instalments.xml")

    /// A template file around `body`: `<form id="t" …>body</form>`, the root on line 1, so a body's first
    /// line is line 2.
    static func form(_ body: String, attributes: String = "") -> String {
        "<form xmlns=\"urn:wenshu:template:1\" id=\"t\" title=\"测试\" version=\"1\" \(attributes)>\n\(body)\n</form>\n"
    }

    /// Loads in-memory files (`t.form.xml` and fragments) as a library.
    static func library(_ files: [String: String]) -> (library: TemplateLibrary, diagnostics: [Diagnostic]) {
        TemplateLibrary.load(files: files, schema: schema)
    }

    /// Compiles one template body; fails the test if it does not compile.
    static func template(_ body: String, attributes: String = "", fragments: [String: String] = [:],
                         file: StaticString = #filePath, line: UInt = #line) throws -> FormTemplate {
        var files = fragments
        files["t.form.xml"] = form(body, attributes: attributes)
        let (library, diagnostics) = library(files)
        XCTAssertEqual(diagnostics, [], file: file, line: line)
        return try XCTUnwrap(library.template(id: "t"), file: file, line: line)
    }

    static func caseDocument(_ xml: String) throws -> XMLDocument {
        try XMLDocument(parsing: Data(xml.utf8), fileName: "case.xml")
    }

    /// Renders `body` against `caseXML`; fails the test on diagnostics; returns the one document's blocks.
    static func blocks(_ body: String, case caseXML: String, attributes: String = "", fragments: [String: String] = [:],
                       file: StaticString = #filePath, line: UInt = #line) throws -> [Block] {
        let template = try template(body, attributes: attributes, fragments: fragments, file: file, line: line)
        let rendering = template.render(try caseDocument(caseXML))
        XCTAssertEqual(rendering.diagnostics, [], file: file, line: line)
        XCTAssertEqual(rendering.documents.count, 1, file: file, line: line)
        return rendering.documents.first?.blocks ?? []
    }
}

/// A paragraph as the engine makes it for `<p>`: justified, first line indented.
func p(_ inlines: Inline...) -> Block {
    .paragraph(Paragraph(inlines, alignment: .justify, firstLineIndent: true))
}
