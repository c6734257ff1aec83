import Foundation
import WenshuCase
import WenshuDocument
import WenshuXML
import XCTest
@testable import WenshuTemplate

/// The intake part of the catalogue — 人民调解申请书, 人民调解受理登记表, 人民调解当事人权利义务告知书,
/// 人民调解口头协议登记表, 人民调解回访记录 — bound to the bundled example cases: which forms apply to which
/// case, what each prints (names, ID numbers, checkbox marks, amounts in capitals, dates), how per-visit
/// records repeat, and that the blank forms hold nothing but labels, blanks and empty boxes.
final class CatalogueIntakeTests: XCTestCase {
    static let loaded = TemplateLibrary.load(directory: Fixtures.templates, displayPath: "templates")
    static let forms = ["application", "intake-register", "rights-notice", "oral-agreement", "follow-up"]

    func form(_ id: String) throws -> FormTemplate {
        try XCTUnwrap(Self.loaded.library.template(id: id), "no template \(id)")
    }

    /// An example case as the loader gives it (YAML and JSON map onto the same XML tree), after `edit`
    /// has changed its source text.
    func example(_ name: String, editing edit: (String) -> String = { $0 }) throws -> XMLDocument {
        let url = Fixtures.repository.appendingPathComponent("examples/cases/\(name)")
        let text = edit(try String(contentsOf: url, encoding: .utf8))
        let format = try XCTUnwrap(SourceFormat(fileExtension: url.pathExtension))
        return try CaseLoader.load(Data(text.utf8), name: name, format: format, kind: .caseFile).document
    }

    /// Fills `id` from `document`; fails the test on any diagnostic.
    func render(_ id: String, _ document: XMLDocument, file: StaticString = #filePath, line: UInt = #line) throws -> [Document] {
        let rendering = try form(id).render(document)
        XCTAssertEqual(rendering.diagnostics, [], file: file, line: line)
        return rendering.documents
    }

    func renderOne(_ id: String, _ name: String, editing edit: (String) -> String = { $0 },
                   file: StaticString = #filePath, line: UInt = #line) throws -> Document {
        let documents = try render(id, try example(name, editing: edit), file: file, line: line)
        XCTAssertEqual(documents.count, 1, file: file, line: line)
        return try XCTUnwrap(documents.first, file: file, line: line)
    }

    // MARK: The library and when each form applies

    func testTheIntakeFormsCompileCleanly() throws {
        XCTAssertEqual(Self.loaded.diagnostics, [])
        let pages = try Self.forms.map { try form($0).pageStyle }
        XCTAssertEqual(pages, [.prose, .form, .prose, .form, .form])
        XCTAssertEqual(try Self.forms.map { try form($0).title },
                       ["人民调解申请书", "人民调解受理登记表", "人民调解当事人权利义务告知书", "人民调解口头协议登记表", "人民调解回访记录"])
    }

    /// The table is the specification: per example, whether it has an application (it came by 申请),
    /// an oral agreement, and how many follow-up visits. The register and the rights notice apply to every case.
    func testEachFormAppliesToTheRightCases() throws {
        let table: [(file: String, application: Bool, oral: Bool, visits: Int)] = [
            ("traffic-instalments.xml", true, false, 1),
            ("neighbour-drainage.yaml", true, false, 1),
            ("family-maintenance.yaml", true, false, 2),
            ("wages-subcontractor.json", false, false, 1),      // 移送 by the petition office
            ("medical-knee-infection.xml", true, false, 1),
            ("property-fees.yaml", true, false, 2),
            ("land-contract-boundary.yaml", false, false, 1),   // 主动
            ("court-referred-loan.json", false, false, 1),      // 委派 by a court
            ("dog-bite-oral.yaml", true, true, 1),
            ("minors-playground-injury.yaml", true, false, 1),
            ("homestead-wall-police.xml", false, false, 2),     // 移送 by a police station
            ("factory-dormitory-fight.xml", false, false, 1),   // 主动
            ("renovation-failed.json", true, false, 0),         // failed: no agreement, no visit
            ("gym-prepaid-terminated.yaml", false, false, 0),   // 委托 by a court, mediation ended
        ]
        for row in table {
            let document = try example(row.file)
            XCTAssertEqual(try form("application").applies(to: document), row.application, row.file)
            XCTAssertTrue(try form("intake-register").applies(to: document), row.file)
            XCTAssertTrue(try form("rights-notice").applies(to: document), row.file)
            XCTAssertEqual(try form("oral-agreement").applies(to: document), row.oral, row.file)
            XCTAssertEqual(try form("follow-up").applies(to: document), row.visits > 0, row.file)
            if row.visits > 0 {
                XCTAssertEqual(try render("follow-up", document).count, row.visits, row.file)
            }
        }
    }

