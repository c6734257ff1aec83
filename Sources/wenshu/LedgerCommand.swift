import ArgumentParser
import Foundation
import WenshuAssembly
import WenshuCase
import WenshuCommandLine
import WenshuDiagnostics
import WenshuDocument
import WenshuRun
import WenshuWriters
import WenshuXML

/// `wenshu ledger`: the four books of 三册一本 over a folder of cases and the office's registers.
struct LedgerCommand: ParsableCommand {
    /// The examples, the same on both languages' pages.
    private static let examples = """
          wenshu ledger examples/cases examples/registers \\
              --profile examples/office.yaml --since 2026-01-01 --until 2026-06-30 \\
              -o out/ledger
        """

    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "ledger",
            abstract: "Write the 三册一本 ledgers from a folder of cases and the office's registers.",
            zhAbstract: "由一文件夹的案件和本单位的登记册写出三册一本台账。",
            discussion: """
                The four books: 矛盾纠纷排查调处登记册 (dispute-register: one row per case, by case number), \
                调解组织登记册 (committee-register, from committees.*), 调解人员登记册 (mediator-register, from \
                mediators.*) and 调解工作记录本 (work-log, from worklog.*), each a table on landscape pages.

                Among the FILEs and folders, files named committees.*, mediators.* and worklog.* are read as the \
                registers and the work log, office.* as the office profile; every other file is a case. Each case \
                is checked first: a case with errors is left out and its errors are printed (exit status 1); the \
                other books are still written.

                --since and --until filter on the acceptance date (受理日期), both days included; --committee and \
                --mediator take exact names.

                Files go to OUTPUT/<book>.<ext> (dispute-register.odt, …), one per --to format.

                Example:

                \(examples)
                """,
            zhDiscussion: """
                四本台账：矛盾纠纷排查调处登记册（dispute-register：每件案件一行，按案号排列）、调解组织登记册\
                （committee-register，来自committees.*）、调解人员登记册\
                （mediator-register，来自mediators.*）和调解工作记录本（work-log，来\
                自worklog.*），每本都是横向页面上的表格。

                在给出的FILE和文件夹中，名为committees.*、mediators.*和worklog.*的文件作为登\
                记册和工作记录本读取，office.*作为本单位配置文件；其余文件都是案件。每件案件先检查：有错误的案件不计入，\
                并打印其错误（退出状态1）；其他台账照样写出。

                --since和--until按受理日期筛选，首尾两天都计入；--committee和--mediator须给出\
                准确名称。

                文件写到OUTPUT/<台账>.<ext>（dispute-register.odt……），每种--to格式一\
                个。

                示例：

                \(examples)
                """)
    }

    enum Book: String, EnumArgument {
        case disputes = "dispute-register"
        case committees = "committee-register"
        case mediators = "mediator-register"
        case workLog = "work-log"
    }

    @OptionGroup var report: ReportOptions

    @Option(name: .customLong("book"), help: help("Which book to write (repeatable; default: every book whose data is given).",
                                                  zh: "要写出的台账（可重复给出；默认：有数据的每本台账）。",
                                                  valueName: Book.allCases.map(\.rawValue).joined(separator: "|")))
    var books: [Book] = []

    func validate() throws { try report.validate() }

    func run() throws {
        let inputs = try ReportInputs.load(report)
        // A book asked for by name needs its register among the inputs or named by its option.
        for book in books where book != .disputes && !inputs.named(book) {
            throw ValidationError(CommandWording.bookNeedsRegister.render(in: .current, ["book": "\(book.rawValue)", "register": "\(book.register ?? "")"]))
        }
        let filter = inputs.filter(report.filter)
        try inputs.checkNames(in: filter)
        let ledger = LedgerBooks(filter: filter, keeper: inputs.profile?.name)
        var documents: [Document] = []
        for book in books.isEmpty ? Book.allCases : books {
            switch book {
            case .disputes: documents.append(ledger.disputeRegister(inputs.cases))
            case .committees: inputs.committees.map { documents.append(ledger.committeeRegister($0)) }
            case .mediators: inputs.mediators.map { documents.append(ledger.mediatorRegister($0)) }
            case .workLog: inputs.workLogs.map { documents.append(ledger.workLog($0)) }
            }
            if !inputs.has(book) {
                FileHandle.standardError.write(Data((CommandWording.bookNotWritten.render(in: .current, [
                    "book": "\(book.rawValue)", "register": "\(book.register ?? "")"]) + "\n").utf8))
            }
        }
        let chosen = Set((books.isEmpty ? Book.allCases : books).map(\.rawValue))
        let written = try report.place(try report.files(documents), command: "ledger") { chosen.contains(($0 as NSString).deletingPathExtension) }
        print(CommandWording.ledgerSummary.render(in: .current, [
            "cases": .count(inputs.cases.count, CommandWording.case), "files": .list(written)]))
        if inputs.hasErrors { throw ExitCode.failure }
    }
}

