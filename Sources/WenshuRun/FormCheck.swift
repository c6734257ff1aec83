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
        let report = check(files, profile: profile)
        let own = partial ? RenderPipeline.partial(report.diagnostics) : report.diagnostics
        let refused = Set(own.filter { $0.severity == .error }.map(\.location.file))
        let office = profile.flatMap { OfficeProfile.load($0).profile }
        let pipeline = RenderPipeline(library: library, profile: office, settings: .init(formats: [], partial: partial))
        var findings: [Diagnostic] = []
        for url in files where FileKind(guessingFrom: url) == .caseFile && !refused.contains(url.relativePath) {
            guard let file = try? CaseLoader.load(url, kind: .caseFile, displayName: url.relativePath) else { continue }
            findings += pipeline.formFindings(for: file)
        }
        return CheckReport(files: report.files, findings: [own, findings])
    }
}
