import Foundation
import WenshuXML

/// The outcome of checking a batch of files, as `wenshu check` prints it: every file's findings in the
/// order the files were given, then the counts.
public struct CheckReport: Sendable {
    /// The files checked, as named in the findings (the profile counts only when it was among them).
    public let files: [String]
    public let diagnostics: [Diagnostic]

    public init(files: [String], findings: [[Diagnostic]]) {
        self.files = files
        diagnostics = findings.flatMap { $0 }
    }

    /// Checks `files` (on all cores) with the office profile at `profile`, whose own findings come first.
    /// A profile with errors is reported and the cases are checked without it. Locations name each file
    /// by its `relativePath`, as the command line gave it.
    /// The profile is checked once, as the profile, even when it is also among `files` (office.yaml in
    /// the current folder, the default profile); it counts as a checked file only then.
    public static func check(_ files: [URL], profile: URL?) -> CheckReport {
        var names: [String] = []
        var findings: [[Diagnostic]] = []
        var officeProfile: OfficeProfile?
        var files = files
        if let profile {
            let (loaded, diagnostics) = OfficeProfile.load(profile, displayName: profile.relativePath)
            officeProfile = loaded
            findings.append(diagnostics)
            if let index = files.firstIndex(where: { $0.standardizedFileURL.path == profile.standardizedFileURL.path }) {
                names.append(files.remove(at: index).relativePath)
            }
        }
        let displayNames = files.map(\.relativePath)
        names += displayNames
        findings += CaseChecker(profile: officeProfile).check(files: files, displayNames: displayNames)
        return CheckReport(files: names, findings: findings)
    }

    public var errors: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warnings: Int { diagnostics.filter { $0.severity == .warning }.count }
    public var notes: Int { diagnostics.filter { $0.severity == .note }.count }

    /// `3 files checked: 2 errors, 1 warning`.
    public var summary: String {
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        var line = "\(count(files.count, "file")) checked: \(count(errors, "error")), \(count(warnings, "warning"))"
        if notes > 0 { line += ", \(count(notes, "note"))" }
        return line
    }

    /// One line per finding, then the summary line.
    public var text: String {
        diagnostics.map { $0.description + "\n" }.joined() + summary + "\n"
    }

    /// `{"diagnostics": [...], "errors": n, "files": [...], "notes": n, "warnings": n}`, keys sorted.
    public var json: String {
        struct Finding: Encodable {
            let id, severity, file, message: String
            let line, column: Int
            let subject: String?
        }
        struct Output: Encodable {
            let files: [String]
            let diagnostics: [Finding]
            let errors, warnings, notes: Int
        }
        let output = Output(
            files: files,
            diagnostics: diagnostics.map {
                Finding(id: $0.id, severity: $0.severity.rawValue, file: $0.location.file, message: $0.message,
                        line: $0.location.line, column: $0.location.column, subject: $0.subject)
            },
            errors: errors, warnings: warnings, notes: notes)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(output)) ?? Data(), as: UTF8.self)
    }
}
