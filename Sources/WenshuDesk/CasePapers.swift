import Foundation
import WenshuAssembly
import WenshuCase
import WenshuDiagnostics
import WenshuTemplate
import WenshuRun
import WenshuWriters
import WenshuXML

/// The papers of a saved case, made by the same pipeline as `wenshu render`, `packet` and `dossier`, from the
/// file on disk, so a paper downloaded here is byte for byte the one the command line writes.
package struct CasePapers: Sendable {
    package let library: TemplateLibrary
    package let profile: OfficeProfile?
    /// The writers' settings: the command line's defaults (GB/T 9704 text page, UTF-8).
    package let options = WriterOptions()
    /// Turns an `.odt` into a PDF, when something on the machine can (LibreOffice through the `pdf` branch's
    /// WenshuPrint); nil offers `.odt` and text only.
    package var pdfConverter: (@Sendable (Data) throws -> Data)?

    package init(library: TemplateLibrary, profile: OfficeProfile?, pdfConverter: (@Sendable (Data) throws -> Data)? = nil) {
        self.library = library
        self.profile = profile
        self.pdfConverter = pdfConverter
    }

    /// A paper's file stem (`agreement`, `follow-up-2`, `confirmation-packet`, `dossier`) and its title.
    package struct Paper: Sendable {
        package var stem: String
        package var title: String
        /// The text layout, for the preview.
        package var text: String
    }

    /// The formats offered for download.
    package var formats: [String] { ["odt", "txt"] + (pdfConverter == nil ? [] : ["pdf"]) }

    /// Every form that applies to the case, with its text layout; or the findings that stop printing.
    package func forms(caseAt url: URL, name: String) -> (papers: [Paper], diagnostics: [Diagnostic]) {
        let pipeline = RenderPipeline(library: library, profile: profile, settings: .init(forms: [], formats: [.txt], writerOptions: options))
        let file: CaseFile
        do { file = try CaseLoader.load(url, kind: .caseFile, displayName: name) } catch { return ([], [error]) }
        var diagnostics = CaseChecker(profile: profile).check(file)
        guard !diagnostics.hasErrors else { return ([], diagnostics) }
        let (documents, formDiagnostics) = pipeline.documents(for: file.document)
        diagnostics += formDiagnostics
        let writer = Writers.writer(for: .txt, options: options)
        let papers = documents.map { stem, document in
            Paper(stem: stem, title: document.metadata.title,
                  text: (try? writer.write(document)).map { String(decoding: $0, as: UTF8.self) } ?? "")
        }
        return (papers, diagnostics)
    }

    /// What the applicable forms need that the case lacks (`template.missing-field` and the like), as `check`
    /// and `render` report it (`RenderPipeline.formFindings`: the field path the page shows it beside,
    /// `parties[1].address`), once per field however many forms need it.
    package func bindingFindings(for file: CaseFile) -> [Diagnostic] {
        let pipeline = RenderPipeline(library: library, profile: profile, settings: .init(forms: [], formats: [], writerOptions: options))
        var seen = Set<String>()
        return pipeline.formFindings(for: file).filter { seen.insert("\($0.id) \($0.subject ?? $0.message)").inserted }
    }

    /// One paper's file in `format` (`odt`, `txt`, `fodt`, `pdf`): a form by its stem, `confirmation-packet`
    /// or `dossier`. Nil with the findings when the case cannot give it.
    package func file(caseAt url: URL, name: String, stem: String, format: String) -> (data: Data?, diagnostics: [Diagnostic]) {
        let wantsPDF = format == "pdf"
        guard let output = OutputFormat(rawValue: wantsPDF ? "odt" : format), !wantsPDF || pdfConverter != nil else {
            return (nil, [Diagnostic(DeskID.noSuchPaper, at: SourceLocation(file: name), ["paper": "\(stem)", "format": "\(format)"])])
        }
        let made = document(caseAt: url, name: name, stem: stem, format: output)
        guard var data = made.data else { return made }
        if wantsPDF, let pdfConverter {
            do { data = try pdfConverter(data) } catch {
                return (nil, made.diagnostics + [Diagnostic(PrintID.conversionFailed, at: SourceLocation(file: name), ["reason": "\(error)"])])
            }
        }
        return (data, made.diagnostics)
    }

    private func document(caseAt url: URL, name: String, stem: String, format: OutputFormat) -> (data: Data?, diagnostics: [Diagnostic]) {
        let writer = Writers.writer(for: format, options: options)
        switch stem {
        case JudicialConfirmationPacket.formID:
            let result = JudicialConfirmationPacket(library: library, profile: profile).build(caseAt: url, displayName: name)
            guard let document = result.document else { return (nil, result.diagnostics) }
            return ((try? writer.write(document)), result.diagnostics)
        case "dossier":
            let result = DossierAssembler(library: library, profile: profile).assemble(caseAt: url, displayName: name)
            guard let dossier = result.dossier, result.succeeded else { return (nil, result.diagnostics) }
            return ((try? dossier.write(format, options: options)), result.diagnostics)
        default:
            let pipeline = RenderPipeline(library: library, profile: profile, settings: .init(forms: [], formats: [format], writerOptions: options))
            let result = pipeline.render(caseAt: url, displayName: name)
            let file = result.files.first { $0.name == "\(stem).\(format.fileExtension)" }
            if file == nil, result.succeeded {
                return (nil, result.diagnostics + [Diagnostic(DeskID.noSuchPaper, at: SourceLocation(file: name), ["paper": "\(stem)", "format": "\(format.fileExtension)"])])
            }
            return (file?.data, result.diagnostics)
        }
    }
}
