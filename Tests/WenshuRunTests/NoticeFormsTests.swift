import Foundation
import XCTest
import WenshuAssembly
import WenshuCase
import WenshuRun
import WenshuTemplate
import WenshuTestSupport
import WenshuWriters
import WenshuXML

/// The papers after the paper (issue 14 items 2–4): 受理 / 不予受理通知书 with their counterfoils, 终止调解告知书,
/// 送达回证, the replies to the court or body that sent a case, and the 重大、疑难纠纷报告 — which example each
/// applies to, what it prints from the case, and that a notice and its counterfoil share one page on paper.
final class NoticeFormsTests: XCTestCase {
    static let root = TestPaths.packageRoot
    static let newForms = ["acceptance-notice", "refusal-notice", "termination-notice", "service-receipt",
                           "court-reply", "referral-reply", "major-report", "meeting-minutes"]

    static let loaded = TemplateLibrary.load(directory: root.appendingPathComponent("templates"))
    static let profile = OfficeProfile.load(root.appendingPathComponent("examples/office.yaml"), displayName: "examples/office.yaml").0

    func pipeline(formats: [OutputFormat] = [.txt]) -> RenderPipeline {
        RenderPipeline(library: Self.loaded.library, profile: Self.profile, settings: .init(forms: [], formats: formats))
    }

    /// The files of the new forms that `--form all` writes for an example, by name.
    func newFiles(_ example: String, formats: [OutputFormat] = [.txt]) throws -> [String: Data] {
        let result = pipeline(formats: formats).render(caseAt: Self.root.appendingPathComponent("examples/cases/\(example)"))
        XCTAssertTrue(result.succeeded, "\(example): \(result.diagnostics)")
        var files: [String: Data] = [:]
        for file in result.files {
            let id = String(file.name.prefix { $0 != "." }).replacingOccurrences(of: #"-\d+$"#, with: "", options: .regularExpression)
            if Self.newForms.contains(id) { files[file.name] = file.data }
        }
        return files
    }

    /// The text of a rendered file's first page, lines joined (the writer's line breaks removed).
    func firstPage(_ data: Data) throws -> String {
        let text = String(decoding: data, as: UTF8.self)
        let end = try XCTUnwrap(text.range(of: "— 1 —"), "no page footer")
        return text[..<end.lowerBound].split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined()
    }

    func testTheLibraryLoadsTheNewFormsCleanly() throws {
        XCTAssertEqual(Self.loaded.diagnostics.filter { $0.severity == .error }, [])
        let titles = try Self.newForms.map { try XCTUnwrap(Self.loaded.library.template(id: $0), $0).title }
        XCTAssertEqual(titles, ["受理通知书", "不予受理通知书", "终止调解告知书", "送达回证", "调解结果告知函", "办结回复函", "重大、疑难纠纷报告", "联席会议纪要"])
    }

    /// The table is the specification: which of the new forms each example gets, and how many of each.
    func testEachNewFormAppliesToTheRightExamples() throws {
        let table: [(file: String, forms: [String])] = [
            ("traffic-instalments.xml", []),
            // 受理 notice to the applicant; the agreement served on both parties.
            ("neighbour-drainage.yaml", ["acceptance-notice-1", "service-receipt-1", "service-receipt-2"]),
            ("family-maintenance.yaml", []),                                  // 疑难, no risk recorded
            ("wages-subcontractor.json", ["major-report", "referral-reply"]),  // 重大, 移送 by the petition office
            ("medical-knee-infection.xml", []),
            ("property-fees.yaml", []),
            ("land-contract-boundary.yaml", []),
            ("court-referred-loan.json", ["court-reply"]),                   // 委派, agreement reached
            ("dog-bite-oral.yaml", []),
            ("minors-playground-injury.yaml", []),
            ("homestead-wall-police.xml", ["major-report", "referral-reply"]), // 重大, 移送 by a police station
            ("factory-dormitory-fight.xml", []),
            ("renovation-failed.json", ["service-receipt-1", "service-receipt-2", "termination-notice"]),
            ("gym-prepaid-terminated.yaml", ["court-reply", "service-receipt-1", "service-receipt-2", "termination-notice"]),
            ("wages-arbitration-declined.yaml", ["refusal-notice-1", "service-receipt-1"]),
        ]
        let examples = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("examples/cases").path)
            .filter { !$0.hasSuffix(".md") }
        XCTAssertEqual(Set(examples), Set(table.map(\.file)), "every example is in the table")
        for row in table {
            let names = try newFiles(row.file).keys.map { String($0.dropLast(4)) }.sorted()
            XCTAssertEqual(names, row.forms, row.file)
        }
    }

