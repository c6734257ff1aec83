import Foundation
import WenshuCase
import WenshuDocument
import WenshuXML
import XCTest
@testable import WenshuTemplate

/// The two forms of the judicial-confirmation packet — 司法确认申请书 (confirmation-application) and
/// 调解组织主持调解的证明 (mediation-certificate) — filled from the bundled examples and blank.
final class CataloguePacketFormsTests: XCTestCase {
    static let library = TemplateLibrary.load(directory: Fixtures.templates, displayPath: "templates")
    static let cases = Fixtures.repository.appendingPathComponent("examples/cases")

    var application: FormTemplate { Self.library.library.template(id: "confirmation-application")! }
    var certificate: FormTemplate { Self.library.library.template(id: "mediation-certificate")! }

    func example(_ name: String, editing edit: (String) -> String = { $0 }) throws -> XMLDocument {
        let url = Self.cases.appendingPathComponent(name)
        let text = edit(try String(contentsOf: url, encoding: .utf8))
        let format = SourceFormat(fileExtension: url.pathExtension)!
        return try CaseLoader.load(Data(text.utf8), name: name, format: format, kind: .caseFile).document
    }

    /// The one document of a rendering without diagnostics.
    func filled(_ template: FormTemplate, _ name: String, office: XMLDocument? = nil,
                editing edit: (String) -> String = { $0 }) throws -> Document {
        let rendering = template.render(try example(name, editing: edit), office: office)
        XCTAssertEqual(rendering.diagnostics, [], name)
        return try XCTUnwrap(rendering.documents.first)
    }

    /// Each block's text on a line (fields as printed, blanks as ＿, signatures as `label|name|date`).
    /// The room left to sign after a signature's label: eight ＿.
    let room = String(repeating: "＿", count: 8)

    func lines(_ document: Document) -> [String] {
        func text(_ inlines: [Inline]) -> String {
            inlines.map { inline in
                if case .blank(let width) = inline { return String(repeating: "＿", count: width) }
                return inline.plainText ?? ""
            }.joined()
        }
        return document.blocks.flatMap { block -> [String] in
            switch block {
            case .title(let i), .subtitle(let i, _), .heading(_, let i): return [text(i)]
            case .paragraph(let p): return [text(p.inlines)]
            case .signatures(let s): return s.signatures.map { "\(text($0.label))|\(text($0.name))|\(text($0.date ?? []))" }
            default: return []
            }
        }
    }

