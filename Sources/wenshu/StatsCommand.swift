import ArgumentParser
import Foundation
import WenshuAssembly
import WenshuCase
import WenshuCommandLine
import WenshuDiagnostics
import WenshuRun

/// `wenshu stats`: the statistics of a period and the 以案定补 subsidy table.
struct StatsCommand: ParsableCommand {
    /// The examples, the same on both languages' pages.
    private static let examples = """
          wenshu stats examples/cases examples/registers \\
              --profile examples/office.yaml --since 2026-01-01 --until 2026-12-31 \\
              -o out/stats
        """

    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "stats",
            abstract: "Count a period's cases: totals, rates, escalations prevented, breakdowns, and the case subsidy (以案定补).",
            zhAbstract: "统计一个时期的案件：总数、比率、防止纠纷激化、分类，以及以案定补。",
            discussion: """
                Reads cases, registers and work logs as `wenshu ledger` does, counts the cases accepted in the \
                period (--since/--until on the acceptance date, both days included; --committee, --mediator), \
                and writes into OUTPUT:

                  statistics.<ext>  人民调解工作统计表: totals, success and follow-up rates,
                                    written and oral agreements, dossiers, escalations
                                    prevented in 件 and 人, by dispute type, source,
                                    committee level, committee and mediator (one per --to
                                    format)
                  statistics.csv    the same figures as one table for spreadsheets (UTF-8
                                    with BOM, RFC 4180)
                  subsidy.<ext>     人民调解以案定补明细表, when the office profile has
                                    subsidy rates: per mediator, qualifying cases by grade
                                    × rate, and every case that does not qualify with its
                                    reasons
                  subsidy.csv       one row per case, qualifying or not

                Standard output gets a summary (--format text or json). Exit status: 0 done; 1 some inputs had \
                errors (those cases are left out, the rest counted); 64 the command line is wrong.

                Example:

                \(examples)
                """,
            zhDiscussion: """
                像`wenshu ledger`一样读取案件、登记册和工作记录本，统计该时期受理的案件\
                （--since/--until按受理日期，首尾两天都计入；--committee、--mediator），并写\
                入OUTPUT：

                  statistics.<ext>  人民调解工作统计表：总数，调解成功率和回访率，书面和口头协议，卷宗，防止\
                纠纷激化的件数和人数，按纠纷类型、来源、调委会级别、调委会和调解员分列（每种--to格式一个）
                  statistics.csv    同样的数字排成一张表，供电子表格使用\
                （UTF-8带BOM，RFC 4180）
                  subsidy.<ext>     人民调解以案定补明细表，本单位配置文件有补贴标准时写出：按调解员列出合格\
                案件的等级×标准，以及每件不合格的案件及其原因
                  subsidy.csv       每件案件一行，不论是否合格

                标准输出上是汇总（--format text或json）。退出状态：0完成；1有输入文件有错误（这些案件不计入，\
                其余照常统计）；64命令行有误。

                示例：

                \(examples)
                """)
    }

    @OptionGroup var report: ReportOptions

    @Option(help: help("Summary on standard output: text or json.",
                       zh: "标准输出上的汇总：text或json。"))
    var format: SummaryFormat = .text

    enum SummaryFormat: String, EnumArgument {
        case text, json
    }

    func validate() throws { try report.validate() }

    func run() throws {
        let inputs = try ReportInputs.load(report)
        let filter = inputs.filter(report.filter)
        try inputs.checkNames(in: filter)
        let statistics = inputs.office.statistics(filter: filter)
        let keeper = inputs.profile?.name
        if inputs.workLogs == nil {
            FileHandle.standardError.write(Data((CommandWording.noWorkLog.render(in: .current) + "\n").utf8))
        }
        if inputs.committees == nil || inputs.mediators == nil {
            FileHandle.standardError.write(Data((CommandWording.noRegister.render(in: .current, [
                "register": "\(inputs.committees == nil ? "committees" : "mediators")"]) + "\n").utf8))
        }
        let seal = inputs.profile?.seal
        var documents = [statistics.document(keeper: keeper, seal: seal)]
        var subsidy: SubsidyReport?
        if let report = inputs.office.subsidy(filter: filter) {
            subsidy = report
            documents.append(report.document(keeper: keeper, seal: seal))
        } else {
            FileHandle.standardError.write(Data((CommandWording.subsidyNotWritten.render(in: .current) + "\n").utf8))
        }
        var files = try report.files(documents)
        files.append(OutputFile(name: "statistics.csv", data: statistics.csv()))
        if let subsidy { files.append(OutputFile(name: "subsidy.csv", data: subsidy.csv())) }
        let written = try report.place(files, command: "stats")

        let t = statistics.total
        switch format {
        case .text:
            var lines = [
                "受理 \(t.accepted) 件，调解成功 \(t.successful) 件，调解成功率 \(t.successRate.formatted)",
                "书面协议 \(t.written) 件，口头协议 \(t.oral) 件，回访率 \(t.followUpRate.formatted)，立卷归档 \(t.dossiers) 件",
                "防止纠纷激化 \(t.anyEscalation.cases) 件 \(t.anyEscalation.persons) 人",
            ]
            if let s = statistics.screening { lines.append("排查 \(s.rounds) 次，发现纠纷 \(s.found) 件，漏排查 \(s.missed) 次") }
            if let subsidy { lines.append("以案定补 \(subsidy.lines.reduce(0) { $0 + $1.count }) 件 \(subsidy.total.figures)，不予补助 \(subsidy.refused.count) 件") }
            lines.append(CommandWording.wroteFiles.render(in: .current, ["files": .list(written)]))
            print(lines.joined(separator: "\n"))
        case .json:
            print(try Summary(statistics: statistics, subsidy: subsidy, files: written).json())
        }
        if inputs.hasErrors { throw ExitCode.failure }
    }

    /// The totals as JSON: counts as numbers, rates as strings (`"85.7%"`, `null` when the base is 0), money as
    /// decimal strings (never binary floating point).
    struct Summary: Encodable {
        struct Escalation: Encodable { let kind: String; let cases: Int; let persons: Int }
        let since, until: String?
        let accepted, successful, unsuccessful, terminated, pending, written, oral, followedUp, dossiers: Int
        let successRate, followUpRate: String?
        let agreedAmount: String
        let escalations: [Escalation]
        let subsidyTotal: String?
        let subsidyCases, refusedCases: Int?
        let files: [String]

        init(statistics: Statistics, subsidy: SubsidyReport?, files: [String]) {
            let t = statistics.total
            since = statistics.filter.since?.description
            until = statistics.filter.until?.description
            (accepted, successful, unsuccessful, terminated, pending) = (t.accepted, t.successful, t.unsuccessful, t.terminated, t.pending)
            (written, oral, followedUp, dossiers) = (t.written, t.oral, t.followedUp, t.dossiers)
            successRate = t.successRate.tenthsOfPercent == nil ? nil : t.successRate.formatted
            followUpRate = t.followUpRate.tenthsOfPercent == nil ? nil : t.followUpRate.formatted
            agreedAmount = t.agreedAmount.description
            escalations = StatisticsCategories.escalations.map {
                Escalation(kind: $0.kind, cases: t.escalation($0.kind).cases, persons: t.escalation($0.kind).persons)
            }
            subsidyTotal = subsidy?.total.description
            subsidyCases = subsidy?.lines.reduce(0) { $0 + $1.count }
            refusedCases = subsidy?.refused.count
            self.files = files
        }

        func json() throws -> String {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return String(decoding: try encoder.encode(self), as: UTF8.self)
        }
    }
}
