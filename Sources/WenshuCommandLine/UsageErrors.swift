import ArgumentParser
import Foundation
import WenshuDiagnostics

/// argument-parser's usage errors in the user's language. In English its own text is printed as it is; in
/// Chinese a catalogue message (`CommandWording`) says what is wrong, with argument-parser's English text
/// after it as the detail, then the usage line. A help page in Chinese is `ChineseHelpPage`.
///
/// argument-parser's error type is internal: its case is read through `Mirror` (the case's name and its
/// values), never from its wording.
///
/// `root` is `wenshu`'s command tree, or `wenshu-desk`'s: also named `wenshu`, with `serve` its one command,
/// so that both executables print the same lines for `wenshu serve`.
package enum UsageErrors {
    /// Parses `arguments`, runs the command, exits: `main` with usage errors in the user's language.
    package static func run(_ root: ParsableCommand.Type, _ arguments: [String]) -> Never {
        var parsed: ParsableCommand.Type = root
        do {
            var command = try parseWithoutCompletionCheck(root, arguments)
            parsed = type(of: command)
            try command.run()
            root.exit()
        } catch {
            if MessageLanguage.current == .zh, let request = helpRequest(error, root) {
                print(ChineseHelpPage.text(root, for: request.command, includeHidden: request.includeHidden))
                root.exit()
            }
            guard MessageLanguage.current == .zh, let text = chinese(error, root, parsed) else { root.exit(withError: error) }
            var standardError = StandardError()
            print(text, to: &standardError)
            root.exit(withError: ExitCode(root.exitCode(for: error).rawValue))
        }
    }

    /// True only while `parseWithoutCompletionCheck` parses: every command's configuration then names a
    /// `_superCommandName` (`CommandConfiguration.init(commandName:abstract:zhAbstract:…)`).
    package nonisolated(unsafe) static var parsingWithoutCompletionCheck = false

    /// `root.parseAsRoot(arguments)` without argument-parser's `checkForCompletionScriptRequest` when no
    /// argument asks for a completion script. That check parses the line twice more, as two hidden commands,
    /// before the real parse: about 4 M instructions of every start. argument-parser (1.8.2) skips it for a
    /// root whose configuration names a `_superCommandName`, and reads that name nowhere else while parsing;
    /// help pages and usage lines read it too, but only after parsing, when it is gone again.
    static func parseWithoutCompletionCheck(_ root: ParsableCommand.Type, _ arguments: [String]) throws -> ParsableCommand {
        parsingWithoutCompletionCheck = !arguments.contains { $0.hasPrefix("--generate-completion-script") }
        defer { parsingWithoutCompletionCheck = false }
        return try root.parseAsRoot(arguments)
    }

    /// The Chinese text for a usage error, or nil for what is not one (help, `ExitCode`, a clean exit).
    static func chinese(_ error: Error, _ root: ParsableCommand.Type, _ parsed: ParsableCommand.Type) -> String? {
        if let refusal = error as? ValidationError {
            // A command's own refusal from `run`, already in the user's language.
            return lines(.phrase(CommandWording.usageError, ["problem": "\(refusal.message)"]),
                         ObjectIdentifier(parsed) == ObjectIdentifier(root) ? [root] : [root, parsed], root)
        }
        let mirror = Mirror(reflecting: error)
        guard let parserError = mirror.descendant("parserError") else { return nil }
        let commands = mirror.descendant("commandStack") as? [ParsableCommand.Type] ?? [root]
        let (name, values) = caseOf(parserError)
        let detail = root.message(for: error)
        let problem: DiagnosticArgument
        switch name {
        case "unknownOption", "missingValueOrUnknownCompositeOption":
            problem = .phrase(CommandWording.unknownOption, ["option": "\(option(values.last) ?? "")"])
        case "invalidOption", "nonAlphanumericShortOption":
            problem = .phrase(CommandWording.unknownOption, ["option": "\(values.first.map { "\($0)" } ?? "")"])
        case "missingValueForOption":
            problem = .phrase(CommandWording.missingValue, ["option": "\(option(values.last) ?? "")"])
        case "unexpectedValueForOption":
            problem = .phrase(CommandWording.takesNoValue, ["option": "\(option(values.dropFirst().first) ?? "")"])
        case "unableToParseValue":
            let value = values.count > 2 ? "\(values[2])" : ""
            if let name = option(values.count > 1 ? values[1] : nil) {
                problem = .phrase(CommandWording.badValue, ["option": "\(name)", "value": "\(value)"])
            } else {
                problem = .phrase(CommandWording.badArgument, ["value": "\(value)"])
            }
        case "unexpectedExtraValues":
            let extra = (values.first as? [Any] ?? []).compactMap { Mirror(reflecting: $0).children.dropFirst().first?.value as? String }
            if commands.count == 1, let first = extra.first {
                problem = .phrase(CommandWording.unknownCommand, ["command": "\(first)"])
            } else {
                problem = .phrase(CommandWording.extraArguments, ["values": .list(extra)])
            }
        case "noValue":
            problem = .phrase(CommandWording.missingArgument)
        case "missingSubcommand":
            problem = .phrase(CommandWording.missingCommand)
        case "userValidationError", "noArguments":
            // The commands' own refusals, already in the user's language.
            return lines(.phrase(CommandWording.usageError, ["problem": "\(detail)"]), commands, root)
        case "helpRequested", "versionRequested", "dumpHelpRequested", "completionScriptRequested",
             "completionScriptCustomResponse":
            return nil
        default:
            problem = .phrase(CommandWording.badCommandLine)
        }
        return lines(.phrase(CommandWording.usageErrorWithDetail, ["problem": problem, "detail": "\(detail)"]), commands, root)
    }

    /// The command whose help page `error` asks for (`--help`, `-h`, `--help-hidden`, `wenshu help …`, or a
    /// command run without its subcommand), and whether hidden options are to be shown; nil for any other error.
    static func helpRequest(_ error: Error, _ root: ParsableCommand.Type) -> (command: ParsableCommand.Type, includeHidden: Bool)? {
        let mirror = Mirror(reflecting: error)
        if let parserError = mirror.descendant("parserError") {
            let (name, values) = caseOf(parserError)
            guard name == "helpRequested" else { return nil }
            let commands = mirror.descendant("commandStack") as? [ParsableCommand.Type] ?? [root]
            return (commands.last ?? root, (values.first as? ArgumentVisibility).map { $0 != .default } ?? false)
        }
        guard error is CleanExit, let base = mirror.descendant("base") else { return nil }
        let (name, values) = caseOf(base)
        guard name == "helpRequest" else { return nil }
        return (values.first as? ParsableCommand.Type ?? root, false)
    }

    private static func lines(_ first: DiagnosticArgument, _ commands: [ParsableCommand.Type], _ root: ParsableCommand.Type) -> String {
        let command = commands.last ?? root
        let name = commands.compactMap { $0.configuration.commandName }.joined(separator: " ")
        let usage = root.usageString(for: command).replacingPrefix("Usage: ", with: "")
        return [first.render(in: .zh),
                CommandWording.usage.render(in: .zh, ["usage": "\(usage)"]),
                "  " + CommandWording.seeHelp.render(in: .zh, ["command": "\(name)"])].joined(separator: "\n")
    }

    /// An enum value's case name and its associated values, through `Mirror`.
    private static func caseOf(_ value: Any) -> (String, [Any]) {
        let mirror = Mirror(reflecting: value)
        guard let child = mirror.children.first, let label = child.label else { return ("\(value)", []) }
        let payload = Mirror(reflecting: child.value)
        return payload.displayStyle == .tuple ? (label, payload.children.map(\.value)) : (label, [child.value])
    }

    /// An option's name as typed (`--to`, `-o`) from argument-parser's `Name` (`long`, `short`,
    /// `longWithSingleDash`); nil for anything else (a missing name: a positional argument).
    private static func option(_ value: Any?) -> String? {
        guard let value else { return nil }
        var unwrapped: Any = value
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            guard let some = mirror.children.first?.value else { return nil }
            unwrapped = some
        }
        let (kind, values) = caseOf(unwrapped)
        guard let text = values.first.map({ "\($0)" }) else { return nil }
        switch kind {
        case "long": return "--" + text
        case "short": return "-" + text
        case "longWithSingleDash": return "-" + text
        default: return nil
        }
    }
}

private struct StandardError: TextOutputStream {
    mutating func write(_ string: String) { FileHandle.standardError.write(Data(string.utf8)) }
}

private extension String {
    func replacingPrefix(_ prefix: String, with replacement: String) -> String {
        hasPrefix(prefix) ? replacement + dropFirst(prefix.count) : self
    }
}
