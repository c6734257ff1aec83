import Foundation
import WenshuDocument
import WenshuXML
import XCTest
@testable import WenshuTemplate

/// Blank forms for handwriting, and fragments written once and included by many templates.
final class BlankAndIncludeTests: XCTestCase {
    func testABlankFormPrintsEveryFieldAsItsBlank() throws {
        let template = try Fixtures.template("""
          <number>编号：<value select="agreement/number" width="10"/></number>
          <each select="parties/party" blank-repeat="2">
            <p indent="false">当事人<value select="name" width="4"/>　性别<checkboxes select="gender"><option>男</option><option>女</option></checkboxes></p>
          </each>
          <each select="parties/party/agents/agent" blank-repeat="0"><p>代理人</p></each>
          <if test="agreement"><p>有协议</p></if>
          <if test="agreement" blank="hide"><p>不印</p></if>
          <choose>
            <when test="kind = 'organisation'"><p>单位</p></when>
            <when test="kind = 'person'" blank="show"><p>个人</p></when>
          </choose>
          <choose><when test="x"><p>甲</p></when><otherwise><p>乙</p></otherwise></choose>
          <each select="terms/term"><item level="1"><value select="text" missing="omit" width="20"/></item></each>
          <signatures><signature><label>当事人（签名）</label><date><value select="w:date-cn(agreement/date)"/></date></signature></signatures>
        """)
        let document = template.renderBlank()
        let person = Block.paragraph(Paragraph([.text("当事人"), .blank(width: 4), .text("　性别"),
                                                .checkbox(label: "男", checked: false), .text("　"), .checkbox(label: "女", checked: false)]))
        XCTAssertEqual(document.blocks, [
            .subtitle([.text("编号："), .blank(width: 10)], alignment: .right),
            person, person,
            p(.text("有协议")),
            p(.text("个人")),
            p(.text("乙")),
            p(.text("一、"), .blank(width: 20)),
            .signatures(SignatureBlock([Signature(label: [.text("当事人（签名）"), .blank(width: 8)], date: [.blank(width: 8)])])),
        ])
        XCTAssertEqual(document.metadata, DocumentMetadata(formID: "t", title: "测试", templateVersion: "1"))
    }

    let fragment = """
    <fragment xmlns="urn:wenshu:template:1">
      <p indent="false"><value select="role"/>：<value select="name"/></p>
      <if test="agents/agent"><p indent="false">委托代理人：<value select="agents/agent/name"/></p></if>
    </fragment>
    """

    func testAFragmentIsIncludedWhereverItIsUsed() throws {
        let caseXML = """
        <case><parties>
          <party><role>申请人</role><name>王建国</name><agents><agent><name>周敏</name></agent></agents></party>
          <party><role>被申请人</role><name>李明</name></party>
        </parties></case>
        """
        let blocks = try Fixtures.blocks("""
          <each select="parties/party"><include href="fragments/party.xml"/></each>
          <p>以上为当事人。</p>
        """, case: caseXML, fragments: ["fragments/party.xml": fragment])
        let line = { (inlines: [Inline]) in Block.paragraph(Paragraph(inlines, firstLineIndent: false)) }
        XCTAssertEqual(blocks, [
            line([.field("申请人"), .text("："), .field("王建国")]),
            line([.text("委托代理人："), .field("周敏")]),
            line([.field("被申请人"), .text("："), .field("李明")]),
            p(.text("以上为当事人。")),
        ])
    }

    func testOneFragmentServesManyTemplatesAndReportsItsOwnFileAndLine() throws {
        let broken = "<fragment xmlns=\"urn:wenshu:template:1\">\n  <p><value select=\"w:nope(name)\"/></p>\n</fragment>\n"
        let (library, diagnostics) = Fixtures.library([
            "a.form.xml": Fixtures.form("<include href=\"fragments/party.xml\"/>").replacingOccurrences(of: "id=\"t\"", with: "id=\"a\""),
            "b.form.xml": Fixtures.form("<include href=\"fragments/party.xml\"/>").replacingOccurrences(of: "id=\"t\"", with: "id=\"b\""),
            "c.form.xml": Fixtures.form("<include href=\"fragments/broken.xml\"/>").replacingOccurrences(of: "id=\"t\"", with: "id=\"c\""),
            "fragments/party.xml": fragment,
            "fragments/broken.xml": broken,
        ])
        XCTAssertEqual(library.templates.map(\.id), ["a", "b"])
        XCTAssertEqual(library.template(id: "a")?.casePaths, ["agents/agent/name", "name", "role"])
        XCTAssertEqual(diagnostics.map(\.id), [TemplateID.unknownFunction.id])
        XCTAssertEqual(diagnostics.first?.location, SourceLocation(file: "fragments/broken.xml", line: 2))
    }

