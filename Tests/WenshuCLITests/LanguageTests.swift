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

    /// argument-parser's usage errors in Chinese: a catalogue sentence, its English text as the detail, the
    /// usage line; in English its own text, as before. The exit status is 64 in both.
    func testUsageErrorsInChinese() throws {
        func chinese(_ arguments: [String], _ environment: [String: String] = ["LANG": "zh_CN.UTF-8"]) throws -> (Int32, String) {
            let run = try WenshuProcess.run(arguments, mergingErrors: true, language: environment)
            return (run.status, run.output.split(separator: "\n").first.map(String.init) ?? "")
        }
        XCTAssertEqual(try chinese(["render", "--tox", "pdf", broken]).1,
                       "错误：没有--tox这个选项（Unknown option '--tox'. Did you mean '--to'?）")
        XCTAssertEqual(try chinese(["render", broken, "--to"]).1, "错误：--to后面缺少值（Missing value for '--to <format>'）")
        let bad = try chinese(["render", "--to", "docx", broken])
        XCTAssertEqual(bad.0, 64)
        XCTAssertTrue(bad.1.hasPrefix("错误：--to不能取值“docx”（The value 'docx' is invalid"), bad.1)
        XCTAssertEqual(try chinese(["check"]).1, "错误：缺少必需的参数或选项（Missing expected argument '<file-or-folder> ...'）")
        XCTAssertEqual(try chinese(["frobnicate"]).1, "错误：没有frobnicate这个命令（Unexpected argument 'frobnicate'）")
        // --lang is read before parsing, so a usage error already follows it.
        XCTAssertEqual(try chinese(["check", "--lang", "zh", "--bogus", broken], ["LANG": "C"]).1,
                       "错误：没有--bogus这个选项（Unknown option '--bogus'）")
        let usage = try WenshuProcess.run(["render", "--tox", "pdf", broken], mergingErrors: true, language: ["LANG": "zh_CN.UTF-8"])
        XCTAssertTrue(usage.output.contains("\n用法：wenshu render "), usage.output)
        // A command's own refusal from `run` gets the command's usage, in Chinese.
        let ledger = try WenshuProcess.run(["ledger", "-o", "/tmp", "no-such-case.yaml"], mergingErrors: true,
                                           language: ["LANG": "zh_CN.UTF-8"])
        XCTAssertEqual(ledger.status, 64)
        XCTAssertTrue(ledger.output.hasPrefix("错误：no-such-case.yaml：没有这个文件或文件夹\n用法：wenshu ledger "), ledger.output)
        let english = try chinese(["render", "--tox", "pdf", broken], ["LANG": "C"])
        XCTAssertEqual(english.0, 64)
        XCTAssertEqual(english.1, "Error: Unknown option '--tox'. Did you mean '--to'?")
    }

    /// YAML and XML syntax errors say in Chinese what is wrong; libyaml's and libxml2's English is kept only
    /// as the detail where there is no fixed text to translate (libxml2's names the tags).
    func testSyntaxErrorsInChinese() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-lang-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("number: x\n  foo: : bar\n".utf8).write(to: folder.appendingPathComponent("colon.yaml"))
        try Data("number: x\nparties: [a\n".utf8).write(to: folder.appendingPathComponent("flow.yaml"))
        try Data("<case><number>1</nmber></case>\n".utf8).write(to: folder.appendingPathComponent("tags.xml"))
        func first(_ name: String) throws -> String {
            let run = try WenshuProcess.run(["check", name], mergingErrors: true, in: folder, language: ["LANG": "zh_CN.UTF-8"])
            return run.output.split(separator: "\n").first.map(String.init) ?? ""
        }
        XCTAssertEqual(try first("colon.yaml"),
                       "colon.yaml:2:6: 错误: YAML语法错误：此处不能有“: ”（值中有冒号时请给值加引号，或检查缩进） [case.syntax]")
        XCTAssertEqual(try first("flow.yaml"),
                       "flow.yaml:3:1: 错误: YAML语法错误：找不到应有的“,”或“]”（方括号列表没有写完）（读取方括号列表[…]时，从第2行第10列起） [case.syntax]")
        XCTAssertEqual(try first("tags.xml"),
                       "tags.xml:1:24: 错误: XML语法错误：开始标签与结束标签不一致（Opening and ending tag mismatch: number line 1 and nmber） [case.syntax]")
    }

    /// `forms`' listing reads in the user's language (the paths and conditions are the templates' own).
    func testTheFormsListingInChinese() throws {
        let zh = try WenshuProcess.run(["forms"], language: ["LANG": "zh_CN.UTF-8"]).output.split(separator: "\n").map(String.init)
        let en = try WenshuProcess.run(["forms"], language: ["LANG": "C"]).output.split(separator: "\n").map(String.init)
        XCTAssertEqual(zh.count, en.count)
        let agreement = try XCTUnwrap(zh.firstIndex { $0.hasPrefix("agreement  ") })
        XCTAssertTrue(zh[agreement].contains("  人民调解协议书  （第1版，行文页）  "), zh[agreement])
        XCTAssertTrue(en[agreement].contains("  人民调解协议书  (version 1, prose page)  "), en[agreement])
        XCTAssertEqual(zh[agreement + 1], "  适用条件：agreement/form = 'written'")
        XCTAssertTrue(zh[agreement + 2].hasPrefix("  读取字段：accepted、agreement/copies、"), zh[agreement + 2])
    }

    /// A key file that is not a key is named so in the user's language.
    func testABadKeyInChinese() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-lang-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("not a key\n".utf8).write(to: folder.appendingPathComponent("junk.pem"))
        let zh = try WenshuProcess.run(["verify", "--trust", "junk.pem", "x.xml"], mergingErrors: true, in: folder,
                                       language: ["LANG": "zh_CN.UTF-8"])
        XCTAssertEqual(zh.status, 1)
        XCTAssertTrue(zh.output.hasSuffix("junk.pem：不是Ed25519公钥（应为`wenshu keygen`写出的PEM文件）\n"), zh.output)
        let en = try WenshuProcess.run(["verify", "--trust", "junk.pem", "x.xml"], mergingErrors: true, in: folder)
        XCTAssertTrue(en.output.hasSuffix("junk.pem: not an Ed25519 public key (a PEM file written by `wenshu keygen`)\n"), en.output)
    }
}
