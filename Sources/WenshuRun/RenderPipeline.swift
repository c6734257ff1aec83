import Foundation
import WenshuCase
import WenshuDocument
import WenshuTemplate
import WenshuWriters
import WenshuXML

/// The main job, one case at a time: load → check → bind each form → write each format.
///
/// Immutable and shareable: one pipeline serves every thread of a batch (templates are compiled once;
/// each run makes its own XPath context and documents).
public struct RenderPipeline: Sendable {
    /// Which forms to fill and in which formats.
    public struct Settings: Sendable {
        /// Form ids; empty means every form that applies to the case (`--form all`).
        public var forms: [String]
        public var formats: [OutputFormat]
        public var writerOptions: WriterOptions
        /// `render --partial`: what the case lacks, required or not, prints as the form's blank (noted as
        /// `template.partial-blank`); a required case field it lacks is a warning, not a refusal.
        public var partial: Bool

        public init(forms: [String] = [], formats: [OutputFormat] = [.odt], writerOptions: WriterOptions = WriterOptions(),
                    partial: Bool = false) {
            self.forms = forms
            self.formats = formats
            self.writerOptions = writerOptions
            self.partial = partial
        }
    }

    /// One file's bytes and where it goes below the output folder: `<form-id>[-n].<ext>`.
    public struct RenderedFile: Sendable, Equatable {
        public var name: String
        public var data: Data
    }

    /// What one case gave: its number (the output folder's name comes from it), its files, its findings.
    public struct CaseResult: Sendable {
        public var source: String
        public var caseNumber: String?
        public var files: [RenderedFile]
        public var diagnostics: [Diagnostic]
        /// False when an error stopped the case: then `files` is empty.
        public var succeeded: Bool { !diagnostics.hasErrors }
    }

    public let library: TemplateLibrary
    public let profile: OfficeProfile?
    public let settings: Settings
    let writers: [(OutputFormat, any DocumentWriter)]

    public init(library: TemplateLibrary, profile: OfficeProfile?, settings: Settings) {
        self.library = library
        self.profile = profile
        self.settings = settings
        writers = OutputFormat.formatsWritten(for: settings.formats).map { ($0, Writers.writer(for: $0, options: settings.writerOptions)) }
    }

    /// Loads, checks and renders one case file. A case with errors (schema, ID check digits, dates …) or a
    /// form that cannot be filled gives no files at all: nothing half-done reaches paper.
    public func render(caseAt url: URL, displayName: String? = nil) -> CaseResult {
        let name = displayName ?? url.relativePath
        let file: CaseFile
        // A committee's work log (worklog.yaml) renders too: its forms (联席会议纪要) read the log.
        let kind: FileKind = FileKind(guessingFrom: url) == .worklog ? .worklog : .caseFile
        do {
            file = try CaseLoader.load(url, kind: kind, displayName: name)
        } catch {
            return CaseResult(source: name, caseNumber: nil, files: [], diagnostics: [error])
        }
        var diagnostics = CaseChecker(profile: profile).check(file)
        if settings.partial { diagnostics = Self.partial(diagnostics) }
        // A work log has no number: its papers go under the committee's name and the book's.
        let number = kind == .worklog ? file.root.element(named: "committee").map { $0.stringValue + "调解工作记录本" }
            : file.root.element(named: "number")?.stringValue
        guard !diagnostics.hasErrors else {
            return CaseResult(source: name, caseNumber: number, files: [], diagnostics: diagnostics)
        }
        let (documents, formDiagnostics) = documents(for: file.document)
        diagnostics += formDiagnostics.map { Self.locatedInCase($0, file) }
        guard !diagnostics.hasErrors else {
            return CaseResult(source: name, caseNumber: number, files: [], diagnostics: diagnostics)
        }
        do {
            return CaseResult(source: name, caseNumber: number, files: try write(documents), diagnostics: diagnostics)
        } catch {
            diagnostics.append(Diagnostic(RenderID.writeFailed, at: SourceLocation(file: name), ["detail": "\(error)"]))
            return CaseResult(source: name, caseNumber: number, files: [], diagnostics: diagnostics)
        }
    }

    /// What filling the case's forms finds beyond `CaseChecker`, as `render(caseAt:)` reports it: every error a
    /// form refuses the case for (a field it needs that the case lacks, `template.missing-field`, placed at
    /// the case's line; a value a function cannot print) and, for a partial print, every field left blank
    /// (`template.partial-blank`).
    /// `check` adds these to its own findings, so that it fails exactly when `render` would.
    package func formFindings(for file: CaseFile) -> [Diagnostic] {
        documents(for: file.document).diagnostics.map { Self.locatedInCase($0, file) }
    }

