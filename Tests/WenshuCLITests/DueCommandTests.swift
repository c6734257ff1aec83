import Foundation
import XCTest

/// `wenshu due` as an office head runs it: the list, its counts, the exit status a cron job reads.
final class DueCommandTests: XCTestCase {
    let profile = ["--profile", "examples/office.yaml"]

    func testTheListOfADayIsPrintedOverdueFirst() throws {
        let run = try WenshuProcess.run(["due", "examples/cases", "--on", "2026-10-10"] + profile)
        XCTAssertEqual(run.status, 0, run.errors)
        let lines = run.output.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "截至2026年10月10日：待办 18 项，其中逾期 9 项")
        XCTAssertTrue(lines[1].hasSuffix("逾期87天"), lines[1])
        XCTAssertTrue(lines.contains { $0.contains("（2026）仓调字第112号  办理期限") && $0.hasSuffix("逾期5天") })
        XCTAssertTrue(lines.last!.hasPrefix("合计：交办移交 1 项，督办 1 项，办理期限 1 项（逾期 1）"), lines.last!)
    }

    func testFailOnOverdueAndWithin() throws {
        let quiet = try WenshuProcess.run(["due", "examples/cases", "--on", "2026-01-01", "--fail-on-overdue"] + profile)
        XCTAssertEqual(quiet.status, 0, "nothing accepted yet, nothing overdue")
        let late = try WenshuProcess.run(["due", "examples/cases", "--on", "2026-10-10", "--fail-on-overdue"] + profile)
        XCTAssertEqual(late.status, 1)
        let week = try WenshuProcess.run(["due", "examples/cases", "--on", "2026-10-10", "--within", "5"] + profile)
        XCTAssertTrue(week.output.hasPrefix("截至2026年10月10日：待办 13 项，其中逾期 9 项"), week.output)
    }

    func testJSONAndTheTableDocument() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-due-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try WenshuProcess.run(["due", "examples/cases", "--on", "2026-09-15", "--format", "json",
                                         "-o", folder.path, "--to", "txt"] + profile)
        XCTAssertEqual(run.status, 0, run.errors)
        let list = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as! [String: Any]
        XCTAssertEqual(list["on"] as? String, "2026-09-15")
        XCTAssertEqual(list["overdue"] as? Int, 5)
        let first = (list["obligations"] as! [[String: Any]]).first!
        XCTAssertEqual(first["kind"] as? String, "instalment")
        XCTAssertEqual(first["outstanding"] as? String, "3000.08")
        XCTAssertEqual(first["file"] as? String, "examples/cases/minors-playground-injury.yaml")
        let table = try String(contentsOf: folder.appendingPathComponent("worklist.txt"), encoding: .utf8)
        XCTAssertTrue(table.contains("矛盾纠纷待办事项清单"))
        XCTAssertTrue(table.contains("逾期62天"))
    }
}