extension LedgerCommand.Book {
    /// The register or log the book is made from (the cases for the dispute register).
    var register: String? {
        switch self {
        case .disputes: return nil
        case .committees: return "committees.yaml"
        case .mediators: return "mediators.yaml"
        case .workLog: return "worklog.yaml"
        }
    }
}

/// What `ledger` and `stats` share: the inputs, the filter, the output folder and formats.
struct ReportOptions: ParsableArguments {
    @Argument(help: help("Case files, registers and work logs, or folders of them.",
                         zh: "案件文件、登记册和调解工作记录本，或存放它们的文件夹。", valueName: "file-or-folder"))
    var paths: [String]

    @Option(help: help("The office profile (office name, committees, subsidy rates). Default: office.yaml in the current folder, if there is one.",
                       zh: "本单位配置文件（单位名称、调委会、以案定补标准）。默认：当前文件夹中的office.yaml（如有）。",
                       valueName: "file"))
    var profile: String?

    @Option(help: help("The register of committees (default: a committees.* file among the inputs).",
                       zh: "调解组织登记册（默认：输入中的committees.*文件）。", valueName: "file"))
    var committees: String?

    @Option(help: help("The register of mediators (default: a mediators.* file among the inputs).",
                       zh: "调解人员登记册（默认：输入中的mediators.*文件）。", valueName: "file"))
    var mediators: String?

    @Option(name: .customLong("worklog"), help: help("A committee's work log (repeatable; default: worklog.* files among the inputs).",
                                                     zh: "调委会的调解工作记录本（可重复给出；默认：输入中的worklog.*文件）。",
                                                     valueName: "file"))
    var workLogs: [String] = []

    @Option(help: help("First acceptance date included (YYYY-MM-DD).",
                       zh: "计入的第一个受理日期（YYYY-MM-DD）。", valueName: "date"))
    var since: String?

    @Option(help: help("Last acceptance date included (YYYY-MM-DD).",
                       zh: "计入的最后一个受理日期（YYYY-MM-DD）。", valueName: "date"))
    var until: String?

    @Option(help: help("Only this committee's cases (its exact name).",
                       zh: "只含这个调委会的案件（须给出准确名称）。", valueName: "name"))
    var committee: String?

    @Option(help: help("Only the cases this mediator took part in (exact name).",
                       zh: "只含这位调解员参与的案件（须给出准确姓名）。", valueName: "name"))
    var mediator: String?

    @OptionGroup var out: OutputOptions
    @OptionGroup var language: LanguageOptions

    func validate() throws {
        if out.output == nil { throw ValidationError(CommandWording.giveOutputFolder.render(in: .current)) }
        for path in [profile, committees, mediators].compactMap({ $0 }) + workLogs where !FileManager.default.fileExists(atPath: path) {
            throw ValidationError(CommandWording.noSuchFile.render(in: .current, ["path": "\(path)"]))
        }
        for (name, text) in [("--since", since), ("--until", until)] {
            if let text, CivilDate(iso: text) == nil {
                throw ValidationError(CommandWording.dateFormat.render(in: .current, ["option": "\(name)", "text": "\(text)"]))
            }
        }
        if let s = since.flatMap(CivilDate.init(iso:)), let u = until.flatMap(CivilDate.init(iso:)), u < s {
            throw ValidationError(CommandWording.untilBeforeSince.render(in: .current, ["until": "\(u)", "since": "\(s)"]))
        }
    }

    var filter: LedgerFilter {
        LedgerFilter(since: since.flatMap(CivilDate.init(iso:)), until: until.flatMap(CivilDate.init(iso:)),
                     committee: committee, mediator: mediator)
    }

    /// Each document in each format, as `<form-id>.<ext>`.
    func files(_ documents: [Document]) throws -> [OutputFile] {
        let options = out.writerOptions(defaultPage: .wide)
        return try documents.flatMap { document in
            try out.writtenFormats.map { format in
                OutputFile(name: OutputLayout.safeName(document.metadata.formID) + "." + format.fileExtension,
                           data: try Writers.writer(for: format, options: options).write(document))
            }
        }
    }

    /// Places `files` in OUTPUT as one job, all or nothing (the runner's staging and placement); prints the
    /// findings, and stops the command when nothing could be written. Returns the files' names.
    func place(_ files: [OutputFile], command: String, claims: @escaping @Sendable (String) -> Bool = { _ in true }) throws -> [String] {
        let report = Runner(RunSettings(output: out.outputFolder!, manifestKey: command, claims: claims,
                                        printing: try out.printing())).run(count: 1) { _ in
            JobOutput(source: out.outputFolder!.path, folder: "", files: files)
        }
        ReportPrinter(summary: .init(CommandWording.wroteFiles)).printFindings(report)
        guard report.succeeded else { throw ExitCode.failure }
        return report.jobs.flatMap(\.fileNames)
    }
}


