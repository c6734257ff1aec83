import Foundation
import WenshuDocument
import WenshuXML
import XCTest
@testable import WenshuTemplate

/// Small templates bound to small cases, compared with the exact document model they must give.
final class BindingTests: XCTestCase {
    let people = """
    <case><number>（2026）青调字第5号</number>
      <parties>
        <party><name>张三</name><role>申请人</role><gender>男</gender></party>
        <party><name>李四</name><role>被申请人</role></party>
      </parties>
      <agreement><total_amount>12000</total_amount><date>2026-03-10</date></agreement>
    </case>
    """

    func testTitleNumberAndFieldsInAParagraph() throws {
        let blocks = try Fixtures.blocks("""
          <title>人民调解协议书</title>
          <number>编号：<value select="number"/></number>
          <p>申请人<value select="parties/party[1]/name"/>，
             金额<value select="w:money-capitals(agreement/total_amount)"/>（<value select="w:money(agreement/total_amount)"/>）。</p>
        """, case: people)
        XCTAssertEqual(blocks, [
            .title([.text("人民调解协议书")]),
            .subtitle([.text("编号："), .field("（2026）青调字第5号")], alignment: .right),
            p(.text("申请人"), .field("张三"), .text("，金额"), .field("人民币壹万贰仟元整"), .text("（"), .field("¥12,000.00"), .text("）。")),
        ])
    }

    func testMetadataComesFromTheTemplateAndTheNumberLine() throws {
        let template = try Fixtures.template("<number><value select=\"number\"/></number>",
                                             attributes: "date=\"agreement/date\" case-number=\"number\"")
        let document = try XCTUnwrap(template.render(try Fixtures.caseDocument(people)).documents.first)
        XCTAssertEqual(document.metadata, DocumentMetadata(formID: "t", title: "测试", number: "（2026）青调字第5号",
                                                           caseNumber: "（2026）青调字第5号", date: "2026-03-10", templateVersion: "1"))
        XCTAssertEqual(document.pageStyle, .prose)
    }
}

extension BindingTests {
    func testTableRowsRepeatOverANodeSetWithHeaderSpansAndIndex() throws {
        let blocks = try Fixtures.blocks("""
          <table widths="1 3 2">
            <row header="true"><cell>序号</cell><cell>姓名</cell><cell>身份</cell></row>
            <rows select="parties/party" as="party" index="n">
              <row><cell><value select="$n"/></cell><cell><value select="name"/></cell><cell><value select="$party/role"/></cell></row>
            </rows>
            <row min-lines="3"><cell colspan="2" align="center">合计</cell><cell rowspan="1"><value select="count(parties/party)"/>人</cell></row>
          </table>
        """, case: people)
        func cell(_ inlines: Inline..., span: Int = 1, align: Alignment = .left) -> TableCell {
            TableCell([Paragraph(inlines, alignment: align)], columnSpan: span)
        }
        XCTAssertEqual(blocks, [.table(Table(columnWidths: [1, 3, 2], rows: [
            TableRow(isHeader: true, cells: [cell(.text("序号")), cell(.text("姓名")), cell(.text("身份"))]),
            TableRow(cells: [cell(.field("1")), cell(.field("张三")), cell(.field("申请人"))]),
            TableRow(cells: [cell(.field("2")), cell(.field("李四")), cell(.field("被申请人"))]),
            TableRow(cells: [cell(.text("合计"), span: 2, align: .center), cell(.field("2"), .text("人"))], minLines: 3),
        ]))])
    }

    func testCellsHoldingParagraphs() throws {
        let blocks = try Fixtures.blocks("""
          <table widths="1" border="false">
            <row><cell><each select="parties/party"><p><value select="name"/></p></each><item level="3">末</item></cell></row>
          </table>
        """, case: people)
        let plain = { (inlines: [Inline]) in Paragraph(inlines, alignment: .justify, firstLineIndent: false) }
        XCTAssertEqual(blocks, [.table(Table(columnWidths: [1], rows: [
            TableRow(cells: [TableCell([plain([.field("张三")]), plain([.field("李四")]), plain([.text("1.末")])])]),
        ], bordered: false))])
    }

