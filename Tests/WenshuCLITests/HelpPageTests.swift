import Foundation
import XCTest

/// The `--help` pages in the user's language: in Chinese every description and argument-parser's own words
/// (headers, the help flag, "(default: …)") are Chinese and the lines fit the terminal by display width; in
/// English the page is argument-parser's, as before.
final class HelpPageTests: XCTestCase {
    static let chineseEnvironments: [(arguments: [String], language: [String: String])] = [
        (["--lang", "zh"], ["LANG": "C"]),
        ([], ["LANG": "zh_CN.UTF-8"]),
    ]

    func page(_ arguments: [String], language: [String: String], columns: Int = 80) throws -> String {
        let run = try WenshuProcess.run(arguments, language: language, environment: ["COLUMNS": "\(columns)"])
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertEqual(run.errors, "")
        return run.output
    }

    func testRenderHelpInChinese() throws {
        for (arguments, language) in Self.chineseEnvironments {
            let text = try page(["render", "--help"] + arguments, language: language)
            XCTAssertTrue(text.hasPrefix("概述：由案件文件填写文书。\n"), String(text.prefix(300)))
            assertContains(text, "\n用法：wenshu render [<options>] [<case> ...]\n")
            for header in ["参数：", "选项："] { XCTAssertTrue(text.contains("\n\(header)\n"), header) }
            // argument-parser's own words, replaced where its layout puts them: a new version that words
            // them otherwise leaves these out.
            assertContains(text, "  -h, --help              显示帮助信息。\n")
            assertContains(text, "（可选值：text, json；默认：text）")
            assertContains(text, "（可选值：odt, fodt, xml, txt, pdf）")
            // No "(default: 2)" from argument-parser after the words: the page is the same on every machine.
            assertContains(text, "（默认：每个处理器核心一个）。\n  --templates <dir>")
            assertChinesePage(text, columns: 80)
        }
    }

    func testRootHelpInChinese() throws {
        for (arguments, language) in Self.chineseEnvironments {
            let text = try page(["--help"] + arguments, language: language)
            XCTAssertTrue(text.hasPrefix("概述：由一份案件文件填写人民调解的各种文书。\n"), String(text.prefix(300)))
            assertContains(text, "\n用法：wenshu <subcommand>\n")
            for header in ["选项：", "子命令："] { XCTAssertTrue(text.contains("\n\(header)\n"), header) }
            assertContains(text, "\n  各子命令的详细帮助：wenshu help <subcommand>")
            assertContains(text, "\n  render                  由案件文件填写文书。\n")
            // A row of the overview's table continues under its description.
            assertContains(text, "\n  wenshu check CASES                 列出每个问题，注明文件、行号和字段\n")
            assertChinesePage(text, columns: 80)
        }
    }

    /// Every command's page, hidden ones too: an option added with English help only shows here.
    func testEveryCommandsPageInChinese() throws {
        for command in ["check", "forms", "fonts", "ledger", "stats", "packet", "dossier", "verify", "due", "keygen",
                        "serve", "bench-bind"] {
            let text = try page(["help", command], language: ["LANG": "zh_CN.UTF-8"])
            XCTAssertTrue(text.hasPrefix("概述："), command)
            assertChinesePage(text, columns: 80)
        }
    }

    /// `wenshu help render` (where `--lang` is read before argument-parser's `help`, which takes no options)
    /// and `wenshu` without a command print the same pages as `--help`.
    func testHelpCommandAndBareCommandInChinese() throws {
        let chinese = ["LANG": "C"]
        let render = try page(["render", "--help", "--lang", "zh"], language: chinese)
        XCTAssertEqual(try page(["help", "render", "--lang", "zh"], language: chinese), render)
        XCTAssertEqual(try page(["help", "--lang=zh", "render"], language: chinese), render)
        XCTAssertEqual(try page(["help", "render"], language: ["LANG": "zh_CN.UTF-8"]), render)
        let zhLocale = ["LANG": "zh_CN.UTF-8"]
        XCTAssertEqual(try page([], language: zhLocale), try page(["--help"], language: zhLocale))
    }

    /// Examples and the overview's table fit 80 columns in both languages: argument-parser wraps a longer
    /// line to the left margin, where its tail reads as a paragraph of its own (or half a command).
    func testExampleLinesAreNotWrappedAtEightyColumns() throws {
        let commands = [[], ["render"], ["check"], ["forms"], ["fonts"], ["ledger"], ["stats"], ["packet"], ["dossier"],
                        ["verify"], ["due"], ["keygen"], ["serve"], ["bench-bind"]]
        for command in commands {
            for language in ["en", "zh"] {
                let text = try page(command + ["--help", "--lang", language], language: ["LANG": "C"])
                let discussion = text.components(separatedBy: language == "zh" ? "\n用法：" : "\nUSAGE:")[0]
                let lines = discussion.split(separator: "\n", omittingEmptySubsequences: false)
                for (line, next) in zip(lines, lines.dropFirst()) where line.hasPrefix("  ") {
                    XCTAssertTrue(next.isEmpty || next.hasPrefix(" "), "wenshu \(command) --help --lang \(language):\n\(line)\n\(next)")
                }
            }
        }
    }