    /// 存根, cut line and notice on the first page, in that order, carrying the same number; the notice
    /// prints the recorded reason and route for 不予受理.
    func testACounterfoilSitsAboveTheCutLineOnTheNoticesPage() throws {
        let cases: [(file: String, name: String, number: String, expected: [String])] = [
            ("neighbour-drainage.yaml", "acceptance-notice-1.txt", "（2026）溪调受字第3号",
             ["受理通知书（存根）", "当事人：沈国强", "送达方式：直接送达　送达人：钱美娟", "裁", "受理通知书",
              "沈国强：", "你（单位）于2026年1月12日申请调解的沈国强与俞建华相邻排水纠纷，经审查，符合"]),
            ("wages-arbitration-declined.yaml", "refusal-notice-1.txt", "（2026）西劳调不受字第3号",
             ["不予受理通知书（存根）", "不予受理理由：该纠纷已由杭州市西湖区劳动人事争议仲裁委员会于2026年4月14日立案受理", "裁",
              "不予受理通知书", "经审查，该纠纷已由杭州市西湖区劳动人事争议仲裁委员会于2026年4月14日立案受理",
              "本委员会决定不予受理。", "你可以在仲裁程序中主张权利"]),
        ]
        for c in cases {
            let page = try firstPage(try XCTUnwrap(try newFiles(c.file)[c.name], c.name))
            var from = page.startIndex
            for text in c.expected {
                let found = try XCTUnwrap(page.range(of: text, range: from..<page.endIndex), "\(c.name): \(text) missing or out of order")
                from = found.upperBound
            }
            XCTAssertEqual(page.components(separatedBy: c.number).count - 1, 2, "\(c.name): the number on both halves")
        }
    }

    func testTheTerminationNoticePrintsTheRecordedReasonAdviceAndTheRoutesOfArticle26() throws {
        let files = try newFiles("renovation-failed.json")
        let text = String(decoding: try XCTUnwrap(files["termination-notice.txt"]), as: UTF8.self)
            .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined()
        for expected in ["编号：（2026）德胜调终字第2号", "吴佳颖、邵国荣：",
                         "双方对卫生间渗漏原因及责任认识分歧较大", "第二十六条的规定，本委员会决定终止调解。",
                         "已告知双方：施工合同未约定仲裁条款", "仲裁、行政、司法等途径", "2026年2月12日"] {
            XCTAssertTrue(text.contains(expected), expected)
        }
    }

    func testTheCourtIsToldOfTheAgreementOrOfWhyMediationEnded() throws {
        let reached = String(decoding: try XCTUnwrap(try newFiles("court-referred-loan.json")["court-reply.txt"]), as: UTF8.self)
            .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined()
        for expected in ["杭州市余杭区人民法院：", "贵院于2026年7月6日委派本委员会调解", "（贵院案号：（2026）浙0110民诉前调1873号）",
                         "于2026年7月21日自愿达成调解协议，协议编号为（2026）仓调协字第112号", "附：人民调解协议书一份"] {
            XCTAssertTrue(reached.contains(expected), expected)
        }
        let ended = String(decoding: try XCTUnwrap(try newFiles("gym-prepaid-terminated.yaml")["court-reply.txt"]), as: UTF8.self)
            .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined()
        for expected in ["贵院于2026年10月19日委托本委员会调解", "未能达成调解协议。被申请人经两次通知无正当理由未到场",
                         "已于2026年10月28日依照", "已告知申请人：", "2026年10月29日"] {
            XCTAssertTrue(ended.contains(expected), expected)
        }
        XCTAssertFalse(ended.contains("附："), "nothing goes with a letter about a failed mediation")
    }

