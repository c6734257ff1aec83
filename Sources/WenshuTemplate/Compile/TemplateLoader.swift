import Foundation
import WenshuXML

/// Reads, validates and compiles the templates of one library, sharing each fragment's compiled parts
/// among the templates that include it. Lives only while a library loads.
final class TemplateLoader {
    let sources: TemplateSources
    let schema: TemplateSchema
    /// The schema's words, read from it only when a template breaks it: a library whose templates are valid
    /// never needs them (reading `wenshu-template.rng` for them was 7 M of the 145 M instructions of a
    /// one-form render).
    private lazy var schemaDiagnostics = SchemaDiagnostics(vocabulary: schema.vocabulary())
    /// Why the schema, needed at last, does not compile: then the library as a whole is refused.
    private(set) var schemaFailure: Error?
    private(set) var diagnostics: [Diagnostic] = []
    /// Compiled fragments by path; `nil` for one that failed (reported once).
    private var fragments: [String: [Part<BlockNode>]?] = [:]
    /// The names of the `<parameter>` elements in each fragment compiled, by path.
    private(set) var fragmentParameterNames: [String: Set<String>] = [:]
    /// The fragments being compiled, outermost first, to refuse include cycles.
    private var including: [String] = []

    init(sources: TemplateSources, schema: TemplateSchema) {
        self.sources = sources
        self.schema = schema
    }

    /// The lines of each file where its schema already found something: the compiler's findings there say
    /// the same again and are left out.
    private var schemaLines: [String: Set<Int>] = [:]

    func report(_ diagnostic: Diagnostic) {
        if schemaLines[diagnostic.location.file]?.contains(diagnostic.location.line) == true { return }
        if !diagnostics.contains(diagnostic) { diagnostics.append(diagnostic) }
    }

    var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }

    /// Compiles the template at `path`; `nil` (with diagnostics) when it has errors.
    func form(at path: String) -> FormTemplate? {
        let errorsBefore = errorCount
        guard let document = document(at: path), let root = document.root else { return nil }
        let compiled = TemplateCompiler(file: sources.displayName(path), loader: self).form(root)
        return errorCount == errorsBefore ? compiled : nil
    }

    /// The compiled blocks of the fragment at `path`, compiled on first use.
    func fragment(at path: String, includedFrom origin: SourceLocation) -> [Part<BlockNode>]? {
        if including.contains(path) {
            let chain = (including.drop { $0 != path } + [path]).joined(separator: " → ")
            report(Diagnostic(TemplateID.includeCycle, at: origin, subject: path, ["chain": "\(chain)"]))
            return nil
        }
        if let cached = fragments[path] { return cached }
        guard sources.read(path) != nil else {
            report(Diagnostic(TemplateID.includeMissing, at: origin, subject: path, ["path": "\(sources.displayName(path))"]))
            return nil
        }
        including.append(path)
        defer { including.removeLast() }
        let errorsBefore = errorCount
        var parts: [Part<BlockNode>]?
        if let root = document(at: path)?.root {
            let compiler = TemplateCompiler(file: sources.displayName(path), loader: self)
            if root.name == "fragment" {
                parts = compiler.blocks(root)
                // Walked by pointer: an `XMLNode` and a name `String` per element cost 0.27 M a start-up.
                fragmentParameterNames[path] = Set(root.descendants(named: "parameter").compactMap { $0.attribute("name") })
            } else {
                report(Diagnostic(TemplateID.misplacedElement, at: compiler.location(root), subject: "<\(root.name)>",
                                  ["element": "\(root.name)"], wording: TemplateWording.includedNotFragment))
            }
        }
        let result = errorCount == errorsBefore ? parts : nil
        fragments[path] = .some(result)
        return result
    }

    /// Parses and validates a file, reporting what is wrong with it.
    func document(at path: String) -> XMLDocument? {
        let name = sources.displayName(path)
        guard let data = sources.read(path) else {
            report(Diagnostic(TemplateID.unreadable, at: SourceLocation(file: name)))
            return nil
        }
        let document: XMLDocument
        do {
            document = try XMLDocument(parsing: data, fileName: name)
        } catch let issue as XMLIssue {
            switch issue.kind {
            case .doctype: report(Diagnostic(entry: TemplateID.doctype.entry, issue: issue))
            case .tooLarge: report(Diagnostic(entry: TemplateID.unreadable.entry, issue: issue, wording: TemplateWording.unreadableBecause))
            default: report(Diagnostic(entry: TemplateID.xmlSyntax.entry, issue: issue))
            }
            return nil
        } catch {
            report(Diagnostic(TemplateID.unreadable, at: SourceLocation(file: name), ["detail": "\(error)"],
                              wording: TemplateWording.unreadableBecause))
            return nil
        }
        // A file its schema refuses is still compiled, so one run reports its other problems too (its XPath,
        // its functions, its tables); what the compiler says again where the schema spoke is left out, and
        // the errors keep the template out of the library either way.
        if schema.knownValid(data) { return document }
        let issues: [XMLIssue]
        do {
            issues = try schema.schema().validate(document)
        } catch {
            schemaFailure = error
            return nil
        }
        if issues.isEmpty { schema.recordValid(data) }
        if !issues.isEmpty {
            let findings = schemaDiagnostics.translate(issues, in: document)
            findings.forEach(report)
            schemaLines[name, default: []].formUnion(findings.map(\.location.line))
        }
        return document
    }
}