    func testBothFormsApplyExactlyToTheCasesThatSoughtConfirmation() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.cases.path).filter { !$0.hasSuffix(".md") }.sorted()
        var applying: [String] = []
        for name in names {
            let document = try example(name)
            XCTAssertEqual(application.applies(to: document), certificate.applies(to: document), name)
            if application.applies(to: document) { applying.append(name) }
        }
        XCTAssertEqual(applying, ["court-referred-loan.json", "family-maintenance.yaml", "medical-knee-infection.xml",
                                  "traffic-instalments.xml"])
    }

    func testTheApplicationOfTheReferenceCase() throws {
        let text = lines(try filled(application, "traffic-instalments.xml"))
        XCTAssertEqual(text.first, "司法确认申请书")
        XCTAssertEqual(Array(text[1...3]), [
            "申请人：王建国，性别：男，民族：汉族，出生日期：1978年3月12日，职业：个体工商户，公民身份号码：330106197803121239，住址：杭州市西湖区古荡街道嘉绿苑12幢3单元402室，联系电话：13805712345。",
            "委托代理人：周敏，性别：女，公民身份号码：330102199001010389，工作单位：浙江明德律师事务所，联系电话：13967123456，代理权限：特别授权。",
            "申请人：李明，性别：女，民族：汉族，出生日期：1982年7月15日，职业：公司职员，公民身份号码：330106198207152463，住址：杭州市西湖区翠苑街道翠苑二区8幢1单元201室，联系电话：0571-88123456。",
        ])
        XCTAssertTrue(text.contains("确认申请人王建国、李明于2026年3月10日经杭州市西湖区道路交通事故人民调解委员会主持调解达成的编号为（2026）西交调协字第37号的人民调解协议有效。"))
        XCTAssertTrue(text.contains("申请人之间因道路交通事故纠纷，经杭州市西湖区道路交通事故人民调解委员会主持调解，于2026年3月10日自愿达成人民调解协议，协议的主要内容如下："))
        XCTAssertEqual(text.filter { $0.hasPrefix("1.") || $0.hasPrefix("2.") || $0.hasPrefix("3.") }.count, 6,
                       "three terms, then the materials numbered afresh after the undertaking")
        XCTAssertTrue(text.contains("四、申请人已知悉：提供虚假材料、恶意串通申请司法确认的，人民法院将驳回申请，并依照《中华人民共和国民事诉讼法》第一百一十五条的规定予以罚款、拘留；构成犯罪的，依法追究刑事责任。"))
        XCTAssertEqual(text[text.firstIndex(of: "此致")! + 1], "杭州市西湖区人民法院")
        XCTAssertTrue(text.contains("6.道路交通事故认定书（2页）"))
        XCTAssertFalse(text.contains { $0.contains("银行转账凭证") }, "receipts of performance are not filed with the application")
        // Every 申请人 line carries the applicant's name, and the agent who applies signs by name.
        XCTAssertEqual(text.suffix(4), ["申请人：王建国（签名或者按指印）\(room)||", "委托代理人：周敏（签名）\(room)||",
                                        "申请人：李明（签名或者按指印）\(room)||", "||2026年3月16日"])
    }

    /// An organisation applies by seal and representative; an agent kept out of the application (the son
    /// with general authority) is neither listed nor asked to sign.
    func testOrganisationsAndAgentsWhoDoNotApply() throws {
        let text = lines(try filled(application, "medical-knee-infection.xml"))
        XCTAssertTrue(text.contains("申请人：成都市青羊区光华中医骨伤医院，统一社会信用代码：12510105450719311K，住所：成都市青羊区光华村街77号，联系电话：028-87314560。"))
        XCTAssertTrue(text.contains("法定代表人：罗志远。"))
        XCTAssertTrue(text.contains { $0.hasPrefix("委托代理人：何静，") })
        XCTAssertTrue(text.contains { $0.hasPrefix("委托代理人：冯莉（系被申请人医务科科长），") })
        XCTAssertFalse(text.contains { $0.contains("邓文博，") }, "the son does not apply")
        XCTAssertEqual(text.suffix(6), ["申请人：杨秀芳（签名或者按指印）\(room)||", "委托代理人：何静（签名）\(room)||",
                                        "申请人：成都市青羊区光华中医骨伤医院（盖章）||", "法定代表人：罗志远（签名）\(room)||",
                                        "委托代理人：冯莉（签名）\(room)||", "||2026年7月14日"])
    }

    func testThreeApplicantsAndAnApplicationNotYetDated() throws {
        let text = lines(try filled(application, "family-maintenance.yaml") {
            $0.replacingOccurrences(of: "  applied: 2026-03-16\n", with: "")
        })
        XCTAssertTrue(text.contains("确认申请人刘桂英、周建军、周建平于2026年3月9日经长沙县春华镇人民调解委员会主持调解达成的编号为（2026）春调协字第9号的人民调解协议有效。"))
        XCTAssertEqual(text.filter { $0.hasPrefix("申请人：") && !$0.hasSuffix("（签名或者按指印）\(room)||") }.count, 3)
        XCTAssertEqual(text.filter { $0.hasSuffix("（签名或者按指印）\(room)||") },
                       ["刘桂英", "周建军", "周建平"].map { "申请人：\($0)（签名或者按指印）\(room)||" })
        XCTAssertEqual(text.last, "||＿＿＿年＿＿月＿＿日", "without an application date the date is written by hand")
    }

    func testTheCertificateOfTheReferenceCase() throws {
        let text = lines(try filled(certificate, "traffic-instalments.xml"))
        XCTAssertEqual(text, [
            "调解组织主持调解的证明",
            "杭州市西湖区人民法院：",
            "兹证明：王建国与李明道路交通事故损害赔偿纠纷一案，本委员会于2026年3月3日受理，案件编号为（2026）西交调字第37号。当事人为申请人王建国、被申请人李明。",
            "本委员会指派人民调解员陈晓红主持调解，吴磊担任记录。经调解，各方当事人于2026年3月10日自愿达成编号为（2026）西交调协字第37号的人民调解协议，该协议自2026年3月10日起生效。",
            "上述调解由本委员会依照《中华人民共和国人民调解法》的规定，在当事人自愿、平等的基础上主持进行。",
            "特此证明。",
            "本委员会地址：杭州市西湖区文三路88号，联系电话：0571-87654321。",
            "杭州市西湖区道路交通事故人民调解委员会（印）||二〇二六年三月十六日",
        ])
    }

    /// The seal's text comes from the office profile when it gives one for the committee; a case without a
    /// title is named by its parties and type.
    func testTheSealFromTheOfficeProfileAndACaseWithoutATitle() throws {
        let office = try XMLDocument(parsing: Data("""
            <office><name>杭州市西湖区司法局</name><committees><committee><name>杭州市西湖区道路交通事故人民调解委员会</name>\
            <seal>杭州市西湖区道路交通事故纠纷人民调解委员会</seal></committee></committees></office>
            """.utf8), fileName: "office.xml")
        let text = lines(try filled(certificate, "traffic-instalments.xml", office: office) {
            $0.replacingOccurrences(of: "  <title>王建国与李明道路交通事故损害赔偿纠纷</title>\n", with: "")
        })
        XCTAssertEqual(text.last, "杭州市西湖区道路交通事故纠纷人民调解委员会（印）||二〇二六年三月十六日")
        XCTAssertTrue(text[2].hasPrefix("兹证明：王建国与李明道路交通事故纠纷一案，"), text[2])
    }

    func testBlankFormsAreReadyForHandwriting() throws {
        for template in [application, certificate] {
            let text = lines(template.renderBlank()).joined(separator: "\n")
            for placeholder in ["nil", "null", "Optional(", "（）", "()", "NaN"] {
                XCTAssertFalse(text.contains(placeholder), "\(template.id) prints \(placeholder)")
            }
            XCTAssertTrue(text.contains("＿＿＿年＿＿月＿＿日"), template.id)
        }
        let blank = lines(application.renderBlank())
        XCTAssertEqual(blank.filter { $0.hasPrefix("申请人：＿") && !$0.contains("签名") }.count, 2)
        XCTAssertEqual(blank.filter { $0 == "申请人：＿＿＿（签名或者按指印）\(room)||" }.count, 2, "a blank name to write in")
        XCTAssertEqual(blank.filter { $0.hasPrefix("委托代理人：＿") }.count, 2)
        XCTAssertTrue(blank.contains("＿＿＿＿＿＿＿＿＿＿"), "the court's name is written by hand")
        XCTAssertTrue(lines(certificate.renderBlank()).contains { $0.hasSuffix("（印）||＿＿＿年＿＿月＿＿日") })
    }
}
