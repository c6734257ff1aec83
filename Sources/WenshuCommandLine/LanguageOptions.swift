import ArgumentParser
import WenshuDiagnostics

extension MessageLanguage: EnumArgument {}

/// `--lang zh|en`, on every command: the language of messages. Without it the environment decides
/// (`LC_ALL`, then `LC_MESSAGES`, then `LANG`; `zh…` is Chinese). argument-parser's usage errors and help
/// pages follow it (`UsageErrors`, `ChineseHelpPage`).
package struct LanguageOptions: ParsableArguments {
    @Option(help: help("The language of messages: zh or en. Default: from LC_ALL, LC_MESSAGES or LANG (zh_CN.UTF-8 gives Chinese).",
                       zh: "提示信息和帮助的语言：zh（中文）或en（英文）。默认按LC_ALL、LC_MESSAGES或LANG（zh_CN.UTF-8为中文）。",
                       valueName: "zh|en"))
    package var lang: MessageLanguage?

    package init() {}

    package func validate() throws {
        if let lang { MessageLanguage.current = lang }
    }

    /// The language `--lang zh` or `--lang=zh` names among `arguments` (before `--`), read before parsing so
    /// that a usage error is already in that language.
    package static func named(in arguments: [String]) -> MessageLanguage? {
        var found: MessageLanguage?
        for (index, argument) in arguments.enumerated() {
            if argument == "--" { break }
            if argument == "--lang", index + 1 < arguments.count {
                found = MessageLanguage(rawValue: arguments[index + 1]) ?? found
            } else if argument.hasPrefix("--lang=") {
                found = MessageLanguage(rawValue: String(argument.dropFirst("--lang=".count))) ?? found
            }
        }
        return found
    }

    /// `arguments` without `--lang zh` / `--lang=zh` when they ask for `wenshu help …`: argument-parser's
    /// `help` takes no options, and the language has been read by `named(in:)` already.
    package static func droppingLanguageForHelp(_ arguments: [String]) -> [String] {
        guard arguments.first == "help" else { return arguments }
        var kept: [String] = []
        var skipNext = false
        for argument in arguments {
            if skipNext { skipNext = false; continue }
            if argument == "--lang" { skipNext = true; continue }
            if !argument.hasPrefix("--lang=") { kept.append(argument) }
        }
        return kept
    }
}