    func testInlineLoopsJoinWithTheirSeparator() throws {
        let blocks = try Fixtures.blocks("""
          <p indent="false">当事人：<each select="parties/party" separator="、"><value select="name"/></each>。</p>
        """, case: people)
        XCTAssertEqual(blocks, [.paragraph(Paragraph([.text("当事人："), .field("张三"), .text("、"), .field("李四"), .text("。")]))])
    }

    func testConditionsAndChoices() throws {
        let blocks = try Fixtures.blocks("""
          <if test="count(parties/party) = 2"><p>两方</p></if>
          <if test="agreement/copies"><p>不应出现</p></if>
          <each select="parties/party">
            <choose>
              <when test="gender = '女'"><p>女</p></when>
              <when test="gender"><p><value select="name"/>：<value select="gender"/></p></when>
              <otherwise><p><value select="name"/>：性别不详</p></otherwise>
            </choose>
          </each>
          <p>甲<if test="false()">乙</if>丙</p>
        """, case: people)
        XCTAssertEqual(blocks, [
            p(.text("两方")),
            p(.field("张三"), .text("："), .field("男")),
            p(.field("李四"), .text("：性别不详")),
            p(.text("甲丙")),
        ])
    }

    func testCheckboxesMarkTheCaseValue() throws {
        let blocks = try Fixtures.blocks("""
          <p indent="false"><checkboxes select="parties/party[1]/role"><option>申请人</option><option>被申请人</option></checkboxes></p>
          <p indent="false"><checkboxes select="parties/party/role" separator=""><option value="申请人">甲</option><option value="第三人">丙</option><option value="被申请人">乙</option></checkboxes></p>
          <p indent="false"><checkboxes select="source/kind"><option>申请</option><option>主动</option></checkboxes></p>
        """, case: people)
        XCTAssertEqual(blocks, [
            .paragraph(Paragraph([.checkbox(label: "申请人", checked: true), .text("　"), .checkbox(label: "被申请人", checked: false)])),
            .paragraph(Paragraph([.checkbox(label: "甲", checked: true), .checkbox(label: "丙", checked: false), .checkbox(label: "乙", checked: true)])),
            .paragraph(Paragraph([.checkbox(label: "申请", checked: false), .text("　"), .checkbox(label: "主动", checked: false)])),
        ])
    }

    func testHeadingsAndItemsNumberThemselvesPerLevel() throws {
        let blocks = try Fixtures.blocks("""
          <heading level="1">权利</heading>
          <item level="2">甲</item>
          <item level="2">乙</item>
          <item level="3">细</item>
          <item level="4">更细</item>
          <heading level="1">义务</heading>
          <item level="2">丙</item>
          <heading level="2" number="附：">说明</heading>
          <heading level="2" numbered="false">无号</heading>
          <item level="2">丁</item>
        """, case: people)
        let item = { (text: String) in Block.paragraph(Paragraph([.text(text)], alignment: .justify, firstLineIndent: true)) }
        XCTAssertEqual(blocks, [
            .heading(level: 1, [.text("一、权利")]), item("（一）甲"), item("（二）乙"), item("1.细"), item("（1）更细"),
            .heading(level: 1, [.text("二、义务")]), item("（一）丙"),
            .heading(level: 2, [.text("附：说明")]), .heading(level: 2, [.text("无号")]), item("（二）丁"),
        ])
    }

    func testItemsInALoopCountOn() throws {
        let blocks = try Fixtures.blocks("""
          <p>经调解，自愿达成如下协议：</p>
          <each select="parties/party"><item level="1"><value select="name"/>负责。</item></each>
        """, case: people)
        XCTAssertEqual(blocks, [
            p(.text("经调解，自愿达成如下协议：")),
            p(.text("一、"), .field("张三"), .text("负责。")),
            p(.text("二、"), .field("李四"), .text("负责。")),
        ])
    }