    /// A finding about a case field the case lacks (`parties/party[2]/address`), placed in the case file at
    /// the nearest element of that path the case has (the second party) rather than at the template line
    /// that asked for it: the mediator fixes the case, not the template.
    private static func locatedInCase(_ finding: Diagnostic, _ file: CaseFile) -> Diagnostic {
        guard finding.id == TemplateID.missingField.entry.id || finding.id == TemplateID.partialBlank.entry.id,
              let subject = finding.subject, !subject.hasPrefix("/"), !subject.hasPrefix("$") else { return finding }
        var finding = finding
        finding.location = SourceLocation(file: file.name)
        let context = XPathContext(document: file.document)
        var steps = subject.split(separator: "/")
        while !steps.isEmpty {
            let path = "/" + file.root.name + "/" + steps.joined(separator: "/")
            if let node = (try? context.evaluate(path))?.nodes.first {
                finding.location = file.location(of: node)
                break
            }
            steps.removeLast()
        }
        let field = ListNaming.fieldPath(fromXPath: subject)  // as `check` names fields: parties[2].address
        finding.subject = field
        finding.arguments["field"] = "\(field)"
        return finding
    }

    /// The case's findings as a partial print reads them: a required field the case lacks is a warning
    /// (the form prints its blank), not an error.
    public static func partial(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.map { finding in
            var finding = finding
            if InputID.missingField.ids.contains(finding.id) { finding.severity = .warning }
            return finding
        }
    }

    /// `render(caseAt:)` as a job of a run: the case's files go to its folder.
    public func job(caseAt url: URL, displayName: String? = nil) -> JobOutput {
        let result = render(caseAt: url, displayName: displayName)
        return JobOutput(source: result.source, caseNumber: result.caseNumber,
                         files: result.files.map { OutputFile(name: $0.name, data: $0.data) }, diagnostics: result.diagnostics)
    }

    /// The blank forms as one job, into `DIR/blank/`.
    public func blankJob() -> JobOutput {
        do {
            return JobOutput(source: "blank", folder: OutputLayout.blankFolder,
                             files: try blankForms().map { OutputFile(name: $0.name, data: $0.data) })
        } catch {
            return JobOutput(source: "blank", folder: OutputLayout.blankFolder,
                             diagnostics: [Diagnostic(RenderID.writeFailed, at: SourceLocation(file: "blank"), ["detail": "\(error)"])])
        }
    }

    /// The names a run with these settings answers for: the chosen formats of the chosen forms (every
    /// form's with `--form all`), so that `--form agreement` never removes another form's files.
    public var claims: @Sendable (String) -> Bool {
        let forms = Set(settings.forms), extensions = Set(settings.formats.map(\.fileExtension))
        return { name in
            let stem = (name as NSString).deletingPathExtension, ext = (name as NSString).pathExtension
            guard extensions.contains(ext) else { return false }
            if forms.isEmpty { return true }
            let form = stem.range(of: #"-[0-9]+$"#, options: .regularExpression).map { String(stem[..<$0.lowerBound]) } ?? stem
            return forms.contains(form) || forms.contains(stem)
        }
    }

    /// The filled documents for a loaded case, each with the name stem its file takes (`follow-up-2`).
    public func documents(for caseDocument: XMLDocument) -> (documents: [(stem: String, document: Document)], diagnostics: [Diagnostic]) {
        let templates = settings.forms.isEmpty ? library.applicable(to: caseDocument) : settings.forms.compactMap(library.template(id:))
        var documents: [(String, Document)] = []
        var diagnostics: [Diagnostic] = []
        for template in templates {
            let rendering = template.render(caseDocument, office: profile?.file.document, partial: settings.partial)
            diagnostics += rendering.diagnostics
            let repeated = template.forEachSource != nil
            for (index, document) in rendering.documents.enumerated() {
                documents.append((repeated ? "\(template.id)-\(index + 1)" : template.id, document))
            }
        }
        return (documents, diagnostics)
    }

    /// The blank forms asked for (all installed ones when `settings.forms` is empty), for handwriting.
    public func blankForms() throws -> [RenderedFile] {
        let templates = settings.forms.isEmpty ? library.templates : settings.forms.compactMap(library.template(id:))
        return try write(templates.map { ($0.id, $0.renderBlank()) })
    }

    /// Every document in every format, named `<stem>.<ext>`.
    func write(_ documents: [(stem: String, document: Document)]) throws -> [RenderedFile] {
        var files: [RenderedFile] = []
        for (stem, document) in documents {
            for (format, writer) in writers {
                files.append(RenderedFile(name: "\(stem).\(format.fileExtension)", data: try writer.write(document)))
            }
        }
        return files
    }
}
