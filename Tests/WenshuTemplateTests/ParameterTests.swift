import Foundation
import WenshuDocument
import WenshuXML
import XCTest
@testable import WenshuTemplate

/// Forms given trees besides the case (`parameters="dossier"`): read as variables, refused when
/// undeclared, applicable only when given.
final class ParameterTests: XCTestCase {
    let caseXML = "<case><number>（2026）西交调字第37号</number></case>"
    let body = """
      <p><each select="$dossier/items/item" separator="、"><value select="title"/></each>共<value select="count($dossier/items/item)"/>件</p>
      """

    func testADeclaredParameterIsReadAsAVariable() throws {
        let template = try Fixtures.template(body, attributes: #"parameters="dossier""#)
        XCTAssertEqual(template.parameters, ["dossier"])
        let dossier = try Fixtures.caseDocument("<dossier><items><item><title>申请书</title></item><item><title>协议书</title></item></items></dossier>")
        let rendering = template.render(try Fixtures.caseDocument(caseXML), parameters: ["dossier": dossier, "other": dossier])
        XCTAssertEqual(rendering.diagnostics, [])
        XCTAssertEqual(rendering.documents.first?.blocks, [p(.field("申请书"), .text("、"), .field("协议书"), .text("共"), .field("2"), .text("件"))])
    }

    func testAParameterNotGivenReadsAsEmptyAndTheFormDoesNotApply() throws {
        let template = try Fixtures.template(body, attributes: #"parameters="dossier""#)
        let caseDocument = try Fixtures.caseDocument(caseXML)
        XCTAssertFalse(template.applies(to: caseDocument))
        XCTAssertTrue(template.applies(to: caseDocument, parameters: ["dossier": try Fixtures.caseDocument("<dossier/>")]))
        let rendering = template.render(caseDocument)
        XCTAssertEqual(rendering.diagnostics.map(\.id), [TemplateID.missingParameter.id])
        XCTAssertEqual(rendering.diagnostics.map(\.severity), [.warning])
        XCTAssertEqual(rendering.diagnostics.map(\.location.line), [1])
        XCTAssertEqual(rendering.documents.first?.blocks, [p(.text("共"), .field("0"), .text("件"))])
    }

    func testAnUndeclaredParameterIsAnUnknownVariable() {
        let (library, diagnostics) = Fixtures.library(["t.form.xml": Fixtures.form(body)])
        XCTAssertNil(library.template(id: "t"))
        XCTAssertEqual(diagnostics.map(\.id), [TemplateID.unknownVariable.id, TemplateID.unknownVariable.id])
        XCTAssertEqual(diagnostics.map(\.location.line), [2, 2])
    }

    func testAParameterCannotShadowTheFormsOwnVariables() {
        for names in ["case", "office", "dossier dossier"] {
            let (_, diagnostics) = Fixtures.library(["t.form.xml": Fixtures.form("<p>x</p>", attributes: "parameters=\"\(names)\"")])
            XCTAssertEqual(diagnostics.map(\.id), [TemplateID.badAttribute.id], names)
            XCTAssertEqual(diagnostics.first?.location.line, 1, names)
        }
    }

    func testWhatAParameterReadsIsNotACasePath() throws {
        let template = try Fixtures.template("<p><value select=\"$dossier/items/item/title\"/><value select=\"number\"/></p>",
                                             attributes: #"parameters="dossier""#)
        XCTAssertEqual(template.casePaths, ["number"])
    }
}
