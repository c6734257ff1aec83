import Foundation
import WenshuXML

/// The one printer of a run's report, for every command: in text, each finding on standard error
/// (`file:line:column: severity: message [id]`), the files written on standard output when asked, and one
/// summary line (`3 cases: 2 rendered (12 files in out), 1 failed`); in JSON, the whole report on standard
/// output.
package struct ReportPrinter: Sendable {
    package enum Format: String, Sendable, CaseIterable {
        case text, json
    }

    /// The summary line: a phrase with `{jobs}`, `{done}`, `{written}`, `{folder}` and `{failed}`
    /// (`CommandWording.renderSummary` …), what a job is (`case`) and what a job done is (`dossier`; `nil`:
    /// a bare number).
    package struct Summary: Sendable {
        package var phrase: Phrase
        package var job: CountedNoun
        package var done: CountedNoun?

        package init(_ phrase: Phrase, job: CountedNoun = CommandWording.case, done: CountedNoun? = nil) {
            self.phrase = phrase
            self.job = job
            self.done = done
        }
    }

    package var summary: Summary
    /// Print each file written on standard output (for scripts that take the paths).
    package var listsFiles: Bool

    package init(summary: Summary, listsFiles: Bool = false) {
        self.summary = summary
        self.listsFiles = listsFiles
    }

    /// Prints `report`.
    package func print(_ report: RunReport, format: Format) {
        switch format {
        case .text:
            printFindings(report)
            if listsFiles { for file in report.jobs.flatMap(\.files) { Swift.print(file.path) } }
            standardError(summary(report) + "\n")
        case .json:
            Swift.print(json(report))
        }
    }

    /// The run's findings and each job's (notes left out) on standard error, one line each; those `--force`
    /// overrode are marked.
    package func printFindings(_ report: RunReport) {
        var errors = ""
        for diagnostic in report.diagnostics { errors += diagnostic.description + "\n" }
        for job in report.jobs {
            for diagnostic in job.diagnostics where diagnostic.severity != .note {
                errors += diagnostic.description + (job.overridden.contains(diagnostic) ? " (overridden by --force)" : "") + "\n"
            }
        }
        standardError(errors)
    }

    /// `1 case: 1 dossier bound (3 files in out), 0 refused`; a run refused as a whole says why instead.
    package func summary(_ report: RunReport) -> String {
        let jobs = DiagnosticArgument.count(report.jobs.count, summary.job)
        if report.diagnostics.hasErrors { return CommandWording.nothingWritten.render(in: .current, ["jobs": jobs]) }
        let succeeded = report.jobs.count - report.failed
        return summary.phrase.render(in: .current, [
            "jobs": jobs, "done": summary.done.map { .count(succeeded, $0) } ?? "\(succeeded)",
            "written": .count(report.filesWritten, CommandWording.file), "folder": "\(report.output.path)",
            "failed": "\(report.failed)"])
    }

    /// `{"cases": [{"source", "caseNumber", "refused", "files", "findings"}], "diagnostics": [...]}`, keys sorted.
    package func json(_ report: RunReport) -> String {
        struct Finding: Encodable {
            let id, severity, file, message: String
            let line, column: Int
            let subject: String?
            let overridden: Bool
        }
        struct Job: Encodable {
            let source: String
            let caseNumber: String?
            let refused: Bool
            let files: [String]
            let findings: [Finding]
        }
        struct Output: Encodable {
            let cases: [Job]
            let diagnostics: [Finding]
        }
        func finding(_ d: Diagnostic, overridden: [Diagnostic] = []) -> Finding {
            Finding(id: d.id, severity: d.severity.rawValue, file: d.location.file, message: d.message,
                    line: d.location.line, column: d.location.column, subject: d.subject, overridden: overridden.contains(d))
        }
        let output = Output(
            cases: report.jobs.map { job in
                Job(source: job.source, caseNumber: job.caseNumber, refused: !job.succeeded, files: job.files.map(\.path),
                    findings: job.diagnostics.map { finding($0, overridden: job.overridden) })
            },
            diagnostics: report.diagnostics.map { finding($0) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(output)) ?? Data(), as: UTF8.self)
    }

    private func standardError(_ text: String) {
        guard !text.isEmpty else { return }
        FileHandle.standardError.write(Data(text.utf8))
    }
}
