import Foundation
import XCTest

/// `render --partial` and `check --partial` (issue 13): a mediator prints the agreement with the parties and
/// facts filled in and writes the terms at the table. The default stays strict.
final class PartialPrintTests: XCTestCase {
    /// The drainage case without its terms and the agreement's number: the terms are required (by the
    /// case schema and by the agreement), the number is not.
    func caseWithoutTerms() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-partial-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let original = try String(contentsOf: WenshuProcess.root.appendingPathComponent("examples/cases/neighbour-drainage.yaml"), encoding: .utf8)
        var lines = original.components(separatedBy: "\n")
        let start = try XCTUnwrap(lines.firstIndex(of: "  terms:"))
        let end = try XCTUnwrap(lines[start...].firstIndex { $0.hasPrefix("  total_amount:") })
        lines.removeSubrange(start..<end)
        lines.removeAll { $0.hasPrefix("  number: （2026）溪调协字") }
        let url = folder.appendingPathComponent("drainage.yaml")
        try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    func testTheDefaultStaysStrict() throws {
        let run = try WenshuProcess.run(["render", "--form", "agreement", try caseWithoutTerms().path, "--profile", "examples/office.yaml"])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.errors.contains("error: agreement.terms: ") && run.errors.contains("[case.missing-field]"), run.errors)
        XCTAssertFalse(run.output.contains("人民调解协议书"), "nothing printed")
    }

    /// The partial print fills the parties and facts and prints the terms as the blank form does: six
    /// numbered lines to write on, the number as its blank; the missing terms are a warning (the note naming them is check --partial's).
    func testAPartialPrintLeavesTheMissingFieldsBlank() throws {
        let run = try WenshuProcess.run(["render", "--partial", "--form", "agreement", try caseWithoutTerms().path,
                                         "--profile", "examples/office.yaml"])
        XCTAssertEqual(run.status, 0, run.errors)
        let lines = run.output.components(separatedBy: "\n")
        XCTAssertTrue(lines.contains { $0.hasPrefix("申请人：沈国强") }, run.output)
        XCTAssertTrue(run.output.contains("2025年10月俞建华翻建住"), "the facts are filled")
        XCTAssertTrue(run.output.contains("编号：" + String(repeating: "_", count: 20)), "the number is its blank")
        for numeral in ["一", "二", "三", "四", "五", "六"] {
            XCTAssertTrue(lines.contains { $0.contains("　　\(numeral)、____") }, "term \(numeral) is a line to write on\n\(run.output)")
        }
        XCTAssertTrue(run.errors.contains("warning: agreement.terms: ") && run.errors.contains("[case.missing-field]"), run.errors)
        XCTAssertFalse(run.errors.contains("error:"), run.errors)
    }

    func testCheckPartialListsTheFieldsLeftBlankPerForm() throws {
        let file = try caseWithoutTerms()
        let strict = try WenshuProcess.run(["check", file.path, "--profile", "examples/office.yaml"])
        XCTAssertEqual(strict.status, 1)
        XCTAssertFalse(strict.output.contains("[template.partial-blank]"), strict.output)

        let run = try WenshuProcess.run(["check", "--partial", file.path, "--profile", "examples/office.yaml"])
        XCTAssertEqual(run.status, 0, run.output + run.errors)
        let notes = run.output.components(separatedBy: "\n").filter { $0.hasSuffix("[template.partial-blank]") }
        XCTAssertEqual(notes.count, 1, run.output)
        XCTAssertTrue(notes.first?.contains(":87:1: note: agreement.terms: agreement: agreement.terms is left blank") == true, run.output)

        let chinese = try WenshuProcess.run(["check", "--partial", file.path, "--profile", "examples/office.yaml"], language: ["LANG": "zh_CN.UTF-8"])
        XCTAssertTrue(chinese.output.contains("agreement：agreement.terms留空待手写（部分填写打印） [template.partial-blank]"), chinese.output)
    }

    func testPartialAndBlankExcludeEachOther() throws {
        let run = try WenshuProcess.run(["render", "--partial", "--blank", "--form", "agreement"])
        XCTAssertEqual(run.status, 64, run.errors)
    }
}
