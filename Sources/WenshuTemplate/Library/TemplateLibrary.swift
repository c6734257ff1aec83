import Foundation
import WenshuCase
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
    /// - Parameter forms: the ids of the forms a command needs, or `nil` for all: of another form's file
    ///   only the id is read (`FormIDs`, through the start-up cache), it is not validated nor compiled (one
    ///   form compiles in a fraction of the time all of them take), and its problems are not reported, nor
    ///   those of a file whose root the reader cannot reach.
    public static func load(directory: URL, displayPath: String? = nil,
                            forms: Set<String>? = nil) -> (library: TemplateLibrary, diagnostics: [Diagnostic]) {
        load(directory: directory, displayPath: displayPath, forms: forms, cache: StartupCache.shared)
    }

    /// `load(directory:displayPath:forms:)` with the start-up cache given (tests give their own). The schema
    /// is compiled only if a file must be validated: the cache knows the files that passed it before.
    static func load(directory: URL, displayPath: String? = nil, forms: Set<String>? = nil,
                     cache: StartupCache?) -> (library: TemplateLibrary, diagnostics: [Diagnostic]) {
        let schemaURL = directory.appendingPathComponent(schemaFileName)
        let sources = TemplateSources.directory(directory, displayPath: displayPath ?? directory.path)
        return load(sources, schema: TemplateSchema(contentsOf: schemaURL, cache: cache), forms: forms, cache: cache)
    }

    /// Loads templates held in memory, keyed by relative path (`agreement.form.xml`,
    /// `fragments/party.xml`), against the schema file at `schema`. For tests and embedding.
    public static func load(files: [String: String], schema: URL) -> (library: TemplateLibrary, diagnostics: [Diagnostic]) {
        load(.memory(files), schema: TemplateSchema(contentsOf: schema, cache: nil))
    }

    /// `load(files:schema:)` with the schema already read (the fuzzer loads thousands of templates a run).
    package static func load(files: [String: String], schema: RelaxNGSchema,
                             schemaDocument: XMLDocument) -> (library: TemplateLibrary, diagnostics: [Diagnostic]) {
        load(.memory(files), schema: TemplateSchema(compiled: schema, document: schemaDocument))
    }

    static func load(_ sources: TemplateSources, schema: TemplateSchema, forms: Set<String>? = nil,
                     cache: StartupCache? = nil) -> (library: TemplateLibrary, diagnostics: [Diagnostic]) {
        let loader = TemplateLoader(sources: sources, schema: schema)
        // The files of the forms asked for, by the id each names (`nil`: every file).
        let wanted = forms.map { forms in
            Set(zip(sources.formPaths, FormIDs.read(sources, cache: cache)).compactMap { path, id in
                id.map(forms.contains) == true ? path : nil
            })
        }
        var templates: [FormTemplate] = []
        for path in sources.formPaths where wanted?.contains(path) ?? true {
            guard let template = loader.form(at: path) else { continue }
            if let first = templates.first(where: { $0.id == template.id }) {
                loader.report(Diagnostic(TemplateID.duplicateForm, at: template.origin, subject: template.id,
                                         ["id": "\(template.id)", "first": "\(first.file)"]))
                continue
            }
            templates.append(template)
        }
        // A library none of whose files needed the schema still needs one that compiles.
        if loader.schemaFailure == nil {
            do { try schema.confirm() } catch { return (TemplateLibrary(templates: []), [unreadable(schema, error)]) }
        }
        if let failure = loader.schemaFailure {
            return (TemplateLibrary(templates: []), [unreadable(schema, failure)])
        }
        return (TemplateLibrary(templates: templates), loader.diagnostics.sortedByLocation)
    }

    /// The schema does not compile: no template can be trusted, the library is refused as a whole.
    private static func unreadable(_ schema: TemplateSchema, _ error: Error) -> Diagnostic {
        Diagnostic(TemplateID.libraryNotFound, at: SourceLocation(file: schema.path, line: (error as? XMLIssue)?.line ?? 0),
                   ["detail": "\(error)"], wording: TemplateWording.schemaUnreadable)
    }
}