    // MARK: 人民调解申请书

    func testTheApplicationCarriesBothPartiesTheAccountTheClaimsAndTheApplicantsSignature() throws {
        let document = try renderOne("application", "traffic-instalments.xml")
        XCTAssertEqual(document.metadata, DocumentMetadata(formID: "application", title: "人民调解申请书",
                                                           caseNumber: "（2026）西交调字第37号", date: "2026-03-02", templateVersion: "1"))
        let text = Printed(document)
        XCTAssertEqual(text.lines.first, "人民调解申请书")
        text.assertContains([
            "申请人：王建国　性别：男　民族：汉族　年龄：47岁",
            "居民身份证号码：330106197803121239",
            "委托代理人：周敏　代理权限：特别授权",
            "联系方式：13967123456　工作单位：浙江明德律师事务所",
            "被申请人：李明　性别：女　民族：汉族　年龄：43岁",
            "居民身份证号码：330106198207152463",
            "纠纷简要情况：2026年2月14日18时许，李明驾驶浙A·3K729号小型轿车在文三路与学院路交叉口右转时，与骑电动自行车直行的王建国相撞，致王建国左腿骨折。交警部门认定李明负事故主要责任，王建国负次要责任。双方就医疗费、误工费等赔偿数额协商未果。",
            "当事人申请事项：",
            "一、请求被申请人赔偿医疗费、误工费、护理费、交通费等各项损失共计人民币48,600元。",
            "杭州市西湖区道路交通事故人民调解委员会已将申请人民调解的相关规定告知我，现自愿申请人民调解委员会进行调解。",
        ])
        XCTAssertEqual(text.signatures, ["申请人：王建国（签名、盖章或按指印）\(room)｜2026年3月2日"])
        XCTAssertLessThan(try XCTUnwrap(text.lines.firstIndex(of: "当事人申请事项：")),
                          try XCTUnwrap(text.lines.firstIndex { $0.hasPrefix("杭州市西湖区道路交通事故人民调解委员会已将") }))
    }

    func testTheApplicationSpeaksForSeveralApplicantsOrAnOrganisationAndAMinorsRepresentativeSigns() throws {
        let two = Printed(try renderOne("application", "traffic-instalments.xml") {
            $0.replacingOccurrences(of: "<role>被申请人</role>", with: "<role>申请人</role>")
        })
        XCTAssertTrue(two.lines.contains { $0.hasSuffix("已将申请人民调解的相关规定告知我们，现自愿申请人民调解委员会进行调解。") })
        // Applicants who sign together date the application once, under the last of them.
        XCTAssertEqual(two.signatures, ["申请人：王建国（签名、盖章或按指印）\(room)", "申请人：李明（签名、盖章或按指印）\(room)｜2026年3月2日"])

        let organisation = Printed(try renderOne("application", "property-fees.yaml"))
        organisation.assertContains(["申请人：苏州锦园物业服务有限公司", "统一社会信用代码：91320508MA1MXK5L7D", "法定代表人：顾海峰　联系方式：0512-65283310"])
        XCTAssertTrue(organisation.lines.contains { $0.hasSuffix("已将申请人民调解的相关规定告知本单位，现自愿申请人民调解委员会进行调解。") })
        XCTAssertEqual(organisation.signatures, ["申请人：苏州锦园物业服务有限公司（盖章）", "法定代表人：顾海峰（签名）\(room)｜2026年8月17日"])

        let minor = Printed(try renderOne("application", "minors-playground-injury.yaml"))
        minor.assertContains(["申请人：孙浩然　性别：男　民族：汉族　年龄：11岁", "法定代理人：李雪（系申请人之母）", "联系方式：13688402157"])
        XCTAssertEqual(minor.signatures, ["申请人：孙浩然（签名、盖章或按指印）\(room)", "法定代理人：李雪（签名）\(room)｜2026年6月29日"])
    }

