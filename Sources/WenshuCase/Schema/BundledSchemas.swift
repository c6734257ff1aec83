import Foundation
import WenshuXML

/// The schemas shipped in the `Schemas` resource folder, each compiled once per process and shared by all
/// threads (a compiled RelaxNG schema is read-only while validating).
enum BundledSchemas {
    struct Entry: Sendable {
        let relaxNG: RelaxNGSchema
        let outline: SchemaOutline
    }

    /// Every kind's schema, compiled on first use.
    private static let entries: [FileKind: Entry] = {
        var entries: [FileKind: Entry] = [:]
        for kind in FileKind.allCases {
            let url = schemaURL(kind.schemaFileName)
            do {
                entries[kind] = Entry(relaxNG: try RelaxNGSchema(contentsOf: url), outline: try SchemaOutline(contentsOf: url))
            } catch {
                // The schemas are part of the build; one that does not compile is a defect of this package.
                fatalError("bundled schema \(kind.schemaFileName) is broken: \(error)")
            }
        }
        return entries
    }()

    static func entry(for kind: FileKind) -> Entry { entries[kind]! }

    /// Where a bundled schema file is; templates and docs may point users at it.
    static func schemaURL(_ fileName: String) -> URL {
        let base = Bundle.module.resourceURL ?? Bundle.module.bundleURL
        return base.appendingPathComponent("Schemas").appendingPathComponent(fileName)
    }
}
