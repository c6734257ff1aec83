import Foundation
import WenshuDocument
import WenshuXML
import XCTest
@testable import WenshuTemplate

/// The bundled 人民调解协议书 template against the bundled example case: the worked example of
/// docs/templates.md, checked to the last run.
final class AgreementTemplateTests: XCTestCase {
    static let loaded = TemplateLibrary.load(directory: Fixtures.templates, displayPath: "templates")

    var agreement: FormTemplate { Self.loaded.library.template(id: "agreement")! }

    func exampleCase(editing edit: (String) -> String = { $0 }) throws -> XMLDocument {
        let text = try String(contentsOf: Fixtures.exampleCase, encoding: .utf8)
        return try XMLDocument(parsing: Data(edit(text).utf8), fileName: "traffic-instalments.xml")
    }

    /// The line of a template file holding `text`, so tests name locations without hard-coding them.
    func templateLine(containing text: String, in file: String = "agreement.form.xml") throws -> Int {
        let lines = try String(contentsOf: Fixtures.templates.appendingPathComponent(file), encoding: .utf8)
            .components(separatedBy: "\n")
        return try XCTUnwrap(lines.firstIndex { $0.contains(text) }) + 1
    }

    func testTheBundledTemplatesCompileCleanly() {
        XCTAssertEqual(Self.loaded.diagnostics, [])
        XCTAssertTrue(Self.loaded.library.templates.map(\.id).contains("agreement"))
        XCTAssertEqual(agreement.title, "人民调解协议书")
        XCTAssertEqual(agreement.file, "templates/agreement.form.xml")
    }

    func testTheCasePathsItReadsAreDerivedFromTheTemplate() {
        XCTAssertEqual(agreement.casePaths, [
            "accepted", "agreement/copies", "agreement/copy_holders/copy_holder/copies",
            "agreement/copy_holders/copy_holder/holder", "agreement/date", "agreement/facts", "agreement/form",
            "agreement/instalments/instalment/amount", "agreement/instalments/instalment/due", "agreement/number",
            "agreement/performance_terms", "agreement/responsibilities", "agreement/terms/term/amount", "agreement/terms/term/text", "committee/name",
            "mediators/mediator/name", "number",
            "parties/party/address", "parties/party/agents/agent/authority", "parties/party/agents/agent/kind",
            "parties/party/agents/agent/name", "parties/party/agents/agent/phone", "parties/party/agents/agent/relation",
            "parties/party/agents/agent/workplace", "parties/party/birth_date", "parties/party/credit_code",
            "parties/party/ethnicity", "parties/party/gender", "parties/party/group/size", "parties/party/id_number", "parties/party/id_type",
            "parties/party/kind", "parties/party/name", "parties/party/occupation", "parties/party/phone",
            "parties/party/representative/name", "parties/party/representative/title", "parties/party/role",
            "recorder/name",
        ])
    }

