import Foundation
import WenshuCase
import WenshuXML

/// A library's `wenshu-template.rng`, compiled only when a file must be validated against it: a file the
/// start-up cache knows passed these very bytes of the schema (with this very program) is not validated
/// again. Compiling the schema was 8 M of the 145 M instructions of a one-form render, validating the form
/// and its fragments 3 M more. Lives only while a library loads.
final class TemplateSchema {
    private let url: URL?
    /// The schema's bytes, when the cache may answer for it, and their digest (hashed once, not per file).
    private let bytes: Data?
    private lazy var bytesKey: Data? = bytes.flatMap { bytes in cache.map { Data($0.key([Data("template-schema".utf8), bytes]).utf8) } }
    private let cache: StartupCache?
    private var compiled: Result<RelaxNGSchema, Error>?
    private var document: XMLDocument?
    /// Whether this schema's answers may be cached: not when it pulls in other files (`include`,
    /// `externalRef`), whose bytes are not in the key.
    private var standsAlone = false

    /// The schema in the file at `url`, read once now; `cache` remembers which files passed it.
    init(contentsOf url: URL, cache: StartupCache?) {
        self.url = url
        self.cache = cache
        bytes = cache == nil ? nil : try? Data(contentsOf: url)
    }

    /// A schema already compiled (and its document, for the vocabulary); nothing is cached.
    init(compiled schema: RelaxNGSchema, document: XMLDocument?) {
        url = nil
        bytes = nil
        cache = nil
        compiled = .success(schema)
        self.document = document
        vouched = true
    }

    /// How messages name the schema file.
    var path: String { url?.path ?? name }
    private var name: String { (try? compiled?.get())?.name ?? "" }

    /// Whether the schema is known to compile: compiled, or vouched for by the cache (an entry is written
    /// only after these bytes compiled and a file passed them).
    private(set) var vouched = false

    /// Compiles the schema unless it is known to compile; its error if it does not.
    func confirm() throws {
        if !vouched { _ = try schema() }
    }

    /// The compiled schema, or why it does not compile (the error `RelaxNGSchema(contentsOf:)` gives).
    func schema() throws -> RelaxNGSchema {
        if let compiled { return try compiled.get() }
        let result = Result { try compile() }
        compiled = result
        let schema = try result.get()
        vouched = true
        return schema
    }

    private func compile() throws -> RelaxNGSchema {
        guard let url else { throw XMLIssue(kind: .schema, file: nil, line: 0, message: "no schema") }
        // Compiled from the bytes the cache's keys are made of, so what it records is about these bytes.
        if let bytes, let parsed = try? XMLDocument(parsing: bytes, fileName: url.path),
           let schema = try? RelaxNGSchema(document: parsed, name: url.lastPathComponent) {
            document = parsed
            let outside = ["include", "externalRef"].flatMap { parsed.root?.descendants(named: $0) ?? [] }
            standsAlone = parsed.root != nil && !outside.contains { $0.namespaceURI == SchemaVocabulary.rngNS }
            return schema
        }
        return try RelaxNGSchema(contentsOf: url)  // its error, as before
    }

    /// What turns the schema's complaints into an author's words.
    func vocabulary() -> SchemaVocabulary {
        if let document { return SchemaVocabulary(schema: document) }
        return url.map { SchemaVocabulary(schemaAt: $0) } ?? SchemaVocabulary()
    }

    /// The cache's name for "this file passed this schema", when the cache may answer.
    private func key(for file: Data) -> String? {
        guard let cache, let bytes else { return nil }
        return Self.key(in: cache, schema: bytes, file: file, schemaKey: bytesKey)
    }

    /// The cache's name for "the file with these bytes passed the schema with these bytes" (`schemaKey`:
    /// the schema's own key, when already made).
    static func key(in cache: StartupCache, schema: Data, file: Data, schemaKey: Data? = nil) -> String {
        let schemaKey = schemaKey ?? Data(cache.key([Data("template-schema".utf8), schema]).utf8)
        return cache.key([Data("template-valid".utf8), schemaKey, file])
    }

    /// Whether the file with these bytes is known to have passed this schema before.
    func knownValid(_ file: Data) -> Bool {
        guard let key = key(for: file), cache?.read(key) != nil else { return false }
        vouched = true
        return true
    }

    /// Records that the file with these bytes passed the schema (once the schema is known to stand alone).
    func recordValid(_ file: Data) {
        guard standsAlone, let key = key(for: file) else { return }
        cache?.write(key)
    }
}
