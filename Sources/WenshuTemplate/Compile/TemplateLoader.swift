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

    /// Compiles the template at `path`; `nil` (with diagnostics) when it has errors, or, without a word,
    /// when `forms` is given and the form's id is not among them.
    func form(at path: String, ifAmong forms: Set<String>? = nil) -> FormTemplate? {
        let errorsBefore = errorCount
        if let forms {
            // Only the root's id is read (not the whole file): a file whose root does not parse, or names no
            // wanted form, is not the command's business (a full load reports it).
            guard let data = sources.read(path), RootTag.mayName(forms, in: data),
                  let id = XMLDocument.rootAttribute("id", in: data), forms.contains(id) else { return nil }
        }
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
                fragmentParameterNames[path] = Set(SchemaVocabulary.descendants(of: root)
                    .filter { $0.name == "parameter" }.compactMap { $0.attribute("name") })
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

/// Whether a template file's root element may have one of the ids asked for, judged on its bytes: libxml2's
/// reader, even stopped at the root's start tag, cost 0.3 M instructions a file (7.5 M of a one-form render
/// over the 27 forms). `false` only when the reader could not answer yes: the root's start tag, found by
/// skipping the prolog as XML defines it (declaration, comments, processing instructions, white space),
/// holds no reference (`&`) and none of the ids' bytes. Anything unusual — a byte-order mark other than
/// UTF-8's, a declared encoding other than UTF-8, a DOCTYPE, an id that is not plain ASCII without white
/// space — answers `true`, and the reader decides as before.
enum RootTag {
    static func mayName(_ ids: Set<String>, in data: Data) -> Bool {
        guard ids.allSatisfy({ id in id.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != 0x26 } }) else { return true }
        return data.withUnsafeBytes { raw -> Bool in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard let tag = startTag(bytes) else { return true }
            let text = bytes[tag]
            if text.contains(0x26) { return true }  // "&": a reference the reader would expand
            return ids.contains { id in contains(text, Array(id.utf8)) }
        }
    }

    /// The byte range of the root element's start tag, `nil` when the prolog is anything but the plain kind.
    static func startTag(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var i = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { i = 3 }  // UTF-8's BOM
        // Any other encoding's first bytes are not "<" or white space: UTF-16 and UTF-32 have a zero there.
        guard i < bytes.count, bytes[i] == 0x3C || isSpace(bytes[i]), !bytes[i..<min(i + 4, bytes.count)].contains(0) else { return nil }
        while i < bytes.count {
            if isSpace(bytes[i]) { i += 1; continue }
            guard bytes[i] == 0x3C, i + 1 < bytes.count else { return nil }
            if bytes[i + 1] == 0x3F {  // "<?": the declaration or a processing instruction, to "?>"
                guard let end = find(Array("?>".utf8), in: bytes, from: i + 2) else { return nil }
                if !plainEncoding(bytes[i..<end]) { return nil }
                i = end + 2
            } else if bytes[i + 1] == 0x21 {  // "<!": only a comment may stand here (a DOCTYPE: the reader decides)
                guard starts(bytes, at: i, with: Array("<!--".utf8)),
                      let end = find(Array("-->".utf8), in: bytes, from: i + 4) else { return nil }
                i = end + 3
            } else {
                // The start tag runs to the first ">" outside a quoted attribute value.
                var quote: UInt8 = 0
                for j in (i + 1)..<bytes.count {
                    let byte = bytes[j]
                    if quote != 0 {
                        if byte == quote { quote = 0 }
                    } else if byte == 0x22 || byte == 0x27 {
                        quote = byte
                    } else if byte == 0x3E {
                        return i..<(j + 1)
                    }
                }
                return nil
            }
        }
        return nil
    }

    /// A declaration (or instruction) that names no encoding, or UTF-8.
    private static func plainEncoding(_ text: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        let lower = text.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        return !contains(lower[...], Array("encoding".utf8)) || contains(lower[...], Array("utf-8".utf8))
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    private static func starts(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, with needle: [UInt8]) -> Bool {
        index + needle.count <= bytes.count && needle.indices.allSatisfy { bytes[index + $0] == needle[$0] }
    }

    private static func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var i = start
        while i + needle.count <= bytes.count {
            // memchr to each candidate first byte: a long header comment is scanned at memory speed.
            guard let hit = memchr(base + i, Int32(needle[0]), bytes.count - i) else { return nil }
            i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if starts(bytes, at: i, with: needle) { return i }
            i += 1
        }
        return nil
    }

    private static func contains<C: Collection>(_ haystack: C, _ needle: [UInt8]) -> Bool where C.Element == UInt8, C.Index == Int {
        guard !needle.isEmpty else { return true }
        guard haystack.count >= needle.count else { return false }
        var i = haystack.startIndex
        while i + needle.count <= haystack.endIndex {
            if haystack[i] == needle[0] && needle.indices.allSatisfy({ haystack[i + $0] == needle[$0] }) { return true }
            i += 1
        }
        return false
    }
}