/// The cases' facts, the profile, registers and work logs named by a `ReportOptions`, loaded and checked;
/// every finding is printed on standard error as `wenshu check` prints it.
/// The command line's side of `OfficeReportInputs`: which files are which, the findings printed as `check`
/// prints them, and what `ledger` asks of the registers given.
struct ReportInputs {
    var office: OfficeReportInputs
    var cases: [CaseFacts] { office.cases }
    var profile: OfficeProfile? { office.profile }
    var committees: [CommitteeRecord]? { office.committees }
    var mediators: [MediatorRecord]? { office.mediators }
    var workLogs: [WorkLog]? { office.workLogs }
    /// Some input had errors (the rest was still used).
    var hasErrors: Bool
    /// The register files given (by option or among the inputs), loaded or not.
    var given: Set<FileKind> = []

    static func load(_ options: ReportOptions) throws -> ReportInputs {
        // Files are told apart by name, as `wenshu check` does: office.*, committees.*, mediators.*, worklog.*.
        let all = try CommandInputs.files(options.paths)
        func named(_ kind: FileKind) -> [URL] { all.filter { FileKind(guessingFrom: $0) == kind } }
        let profilePath = InputFiles.profile(given: options.profile, among: all)
        let committeePath = options.committees.map { URL(fileURLWithPath: $0) } ?? named(.committees).first
        let mediatorPath = options.mediators.map { URL(fileURLWithPath: $0) } ?? named(.mediators).first
        let logPaths = options.workLogs.isEmpty ? named(.worklog) : options.workLogs.map { URL(fileURLWithPath: $0) }

        var findings: [Diagnostic] = []
        var profile: OfficeProfile?
        if let profilePath {
            let (loaded, diagnostics) = OfficeProfile.load(profilePath, displayName: profilePath.relativePath)
            profile = loaded
            findings += diagnostics
        }
        let office = try OfficeReportInputs.load(caseFiles: named(.caseFile), profile: profile, committees: committeePath,
                                                 mediators: mediatorPath, workLogs: logPaths)
        findings += office.diagnostics
        // Errors and warnings, as `wenshu check` prints them; notes (such as the judicial-confirmation window
        // counted without holidays) do not concern ledgers and statistics.
        for finding in findings where finding.severity != .note {
            FileHandle.standardError.write(Data((finding.description + "\n").utf8))
        }
        var given: Set<FileKind> = []
        if committeePath != nil { given.insert(.committees) }
        if mediatorPath != nil { given.insert(.mediators) }
        if !logPaths.isEmpty { given.insert(.worklog) }
        return ReportInputs(office: office, hasErrors: findings.hasErrors, given: given)
    }

    /// The command line's filter, narrowed to the office's own committees; each case of another committee
    /// that the period includes is named on standard error.
    func filter(_ given: LedgerFilter) -> LedgerFilter {
        let (filter, warnings) = office.narrowed(given)
        warnings.forEach(printError)
        return filter
    }

    /// `--committee` and `--mediator` name someone the cases or registers know; a misspelt name is an error
    /// naming the nearest known names (it would otherwise give an all-zero report).
    func checkNames(in filter: LedgerFilter) throws {
        try refuseUnknownNames(committee: filter.committee, mediator: filter.mediator,
                               committees: Set(cases.map(\.committee) + (self.committees ?? []).map(\.name)),
                               mediators: Set(cases.flatMap { $0.mediators.map(\.name) } + (self.mediators ?? []).map(\.name)))
    }

    /// The register `book` is made from was given (loaded or not).
    func named(_ book: LedgerCommand.Book) -> Bool {
        switch book {
        case .disputes: return true
        case .committees: return given.contains(.committees)
        case .mediators: return given.contains(.mediators)
        case .workLog: return given.contains(.worklog)
        }
    }

    /// The data `book` is made from was given (and loaded without errors).
    func has(_ book: LedgerCommand.Book) -> Bool {
        switch book {
        case .disputes: return true
        case .committees: return committees != nil
        case .mediators: return mediators != nil
        case .workLog: return workLogs != nil
        }
    }
}

/// `--committee` and `--mediator` (of `ledger`, `stats` and `due`) name someone the inputs know: a misspelt
/// name is an error naming the nearest known ones (it would otherwise give an empty list or an all-zero
/// report). Prints the findings and stops the command.
func refuseUnknownNames(committee: String?, mediator: String?, committees: Set<String>, mediators: Set<String>) throws {
    var unknown: [Diagnostic] = []
    for (option, name, known, id) in [("--committee", committee, committees, LedgerID.unknownCommittee),
                                      ("--mediator", mediator, mediators, LedgerID.unknownMediator)] {
        guard let name, !known.contains(name) else { continue }
        let near = nearest(3, to: name, among: known)
        unknown.append(Diagnostic(id, at: SourceLocation(file: option), subject: nil, [
            "name": "\(name)",
            "nearest": near.isEmpty ? "" : .phrase(LedgerWording.nearestKnown, ["names": .list(near)])]))
    }
    unknown.forEach(printError)
    if !unknown.isEmpty { throw ExitCode.failure }
}