    func testSignaturesSectionsPageBreaksAndPageReferences() throws {
        let blocks = try Fixtures.blocks("""
          <signatures>
            <each select="parties/party"><signature><label><value select="role"/>（签名）</label><date/></signature></each>
            <signature space="0"><label>人民调解委员会（印）</label><name>青山村人民调解委员会</name><date><value select="w:date-cn(agreement/date)"/></date></signature>
          </signatures>
          <page-break/>
          <section id="contents" numbering="unnumbered" page="form">
            <p indent="false">第<page-ref target="agreement"/>页至第<page-ref target="agreement" end="true"/>页，共<page-count/>页</p>
          </section>
          <section id="agreement" new-page="false" numbering="restart" start="3"><title>正文</title></section>
        """, case: people)
        XCTAssertEqual(blocks, [
            .signatures(SignatureBlock([
                // Room to sign after each label (eight characters unless space= says otherwise); none on the seal line.
                Signature(label: [.field("申请人"), .text("（签名）"), .blank(width: 8)], date: Inline.handwrittenDate),
                Signature(label: [.field("被申请人"), .text("（签名）"), .blank(width: 8)], date: Inline.handwrittenDate),
                Signature(label: [.text("人民调解委员会（印）")], name: [.text("青山村人民调解委员会")], date: [.field("二〇二六年三月十日")]),
            ], alignment: .right)),
            .pageBreak,
            .section(Section(id: "contents", startsNewPage: true, numbering: .unnumbered, pageStyle: .form, blocks: [
                .paragraph(Paragraph([.text("第"), .pageRef(target: "agreement", end: false), .text("页至第"),
                                      .pageRef(target: "agreement", end: true), .text("页，共"), .pageCount, .text("页")])),
            ])),
            .section(Section(id: "agreement", startsNewPage: false, numbering: .restart(at: 3), blocks: [.title([.text("正文")])])),
        ])
    }

    func testMissingValuesFollowTheirRule() throws {
        let blocks = try Fixtures.blocks("""
          <p>职业：<value select="parties/party[2]/occupation" missing="blank" width="6"/></p>
          <p>电话<value select="parties/party[2]/phone" missing="omit"/>。</p>
          <p>性别<if test="parties/party[2]/gender">（<value select="parties/party[2]/gender"/>）</if>。</p>
          <p>备注：<blank width="10"/></p>
        """, case: people)
        XCTAssertEqual(blocks, [
            p(.text("职业："), .blank(width: 6)),
            p(.text("电话。")),
            p(.text("性别。")),
            p(.text("备注："), .blank(width: 10)),
        ])
    }

    func testARequiredFieldMissingIsAnErrorNamingTheFieldAndNothingIsPrinted() throws {
        let template = try Fixtures.template("""
          <p>金额：<value select="w:money-capitals(agreement/paid)"/></p>
          <each select="parties/party">
            <p><value select="name"/>：<value select="gender"/></p>
          </each>
        """)
        let rendering = template.render(try Fixtures.caseDocument(people))
        XCTAssertEqual(rendering.documents, [])
        XCTAssertFalse(rendering.succeeded)
        XCTAssertEqual(rendering.diagnostics.map(\.id), [TemplateID.missingField.id, TemplateID.missingField.id])
        XCTAssertEqual(rendering.diagnostics.map(\.location), [SourceLocation(file: "t.form.xml", line: 2),
                                                               SourceLocation(file: "t.form.xml", line: 4)])
        XCTAssertEqual(rendering.diagnostics.map(\.subject), ["agreement/paid", "parties/party[2]/gender"])
    }

    func testValuesNeverPrintNilNullOrEmptyBrackets() throws {
        let template = try Fixtures.template("""
          <p><value select="nothing" missing="omit"/><value select="number(nothing)" missing="omit"/><value select="string(nothing)" missing="omit"/></p>
          <p><each select="nothing" separator="、"><value select="."/></each><value select="w:money(nothing)" missing="omit"/></p>
          <p><value select="w:date-cn(nothing)" missing="blank"/></p>
        """)
        let document = try XCTUnwrap(template.render(try Fixtures.caseDocument(people)).documents.first)
        let printed = document.blocks.description
        for bad in ["nil", "(null)", "Optional(", "NaN", "（）", "()"] {
            XCTAssertFalse(printed.contains(bad), "\(bad) in \(printed)")
        }
        XCTAssertEqual(document.blocks, [p(), p(), p(.blank(width: 8))])
    }