    func testTheExampleCaseFillsTheAgreement() throws {
        let rendering = agreement.render(try exampleCase())
        XCTAssertEqual(rendering.diagnostics, [])
        let document = try XCTUnwrap(rendering.documents.first)
        XCTAssertEqual(document.metadata, DocumentMetadata(
            formID: "agreement", title: "人民调解协议书", number: "（2026）西交调协字第37号",
            caseNumber: "（2026）西交调字第37号", date: "2026-03-10", templateVersion: "1"))
        XCTAssertEqual(document.pageStyle, .prose)
        func line(_ inlines: Inline...) -> Block { .paragraph(Paragraph(inlines, firstLineIndent: false)) }
        let f = Inline.field
        XCTAssertEqual(document.blocks, [
            .title([.text("人民调解协议书")]),
            .subtitle([.text("编号："), f("（2026）西交调协字第37号")], alignment: .right),
            line(f("申请人"), .text("："), f("王建国"), .text("　性别："), f("男"), .text("　民族："), f("汉族"), .text("　年龄："), f("47"), .text("岁")),
            line(.text("联系方式："), f("13805712345"), .text("　职业或职务："), f("个体工商户")),
            line(f("居民身份证"), .text("号码："), f("330106197803121239")),
            line(.text("单位或住址："), f("杭州市西湖区古荡街道嘉绿苑12幢3单元402室")),
            line(f("委托代理人"), .text("："), f("周敏"), .text("　代理权限："), f("特别授权")),
            line(.text("联系方式："), f("13967123456"), .text("　工作单位："), f("浙江明德律师事务所")),
            line(f("被申请人"), .text("："), f("李明"), .text("　性别："), f("女"), .text("　民族："), f("汉族"), .text("　年龄："), f("43"), .text("岁")),
            line(.text("联系方式："), f("0571-88123456"), .text("　职业或职务："), f("公司职员")),
            line(f("居民身份证"), .text("号码："), f("330106198207152463")),
            line(.text("单位或住址："), f("杭州市西湖区翠苑街道翠苑二区8幢1单元201室")),
            p(.text("纠纷主要事实、争议事项：")),
            p(f("2026年2月14日，李明驾驶小型轿车右转时与骑电动自行车直行的王建国相撞，致王建国左腿骨折。双方就赔偿数额发生争议。")),
            p(f("经杭州市公安局西湖区分局交通警察大队认定，李明负事故主要责任，王建国负次要责任。")),
            p(.text("经调解，自愿达成如下协议：")),
            p(.text("一、"), f("被申请人李明赔偿申请人王建国医疗费、误工费、护理费、交通费等各项损失共计人民币34,020元（大写：人民币叁万肆仟零贰拾元整）。")),
            p(.text("二、"), f("上述款项分三期支付，支付方式为银行转账至申请人指定账户。")),
            p(.text("三、"), f("本协议履行完毕后，双方就本次事故再无其他争议。")),
            p(.text("履行方式、时限：")),
            p(f("被申请人按上述期限分期支付，逾期未付的，申请人可就未付部分申请强制执行。")),
            p(.text("分期履行如下：")),
            .table(Table(columnWidths: [3, 7, 10], rows: [
                TableRow(isHeader: true, cells: [cell(.center, .text("期次")), cell(.center, .text("履行期限")), cell(.center, .text("金额"))]),
                TableRow(cells: [cell(.center, .text("第"), f("1"), .text("期")), cell(.center, f("2026年3月20日"), .text("前")),
                                 cell(.left, f("人民币壹万肆仟零贰拾元整"), .text("（"), f("¥14,020.00"), .text("）"))]),
                TableRow(cells: [cell(.center, .text("第"), f("2"), .text("期")), cell(.center, f("2026年4月20日"), .text("前")),
                                 cell(.left, f("人民币壹万元整"), .text("（"), f("¥10,000.00"), .text("）"))]),
                TableRow(cells: [cell(.center, .text("第"), f("3"), .text("期")), cell(.center, f("2026年5月20日"), .text("前")),
                                 cell(.left, f("人民币壹万元整"), .text("（"), f("¥10,000.00"), .text("）"))]),
                TableRow(cells: [cell(.center, .text("合计")),
                                 cell(.left, span: 2, f("人民币叁万肆仟零贰拾元整"), .text("（"), f("¥34,020.00"), .text("）"))]),
            ])),
            p(.text("本协议一式"), f("三"), .text("份，当事人、人民调解委员会各持一份。")),
            p(.text("本协议自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效。")),
            .signatures(SignatureBlock([
                Signature(label: [.text("当事人（签名、盖章或按指印）：")]),
                Signature(label: [f("申请人"), .text("："), f("王建国"), partyRoom]),
                Signature(label: [f("委托代理人"), .text("："), f("周敏"), partyRoom]),
                Signature(label: [f("被申请人"), .text("："), f("李明"), partyRoom]),
            ], alignment: .left)),
            .signatures(SignatureBlock([
                Signature(label: [.text("人民调解员："), f("陈晓红"), .text("（签名）"), room]),
                Signature(label: [.text("记录人："), f("吴磊"), .text("（签名）"), room]),
                Signature(label: [f("杭州市西湖区道路交通事故人民调解委员会"), .text("（印）")], date: [f("二〇二六年三月十日")], seal: true),
            ], alignment: .right)),
        ])
    }

