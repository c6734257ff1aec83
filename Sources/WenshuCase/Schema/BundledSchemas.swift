import Foundation
import WenshuDiagnostics
import WenshuXML

/// The schemas shipped in the `Schemas` resource folder, each compiled once per process and shared by all
/// threads (a compiled RelaxNG schema is read-only while validating).
enum BundledSchemas {
    struct Entry: Sendable {
        let kind: FileKind
        let outline: SchemaOutline
        let quick: QuickValidation
        /// The full schema, compiled only when the quick validation says no: a valid file never needs it
        /// (it was a quarter of compiling case.rng, paid by every one-case command).
        var relaxNG: RelaxNGSchema { BundledSchemas.fullSchema(for: kind) }
    }

    // Each kind's schema is compiled when first used (a command checking cases compiles only case.rng).
    private static let caseFile = compile(.caseFile)
    private static let office = compile(.office)
    private static let committees = compile(.committees)
    private static let mediators = compile(.mediators)
    private static let worklog = compile(.worklog)

    private static let caseFileFull = compileFull(.caseFile)
    private static let officeFull = compileFull(.office)
    private static let committeesFull = compileFull(.committees)
    private static let mediatorsFull = compileFull(.mediators)
    private static let worklogFull = compileFull(.worklog)

    static func entry(for kind: FileKind) -> Entry {
        switch kind {
        case .caseFile: return caseFile
        case .office: return office
        case .committees: return committees
        case .mediators: return mediators
        case .worklog: return worklog
        }
    }

    private static func fullSchema(for kind: FileKind) -> RelaxNGSchema {
        switch kind {
        case .caseFile: return caseFileFull
        case .office: return officeFull
        case .committees: return committeesFull
        case .mediators: return mediatorsFull
        case .worklog: return worklogFull
        }
    }

    private static func compile(_ kind: FileKind) -> Entry {
        let url = schemaURL(kind.schemaFileName)
        do {
            let outline = try cachedOutline(url, cache: StartupCache.shared)
            return Entry(kind: kind, outline: outline, quick: try QuickValidation(contentsOf: url, outline: outline))
        } catch {
            // The schemas are part of the build; one that does not compile is a defect of this package.
            fatalError("bundled schema \(kind.schemaFileName) is broken: \(error)")
        }
    }

    private static func compileFull(_ kind: FileKind) -> RelaxNGSchema {
        do {
            return try RelaxNGSchema(contentsOf: schemaURL(kind.schemaFileName))
        } catch {
            fatalError("bundled schema \(kind.schemaFileName) is broken: \(error)")
        }
    }

    /// The outline of the schema at `url`, from the start-up cache when it holds the outline of these very
    /// schema files (every file in the schema's folder: the grammars it includes are there) with this program.
    static func cachedOutline(_ url: URL, cache: StartupCache?) throws -> SchemaOutline {
        let folder = url.deletingLastPathComponent().path
        func files() -> [Data]? {
            var parts = [Data("schema-outline".utf8), Data(url.lastPathComponent.utf8)]
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted() {
                guard let bytes = FileManager.default.contents(atPath: folder + "/" + name) else { return nil }
                parts += [Data(name.utf8), bytes]
            }
            return parts
        }
        guard let cache, let parts = files() else { return try SchemaOutline(contentsOf: url) }
        let key = cache.key(parts)
        if let data = cache.read(key), let outline = SchemaOutline(serialized: data) { return outline }
        let outline = try SchemaOutline(contentsOf: url)
        // Stored only if the files did not change while it was read from them.
        if files() == parts { cache.write(key, payload: outline.serialized) }
        return outline
    }

    /// Where a bundled schema file is; templates and docs may point users at it.
    static func schemaURL(_ fileName: String) -> URL {
        schemaFolder.appendingPathComponent(fileName)
    }

    /// The `Schemas` resource folder: beside the program, where SwiftPM puts this target's resources
    /// (`Wenshu_WenshuCase.resources`), found without `Bundle.module`, whose first use builds `Bundle.main`
    /// and a bundle for the folder (1.6 M instructions of every start); else where `Bundle.module` says.
    private static let schemaFolder: URL = {
        if let program = ProcessEnvironment.executableURL {
            let beside = program.deletingLastPathComponent()
                .appendingPathComponent("Wenshu_WenshuCase.resources/Schemas", isDirectory: true)
            if FileManager.default.fileExists(atPath: beside.appendingPathComponent(FileKind.caseFile.schemaFileName).path) {
                return beside
            }
        }
        let base = Bundle.module.resourceURL ?? Bundle.module.bundleURL
        return base.appendingPathComponent("Schemas", isDirectory: true)
    }()
}
