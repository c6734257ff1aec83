import ArgumentParser
import Foundation
import WenshuAssembly
import WenshuCase
import WenshuDiagnostics
import WenshuRun
import WenshuWriters
import WenshuXML

/// `wenshu due`: the office's worklist — every open obligation of every case as of a day.
struct DueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "due",
        abstract: "List what is due or overdue: slips, time limits, instalments, visits, confirmation windows, dossiers.",
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

              wenshu due examples/cases examples/registers --profile examples/office.yaml --on 2026-06-01
              wenshu due cases --within 7 --fail-on-overdue          (for a daily cron job that mails the list)
              wenshu due cases -o out --to odt                        (the list as a landscape table)

            Exit status: 0 (also when things are overdue, unless --fail-on-overdue: then 1); 1 some case files \
            had errors (the others are listed); 64 usage.
            """)

    @OptionGroup var language: LanguageOptions

    @Argument(help: ArgumentHelp("Case files and work logs, or folders of them.", valueName: "case"))
    var cases: [String] = []

    @Option(help: ArgumentHelp("The day to list as of (YYYY-MM-DD; default: today).", valueName: "date"))
    var on: String?

    @Option(help: ArgumentHelp("Only what is overdue or due within this many days.", valueName: "days"))
    var within: Int?

    @Option(help: ArgumentHelp("Only this committee's cases (its exact name).", valueName: "name"))
    var committee: String?

    @Option(help: ArgumentHelp("Only the cases this mediator took part in (exact name).", valueName: "name"))
    var mediator: String?

    @Option(help: "The list on standard output: text or json.")
    var format: ListFormat = .text

    enum ListFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Flag(help: "Exit with status 1 when anything is overdue.")
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