    func testAnOrganisationPartySealsAndItsRepresentativeSigns() throws {
        let organisation = """
            <party>
              <id>p2</id><role>被申请人</role><kind>organisation</kind><name>杭州顺达物流有限公司</name>
              <credit_code>91330106MA2AXXXX0B</credit_code><address>杭州市西湖区天目山路1号</address>
              <representative><name>赵刚</name><title>法定代表人</title></representative>
            </party>
          </parties>
        """
        let document = try exampleCase { text in
            let start = text.range(of: "    <party>\n      <id>p2</id>")!.lowerBound
            let end = text.range(of: "</parties>")!.upperBound
            return text.replacingCharacters(in: start..<end, with: organisation)
        }
        let rendering = agreement.render(document)
        XCTAssertEqual(rendering.diagnostics, [])
        let blocks = try XCTUnwrap(rendering.documents.first?.blocks)
        let f = Inline.field
        func line(_ inlines: Inline...) -> Block { .paragraph(Paragraph(inlines, firstLineIndent: false)) }
        XCTAssertEqual(Array(blocks[8...11]), [
            line(f("被申请人"), .text("："), f("杭州顺达物流有限公司")),
            line(.text("统一社会信用代码："), f("91330106MA2AXXXX0B")),
            line(f("法定代表人"), .text("："), f("赵刚"), .text("　联系方式："), .blank(width: 7)),
            line(.text("住所："), f("杭州市西湖区天目山路1号")),
        ])
        // Every line names its signatory, the applicant's agent too; the organisation's seal line has no
        // underline (the seal goes over its name) and its representative signs by name.
        XCTAssertEqual(blocks.first { if case .signatures(let block) = $0 { block.alignment == .left } else { false } },
                       .signatures(SignatureBlock([
            Signature(label: [.text("当事人（签名、盖章或按指印）：")]),
            Signature(label: [f("申请人"), .text("："), f("王建国"), .blank(width: 6)]),
            Signature(label: [f("委托代理人"), .text("："), f("周敏"), .blank(width: 6)]),
            Signature(label: [f("被申请人"), .text("："), f("杭州顺达物流有限公司"), .text("（盖章）")]),
            Signature(label: [f("法定代表人"), .text("："), f("赵刚"), .blank(width: 6)]),
        ], alignment: .left)))
    }

