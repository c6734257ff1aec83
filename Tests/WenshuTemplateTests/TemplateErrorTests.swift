import Foundation
import WenshuXML
import XCTest
@testable import WenshuTemplate

/// Broken templates, each with the diagnostic id and line it must give (docxtemplater's lesson: match the
/// stable id and the place, not the prose). Bodies start on line 2 (`Fixtures.form`).
final class TemplateErrorTests: XCTestCase {
    struct Broken {
        let name: String
        let files: [String: String]
        let id: String
        let file: String
        let line: Int
        /// A phrase the message must hold (what the author must change).
        let phrase: String

        init(_ name: String, body: String, attributes: String = "", fragments: [String: String] = [:],
             _ id: String, line: Int, file: String = "t.form.xml", _ phrase: String) {
            self.name = name
            var files = fragments
            files["t.form.xml"] = Fixtures.form(body, attributes: attributes)
            self.files = files
            self.id = id
            self.file = file
            self.line = line
            self.phrase = phrase
        }

        init(_ name: String, raw: String, _ id: String, line: Int, _ phrase: String) {
            self.name = name
            files = ["t.form.xml": raw]
            self.id = id
            file = "t.form.xml"
            self.line = line
            self.phrase = phrase
        }
    }

    static let suite: [Broken] = [
        Broken("not well-formed", body: "<p>甲\n<p>乙</p>", TemplateID.xmlSyntax.id, line: 4, "mismatch"),
        Broken("a DOCTYPE", raw: "<?xml version=\"1.0\"?>\n<!DOCTYPE form [<!ENTITY x \"y\">]>\n<form/>", TemplateID.doctype.id, line: 2, "DOCTYPE"),
        Broken("no namespace", raw: "<form id=\"t\" title=\"T\" version=\"1\">\n<p>x</p>\n</form>", TemplateID.namespace.id, line: 1, "xmlns=\"urn:wenshu:template:1\""),
        Broken("an unknown element", body: "<p>甲</p>\n<para>乙</para>", TemplateID.unknownElement.id, line: 3, "did you mean <p>?"),
        Broken("an unknown root", raw: "<template xmlns=\"urn:wenshu:template:1\" id=\"t\"/>", TemplateID.unknownElement.id, line: 1, "<template> is not an element"),
        Broken("an inline element among blocks", body: "<value select=\"name\"/>", TemplateID.misplacedElement.id, line: 2, "inside <cell>, <date>, <each>"),
        Broken("an unknown attribute", body: "<p colour=\"red\">甲</p>", TemplateID.badAttribute.id, line: 2, "<p> has no attribute colour; it takes align, indent"),
        Broken("a value not in the list", body: "<p>\n<value select=\"name\" missing=\"maybe\"/></p>", TemplateID.badAttribute.id, line: 3, "missing must be one of error, blank, omit"),
        Broken("a number out of range", body: "<heading level=\"5\">甲</heading>", TemplateID.badAttribute.id, line: 2, "a whole number from 1 to 4"),
        Broken("a bad form id", raw: "<form xmlns=\"urn:wenshu:template:1\" id=\"Agreement Form\" title=\"T\" version=\"1\"/>", TemplateID.badAttribute.id, line: 1, "lower-case letters"),
        Broken("a missing attribute", body: "<p>甲</p>\n<heading>乙</heading>", TemplateID.missingAttribute.id, line: 3, "<heading> needs the attribute level"),
        Broken("two exclusive attributes", body: "<heading level=\"1\" number=\"甲、\" numbered=\"false\">乙</heading>", TemplateID.badAttribute.id, line: 2, "at most one of the attributes number or numbered"),
        Broken("a missing child", body: "<signatures>\n<signature><name>甲</name></signature>\n</signatures>", TemplateID.missingElement.id, line: 3, "<signature> needs a <label> before <name>"),
        Broken("an empty required child list", body: "<signatures/>", TemplateID.missingElement.id, line: 2, "at least one of <choose>, <each>, <if>, <signature>"),
        Broken("text where none goes", body: "<page-break>换页</page-break>", TemplateID.unexpectedText.id, line: 2, "<page-break> takes no text"),
        Broken("an XPath that does not compile", body: "<p>\n<value select=\"parties/party[\"/></p>", TemplateID.xpathSyntax.id, line: 3, "at character 15"),
        Broken("an unknown Wenshu function", body: "<p><value select=\"w:money-capital(agreement/total_amount)\"/></p>", TemplateID.unknownFunction.id, line: 2, "did you mean w:money-capitals?"),
        Broken("a function without prefix", body: "<p><value select=\"money(x)\"/></p>", TemplateID.unknownFunction.id, line: 2, "the Wenshu function is called w:money"),
        Broken("an unbound prefix", body: "<p><value select=\"fn:upper-case(x)\"/></p>", TemplateID.unknownFunction.id, line: 2, "the prefix fn: is not bound"),
        Broken("too many arguments", body: "<p>甲</p>\n<p><value select=\"w:money(a, b)\"/></p>", TemplateID.functionArguments.id, line: 3, "w:money takes 1 argument, not 2"),
        Broken("a core function wrongly called", body: "<if test=\"contains(name)\"><p>甲</p></if>", TemplateID.functionArguments.id, line: 2, "contains takes 2 arguments, not 1"),
        Broken("a variable out of scope", body: "<each select=\"parties/party\" as=\"party\"><p>甲</p></each>\n<p><value select=\"$party/name\"/></p>", TemplateID.unknownVariable.id, line: 3, "$party is not defined here"),
        Broken("a missing fragment", body: "<p>甲</p>\n<include href=\"fragments/none.xml\"/>", TemplateID.includeMissing.id, line: 3, "there is no fragment fragments/none.xml"),
        Broken("an include cycle", body: "<include href=\"fragments/a.xml\"/>",
               fragments: ["fragments/a.xml": "<fragment xmlns=\"urn:wenshu:template:1\">\n<include href=\"fragments/b.xml\"/>\n</fragment>",
                           "fragments/b.xml": "<fragment xmlns=\"urn:wenshu:template:1\">\n<p>甲</p>\n<include href=\"fragments/a.xml\"/>\n</fragment>"],
               TemplateID.includeCycle.id, line: 3, file: "fragments/b.xml", "fragments/a.xml → fragments/b.xml → fragments/a.xml"),
        Broken("an error inside a fragment", body: "<include href=\"fragments/a.xml\"/>",
               fragments: ["fragments/a.xml": "<fragment xmlns=\"urn:wenshu:template:1\">\n\n<p align=\"middle\">甲</p>\n</fragment>"],
               TemplateID.badAttribute.id, line: 3, file: "fragments/a.xml", "align must be one of left, center, right, justify"),
        Broken("a form included as a fragment", body: "<include href=\"fragments/a.xml\"/>",
               fragments: ["fragments/a.xml": "<form xmlns=\"urn:wenshu:template:1\" id=\"x\" title=\"X\" version=\"1\"/>"],
               TemplateID.misplacedElement.id, line: 1, file: "fragments/a.xml", "must be a <fragment>"),
        Broken("a section id used twice", body: "<section id=\"a\"><p>甲</p></section>\n<section id=\"a\"><p>乙</p></section>", TemplateID.duplicateSection.id, line: 3, "already used at t.form.xml:2"),
        Broken("a section inside a loop", body: "<each select=\"parties/party\">\n<section id=\"p\"><p>甲</p></section>\n</each>", TemplateID.sectionInLoop.id, line: 3, "cannot repeat inside a loop"),
        Broken("a row that does not fill the table", body: "<table widths=\"1 1 1\">\n<row><cell rowspan=\"2\">甲</cell><cell>乙</cell><cell>丙</cell></row>\n<row><cell>丁</cell><cell>戊</cell><cell>己</cell></row>\n</table>", TemplateID.tableColumns.id, line: 4, "fills 4 columns but the table has 3"),
        Broken("a row with too many cells", body: "<table widths=\"1 1\">\n<row><cell>甲</cell><cell>乙</cell><cell>丙</cell><cell>丁</cell></row>\n</table>", TemplateID.tableColumns.id, line: 3, "fills 4 columns but the table has 2"),
        Broken("an optional value alone in brackets", body: "<p>电话\n（<value select=\"phone\" missing=\"omit\"/>）</p>", TemplateID.emptyBrackets.id, line: 3, "put the brackets inside an <if>"),
        Broken("brackets on lines of their own", body: "<p>电话（\n  <value select=\"phone\" missing=\"omit\"/>\n）</p>", TemplateID.emptyBrackets.id, line: 3, "empty pair of brackets"),
        Broken("a loop alone in brackets", body: "<p>（<each select=\"agents/agent\" separator=\"、\"><value select=\"name\"/></each>）</p>", TemplateID.emptyBrackets.id, line: 2, "empty pair of brackets"),
        Broken("text and paragraphs in one cell", body: "<table widths=\"1\"><row><cell>甲<p>乙</p></cell></row></table>", TemplateID.misplacedElement.id, line: 2, "either text and inline elements, or paragraphs"),
        Broken("paragraphs then text in one cell", body: "<table widths=\"1\"><row><cell><p>乙</p>甲</cell></row></table>", TemplateID.misplacedElement.id, line: 2, "either text and inline elements, or paragraphs"),
        Broken("a page reference with two targets", body: "<p><page-ref target=\"a\" select=\"x\"/></p>", TemplateID.badAttribute.id, line: 2, "exactly one of the attributes select or target"),
    ]

