import ArgumentParser
import Foundation
import WenshuDiagnostics
import WenshuWriters

/// An option's or argument's help in the user's language. argument-parser reads `help:` when it builds a
/// command's arguments, after the executable's `main` has set `MessageLanguage.current`.
package func help(_ english: String, zh chinese: String, valueName: String? = nil) -> ArgumentHelp {
    ArgumentHelp(MessageLanguage.current == .zh ? chinese : english, valueName: valueName)
}

extension CommandConfiguration {
    /// A command's configuration with its abstract and discussion in the user's language (read from a
    /// computed `static var configuration`, so that it follows `--lang`).
    package init(commandName: String, abstract: String, zhAbstract: String, discussion: String = "", zhDiscussion: String = "",
                 shouldDisplay: Bool = true, subcommands: [ParsableCommand.Type] = []) {
        let zh = MessageLanguage.current == .zh
        self.init(commandName: commandName, abstract: zh ? zhAbstract : abstract, discussion: zh ? zhDiscussion : discussion,
                  shouldDisplay: shouldDisplay, subcommands: subcommands)
        if UsageErrors.parsingWithoutCompletionCheck { _superCommandName = "" }
    }
}

/// argument-parser's help page in Chinese. Its own words (headers, the help flag, "(default: …)") are fixed
/// English with no hook to change them: the page is asked for without wrapping and those words are replaced
/// where its layout puts them; then every line is wrapped to the terminal by display width (a Chinese
/// character takes two columns and may break anywhere the line-breaking rules allow), continuing under its
/// description.
///
/// `HelpPageTests` fails when a newer argument-parser words or lays out its page otherwise.
package enum ChineseHelpPage {
    /// The column where argument-parser starts the description of an option or subcommand
    /// (`HelpGenerator.labelColumnWidth`).
    static let descriptionColumn = 26

    /// Whole lines: the section headers.
    static let headers = ["ARGUMENTS:": "参数：", "OPTIONS:": "选项：", "SUBCOMMANDS:": "子命令："]
    /// Descriptions argument-parser writes itself (the last: the abstract of `wenshu help help`).
    static let descriptions = ["Show help information.": "显示帮助信息。", "Show the version.": "显示版本号。",
                               "Show subcommand help information.": "显示子命令的帮助信息。"]

    /// The page of `command` (a command in `root`'s tree), wrapped to `columns`.
    package static func text(_ root: ParsableCommand.Type, for command: ParsableCommand.Type, includeHidden: Bool,
                             columns: Int = terminalColumns()) -> String {
        let english = root.helpMessage(for: command, includeHidden: includeHidden, columns: Int(Int32.max))
        let breaker = LineBreaker(width: DisplayWidth())
        var inSections = false
        var lines: [String] = []
        for line in english.split(separator: "\n", omittingEmptySubsequences: false) {
            let (text, indent) = translated(line, inSections: inSections)
            inSections = inSections || line.hasPrefix("USAGE: ")
            lines += wrapped(text, hangingIndent: indent, columns: columns, breaker: breaker)
        }
        return lines.joined(separator: "\n")
    }

    /// A line of argument-parser's page with its fixed words in Chinese, and the column its continuation
    /// lines start at: under the description for an option or subcommand, after a two-space gap for a row
    /// of a table in the overview (`wenshu check CASES   …`), else under the line's own indent.
    static func translated(_ line: Substring, inSections: Bool) -> (text: String, hangingIndent: Int) {
        if let header = headers[String(line)] { return (header, 0) }
        if line.hasPrefix("OVERVIEW: ") { return ("概述：" + description(line.dropFirst("OVERVIEW: ".count)), 0) }
        if line.hasPrefix("USAGE: ") { return ("用法：" + line.dropFirst("USAGE: ".count), 6) }
        let see = (prefix: "  See '", suffix: "' for detailed help.")
        if line.hasPrefix(see.prefix) && line.hasSuffix(see.suffix) {
            return ("  各子命令的详细帮助：" + line.dropFirst(see.prefix.count).dropLast(see.suffix.count), 2)
        }
        let indent = line.prefix { $0 == " " }.count
        if inSections && (indent == 2 || indent == descriptionColumn) && line.count > descriptionColumn {
            let label = line.prefix(descriptionColumn)
            return (label + description(line.dropFirst(descriptionColumn)), descriptionColumn)
        }
        if !inSections && indent > 0, let gap = line.dropFirst(indent).firstRange(of: "  ") {
            let column = line[gap.upperBound...].firstIndex { $0 != " " } ?? line.endIndex
            return (String(line), DisplayWidth().of(line[..<column]))
        }
        return (String(line), indent)
    }

    /// An option's description with argument-parser's words in Chinese: its own help texts, and the
    /// "(values: …; default: …)" it adds at the end.
    static func description(_ text: Substring) -> String {
        if let chinese = descriptions[String(text)] { return chinese }
        guard text.hasSuffix(")"), let open = text.range(of: " (values: ", options: .backwards)
                ?? text.range(of: " (default: ", options: .backwards) else { return String(text) }
        let values = text[open.lowerBound..<text.index(before: text.endIndex)]
            .replacingOccurrences(of: " (values: ", with: "（可选值：")
            .replacingOccurrences(of: "; default: ", with: "；默认：")
            .replacingOccurrences(of: " (default: ", with: "（默认：")
        return text[..<open.lowerBound] + values + "）"
    }

    /// `line` in lines no wider than `columns`; the part before `hangingIndent` stays on the first line and
    /// the rest continue under it.
    static func wrapped(_ line: String, hangingIndent: Int, columns: Int, breaker: LineBreaker) -> [String] {
        guard breaker.width.of(line) > columns else { return [line] }
        var head = 0
        var split = line.startIndex
        while split < line.endIndex && head < hangingIndent {
            head += breaker.width.of(line[split])
            split = line.index(after: split)
        }
        let pieces = breaker.lines(String(line[split...]), columns: columns - head).map(\.text)
        let margin = String(repeating: " ", count: head)
        return [String(line[..<split]) + (pieces.first ?? "")] + pieces.dropFirst().map { margin + $0 }
    }

    /// The terminal's width: `COLUMNS`, else what the terminal says, else 80 (as argument-parser's English page).
    static func terminalColumns() -> Int {
        if let columns = ProcessEnvironment.value("COLUMNS").flatMap(Int.init), columns > 0 { return columns }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }
}