    /// The descriptions are wrapped to `COLUMNS`, continuing under the description column.
    func testChineseLinesFollowColumns() throws {
        let text = try page(["stats", "--help", "--lang", "zh"], language: ["LANG": "C"], columns: 60)
        assertChinesePage(text, columns: 60)
        assertContains(text, "\n  statistics.csv    同样的数字排成一张表")
        let wide = try page(["stats", "--help", "--lang", "zh"], language: ["LANG": "C"], columns: 200)
        XCTAssertLessThan(wide.split(separator: "\n").count, text.split(separator: "\n").count)
    }

    func testEnglishPageUnchanged() throws {
        let text = try page(["render", "--help"], language: ["LANG": "C"])
        XCTAssertTrue(text.hasPrefix("OVERVIEW: Fill forms from case files.\n"), String(text.prefix(300)))
        assertContains(text, "\nUSAGE: wenshu render [<options>] [<case> ...]\n")
        for header in ["ARGUMENTS:", "OPTIONS:"] { XCTAssertTrue(text.contains("\n\(header)\n"), header) }
        assertContains(text, "  --form <id>             The form to fill, repeatable: its id (see `wenshu\n")
        assertContains(text, "  -h, --help              Show help information.\n")
        assertContains(text, "(values: text,\n                          json; default: text)")
        let root = try page(["--help"], language: ["LANG": "C"])
        assertContains(root, "\nSUBCOMMANDS:\n  render                  Fill forms from case files.\n")
        assertContains(root, "  See 'wenshu help <subcommand>' for detailed help.")
    }

    /// The completion scripts offer each enum option's values (written once for them all, `EnumArgument`),
    /// and `--generate-completion-script` is seen wherever it stands on the line.
    func testCompletionScriptsOfferEnumValues() throws {
        for arguments in [["--generate-completion-script", "bash"], ["render", "--generate-completion-script=bash"]] {
            let run = try WenshuProcess.run(arguments)
            XCTAssertEqual(run.status, 0, run.errors)
            assertContains(run.output, "-W 'odt'$'\\n''fodt'$'\\n''xml'$'\\n''txt'$'\\n''pdf'")
            assertContains(run.output, "-W 'en'$'\\n''zh'")
            assertContains(run.output, "-W 'text'$'\\n''json'")
        }
        let fish = try WenshuProcess.run(["--generate-completion-script", "fish"])
        assertContains(fish.output, "-l 'page' -d 'Plain-text page: 28x22 (GB/T 9704: 28 characters × 22 lines), 80x66 or 132x66 (line printers).' -rfka '28x22 80x66 132x66'")
    }

    func assertContains(_ page: String, _ text: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(page.contains(text), "missing \(text.debugDescription) in:\n\(page.prefix(2000))", file: file, line: line)
    }

    /// Every line fits `columns` (counting each non-ASCII character as two columns, the widest it can be);
    /// no header is English; every option, argument and subcommand has a description with Chinese in it, its
    /// continuation lines under the description column.
    func assertChinesePage(_ text: String, columns: Int, file: StaticString = #filePath, line: UInt = #line) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for row in lines {
            let width = row.unicodeScalars.reduce(0) { $0 + ($1.isASCII ? 1 : 2) }
            XCTAssertLessThanOrEqual(width, columns, "too wide: \(row)", file: file, line: line)
            XCTAssertNil(row.firstMatch(of: #/^[A-Z][A-Z ]*:/#), "English header: \(row)", file: file, line: line)
        }
        // The sections after the usage (which continues under itself).
        let sections = lines.drop { !$0.hasPrefix("用法：") }.drop { !$0.isEmpty }
        var descriptions: [(label: Substring, text: String)] = []
        for row in sections where row.hasPrefix("  ") {
            if !row.hasPrefix("   ") {
                // An option, argument or subcommand; a label too long for the column has its description below.
                let hasDescription = row.count > 26 && row[row.index(row.startIndex, offsetBy: 25)] == " "
                descriptions.append((hasDescription ? row.prefix(26) : row, hasDescription ? String(row.dropFirst(26)) : ""))
            } else if row.hasPrefix(String(repeating: " ", count: 26)), !descriptions.isEmpty {
                descriptions[descriptions.count - 1].text += row.dropFirst(26)
            } else {
                XCTAssertTrue(row.hasPrefix("        ") && !row.hasPrefix("         "), "not under a column: \(row)", file: file, line: line)
            }
        }
        XCTAssertFalse(descriptions.isEmpty, file: file, line: line)
        for (label, description) in descriptions where !label.hasPrefix("  各子命令") {
            XCTAssertTrue(description.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) },
                          "no Chinese: \(label)\(description)", file: file, line: line)
        }
    }
}