    func testEveryBrokenTemplateGivesItsDiagnosticAtItsLine() {
        XCTAssertGreaterThanOrEqual(Self.suite.count, 15)
        for broken in Self.suite {
            let (library, diagnostics) = Fixtures.library(broken.files)
            XCTAssertNil(library.template(id: "t"), broken.name)
            let errors = diagnostics.filter { $0.severity == .error }
            XCTAssertEqual(errors.count, 1, "\(broken.name): \(errors)")
            guard let error = errors.first else { continue }
            XCTAssertEqual(error.id, broken.id, "\(broken.name): \(error)")
            XCTAssertEqual(error.location.file, broken.file, "\(broken.name): \(error)")
            XCTAssertEqual(error.location.line, broken.line, "\(broken.name): \(error)")
            XCTAssertTrue(error.message.contains(broken.phrase), "\(broken.name): “\(broken.phrase)” not in: \(error.message)")
        }
    }

    func testAllProblemsOfATemplateAreReportedInOnePass() {
        let (_, diagnostics) = Fixtures.library(["t.form.xml": Fixtures.form("""
          <p><value select="w:nope(a)"/></p>
          <p><value select="$nobody"/></p>
          <p><value select="a["/></p>
          <table widths="1 1"><row><cell>甲</cell></row></table>
        """)])
        XCTAssertEqual(diagnostics.map(\.id), [TemplateID.unknownFunction.id, TemplateID.unknownVariable.id,
                                               TemplateID.xpathSyntax.id, TemplateID.tableColumns.id])
        XCTAssertEqual(diagnostics.map(\.location.line), [2, 3, 4, 5])
    }

    func testTwoTemplatesWithOneIDAreRefused() {
        let (library, diagnostics) = Fixtures.library(["a.form.xml": Fixtures.form("<p>甲</p>"), "b.form.xml": Fixtures.form("<p>乙</p>")])
        XCTAssertEqual(library.templates.map(\.file), ["a.form.xml"])
        XCTAssertEqual(diagnostics.map(\.id), [TemplateID.duplicateForm.id])
        XCTAssertEqual(diagnostics.first?.location, SourceLocation(file: "b.form.xml", line: 1))
    }
}
