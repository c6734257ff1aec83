import Foundation
import WenshuCase
import WenshuDiagnostics
import WenshuTemplate

extension CheckReport {
    /// `wenshu check`'s report: each file's own findings (`CheckReport.check`) and what filling each case's
    /// forms finds, as `render` would (`RenderPipeline.formFindings`): a field a form needs that the case
    /// lacks is the error `render` refuses the case for, so `check` fails exactly when `render` would. With
    /// `partial`, the findings are read as `render --partial` reads them (a required field the case lacks
    /// is a warning) and each field such a print leaves blank is a `template.partial-blank` note. A case
    /// with errors of its own is not filled: `render` refuses it before filling.
    package static func check(_ files: [URL], profile: URL?, forms library: TemplateLibrary, partial: Bool = false) -> CheckReport {
        let (report, office) = checkAndLoadProfile(files, profile: profile)
        let own = partial ? RenderPipeline.partial(report.diagnostics) : report.diagnostics
        let refused = Set(own.filter { $0.severity == .error }.map(\.location.file))
        let pipeline = RenderPipeline(library: library, profile: office, settings: .init(formats: [], partial: partial))
        var forms: [String: [Diagnostic]] = [:]
        for url in files where FileKind(guessingFrom: url) == .caseFile && !refused.contains(url.relativePath) {
            guard let file = try? CaseLoader.load(url, kind: .caseFile, displayName: url.relativePath) else { continue }
            forms[url.relativePath] = pipeline.formFindings(for: file)
        }
        // Each file's findings together, in the order the files were given: its own, then its forms'; the
        // profile's first when it is not among the files.
        let names = Set(report.files)
        let byFile = Dictionary(grouping: own, by: \.location.file)
        var findings: [[Diagnostic]] = [own.filter { !names.contains($0.location.file) }]
        for name in report.files { findings.append((byFile[name] ?? []) + (forms[name] ?? [])) }
        return CheckReport(files: report.files, findings: findings)
    }
}
