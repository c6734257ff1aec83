import ArgumentParser

@main
struct Wenshu: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wenshu",
        abstract: "Fill China's people's-mediation forms from one case file.",
        subcommands: [RenderCommand.self, CheckCommand.self, FormsCommand.self, BenchBindCommand.self,
                      LedgerCommand.self, StatsCommand.self, PacketCommand.self])
}
