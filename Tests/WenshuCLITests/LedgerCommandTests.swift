import Foundation
import XCTest

/// `wenshu ledger` and `wenshu stats` as a user runs them over the bundled examples.
final class LedgerCommandTests: XCTestCase {
    func wenshu(_ arguments: String...) throws -> WenshuProcess.Run {
        try WenshuProcess.run(arguments)
    }

    func temporaryFolder() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-ledger-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url.path
    }

    func testLedgerWritesTheFourBooks() throws {
        let out = try temporaryFolder()
        let run = try wenshu("ledger", "examples/cases", "examples/registers", "--profile", "examples/office.yaml",
                             "--to", "txt", "--to", "fodt", "-o", out)
        XCTAssertEqual(run.status, 0, run.errors)
        let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        XCTAssertEqual(files, [".wenshu-manifest", "committee-register.fodt", "committee-register.txt", "dispute-register.fodt", "dispute-register.txt",
                               "mediator-register.fodt", "mediator-register.txt", "work-log.fodt", "work-log.txt"])
        // The flat ODF keeps each cell's text whole (the text pages wrap narrow columns).
        let text = try String(contentsOfFile: out + "/dispute-register.fodt", encoding: .utf8)
        XCTAssertTrue(text.contains("矛盾纠纷排查调处登记册"))
        XCTAssertTrue(text.contains("填报单位：杭州市西湖区司法局"))
        XCTAssertTrue(text.contains("（2026）西交调字第37号"))
    }

    func testFiltersNarrowTheRegister() throws {
        let out = try temporaryFolder()
        let run = try wenshu("ledger", "examples/cases", "--since", "2026-03-03", "--until", "2026-03-03",
                             "--book", "dispute-register", "--to", "fodt", "-o", out)
        XCTAssertEqual(run.status, 0, run.errors)
        let text = try String(contentsOfFile: out + "/dispute-register.fodt", encoding: .utf8)
        XCTAssertTrue(text.contains("（2026）西交调字第37号"))
        XCTAssertFalse(text.contains("（2026）溪调字第3号"), "accepted on 2026-01-12, outside the period")
        XCTAssertTrue(text.contains("期间：2026年3月3日至2026年3月3日"))
    }

    func testAnUnknownCommitteeIsAnErrorNamingTheNearestKnownOnes() throws {
        let out = try temporaryFolder()
        let run = try wenshu("stats", "examples/cases", "examples/registers", "--profile", "examples/office.yaml",
                             "--committee", "杭州市西湖区道路交通人民调解委员会", "-o", out)
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.errors.contains("--committee: error: no case or register knows 杭州市西湖区道路交通人民调解委员会; the nearest known: 杭州市西湖区道路交通事故人民调解委员会"), run.errors)
        XCTAssertTrue(run.errors.contains("[report.unknown-committee]"), run.errors)
        let mediator = try wenshu("ledger", "examples/cases", "--mediator", "无此人", "-o", out)
        XCTAssertEqual(mediator.status, 1)
        XCTAssertTrue(mediator.errors.contains("[report.unknown-mediator]"), mediator.errors)
    }

    func testStatsWithoutTheRegistersSaysWhatIsLeftOut() throws {
        let out = try temporaryFolder()
        let run = try wenshu("stats", "examples/cases", "--profile", "examples/office.yaml", "-o", out)
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertTrue(run.errors.contains("the 排查 figures"), run.errors)
        XCTAssertTrue(run.errors.contains("the organisation figures"), run.errors)
    }

    func testStatsSummaryAndFiles() throws {
        let out = try temporaryFolder()
        let run = try wenshu("stats", "examples/cases", "examples/registers", "--profile", "examples/office.yaml",
                             "--format", "json", "--to", "fodt", "-o", out)
        XCTAssertEqual(run.status, 0, run.errors)
        let summary = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        // Only the office's own committees count: of the fourteen accepted examples, the Xihu district's
        // traffic case; the thirteen others are named on standard error.
        XCTAssertEqual(summary["accepted"] as? Int, 1)
        XCTAssertEqual(summary["successful"] as? Int, 1)
        XCTAssertEqual(summary["successRate"] as? String, "100.0%")
        XCTAssertEqual(summary["subsidyTotal"] as? String, "100.00")
        XCTAssertEqual(run.errors.components(separatedBy: "[report.other-committee]").count - 1, 13, run.errors)
        XCTAssertTrue(run.errors.contains("examples/cases/wages-subcontractor.json: warning: committee.name: the case's committee 杭州市临平区劳动争议人民调解委员会 is not one of the office's"), run.errors)
        XCTAssertTrue(run.errors.contains("the nearest known: 杭州市西湖区劳动争议人民调解委员会"), run.errors)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out).sorted(),
                       [".wenshu-manifest", "statistics.csv", "statistics.fodt", "subsidy.csv", "subsidy.fodt"])
        let csv = try Data(contentsOf: URL(fileURLWithPath: out + "/statistics.csv"))
        XCTAssertEqual(Array(csv.prefix(3)), [0xEF, 0xBB, 0xBF], "UTF-8 with BOM, for Excel and WPS")
        XCTAssertTrue(String(decoding: csv, as: UTF8.self).contains("合计,全部,,1,1,"))
        let report = try String(contentsOfFile: out + "/statistics.fodt", encoding: .utf8)
        XCTAssertTrue(report.contains("另有13件案件属其他调解组织，未计入"))
        for line in ["填表人（签名）", "审核人（签名）", "杭州市西湖区司法局", "（印）", "填报日期："] {
            XCTAssertTrue(report.contains(line), line)
        }
    }

    /// A case with errors is left out and named; the rest is counted; the exit status says so.
    func testABrokenCaseIsReportedAndTheRestCounted() throws {
        let out = try temporaryFolder()
        let run = try wenshu("stats", "examples/cases", "Tests/WenshuCaseTests/Broken/phone.yaml", "-o", out)
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.errors.contains("Tests/WenshuCaseTests/Broken/phone.yaml:19:5: error: parties[1].phone: "), run.errors)
        XCTAssertTrue(run.output.hasPrefix("受理 14 件，调解成功 12 件，调解成功率 85.7%"), run.output)
    }

    func testUsageErrorsExit64() throws {
        let out = try temporaryFolder()
        XCTAssertEqual(try wenshu("ledger", "examples/cases", "--book", "committee-register", "-o", out).status, 64)
        XCTAssertEqual(try wenshu("stats", "examples/cases", "--since", "2026-13-01", "-o", out).status, 64)
        XCTAssertEqual(try wenshu("stats", "examples/cases", "--since", "2026-06-01", "--until", "2026-01-01", "-o", out).status, 64)
        XCTAssertEqual(try wenshu("ledger", "examples/cases", "--to", "docx", "-o", out).status, 64)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out), "nothing is written on a usage error")
    }
}