    func testVariablesInAFragmentAreCheckedWhereItIsIncluded() throws {
        let uses = "<fragment xmlns=\"urn:wenshu:template:1\">\n<p><value select=\"$party/name\"/></p>\n</fragment>"
        let (library, diagnostics) = Fixtures.library([
            "good.form.xml": Fixtures.form("<each select=\"parties/party\" as=\"party\"><include href=\"fragments/f.xml\"/></each>")
                .replacingOccurrences(of: "id=\"t\"", with: "id=\"good\""),
            "bad.form.xml": Fixtures.form("<include href=\"fragments/f.xml\"/>").replacingOccurrences(of: "id=\"t\"", with: "id=\"bad\""),
            "fragments/f.xml": uses,
        ])
        XCTAssertEqual(library.templates.map(\.id), ["good"])
        XCTAssertEqual(library.template(id: "good")?.casePaths, ["parties/party/name"])
        XCTAssertEqual(diagnostics.map(\.id), [TemplateID.unknownVariable.id])
        XCTAssertEqual(diagnostics.first?.location, SourceLocation(file: "fragments/f.xml", line: 2))
    }

    /// A fragment's parameter: the including form gives the words a blank form prints (one per repetition
    /// of the loop), the fragment falls back on its own text; a filled form prints the case's role.
    func testAnIncludeGivesTheFragmentItsRoleWordsForABlankForm() throws {
        let particulars = """
        <fragment xmlns="urn:wenshu:template:1">
          <p indent="false"><choose><when test="role"><value select="role"/></when><otherwise><parameter name="roles">当事人</parameter></otherwise></choose><value select="name" width="4"/></p>
        </fragment>
        """
        let fragments = ["fragments/party.xml": particulars]
        let given = try Fixtures.template("""
          <each select="parties/party" blank-repeat="3">
            <include href="fragments/party.xml"><with name="roles">申请人 被申请人</with></include>
          </each>
        """, fragments: fragments)
        let line = { (role: String) in Block.paragraph(Paragraph([.text(role), .blank(width: 4)], firstLineIndent: false)) }
        XCTAssertEqual(given.renderBlank().blocks, [line("申请人"), line("被申请人"), line("被申请人")],
                       "one word per repetition, the last one for any beyond")
        let fallback = try Fixtures.template("""
          <each select="parties/party" blank-repeat="2"><include href="fragments/party.xml"/></each>
        """, fragments: fragments)
        XCTAssertEqual(fallback.renderBlank().blocks, [line("当事人"), line("当事人")])

        let filled = try Fixtures.blocks("""
          <each select="parties/party"><include href="fragments/party.xml"><with name="roles">甲方 乙方</with></include></each>
        """, case: "<case><parties><party><role>第三人</role><name>王建国</name></party></parties></case>", fragments: fragments)
        XCTAssertEqual(filled, [.paragraph(Paragraph([.field("第三人"), .field("王建国")], firstLineIndent: false))])
    }

    func testAParameterTheFragmentDoesNotHaveIsRefusedAtItsLine() throws {
        let (library, diagnostics) = Fixtures.library([
            "a.form.xml": Fixtures.form("<include href=\"fragments/f.xml\">\n<with name=\"role\">申请人</with></include>"),
            "fragments/f.xml": "<fragment xmlns=\"urn:wenshu:template:1\"><p><parameter name=\"roles\">当事人</parameter></p></fragment>",
        ])
        XCTAssertEqual(library.templates.map(\.id), [])
        XCTAssertEqual(diagnostics.map(\.id), [TemplateID.unknownParameter.id])
        XCTAssertEqual(diagnostics.first?.subject, "role")
        XCTAssertEqual(diagnostics.first?.location.file, "a.form.xml")
        XCTAssertTrue(diagnostics.first?.message.contains("it has roles") ?? false, diagnostics.first?.message ?? "")
    }
}
