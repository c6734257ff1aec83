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
        checkAndLoadProfile(files, profile: profile).report
    }

    /// `check(_:profile:)`, with the office profile it loaded (nil when none was given or it has errors),
    /// for a caller that goes on to fill forms with it.
    package static func checkAndLoadProfile(_ files: [URL], profile: URL?) -> (report: CheckReport, profile: OfficeProfile?) {
        var names: [String] = []
        var findings: [[Diagnostic]] = []
        var officeProfile: OfficeProfile?
        var profileFailedToLoad = false
        var files = files
        if let profile {
            let (loaded, diagnostics) = OfficeProfile.load(profile, displayName: profile.relativePath)
            officeProfile = loaded
            profileFailedToLoad = loaded == nil
            findings.append(diagnostics)
            if let index = files.firstIndex(where: { $0.standardizedFileURL.path == profile.standardizedFileURL.path }) {
                names.append(files.remove(at: index).relativePath)
            }
        }
        let displayNames = files.map(\.relativePath)
        names += displayNames
        findings += CaseChecker(profile: officeProfile, profileFailedToLoad: profileFailedToLoad).check(files: files, displayNames: displayNames)
        return (CheckReport(files: names, findings: findings), officeProfile)
    }

    public var errors: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warnings: Int { diagnostics.filter { $0.severity == .warning }.count }
    public var notes: Int { diagnostics.filter { $0.severity == .note }.count }

    /// `3 files checked: 2 errors, 1 warning` (检查了3个文件：2个错误，1个警告).
    public var summary: String {
        CommandWording.checkSummary.render(in: .current, [
            "files": .count(files.count, CommandWording.file), "errors": .count(errors, CommandWording.error),
            "warnings": .count(warnings, CommandWording.warning),
            "notes": notes > 0 ? .phrase(CommandWording.andNotes, ["notes": .count(notes, CommandWording.note)]) : "",
        ])
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
            let libxml2: LibXML2Code?
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
                        line: $0.location.line, column: $0.location.column, subject: $0.subject, libxml2: $0.libxml2)
            },
            errors: errors, warnings: warnings, notes: notes)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(output)) ?? Data(), as: UTF8.self)
    }
}