    func testMultiLineValuesBecomeIndentedParagraphsOrKeepTheirLineBreaks() throws {
        let text = "<case><summary>\n  第一段\n\n  第二段\n</summary></case>"
        // In an indented body paragraph each line is a paragraph of its own, indented as Chinese text is.
        XCTAssertEqual(try Fixtures.blocks("<p><value select=\"summary\"/></p>", case: text),
                       [p(.field("第一段")), p(.field("第二段"))])
        // Elsewhere (an address, a list of names) the lines stay line breaks.
        XCTAssertEqual(try Fixtures.blocks("<p indent=\"false\"><value select=\"summary\"/></p>", case: text),
                       [.paragraph(Paragraph([.field("第一段"), .lineBreak, .lineBreak, .field("第二段")], firstLineIndent: false))])
    }

    func testAFunctionThatCannotPrintAValueNamesTheFunctionAndTheCaseNode() throws {
        let template = try Fixtures.template("<each select=\"parties/party\"><p><value select=\"w:money(name)\"/></p></each>")
        let rendering = template.render(try Fixtures.caseDocument(people))
        XCTAssertEqual(rendering.diagnostics.map(\.id), [TemplateID.functionFailed.id, TemplateID.functionFailed.id])
        XCTAssertEqual(rendering.diagnostics.first?.subject, "w:money(name)")
        XCTAssertTrue(rendering.diagnostics.first?.message.hasPrefix("w:money(): “张三” is not an amount") ?? false,
                      rendering.diagnostics.first?.message ?? "")
        XCTAssertTrue(rendering.diagnostics.first?.message.contains("/case/parties/party[1]") ?? false)
    }

    func testFormsRepeatedPerRecord() throws {
        let template = try Fixtures.template("""
          <title>回访记录</title>
          <p>回访对象：<value select="name"/>（<value select="$case/number"/>）</p>
        """, attributes: "for-each=\"parties/party\" as=\"visit\" date=\"/case/agreement/date\"")
        let rendering = template.render(try Fixtures.caseDocument(people))
        XCTAssertEqual(rendering.diagnostics, [])
        XCTAssertEqual(rendering.documents.map(\.blocks), [
            [.title([.text("回访记录")]), p(.text("回访对象："), .field("张三"), .text("（"), .field("（2026）青调字第5号"), .text("）"))],
            [.title([.text("回访记录")]), p(.text("回访对象："), .field("李四"), .text("（"), .field("（2026）青调字第5号"), .text("）"))],
        ])
        XCTAssertEqual(rendering.documents.map(\.metadata.date), ["2026-03-10", "2026-03-10"])
        XCTAssertTrue(template.applies(to: try Fixtures.caseDocument(people)))
        XCTAssertFalse(template.applies(to: try Fixtures.caseDocument("<case/>")))
        XCTAssertEqual(template.render(try Fixtures.caseDocument("<case/>")).diagnostics.map(\.id), [TemplateID.noRecords.id])
    }

    func testAppliesWhen() throws {
        let template = try Fixtures.template("<p>x</p>", attributes: "applies-when=\"agreement/total_amount > 10000\"")
        XCTAssertTrue(template.applies(to: try Fixtures.caseDocument(people)))
        let small = try Fixtures.caseDocument("<case><agreement><total_amount>500</total_amount></agreement></case>")
        XCTAssertFalse(template.applies(to: small))
        let rendering = template.render(small)
        XCTAssertEqual(rendering.diagnostics.map(\.id), [TemplateID.notApplicable.id])
        XCTAssertEqual(rendering.diagnostics.first?.severity, .warning)
        XCTAssertEqual(rendering.documents.count, 1)
    }

    func testNestedLoopsRestoreTheVariablesTheyShadow() throws {
        let blocks = try Fixtures.blocks("""
          <each select="g" as="x"><each select="i" as="x"><p><value select="$x"/></p></each><p><value select="$x/@n"/></p></each>
        """, case: "<case><g n=\"A\"><i>1</i><i>2</i></g><g n=\"B\"><i>3</i></g></case>")
        XCTAssertEqual(blocks, [p(.field("1")), p(.field("2")), p(.field("A")), p(.field("3")), p(.field("B"))])
    }
}
