import Foundation
import XCTest

/// Messages follow `--lang`, else `LC_ALL`, `LC_MESSAGES`, `LANG`: a Chinese clerk reads Chinese, the ids
/// and locations stay the same in both languages.
final class LanguageTests: XCTestCase {
    let broken = "Tests/WenshuCaseTests/Broken/id-check-digit.yaml"

    func testChineseLocalePrintsChinese() throws {
        let run = try WenshuProcess.run(["check", broken], mergingErrors: true, language: ["LANG": "zh_CN.UTF-8"])
        XCTAssertEqual(run.status, 1)
        let lines = run.output.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines, [
            "\(broken):18:5: 错误: parties[1].id_number: 身份证号码330106********1230的校验位应为9：有数字录入错误 [case.id-check-digit]",
            "检查了1个文件：1个错误，0个警告",
        ])
    }

    func testCLocalePrintsEnglish() throws {
        let run = try WenshuProcess.run(["check", broken], mergingErrors: true, language: ["LANG": "C"])
        XCTAssertEqual(run.output.split(separator: "\n").map(String.init), [
            "\(broken):18:5: error: parties[1].id_number: check digit of 330106********1230 should be 9: a digit is mistyped [case.id-check-digit]",
            "1 file checked: 1 error, 0 warnings",
        ])
    }

    func testTheOptionAndTheVariablesInTheirOrder() throws {
        func language(_ arguments: [String], _ environment: [String: String]) throws -> String {
            let output = try WenshuProcess.run(["check"] + arguments + [broken], mergingErrors: true, language: environment).output
            return output.contains(": 错误: ") ? "zh" : output.contains(": error: ") ? "en" : output
        }
        XCTAssertEqual(try language(["--lang", "zh"], ["LANG": "C"]), "zh")
        XCTAssertEqual(try language(["--lang", "en"], ["LANG": "zh_CN.UTF-8"]), "en")
        XCTAssertEqual(try language([], ["LC_ALL": "zh_CN.UTF-8", "LANG": "C"]), "zh")
        XCTAssertEqual(try language([], ["LC_MESSAGES": "C", "LANG": "zh_CN.UTF-8"]), "en")
        XCTAssertEqual(try language([], [:]), "en")
    }

    /// A profile that fails to load is not "no profile given" (the window note says which).
    func testAProfileThatDidNotLoadIsNamedSo() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-lang-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let profile = folder.appendingPathComponent("office.yaml")
        try Data("committees: 3\n".utf8).write(to: profile)
        let late = "Tests/WenshuCaseTests/Broken/confirmation-late.yaml"
        let without = try WenshuProcess.run(["check", late], mergingErrors: true).output
        XCTAssertTrue(without.contains("no office profile was given"), without)
        let broken = try WenshuProcess.run(["check", "--profile", profile.path, late], mergingErrors: true).output
        XCTAssertTrue(broken.contains("the office profile did not load"), broken)
        XCTAssertFalse(broken.contains("no office profile was given"), broken)
    }

    /// libxml2's domain and code travel with its findings into the JSON output.
    func testJSONKeepsLibxml2Codes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-lang-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("broken.xml")
        try Data("<case><number>1</case>\n".utf8).write(to: file)
        let run = try WenshuProcess.run(["check", "--format", "json", file.path])
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        let finding = try XCTUnwrap((object["diagnostics"] as? [[String: Any]])?.first)
        XCTAssertEqual(finding["id"] as? String, "case.syntax")
        let code = try XCTUnwrap(finding["libxml2"] as? [String: Int])
        XCTAssertEqual(code["domain"], 1, "XML_FROM_PARSER")
        XCTAssertEqual(code["code"], 76, "XML_ERR_TAG_NAME_MISMATCH")
    }
}
