import ArgumentParser
import WenshuDiagnostics

/// An option's or argument's help in the user's language. argument-parser reads `help:` when it builds a
/// command's arguments, after `Wenshu.main` has set `MessageLanguage.current`.
func help(_ english: String, zh chinese: String, valueName: String? = nil,
          discussion: (english: String, chinese: String)? = nil) -> ArgumentHelp {
    let zh = MessageLanguage.current == .zh
    return ArgumentHelp(zh ? chinese : english, discussion: discussion.map { zh ? $0.chinese : $0.english }, valueName: valueName)
}

extension CommandConfiguration {
    /// A command's configuration with its abstract and discussion in the user's language (read from a
    /// computed `static var configuration`, so that it follows `--lang`).
    init(commandName: String, abstract: String, zhAbstract: String, discussion: String = "", zhDiscussion: String = "",
         shouldDisplay: Bool = true, subcommands: [ParsableCommand.Type] = []) {
        let zh = MessageLanguage.current == .zh
        self.init(commandName: commandName, abstract: zh ? zhAbstract : abstract, discussion: zh ? zhDiscussion : discussion,
                  shouldDisplay: shouldDisplay, subcommands: subcommands)
    }
}
