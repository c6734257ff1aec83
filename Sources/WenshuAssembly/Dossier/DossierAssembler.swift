import Foundation
import WenshuCase
import WenshuDocument
import WenshuTemplate
import WenshuXML

/// Binds a case's dossier (卷宗): cover and 卷内目录 (unnumbered), then the case's papers in the order of
/// the office's dossier model — the forms the case has data for, filled; the attachments it lists, as
/// their scans or as placeholder pages — ending with the rows that hold the 备考表 and the 封底. Page
/// numbers start at 1 on the first paper after the 卷内目录; the contents print each item's pages as page
/// references and the 备考表 the page count, which the word processor (or the text writer) fills in.
///
/// Forms are found by their printed title among the installed templates (the model names them so); the
/// cover and the contents are the templates `dossier-cover` and `dossier-contents`. The dossier's own
/// forms declare `parameters="dossier"` and read the finished item list as `$dossier` (`DossierIndex`).
///
/// A required (必须) row with nothing in it refuses the dossier (`dossier.missing-required`, one per row)
/// unless `force` is set; a forced dossier lists the missing rows on its cover's note and in its 备考表.
///
/// Immutable and shareable across threads.
public struct DossierAssembler: Sendable {
    public let library: TemplateLibrary
    public let profile: OfficeProfile?
    package let model: DossierModel
    public let force: Bool

    /// The templates of the front matter, by id.
    public static let coverFormID = "dossier-cover"
    public static let contentsFormID = "dossier-contents"
    /// The parameter name the dossier's own forms read the item list by.
    public static let parameterName = "dossier"

    /// - Parameter model: the 卷内目录 model; by default the profile's, or `DossierModel.standard`.
    package init(library: TemplateLibrary, profile: OfficeProfile?, model: DossierModel? = nil, force: Bool = false) {
        self.library = library
        self.profile = profile
        self.model = model ?? DossierModel(profile: profile)
        self.force = force
    }

    /// What one case gave: the dossier, or the reasons it was refused.
    public struct CaseResult: Sendable {
        public var source: String
        public var caseNumber: String?
        /// `nil` when an error stopped the case.
        public var dossier: Dossier?
        public var diagnostics: [Diagnostic]
        public var succeeded: Bool { dossier != nil && !diagnostics.hasErrors }
    }

    /// Loads and checks the case file at `url`, then binds its dossier. Scans named by attachments are
    /// read relative to the case file's folder.
    public func assemble(caseAt url: URL, displayName: String? = nil) -> CaseResult {
        let name = displayName ?? url.relativePath
        let file: CaseFile
        do {
            file = try CaseLoader.load(url, kind: .caseFile, displayName: name)
        } catch {
            return CaseResult(source: name, caseNumber: nil, dossier: nil, diagnostics: [error])
        }
        // The archive keeps the file as given: its bytes, read again (the loader has just read them).
        guard let given = try? Data(contentsOf: url) else {
            return CaseResult(source: name, caseNumber: nil, dossier: nil,
                              diagnostics: [Diagnostic(entry: InputID.unreadable.entry(kindPrefix: FileKind.caseFile.idPrefix),
                                                       at: SourceLocation(file: name), ["reason": .phrase(InputWording.readAgain)])])
        }
        return assemble(file, source: CaseSource(fileName: url.lastPathComponent, data: given, folder: url.deletingLastPathComponent()))
    }

    /// The case file as given, for the archive, and the folder its scans are read from.
    public struct CaseSource: Sendable {
        public var fileName: String
        public var data: Data
        public var folder: URL?

        public init(fileName: String, data: Data, folder: URL?) {
            self.fileName = fileName
            self.data = data
            self.folder = folder
        }
    }

    /// Binds the dossier of a loaded case (checked here first: a case with errors gets no dossier).
    public func assemble(_ file: CaseFile, source: CaseSource) -> CaseResult {
        let number = file.root.element(named: "number")?.stringValue
        var diagnostics = CaseChecker(profile: profile).check(file)
        func refused() -> CaseResult { CaseResult(source: file.name, caseNumber: number, dossier: nil, diagnostics: diagnostics) }
        guard !diagnostics.hasErrors else { return refused() }

        var binding = DossierBinding(assembler: self, file: file, source: source)
        binding.collectItems()
        let document = binding.diagnostics.hasErrors ? nil : binding.bind()
        diagnostics += binding.diagnostics
        guard let document, !diagnostics.hasErrors else { return refused() }
        let dossier = Dossier(caseNumber: number ?? "", document: document, items: binding.items,
                              missingRows: binding.missing, index: binding.index.serialized(indent: true),
                              caseFile: source, canonicalCase: file.document.serialized(indent: true))
        return CaseResult(source: file.name, caseNumber: number, dossier: dossier, diagnostics: diagnostics)
    }
}
