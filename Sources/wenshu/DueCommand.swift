import ArgumentParser
import Foundation
import WenshuAssembly
import WenshuCase
import WenshuCommandLine
import WenshuDiagnostics
import WenshuRun
import WenshuWriters
import WenshuXML

/// `wenshu due`: the office's worklist — every open obligation of every case as of a day.
struct DueCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "due",
            abstract: "List what is due or overdue: slips, time limits, instalments, visits, confirmation windows, dossiers.",
            zhAbstract: "列出到期和逾期的事项：交办单、办理期限、分期履行、回访、司法确认申请期限、卷宗。",
            discussion: """
                Every open obligation of every case as of a day (today unless --on), overdue first, then by date: \
                交办/移交/督办 slips not reported done (and those done late), cases past their time limit (a court's \
                own limit for a case it sent; extensions counted), instalments unpaid, follow-up visits due and \
                不满意 not taken up again, judicial-confirmation windows still open (counted with the profile's \
                holidays, as `packet` counts them), and closed cases whose dossier is not filed. Given a committee's \
                work log (调解工作记录本), also its meeting decisions not done by their day and its screening rounds \
                (排查) against the rhythm of its level (weekly 村(居), half-monthly 乡镇(街道)): the next one due, and \
                each one missed. The time limits come from the profile's `deadlines` (defaults in docs/deadlines.md).

                Anything a case records after the day has not happened yet, so --on gives the list as it stood \
                that day.

                  wenshu due examples/cases examples/registers --on 2026-06-01 \\
                      --profile examples/office.yaml
                  wenshu due cases --within 7 --fail-on-overdue   (a daily cron job's list)
                  wenshu due cases -o out --to odt                (a landscape table)

                Exit status: 0 (also when things are overdue, unless --fail-on-overdue: then 1); 1 some case files \
                had errors (the others are listed); 64 usage.
                """,
            zhDiscussion: """
                截至某一天（不给--on即今天）每件案件所有未了结的事项，逾期的在前，其余按日期排列：没有回复办结的交办/移\
                交/督办单（以及办结逾期的）；超过办理期限的案件（法院委派的案件按法院自己的期限；计入延期）；未付的分期款；到期\
                的回访，以及回访“不满意”后没有再处理的；仍未届满的司法确认申请期限（按配置文件中的节假日计算，\
                与`packet`相同）；已结案但卷宗未归档的案件。给出调委会的调解工作记录本时，还列出到期未办的会议决定，以及\
                按其级别的节奏（村(居)每周、乡镇(街道)每半月）应做的排查：下一次何时到期，以及每一次遗漏。期限取自配置文件中\
                的`deadlines`（默认值见docs/deadlines.md）。

                案件中记录在该日之后的事都还没有发生，所以--on给出的是那一天的清单。

                  wenshu due examples/cases examples/registers --on 2026-06-01 \\
                      --profile examples/office.yaml
                  wenshu due cases --within 7 --fail-on-overdue   （每天运行的定时任务）
                  wenshu due cases -o out --to odt                （清单排成横向表格）

                退出状态：0（有逾期事项时也是0，除非加--fail-on-overdue：此时为1）；1有案件文件有错误（其余\
                照常列出）；64命令行用法错误。
                """)
    }

    @OptionGroup var language: LanguageOptions

    @Argument(help: help("Case files and work logs, or folders of them.",
                         zh: "案件文件和调解工作记录本，或存放它们的文件夹。", valueName: "case"))
    var cases: [String] = []

    @Option(help: help("The day to list as of (YYYY-MM-DD; default: today).",
                       zh: "清单截至的日期（YYYY-MM-DD；默认：今天）。", valueName: "date"))
    var on: String?

    @Option(help: help("Only what is overdue or due within this many days.",
                       zh: "只列已逾期或在这么多天内到期的事项。", valueName: "days"))
    var within: Int?

    @Option(help: help("Only this committee's cases (its exact name).",
                       zh: "只含这个调委会的案件（须给出准确名称）。", valueName: "name"))
    var committee: String?

    @Option(help: help("Only the cases this mediator took part in (exact name).",
                       zh: "只含这位调解员参与的案件（须给出准确姓名）。", valueName: "name"))
    var mediator: String?

    @Option(help: help("The list on standard output: text or json.",
                       zh: "标准输出上的清单：text或json。"))
    var format: ListFormat = .text

    enum ListFormat: String, EnumArgument { case text, json }

    @Flag(help: help("Exit with status 1 when anything is overdue.",
                     zh: "有任何逾期事项时以状态1退出。"))
    var failOnOverdue = false

    @OptionGroup var office: ProfileOptions
    @OptionGroup var out: OutputOptions

    func validate() throws {
        if cases.isEmpty { throw ValidationError(CommandWording.giveCases.render(in: .current)) }
        if let on, CivilDate(iso: on) == nil { throw ValidationError(CommandWording.dateFormat.render(in: .current, ["option": "--on", "text": "\(on)"])) }
        if let within, within < 0 { throw ValidationError(CommandWording.withinFromZero.render(in: .current)) }
        do { _ = try LongArgumentLists.files(cases) } catch { throw ValidationError(error.description) }
    }

    func run() throws {
        let profile = try office.load()
        let day = on.flatMap(CivilDate.init(iso:)) ?? CivilDate.today
        let worklist = Worklist(on: day, settings: profile?.deadlines ?? DeadlineSettings(),
                                calendar: profile?.calendar ?? RestDayCalendar([]))
        let checker = CaseChecker(profile: profile)
        var obligations: [Obligation] = []
        var failed = false
        var committees = Set((profile?.committees ?? []).map(\.name)), mediators: Set<String> = []
        for url in try LongArgumentLists.files(cases) {
            let kind = FileKind(guessingFrom: url)
            guard kind == .caseFile || kind == .worklog else { continue }
            do {
                let file = try CaseLoader.load(url, kind: kind)
                let findings = checker.check(file)
                if findings.hasErrors {
                    findings.filter { $0.severity == .error }.forEach(printError)
                    failed = true
                    continue
                }
                // A case names its committee in committee/name, a work log in committee.
                committees.formUnion(kind == .worklog ? [file.root.value("committee")].compactMap { $0 }
                                                      : file.root.nodes("committee/name").map(\.stringValue))
                mediators.formUnion(file.root.nodes("mediators/mediator/name").map(\.stringValue))
                if kind == .worklog {
                    let level = file.root.value("committee").flatMap { profile?.committee(named: $0)?.level }
                    obligations += worklist.obligations(ofWorkLog: file, level: level)
                } else {
                    obligations += worklist.obligations(of: file)
                }
            } catch {
                printError(error)
                failed = true
            }
        }
        try refuseUnknownNames(committee: committee, mediator: mediator, committees: committees, mediators: mediators)
        obligations = obligations.filter { o in
            (committee.map { o.committee == $0 } ?? true) && (mediator.map { o.mediators.contains($0) } ?? true)
                && (within.map { o.isOverdue(on: day) || o.due.dayNumber - day.dayNumber <= $0 } ?? true)
        }
        let report = WorklistReport(day: day, obligations: worklist.ordered(obligations))
        switch format {
        case .text: print(report.text, terminator: "")
        case .json: print(try report.json())
        }
        if let folder = out.outputFolder {
            let document = report.document(keeper: profile?.name)
            let options = out.writerOptions(defaultPage: .wide)
            let files = try out.writtenFormats.map { format in
                OutputFile(name: "worklist.\(format.fileExtension)", data: try Writers.writer(for: format, options: options).write(document))
            }
            let placed = Runner(RunSettings(output: folder, manifestKey: "due", printing: try out.printing())).run(count: 1) { _ in
                JobOutput(source: folder.path, folder: "", files: files)
            }
            ReportPrinter(summary: .init(CommandWording.wroteFiles)).printFindings(placed)
            if !placed.succeeded { throw ExitCode(1) }
        }
        if failed || (failOnOverdue && !report.overdue.isEmpty) { throw ExitCode(1) }
    }
}
