import ArgumentParser
import WenshuCommandLine
import WenshuDiagnostics

@main
struct Wenshu: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "wenshu",
            abstract: "Fill China's people's-mediation forms from one case file.",
            zhAbstract: "由一份案件文件填写人民调解的各种文书。",
            discussion: """
                Write each dispute down once, as a case file in YAML, JSON or XML (see docs/case-format.md and \
                examples/cases/). Then:

                  wenshu check CASES                 every problem, with file, line and field
                  wenshu render CASES -o DIR         every form that applies, as .odt
                                                     (--to adds txt, fodt, xml, pdf)
                  wenshu render --blank -o DIR       blank forms to fill in by hand
                  wenshu packet CASE -o DIR          the 司法确认 packet, after checking
                                                     the court's rules
                  wenshu dossier CASES -o DIR        the bound 卷宗 (--archive: a package
                                                     that `wenshu verify` checks)
                  wenshu ledger / stats CASES -o DIR the 三册一本 ledgers and the period's
                                                     statistics
                  wenshu due CASES                   what is due or overdue: slips, time
                                                     limits, instalments, visits
                  wenshu serve CASE-FOLDER           the mediator's desk: a local web page
                                                     to enter, check and print cases
                  wenshu fonts [CASES]               the face each official font prints in
                                                     here, and characters none has

                An office profile (office.yaml in the current folder, or --profile FILE) supplies the committees' \
                seals, number series, holidays and subsidy rates. docs/guide.md walks through it all.
                """,
            zhDiscussion: """
                每件纠纷只录入一次，写成YAML、JSON或XML格式的案件文件（见docs/case-format.md和examples/cases/）。然后：

                  wenshu check CASES                 列出每个问题，注明文件、行号和字段
                  wenshu render CASES -o DIR         适用的文书，存为.odt（--to可选其他格式）
                  wenshu render --blank -o DIR       空白文书，供手工填写
                  wenshu packet CASE -o DIR          司法确认申请材料，先按法院的要求检查
                  wenshu dossier CASES -o DIR        装订卷宗（加--archive另出可核验的归档包）
                  wenshu ledger / stats CASES -o DIR 三册一本台账，以及一个时期的统计
                  wenshu due CASES                   到期和逾期事项：交办单、期限、分期款、回访
                  wenshu serve CASE-FOLDER           调解员工作台：在网页上录入、检查、打印案件
                  wenshu fonts [CASES]               公文字体在本机实际用的字形，无字形可印的字

                本单位配置文件（当前文件夹中的office.yaml，或--profile FILE）提供各调委会的印章、编号规则、\
                节假日和以案定补标准。docs/guide.md有完整的使用说明。
                """,
            subcommands: [RenderCommand.self, CheckCommand.self, FormsCommand.self, FontsCommand.self, BenchBindCommand.self,
                          LedgerCommand.self, StatsCommand.self, PacketCommand.self, DossierCommand.self, VerifyCommand.self, DueCommand.self,
                          KeygenCommand.self, ServeCommand.self])
    }

    /// Parses the command line with long lists of paths folded (`LongArgumentLists`), then runs the command.
    /// Usage errors come in the user's language (`UsageErrors`), so `--lang` is read before parsing too.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        MessageLanguage.current = LanguageOptions.named(in: arguments) ?? .fromEnvironment()
        UsageErrors.run(self, LongArgumentLists.fold(LanguageOptions.droppingLanguageForHelp(arguments)))
    }
}
