import Foundation
import WenshuXML

/// The installed form templates, compiled once and shareable across threads.
///
/// ```swift
/// let folder = try TemplateLibrary.locate(explicit: options.templates)
/// let (library, problems) = TemplateLibrary.load(directory: folder)
/// let rendering = library.template(id: "agreement")!.render(caseDocument)
/// ```
public final class TemplateLibrary: Sendable {
    /// The templates that compiled, by id.
    public let templates: [FormTemplate]

    /// The schema file every library holds; its presence marks a templates folder.
    public static let schemaFileName = "wenshu-template.rng"

    init(templates: [FormTemplate]) {
        self.templates = templates.sorted { $0.id < $1.id }
    }

    public func template(id: String) -> FormTemplate? {
        templates.first { $0.id == id }
    }

    /// The templates that apply to `case`, in id order (what `--form all` renders).
    public func applicable(to case: XMLDocument) -> [FormTemplate] {
        templates.filter { $0.applies(to: `case`) }
    }

    /// Loads every `*.form.xml` in `directory`, validated with the schema there and compiled, fragments
    /// shared. A template with errors is left out and its problems are returned, all of them, so one
    /// broken template does not take the others down.
    ///
    /// - Parameter displayPath: how messages name the folder (default: its path).
    /// - Parameter forms: the ids of the forms a command needs, or `nil` for all: another form's file is
    ///   only parsed to read its id, not validated nor compiled (one form compiles in a fraction of the
    ///   time all of them take), and its problems are not reported.
    public static func load(directory: URL, displayPath: String? = nil,
                            forms: Set<String>? = nil) -> (library: TemplateLibrary, diagnostics: [Diagnostic]) {
        let schemaURL = directory.appendingPathComponent(schemaFileName)
        let schema: RelaxNGSchema
        let schemaDocument: XMLDocument
        do {
            schema = try RelaxNGSchema(contentsOf: schemaURL)
            schemaDocument = try XMLDocument(contentsOf: schemaURL)
        } catch {
            let location = SourceLocation(file: schemaURL.path, line: (error as? XMLIssue)?.line ?? 0)
            return (TemplateLibrary(templates: []),
                    [Diagnostic(TemplateID.libraryNotFound, at: location, ["detail": "\(error)"], wording: TemplateWording.schemaUnreadable)])
        }
        let sources = TemplateSources.directory(directory, displayPath: displayPath ?? directory.path)
        return load(sources, schema: schema, vocabulary: SchemaVocabulary(schema: schemaDocument), forms: forms)
    }

    /// Loads templates held in memory, keyed by relative path (`agreement.form.xml`,
    /// `fragments/party.xml`), against the schema file at `schema`. For tests and embedding.
    public static func load(files: [String: String], schema: URL) -> (library: TemplateLibrary, diagnostics: [Diagnostic]) {
        do {
            return load(.memory(files), schema: try RelaxNGSchema(contentsOf: schema),
                        vocabulary: SchemaVocabulary(schema: try XMLDocument(contentsOf: schema)))
        } catch {
            return (TemplateLibrary(templates: []),
                    [Diagnostic(TemplateID.libraryNotFound, at: SourceLocation(file: schema.path), ["detail": "\(error)"],
                                wording: TemplateWording.schemaUnreadable)])
        }
    }

    /// `load(files:schema:)` with the schema already read (the fuzzer loads thousands of templates a run).
    package static func load(files: [String: String], schema: RelaxNGSchema,
                             schemaDocument: XMLDocument) -> (library: TemplateLibrary, diagnostics: [Diagnostic]) {
        load(.memory(files), schema: schema, vocabulary: SchemaVocabulary(schema: schemaDocument))
    }

    static func load(_ sources: TemplateSources, schema: RelaxNGSchema, vocabulary: SchemaVocabulary,
                     forms: Set<String>? = nil) -> (library: TemplateLibrary, diagnostics: [Diagnostic]) {
        let loader = TemplateLoader(sources: sources, schema: schema, vocabulary: vocabulary)
        var templates: [FormTemplate] = []
        for path in sources.formPaths {
            guard let template = loader.form(at: path, ifAmong: forms) else { continue }
            if let first = templates.first(where: { $0.id == template.id }) {
                loader.report(Diagnostic(TemplateID.duplicateForm, at: template.origin, subject: template.id,
                                         ["id": "\(template.id)", "first": "\(first.file)"]))
                continue
            }
            templates.append(template)
        }
        return (TemplateLibrary(templates: templates), loader.diagnostics.sortedByLocation)
    }
}
