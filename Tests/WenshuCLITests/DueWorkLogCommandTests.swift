import Foundation
import XCTest

/// `wenshu due` given the work logs beside the cases, and `wenshu render` given a work log.
final class DueWorkLogCommandTests: XCTestCase {
    let profile = ["--profile", "examples/office.yaml"]

    /// On 10-10 the cases hold 18 obligations (DueCommandTests); the example log adds three: two meeting
    /// decisions — one open and overdue (due 9-30), one done late (due 9-20, done 9-25) — and the next
    /// quarterly screening round (7-13 + 92 = 10-13).
    func testTheWorkLogsObligationsJoinTheCasesList() throws {
        let run = try WenshuProcess.run(["due", "examples/cases", "examples/registers", "--on", "2026-10-10"] + profile)
        XCTAssertEqual(run.status, 0, run.errors)
        let lines = run.output.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "截至2026年10月10日：待办 21 项，其中逾期 10 项")
        XCTAssertTrue(lines.contains { $0.hasPrefix("杭州市西湖区道路交通事故人民调解委员会  会议决定事项") && $0.hasSuffix("逾期10天") })
        XCTAssertTrue(lines.contains { $0.hasPrefix("杭州市西湖区道路交通事故人民调解委员会  排查") && $0.hasSuffix("还有3天") })
        XCTAssertTrue(lines.last!.hasSuffix("会议决定事项 2 项（逾期 1），排查 1 项"), lines.last!)
        // --committee narrows the work log's obligations like a case's; a committee nobody knows is an error.
        let other = try WenshuProcess.run(["due", "examples/registers", "--on", "2026-10-10", "--committee", "杭州市西湖区医疗纠纷人民调解委员会"] + profile)
        XCTAssertEqual(other.output.split(separator: "\n").first, "截至2026年10月10日：待办 0 项，其中逾期 0 项")
        let unknown = try WenshuProcess.run(["due", "examples/registers", "--on", "2026-10-10", "--committee", "杭州市西湖区医疗人民调解委员会"] + profile)
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.errors.contains("the nearest known: 杭州市西湖区医疗纠纷人民调解委员会"), unknown.errors)
    }

    func testRenderPrintsTheMinutesOfTheLogsJointMeeting() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-minutes-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try WenshuProcess.run(["render", "examples/registers/worklog.yaml", "-o", folder.path, "--to", "txt"] + profile)
        XCTAssertEqual(run.status, 0, run.errors)
        let minutes = folder.appendingPathComponent("杭州市西湖区道路交通事故人民调解委员会调解工作记录本/meeting-minutes-1.txt")
        XCTAssertTrue(try String(contentsOf: minutes, encoding: .utf8).hasPrefix(String(repeating: " ", count: 22) + "联席会议纪要"))
    }
}
