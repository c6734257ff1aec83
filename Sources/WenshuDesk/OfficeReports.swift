import Foundation
import WenshuAssembly
import WenshuCase
import WenshuDiagnostics
import WenshuDocument
import WenshuWriters

/// The office's books and statistics for a period (三册一本, 人民调解工作统计表, 以案定补明细表), from the
/// folder's cases and the registers beside them (committees.*, mediators.*, worklog.*), made by the same
/// library calls as `wenshu ledger` and `wenshu stats`: a file downloaded here is the one the commands write.
package struct OfficeReports: Sendable {
    package let folder: CaseFolder
    /// The commands' default for reports: wide text pages (132 × 66), UTF-8.
    package let options = WriterOptions(textColumns: 132, textLines: 66)

    package init(folder: CaseFolder) { self.folder = folder }

    /// One report of the period: its file stem (as the commands name it), its title, and its bytes in a format.
    package struct Report: Sendable {
        package var stem: String
        package var title: String
        package var document: Document
        /// The same figures as a table for spreadsheets (statistics and subsidy only).
        package var csv: Data?
    }

    /// The period's reports, in the commands' order, and the findings of the inputs (cases with errors are
    /// left out of the counts, as the commands leave them out).
    package func reports(filter given: LedgerFilter) -> (reports: [Report], diagnostics: [Diagnostic]) {
        let root = folder.root
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).sorted()
        let urls = names.filter { !$0.hasPrefix(".") && !$0.hasSuffix("~") }.map { root.appendingPathComponent($0, isDirectory: false) }
        func register(_ kind: FileKind) -> [URL] { urls.filter { FileKind(guessingFrom: $0) == kind && folder.resolve($0.lastPathComponent) == nil } }
        let caseNames = folder.caseFileNames()
        let inputs: OfficeReportInputs
        do {
            inputs = try OfficeReportInputs.load(caseFiles: caseNames.map { root.appendingPathComponent($0, isDirectory: false) },
                                                 caseNames: caseNames, profile: folder.profile,
                                                 committees: register(.committees).first, mediators: register(.mediators).first,
                                                 workLogs: register(.worklog), displayName: { $0.lastPathComponent })
        } catch {
            return ([], (error as? Diagnostic).map { [$0] } ?? [])
        }
        let (filter, warnings) = inputs.narrowed(given)
        let diagnostics = inputs.diagnostics + warnings
        let keeper = inputs.profile?.name, seal = inputs.profile?.seal
        let books = LedgerBooks(filter: filter, keeper: keeper)
        var reports = [Report(stem: "dispute-register", title: "矛盾纠纷排查调处登记册", document: books.disputeRegister(inputs.cases))]
        if let committees = inputs.committees { reports.append(Report(stem: "committee-register", title: "调解组织登记册", document: books.committeeRegister(committees))) }
        if let mediators = inputs.mediators { reports.append(Report(stem: "mediator-register", title: "调解人员登记册", document: books.mediatorRegister(mediators))) }
        if let workLogs = inputs.workLogs { reports.append(Report(stem: "work-log", title: "调解工作记录本", document: books.workLog(workLogs))) }
        let statistics = inputs.statistics(filter: filter)
        reports.append(Report(stem: "statistics", title: "人民调解工作统计表", document: statistics.document(keeper: keeper, seal: seal), csv: statistics.csv()))
        if let subsidy = inputs.subsidy(filter: filter) {
            reports.append(Report(stem: "subsidy", title: "人民调解以案定补明细表", document: subsidy.document(keeper: keeper, seal: seal), csv: subsidy.csv()))
        }
        return (reports, diagnostics)
    }

    /// A report's file: `odt`, `fodt`, `txt`, `csv` (statistics and subsidy), or `pdf` through `pdfConverter`.
    package func file(_ report: Report, format: String, pdfConverter: (@Sendable (Data) throws -> Data)?) throws -> Data? {
        if format == "csv" { return report.csv }
        if format == "pdf" {
            guard let pdfConverter else { return nil }
            return try pdfConverter(try Writers.writer(for: .odt, options: options).write(report.document))
        }
        guard let output = OutputFormat(rawValue: format) else { return nil }
        return try Writers.writer(for: output, options: options).write(report.document)
    }

    /// The period the page asks for: `since` and `until` as typed (YYYY-MM-DD, either may be empty); nil with
    /// the reason when a date is not a date or the period ends before it starts.
    package static func filter(since: String, until: String) -> Result<LedgerFilter, Diagnostic> {
        var dates: [CivilDate?] = []
        for (option, text) in [("since", since), ("until", until)] {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { dates.append(nil); continue }
            guard let date = CivilDate(iso: trimmed) else {
                return .failure(Diagnostic(DeskID.badPeriod, at: SourceLocation(file: option), ["text": "\(trimmed)"]))
            }
            dates.append(date)
        }
        if let s = dates[0], let u = dates[1], u < s {
            return .failure(Diagnostic(DeskID.badPeriod, at: SourceLocation(file: "until"), ["text": "\(u) < \(s)"]))
        }
        return .success(LedgerFilter(since: dates[0], until: dates[1]))
    }
}
