import ArgumentParser
import Foundation
import WenshuAssembly
import WenshuCase
import WenshuDiagnostics
import WenshuRun

/// `wenshu stats`: the statistics of a period and the 以案定补 subsidy table.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Count a period's cases: totals, rates, escalations prevented, breakdowns, and the case subsidy (以案定补).",
        discussion: """
            Reads cases, registers and work logs as `wenshu ledger` does, counts the cases accepted in the \
            period (--since/--until on the acceptance date, both days included; --committee, --mediator), \
            and writes into OUTPUT:

              statistics.<ext>  人民调解工作统计表: totals, success and follow-up rates, written and oral \
            agreements, dossiers, escalations prevented in 件 and 人, by dispute type, source, committee level, \
            committee and mediator (one per --to format)
              statistics.csv    the same figures as one table for spreadsheets (UTF-8 with BOM, RFC 4180)
              subsidy.<ext>     人民调解以案定补明细表, when the office profile has subsidy rates: per mediator, \
            qualifying cases by grade × rate, and every case that does not qualify with its reasons
              subsidy.csv       one row per case, qualifying or not

            Standard output gets a summary (--format text or json). Exit status: 0 done; 1 some inputs had \
            errors (those cases are left out, the rest counted); 64 the command line is wrong.

            Example: wenshu stats examples/cases examples/registers --profile examples/office.yaml \
            --since 2026-01-01 --until 2026-12-31 -o out/stats
            """)

    @OptionGroup var report: ReportOptions

    @Option(help: "Summary on standard output: text or json.")
    var format: SummaryFormat = .text

    enum SummaryFormat: String, ExpressibleByArgument, CaseIterable {
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
