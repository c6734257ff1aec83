import Foundation

/// Where template files come from: a folder on disk, or texts held in memory (tests, embedding).
/// Paths are relative to the library's root (`agreement.form.xml`, `fragments/party-particulars.xml`).
struct TemplateSources: Sendable {
    /// The templates: every `*.form.xml` directly in the root, sorted.
    let formPaths: [String]
    /// How messages name a file: the folder as the user gave it, joined with the relative path.
    private let displayRoot: String?
    private let reader: @Sendable (String) -> Data?

    static func directory(_ url: URL, displayPath: String) -> TemplateSources {
        let root = url.path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        // By path, not `URL`: `appendingPathComponent` stats the file and `Data(contentsOf:)` costs more
        // (27 K instructions a file read, a one-form render reads every form to learn its id).
        return TemplateSources(formPaths: names.filter { $0.hasSuffix(".form.xml") }.sorted(),
                               displayRoot: displayPath,
                               reader: { relative in FileManager.default.contents(atPath: root + "/" + relative) })
    }

    static func memory(_ files: [String: String]) -> TemplateSources {
        TemplateSources(formPaths: files.keys.filter { $0.hasSuffix(".form.xml") && !$0.contains("/") }.sorted(),
                        displayRoot: nil,
                        reader: { files[$0].map { Data($0.utf8) } })
    }

    func read(_ relative: String) -> Data? { reader(relative) }

    func displayName(_ relative: String) -> String {
        guard let displayRoot else { return relative }
        return displayRoot.hasSuffix("/") ? displayRoot + relative : displayRoot + "/" + relative
    }
}