    /// 重大 by default; the profile's `reportable_grades` decide otherwise; a recorded risk always reports.
    func testTheReportUpFollowsTheProfilesGradesOrARecordedRisk() throws {
        let report = try XCTUnwrap(Self.loaded.library.template(id: "major-report"))
        func document(_ grade: String, risk: Bool) throws -> XMLDocument {
            var yaml = cleanCaseYAML.replacingOccurrences(of: "grade: 一般", with: "grade: \(grade)")
            if risk { yaml += "report:\n  risk: 双方亲属聚集对峙。\n" }
            return try CaseLoader.load(Data(yaml.utf8), name: "case.yaml", format: .yaml, kind: .caseFile).document
        }
        func office(_ grades: String?) throws -> XMLDocument {
            let yaml = "name: 某司法局\ncommittees:\n  - name: 某人民调解委员会\n" + (grades.map { "reportable_grades: [\($0)]\n" } ?? "")
            return try CaseLoader.load(Data(yaml.utf8), name: "office.yaml", format: .yaml, kind: .office).document
        }
        XCTAssertTrue(report.applies(to: try document("重大", risk: false)))
        XCTAssertFalse(report.applies(to: try document("疑难", risk: false)))
        XCTAssertTrue(report.applies(to: try document("重大", risk: false), office: try office(nil)))
        XCTAssertFalse(report.applies(to: try document("重大", risk: false), office: try office("疑难")))
        XCTAssertTrue(report.applies(to: try document("疑难", risk: false), office: try office("疑难, 重大")))
        XCTAssertTrue(report.applies(to: try document("一般", risk: true), office: try office("重大")))
    }

    /// On paper (LibreOffice): each notice with its counterfoil is one A4 page, counterfoil, cut line and
    /// notice in that order from the top.
    func testOnPaperTheNoticeAndItsCounterfoilAreOnePage() throws {
        _ = try LibreOffice.require()
        for (file, name, heading) in [("neighbour-drainage.yaml", "acceptance-notice-1.odt", "受理通知书（存根）"),
                                      ("wages-arbitration-declined.yaml", "refusal-notice-1.odt", "不予受理通知书（存根）")] {
            let odt = try XCTUnwrap(try newFiles(file, formats: [.odt])[name], name)
            let pdf = try LibreOffice.convertToPDF(odt, name: name)
            XCTAssertEqual(try LibreOffice.pageCount(pdf), 1, name)
            let text = try LibreOffice.text(pdf).replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: " ", with: "")
            let counterfoil = try XCTUnwrap(text.range(of: heading), name)
            let cut = try XCTUnwrap(text.range(of: "裁", range: counterfoil.upperBound..<text.endIndex), name)
            XCTAssertNotNil(text.range(of: "特此通知。", range: cut.upperBound..<text.endIndex), name)
        }
    }

    /// The 联席会议纪要 is rendered from a work log, one per meeting that records units or decisions: the
    /// example log's 8-20 meeting (its 1-06 and 6-05 meetings record neither), with every decision, its
    /// owner and its day — and LibreOffice prints it.
    func testTheMinutesOfAJointMeetingComeFromTheWorkLog() throws {
        let result = pipeline(formats: [.txt, .odt]).render(caseAt: Self.root.appendingPathComponent("examples/registers/worklog.yaml"))
        XCTAssertTrue(result.succeeded, "\(result.diagnostics)")
        XCTAssertEqual(result.caseNumber, "杭州市西湖区道路交通事故人民调解委员会调解工作记录本")
        XCTAssertEqual(result.files.map(\.name), ["meeting-minutes-1.txt", "meeting-minutes-1.odt"])
        let text = String(decoding: result.files[0].data, as: UTF8.self)
            .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined()
        for expected in ["会议时间：2026年8月20日", "主持人：区司法局副局长　周立群", "参加单位：杭州市西湖区司法局、杭州市公安局交通警察支队西",
                         "（2026）西交调字第37号", "立案庭", "30日前", "记录人（签名）"] {
            XCTAssertTrue(text.contains(expected), expected)
        }
        _ = try LibreOffice.require()
        let pdf = try LibreOffice.convertToPDF(result.files[1].data, name: "meeting-minutes-1.odt")
        let printed = try LibreOffice.text(pdf).replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: " ", with: "")
        XCTAssertTrue(printed.contains("联席会议纪要"))
        XCTAssertTrue(printed.contains("对交通事故调解协议开通司法确认绿色通道"))
    }

    /// A small case for the report's condition.
    let cleanCaseYAML = """
        number: （2026）某调字第1号
        committee:
          name: 某人民调解委员会
        type: 邻里
        grade: 一般
        received: 2026-04-01
        parties:
          - role: 申请人
            kind: person
            name: 张伟

        """
}
