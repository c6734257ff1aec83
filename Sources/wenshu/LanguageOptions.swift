import ArgumentParser
import WenshuDiagnostics

extension MessageLanguage: ExpressibleByArgument {}

/// `--lang zh|en`, on every command: the language of messages. Without it the environment decides
/// (`LC_ALL`, then `LC_MESSAGES`, then `LANG`; `zh…` is Chinese). argument-parser's own usage errors and
/// help stay English.
struct LanguageOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The language of messages: zh or en. Default: from LC_ALL, LC_MESSAGES or LANG (zh_CN.UTF-8 gives Chinese).",
                               valueName: "zh|en"))
    var lang: MessageLanguage?

    func validate() throws {
        if let lang { MessageLanguage.current = lang }
    }
}
