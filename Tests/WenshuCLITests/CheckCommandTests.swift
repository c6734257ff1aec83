import Foundation
import XCTest

/// `wenshu check` as a user runs it: the built executable, its output and its exit status.
final class CheckCommandTests: XCTestCase {
    /// Runs `wenshu` with standard error mixed into the output, as a terminal shows them.
    func wenshu(_ arguments: String...) throws -> (status: Int32, output: String) {
        let run = try WenshuProcess.run(arguments, mergingErrors: true)
        return (run.status, run.output)
    }

    func testTheExamplesCheckClean() throws {
        let (status, output) = try wenshu("check", "examples/cases", "--profile", "examples/office.yaml")
        XCTAssertEqual(status, 0, output)
        XCTAssertTrue(output.hasSuffix(" checked: 0 errors, 0 warnings\n"), output)
    }

    func testErrorsPrintOneLineEachAndExitOne() throws {
        let (status, output) = try wenshu("check", "Tests/WenshuCaseTests/Broken/phone.yaml", "Tests/WenshuCaseTests/Broken/recusal-name.yaml")
        XCTAssertEqual(status, 1)
        let lines = output.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 7, output)
        XCTAssertTrue(lines[0].hasPrefix("Tests/WenshuCaseTests/Broken/phone.yaml:19:5: error: parties[1].phone: "), lines[0])
        XCTAssertTrue(lines[0].hasSuffix(" [case.phone]"), lines[0])
        // The recusal case has no error of its own, so its forms are filled as render would: its agreement
        // lacks the parties' addresses and the facts, which render would refuse it for.
        XCTAssertTrue(lines[2].contains(": warning: mediators[2]: "), lines[2])
        XCTAssertTrue(lines[3].hasPrefix("Tests/WenshuCaseTests/Broken/recusal-name.yaml:12:5: error: parties[1].address: "), lines[3])
        XCTAssertTrue(lines[3].hasSuffix(" [template.missing-field]"), lines[3])
        XCTAssertEqual(lines[6], "2 files checked: 5 errors, 1 warning")
    }

    func testTheDefaultProfileNamedAsAFileIsCheckedOnce() throws {
        // In examples/, office.yaml is both the default profile and the file named.
        let run = try WenshuProcess.run(["check", "office.yaml"], mergingErrors: true, in: WenshuProcess.root.appendingPathComponent("examples"))
        XCTAssertEqual(run.status, 0, run.output)
        XCTAssertTrue(run.output.hasSuffix("1 file checked: 0 errors, 0 warnings\n"), run.output)
    }

    func testTheProfileGivenIsNotCountedAsACheckedFile() throws {
        let (status, output) = try wenshu("check", "--profile", "examples/office.yaml", "examples/cases/traffic-instalments.xml")
        XCTAssertEqual(status, 0, output)
        XCTAssertTrue(output.hasSuffix("1 file checked: 0 errors, 0 warnings\n"), output)
    }

    /// A warning alone (here an agreement without `form`, which no agreement paper prints) exits 0.
    func testWarningsAloneExitZero() throws {
        let example = try String(contentsOfFile: "examples/cases/traffic-instalments.xml", encoding: .utf8)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-noform-\(UUID().uuidString).xml")
        try Data(example.replacingOccurrences(of: "<form>written</form>", with: "").utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let (status, output) = try wenshu("check", file.path)
        XCTAssertEqual(status, 0, output)
        XCTAssertTrue(output.contains("[case.agreement-form-missing]"), output)
        XCTAssertTrue(output.contains("0 errors, 1 warning"), output)
    }

    func testJSONOutput() throws {
        let (status, output) = try wenshu("check", "--format", "json", "Tests/WenshuCaseTests/Broken/id-gender.yaml")
        XCTAssertEqual(status, 1)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        XCTAssertEqual(object["errors"] as? Int, 1)
        let first = try XCTUnwrap((object["diagnostics"] as? [[String: Any]])?.first)
        XCTAssertEqual(first["id"] as? String, "case.id-gender")
        XCTAssertEqual(first["line"] as? Int, 24)
        XCTAssertEqual(first["column"] as? Int, 5)
        XCTAssertEqual(first["subject"] as? String, "parties[2].gender")
        XCTAssertFalse(output.contains("330106198207152463"), "an ID number is printed in full")
    }

    func testUsageErrorsExitSixtyFour() throws {
        XCTAssertEqual(try wenshu("check", "no/such/file.yaml").status, 64)
        XCTAssertEqual(try wenshu("check").status, 64)
        XCTAssertEqual(try wenshu("check", "--format", "pdf", "examples/cases").status, 64)
        XCTAssertEqual(try wenshu("check", "examples/cases", "--profile", "no-such-office.yaml").status, 64)
    }
}
