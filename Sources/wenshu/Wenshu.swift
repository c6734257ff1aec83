import ArgumentParser
import WenshuDiagnostics

@main
struct Wenshu: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wenshu",
        abstract: "Fill China's people's-mediation forms from one case file.",
        discussion: """
            Write each dispute down once, as a case file in YAML, JSON or XML (see docs/case-format.md and \
            examples/cases/). Then:

              wenshu check CASES                 every problem, with file, line and field
              wenshu render CASES -o DIR         every form that applies, as .odt (add --to txt, fodt, xml, pdf)
              wenshu render --blank -o DIR       blank forms to fill in by hand
              wenshu packet CASE -o DIR          the 司法确认 packet, after checking the court's rules
              wenshu dossier CASES -o DIR        the bound 卷宗 (--archive: a package `wenshu verify` checks)
              wenshu ledger / stats CASES -o DIR the 三册一本 ledgers and the period's statistics
              wenshu due CASES                   what is due or overdue: slips, time limits, instalments, visits
              wenshu serve CASE-FOLDER           the mediator's desk: a local web page to enter, check and print cases
              wenshu fonts [CASES]               the face each official font prints in here, characters none has

            An office profile (office.yaml in the current folder, or --profile FILE) supplies the committees' \
            seals, number series, holidays and subsidy rates. docs/guide.md walks through it all.
            """,
        subcommands: [RenderCommand.self, CheckCommand.self, FormsCommand.self, FontsCommand.self, BenchBindCommand.self,
                      LedgerCommand.self, StatsCommand.self, PacketCommand.self, DossierCommand.self, VerifyCommand.self, DueCommand.self,
                      KeygenCommand.self, ServeCommand.self])

    /// Parses the command line with long lists of paths folded (`LongArgumentLists`), then runs the command.
    /// Usage errors come in the user's language (`UsageErrors`), so `--lang` is read before parsing too.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        MessageLanguage.current = LanguageOptions.named(in: arguments) ?? .fromEnvironment()
        UsageErrors.run(self, LongArgumentLists.fold(arguments))
    }
}