    func testAnApplicationWithoutSummaryOrClaimsLeavesLinesToWriteOn() throws {
        let text = Printed(try renderOne("application", "traffic-instalments.xml") {
            $0.replacingOccurrences(of: #"<summary>[^<]*</summary>"#, with: "", options: .regularExpression)
                .replacingOccurrences(of: #"<claims>\s*<claim>[^<]*</claim>\s*</claims>"#, with: "", options: .regularExpression)
        })
        text.assertContains(["纠纷简要情况：" + blank(19), blank(28), "一、" + blank(24), "二、" + blank(24)])
        XCTAssertEqual(text.lines.filter { $0 == blank(28) }.count, 3)
    }

    // MARK: 人民调解受理登记表

    /// Exactly one box ticked in each group, the case's own value; a sending body's line only when one sent it.
    func testTheRegisterTicksTypeSourceAndGradeAndNamesTheSendingBody() throws {
        let table: [(file: String, type: String, source: String, grade: String, sender: [String]?)] = [
            ("traffic-instalments.xml", "道路交通事故", "当事人申请", "一般", nil),
            ("land-contract-boundary.yaml", "山林土地", "主动调解", "疑难", nil),
            ("wages-subcontractor.json", "劳动争议", "移送", "重大",
             ["移送单位：杭州市临平区信访局", "日期：2026年5月11日　文号：临信转〔2026〕118号"]),
            ("court-referred-loan.json", "合同", "委派", "一般",
             ["委派单位：杭州市余杭区人民法院", "日期：2026年7月6日　文号：（2026）浙0110民诉前调1873号"]),
            ("gym-prepaid-terminated.yaml", "消费", "委托", "一般",
             ["委托单位：苏州市姑苏区人民法院", "日期：2026年10月19日　文号：（2026）苏0508民初5127号"]),
        ]
        for row in table {
            let text = Printed(try renderOne("intake-register", row.file))
            XCTAssertEqual(text.checked, [row.type, row.source, row.grade], row.file)
            XCTAssertEqual(text.checkboxes.count, 16 + 5 + 3, row.file)
            let source = try XCTUnwrap(text.rows.first { $0.hasPrefix("纠纷来源｜") }, row.file)
            if let sender = row.sender {
                XCTAssertTrue(source.hasSuffix("\n" + sender.joined(separator: "\n")), "\(row.file): \(source)")
            } else {
                XCTAssertFalse(source.contains("单位："), row.file)
            }
        }
    }

    func testTheRegisterListsThePartiesAndRecordsWhoAcceptedTheCaseAndWhen() throws {
        let document = try renderOne("intake-register", "wages-subcontractor.json")
        XCTAssertEqual(document.metadata.number, "（2026）临劳调字第41号")
        XCTAssertEqual(document.metadata.date, "2026-05-12")
        XCTAssertEqual(document.pageStyle, .form)
        let text = Printed(document)
        XCTAssertEqual(Array(text.rows.prefix(3)), [
            "申请人｜姓名：马建伟　性别：男　年龄：49岁\n联系方式：15237498216　单位或住址：河南省沈丘县付井镇马庄村3组（现住杭州市临平区星桥街道星河湾安置房二期项目工地宿舍）",
            "被申请人｜名称：杭州恒筑建筑劳务有限公司　法定代表人：韩志强\n联系方式：0571-86231547　住所：杭州市临平区南苑街道东湖南路188号5幢1106室",
            "第三人｜名称：浙江临江建设集团有限公司　法定代表人：陈国平\n联系方式：0571-86102288　住所：杭州市临平区临平大道1566号",
        ])
        XCTAssertTrue(text.rows.contains("纠纷名称｜马建伟等9人与杭州恒筑建筑劳务有限公司、浙江临江建设集团有限公司追索劳动报酬纠纷"))
        XCTAssertTrue(text.rows.contains("受理情况｜2026年5月12日，本人民调解委员会经当事人同意，受理调解马建伟等9人与杭州恒筑建筑劳务有限公司、浙江临江建设集团有限公司追索劳动报酬纠纷。"))
        // The registrar's box, and beside it and the parties' box the committee's seal with the date.
        XCTAssertTrue(text.rows.contains { $0.hasPrefix("受理人\n签名｜范丽君｜") && $0.hasSuffix("杭州市临平区劳动争议人民调解委员会（印）\n2026年5月12日") },
                      "\(text.rows)")
        XCTAssertEqual(text.rows.last, "当事人\n签名｜")
        XCTAssertEqual(text.signatures, [])
    }

    func testARegisterWithoutATitleOrAnAcceptanceDateNamesThePartiesAndLeavesTheDateForHandwriting() throws {
        let text = Printed(try renderOne("intake-register", "traffic-instalments.xml") {
            $0.replacingOccurrences(of: #"<title>[^<]*</title>"#, with: "", options: .regularExpression)
                .replacingOccurrences(of: "<accepted>2026-03-03</accepted>", with: "")
        })
        XCTAssertTrue(text.rows.contains("受理情况｜\(blank(3))年\(blank(2))月\(blank(2))日，本人民调解委员会经当事人同意，受理调解王建国、李明之间的道路交通事故纠纷。"))
        XCTAssertTrue(text.rows.contains("纠纷名称｜"))
        XCTAssertTrue(text.rows.contains { $0.hasPrefix("申请人｜姓名：王建国　性别：男　年龄：\(blank(2))岁") }, "no acceptance date: the age is left blank")
        XCTAssertTrue(text.rows.contains { $0.hasSuffix("杭州市西湖区道路交通事故人民调解委员会（印）\n\(blank(3))年\(blank(2))月\(blank(2))日") }, "\(text.rows)")
    }

    // MARK: 人民调解当事人权利义务告知书

    func testTheRightsNoticeQuotesArticles23And24AndEveryPartyAcknowledgesIt() throws {
        let document = try renderOne("rights-notice", "wages-subcontractor.json")
        XCTAssertEqual(document.metadata.date, "2026-05-14", "the day of the first session")
        let text = Printed(document)
        text.assertContains([
            "马建伟、杭州恒筑建筑劳务有限公司、浙江临江建设集团有限公司：",
            "三、当事人在人民调解活动中享有下列权利（《人民调解法》第二十三条）：",
            "（一）选择或者接受人民调解员；",
            "（二）接受调解、拒绝调解或者要求终止调解；",
            "（三）要求调解公开进行或者不公开进行；",
            "（四）自主表达意愿、自愿达成调解协议。",
            "四、当事人在人民调解活动中履行下列义务（《人民调解法》第二十四条）：",
            "（一）如实陈述纠纷事实；",
            "（二）遵守调解现场秩序，尊重人民调解员；",
            "（三）尊重对方当事人行使权利。",
            "以上内容已告知，本人已知悉。",
        ])
        XCTAssertEqual(text.lines.filter { $0.hasPrefix("五、") }.count, 1)
        XCTAssertEqual(text.signatures, [
            "杭州市临平区劳动争议人民调解委员会（印）｜2026年5月14日",
            "当事人（签名、盖章或按指印）：", "申请人（马建伟等9人）代表人：马建伟\(blank(6))",
            "被申请人：杭州恒筑建筑劳务有限公司（盖章）", "法定代表人：韩志强\(blank(6))",
            "第三人：浙江临江建设集团有限公司（盖章）", "法定代表人：陈国平\(blank(6))", "委托代理人：许文涛\(blank(6))",
        ])
    }

    func testTheRightsNoticeIsDatedTheFirstSessionElseTheAcceptance() throws {
        XCTAssertEqual(try renderOne("rights-notice", "traffic-instalments.xml").metadata.date, "2026-03-10")
        let withoutSessions = try renderOne("rights-notice", "traffic-instalments.xml") {
            $0.replacingOccurrences(of: #"<sessions>[\s\S]*</sessions>"#, with: "", options: .regularExpression)
        }
        XCTAssertEqual(withoutSessions.metadata.date, "2026-03-03")
        XCTAssertEqual(Printed(withoutSessions).signatures.first, "杭州市西湖区道路交通事故人民调解委员会（印）｜2026年3月3日")
    }

    // MARK: 人民调解口头协议登记表

    func testTheOralAgreementRegisterRecordsTheTermsThePaymentAndWhoRegisteredIt() throws {
        let document = try renderOne("oral-agreement", "dog-bite-oral.yaml")
        XCTAssertEqual(document.metadata, DocumentMetadata(
            formID: "oral-agreement", title: "人民调解口头协议登记表", number: "（2026）香调口字第12号",
            caseNumber: "（2026）香调字第12号", date: "2026-04-13", templateVersion: "1"))
        let text = Printed(document)
        XCTAssertEqual(Array(text.rows.prefix(2)), [
            "申请人｜姓名：陆晓燕　性别：女　年龄：36岁\n联系方式：15262408391　单位或住址：苏州市吴中区木渎镇香溪花苑11幢602室",
            "被申请人｜姓名：朱永康　性别：男　年龄：67岁\n联系方式：0512-66213570　单位或住址：苏州市吴中区木渎镇香溪花苑9幢101室",
        ])
        XCTAssertTrue(text.rows.contains("协议内容｜一、朱永康承担陆晓燕犬伤处置及疫苗费用人民币1,409.02元，当场以微信转账方式支付。\n二、朱永康今后遛犬时必须拴绳，并于2026年4月20日前为该犬办理养犬登记。\n三、双方就此事再无其他争议。"))
        XCTAssertTrue(text.rows.contains("履行\n方式、\n时限｜当场以微信转账方式支付。"))
        XCTAssertTrue(text.rows.contains("履行情况｜☑已履行　□部分履行　□未履行\n2026年4月13日支付人民币壹仟肆佰零玖元零贰分（¥1,409.02）。"))
        XCTAssertTrue(text.rows.contains("调解员｜沈惠芬｜登记人｜陈思远"))
        // The committee's seal cell spans the signature rows, beside the agreement's date.
        XCTAssertTrue(text.rows.contains("协议日期｜2026年4月13日｜\n\n\n苏州市吴中区木渎镇香溪社区人民调解委员会（印）\n2026年4月13日"), "\(text.rows)")
        XCTAssertEqual(text.checked, ["已履行"])
        XCTAssertEqual(text.signatures, [])
    }

    func testAnOralAgreementInInstalmentsListsEachWithItsAmountInCapitals() throws {
        let text = Printed(try renderOne("oral-agreement", "dog-bite-oral.yaml") {
            $0.replacingOccurrences(of: "  total_amount: 1409.02\n", with: """
                  total_amount: 1409.02
                  instalments:
                    - due: 2026-04-20
                      amount: 1000
                    - due: 2026-05-20
                      amount: 409.02

                """)
        })
        XCTAssertTrue(text.rows.contains("履行\n方式、\n时限｜当场以微信转账方式支付。\n第一期：2026年4月20日前支付人民币壹仟元整（¥1,000.00）；\n第二期：2026年5月20日前支付人民币肆佰零玖元零贰分（¥409.02）；"))
    }

    // MARK: 人民调解回访记录

    func testOneFollowUpRecordPerVisitInCaseOrder() throws {
        let documents = try render("follow-up", try example("family-maintenance.yaml"))
        XCTAssertEqual(documents.map(\.metadata.date), ["2026-04-15", "2026-06-12"])
        XCTAssertEqual(documents.map(\.metadata.caseNumber), ["（2026）春调字第9号", "（2026）春调字第9号"])
        let first = Printed(documents[0]), second = Printed(documents[1])
        for text in [first, second] {
            XCTAssertTrue(text.rows.contains("当事人｜刘桂英、周建军、周建平"))
            XCTAssertTrue(text.rows.contains("调解协议\n编号｜（2026）春调协字第9号"))
            XCTAssertTrue(text.rows.contains("回访事由｜刘桂英与周建军、周建平赡养纠纷"))
            XCTAssertEqual(text.checked, ["满意"])
        }
        XCTAssertTrue(first.rows.contains("回访时间｜2026年4月15日｜回访方式｜上门回访"))
        XCTAssertTrue(first.rows.contains("回访人｜谭志刚｜记录人｜黄丽萍"))
        XCTAssertTrue(first.rows.contains("其他情况｜"))
        XCTAssertTrue(second.rows.contains("回访时间｜2026年6月12日｜回访方式｜电话回访"))
        XCTAssertTrue(second.rows.contains("其他情况｜刘桂英情绪稳定，未再有轻生言行；已请金鼎村人民调解委员会继续关注老人生活情况。"))
        XCTAssertEqual(second.signatures, ["回访人：黄丽萍（签名）\(room)", "记录人：黄丽萍（签名）\(room)｜2026年6月12日"])
    }

    func testAVisitsHourPrintsInChineseAndSatisfactionIsTicked() throws {
        let documents = try render("follow-up", try example("property-fees.yaml") {
            $0.replacingOccurrences(of: "  - date: 2026-10-12\n", with: "  - date: 2026-10-12\n    time: 09:05\n")
        })
        XCTAssertEqual(documents.count, 2)
        let first = Printed(documents[0]), second = Printed(documents[1])
        XCTAssertTrue(first.rows.contains("回访时间｜2026年10月12日9时05分｜回访方式｜上门回访"))
        XCTAssertTrue(second.rows.contains("回访时间｜2026年10月26日｜回访方式｜电话回访"))
        XCTAssertEqual(first.checked, ["满意"])
        XCTAssertEqual(second.checked, ["基本满意"])
        XCTAssertTrue(second.rows.contains("回访人｜蒋志华｜记录人｜潘雯"))
    }

    // MARK: Blank forms

    func testBlankFormsHoldLabelsBlanksAndEmptyBoxesOnly() throws {
        for id in Self.forms {
            let document = try form(id).renderBlank()
            XCTAssertNil(document.metadata.number, id)
            let text = Printed(document)
            XCTAssertFalse(text.hasFields, "\(id): a blank form prints a case value")
            XCTAssertEqual(text.checked, [], id)
            let everything = text.lines + text.rows + text.signatures
            for placeholder in ["nil", "null", "Optional(", "（）", "()", "NaN", "$", "/", "parties", "party", "_"] {
                XCTAssertFalse(everything.contains { $0.contains(placeholder) }, "\(id) prints \(placeholder)")
            }
            XCTAssertTrue(everything.contains { $0.contains(blank(2)) }, "\(id) has blanks to write on")
        }
        let register = Printed(try form("intake-register").renderBlank())
        XCTAssertEqual(register.rows.filter { $0.hasPrefix("申请人｜姓名") }.count, 1)
        XCTAssertEqual(register.rows.filter { $0.hasPrefix("被申请人｜姓名") }.count, 1)
        XCTAssertEqual(register.checkboxes.count, 24)
        XCTAssertTrue(register.rows.contains("纠纷名称｜"))
        XCTAssertTrue(register.rows.contains("纠纷来源｜□当事人申请　□主动调解　□移送　□委派　□委托\n移送、委派或委托单位：\(blank(10))\n日期：\(blank(3))年\(blank(2))月\(blank(2))日　文号：\(blank(8))"))
        XCTAssertTrue(register.rows.contains { $0.hasSuffix("\(blank(8))人民调解委员会（印）\n\(blank(3))年\(blank(2))月\(blank(2))日") }, "\(register.rows)")

        let application = Printed(try form("application").renderBlank())
        XCTAssertEqual(application.lines.filter { $0.hasPrefix("申请人：\(blank(3))　性别：") }.count, 1)
        XCTAssertEqual(application.lines.filter { $0.hasPrefix("被申请人：\(blank(3))　性别：") }.count, 1)
        XCTAssertEqual(application.signatures, ["申请人：\(blank(3))（签名、盖章或按指印）\(room)｜\(blank(3))年\(blank(2))月\(blank(2))日"])

        let notice = Printed(try form("rights-notice").renderBlank())
        XCTAssertEqual(notice.lines.first { $0.hasSuffix("：") }, blank(12) + "：")
        XCTAssertEqual(Array(notice.signatures.suffix(2)), [
            "申请人：\(blank(9))", "被申请人：\(blank(9))",
        ])

        let oral = Printed(try form("oral-agreement").renderBlank())
        XCTAssertTrue(oral.rows.contains("协议内容｜"))
        XCTAssertTrue(oral.rows.contains("当事人\n签名｜"))

        let visit = Printed(try form("follow-up").renderBlank())
        XCTAssertTrue(visit.rows.contains("回访时间｜\(blank(3))年\(blank(2))月\(blank(2))日｜回访方式｜"))
        XCTAssertEqual(visit.checkboxes, ["□满意", "□基本满意", "□不满意"])
    }

    private func blank(_ width: Int) -> String { String(repeating: "＿", count: width) }
    /// The room left to sign after a signature's label.
    private var room: String { blank(8) }
}

/// A document as plain strings for assertions: each paragraph, title or number line (`lines`); each table
/// row with its cells joined by ｜ and a cell's paragraphs by line breaks (`rows`); each signature as its
/// label and name, then ｜ and its date when it has one (`signatures`). Blanks print as ＿ runs.
private struct Printed {
    var lines: [String] = []
    var rows: [String] = []
    var signatures: [String] = []
    var checkboxes: [String] = []
    var hasFields = false

    /// The labels of the ticked boxes, in order.
    var checked: [String] { checkboxes.filter { $0.hasPrefix("☑") }.map { String($0.dropFirst()) } }

    init(_ document: Document) {
        for block in document.blocks { add(block) }
    }

    private mutating func add(_ block: Block) {
        switch block {
        case .title(let inlines), .subtitle(let inlines, _), .heading(_, let inlines):
            lines.append(text(inlines))
        case .paragraph(let paragraph):
            lines.append(text(paragraph.inlines))
        case .table(let table):
            for row in table.rows {
                rows.append(row.cells.map { $0.paragraphs.map { text($0.inlines) }.joined(separator: "\n") }.joined(separator: "｜"))
            }
        case .signatures(let block):
            for signature in block.signatures {
                let line = text(signature.label + signature.name)
                signatures.append(signature.date.map { line + "｜" + text($0) } ?? line)
            }
        case .section(let section):
            for block in section.blocks { add(block) }
        case .pageBreak, .picture:
            break
        }
    }

    private mutating func text(_ inlines: [Inline]) -> String {
        inlines.map { inline -> String in
            switch inline {
            case .blank(let width): return String(repeating: "＿", count: width)
            case .field(let value):
                hasFields = true
                return value
            case .checkbox:
                checkboxes.append(inline.plainText ?? "")
                return inline.plainText ?? ""
            default: return inline.plainText ?? "#"
            }
        }.joined()
    }

    func assertContains(_ expected: [String], file: StaticString = #filePath, line: UInt = #line) {
        for text in expected {
            XCTAssertTrue(lines.contains(text), "missing line: \(text)", file: file, line: line)
        }
    }
}
