import ArgumentParser

@main
struct Wenshu: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wenshu",
        abstract: "Fill China's people's-mediation forms from one case file.",
        subcommands: [CheckCommand.self, LedgerCommand.self, StatsCommand.self])
}