    func testMissingRequiredFieldsAreNamedWithTheTemplateLine() throws {
        let document = try exampleCase { text in
            text.replacingOccurrences(of: #"<facts>[^<]*</facts>"#, with: "", options: .regularExpression)
                .replacingOccurrences(of: "<address>杭州市西湖区翠苑街道翠苑二区8幢1单元201室</address>", with: "")
        }
        let rendering = agreement.render(document)
        XCTAssertEqual(rendering.documents, [])
        XCTAssertEqual(rendering.diagnostics.map(\.id), [TemplateID.missingField.id, TemplateID.missingField.id])
        XCTAssertEqual(rendering.diagnostics.map(\.subject), ["parties/party[2]/address", "agreement/facts"])
        XCTAssertEqual(rendering.diagnostics.map(\.location), [
            SourceLocation(file: "templates/fragments/party-particulars.xml",
                           line: try templateLine(containing: "单位或住址：<value", in: "fragments/party-particulars.xml")),
            SourceLocation(file: "templates/agreement.form.xml", line: try templateLine(containing: "agreement/facts")),
        ])
    }

    func testMissingOptionalFieldsPrintBlanksNotNil() throws {
        let document = try exampleCase { text in
            text.replacingOccurrences(of: "<copies>3</copies>", with: "")
                .replacingOccurrences(of: "<occupation>公司职员</occupation>", with: "")
                .replacingOccurrences(of: "<date>2026-03-10</date>\n    <effective>", with: "<effective>")
        }
        let rendering = agreement.render(document)
        XCTAssertEqual(rendering.diagnostics, [])
        let blocks = try XCTUnwrap(rendering.documents.first?.blocks)
        XCTAssertTrue(blocks.contains(p(.text("本协议一式"), .blank(width: 2), .text("份，当事人、人民调解委员会各持一份。"))))
        XCTAssertTrue(blocks.contains(.paragraph(Paragraph([.text("联系方式："), .field("0571-88123456"), .text("　职业或职务："), .blank(width: 6)],
                                                           firstLineIndent: false))))
        guard case .signatures(let committee)? = blocks.last else { return XCTFail("no signatures at the foot") }
        XCTAssertEqual(committee.signatures.last?.date, Inline.handwrittenDate)
    }

    func testItAppliesToWrittenAgreementsOnly() throws {
        XCTAssertTrue(agreement.applies(to: try exampleCase()))
        XCTAssertFalse(agreement.applies(to: try exampleCase { $0.replacingOccurrences(of: "<form>written</form>", with: "<form>oral</form>") }))
    }

    func testTheBlankAgreementIsAFormForHandwriting() {
        let document = agreement.renderBlank()
        XCTAssertEqual(document.metadata, DocumentMetadata(formID: "agreement", title: "人民调解协议书", templateVersion: "1"))
        XCTAssertEqual(Array(document.blocks.prefix(4)), [
            .title([.text("人民调解协议书")]),
            .subtitle([.text("编号："), .blank(width: 10)], alignment: .right),
            .paragraph(Paragraph([.text("申请人："), .blank(width: 3), .text("　性别："), .blank(width: 2), .text("　民族："), .blank(width: 2),
                                  .text("　年龄："), .blank(width: 2), .text("岁")], firstLineIndent: false)),
            .paragraph(Paragraph([.text("联系方式："), .blank(width: 7), .text("　职业或职务："), .blank(width: 6)], firstLineIndent: false)),
        ])
        // The second party is the 被申请人: the form gives the fragment its role words for a blank form.
        XCTAssertTrue(document.blocks.contains(.paragraph(Paragraph([.text("被申请人："), .blank(width: 3), .text("　性别："), .blank(width: 2),
            .text("　民族："), .blank(width: 2), .text("　年龄："), .blank(width: 2), .text("岁")], firstLineIndent: false))))
        XCTAssertTrue(document.blocks.contains(.signatures(SignatureBlock([
            Signature(label: [.text("当事人（签名、盖章或按指印）：")]),
            Signature(label: [.text("申请人："), .blank(width: 3), partyRoom]),
            Signature(label: [.text("被申请人："), .blank(width: 3), partyRoom]),
        ], alignment: .left))))
        // Room for the handwriting: six numbered terms, and eight ruled lines under the facts' first line.
        let numbers: [Inline] = ["一、", "二、", "三、", "四、", "五、", "六、"].map { .text($0) }
        XCTAssertEqual(document.blocks.filter { if case .paragraph(let p) = $0 { return p.inlines.first.map(numbers.contains) ?? false } else { return false } }.count, 6)
        XCTAssertEqual(document.blocks.filter { $0 == .paragraph(Paragraph([.blank(width: 28)], firstLineIndent: false)) }.count, 8)
        guard case .signatures(let committee)? = document.blocks.last else { return XCTFail("no signatures at the foot") }
        XCTAssertEqual(committee.signatures.last?.date, Inline.handwrittenDate)
    }

    /// The room left to sign after a signature's label: an underline of eight full-width characters.
    private let room = Inline.blank(width: 8)
    /// The room a party signs in: six characters, so two parties fit on a row.
    private let partyRoom = Inline.blank(width: 6)

    /// A one-paragraph table cell.
    private func cell(_ alignment: Alignment, span: Int = 1, _ inlines: Inline...) -> TableCell {
        TableCell([Paragraph(inlines, alignment: alignment)], columnSpan: span)
    }
}
