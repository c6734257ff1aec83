import Foundation
import WenshuCase
import WenshuXML
import XCTest
@testable import WenshuTemplate

/// The start-up cache spares the template schema for files that passed it before, and is never the reason
/// for a different answer: a miss validates, a changed schema or a damaged entry is a miss.
final class TemplateCacheTests: XCTestCase {
    private var root: URL!
    private var library: URL!
    private var cache: StartupCache!

    private static func form(_ id: String, _ body: String) -> String {
        "<form xmlns=\"urn:wenshu:template:1\" id=\"\(id)\" title=\"测试\" version=\"1\">\n\(body)\n</form>\n"
    }
    private let good = form("good", "<p>甲</p>")
    private let bad = form("bad", "<p>甲</p>\n<heading>乙</heading>")  // <heading> without its level

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-template-cache-\(UUID().uuidString)")
        library = root.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: library, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Fixtures.schema, to: library.appendingPathComponent(TemplateLibrary.schemaFileName))
        try Data(good.utf8).write(to: library.appendingPathComponent("good.form.xml"))
        try Data(bad.utf8).write(to: library.appendingPathComponent("bad.form.xml"))
        cache = StartupCache(folder: root.appendingPathComponent("cache").path, identity: Array(repeating: 7, count: 32))
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    private func load() -> (ids: [String], errors: [String]) {
        let (loaded, diagnostics) = TemplateLibrary.load(directory: library, cache: cache)
        return (loaded.templates.map(\.id), diagnostics.map(\.id))
    }

    private func entries() throws -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: cache.folder))?.filter { !$0.hasPrefix(".") }.sorted() ?? []
    }

    /// The key the library uses for "this file passed this schema".
    private func key(_ form: String) throws -> String {
        let schema = try Data(contentsOf: library.appendingPathComponent(TemplateLibrary.schemaFileName))
        return TemplateSchema.key(in: cache, schema: schema, file: Data(form.utf8))
    }

    func testAMissValidatesAndRemembersOnlyWhatPassed() throws {
        let first = load()
        XCTAssertEqual(first.ids, ["good"])
        XCTAssertEqual(first.errors, [TemplateID.missingAttribute.id])
        XCTAssertEqual(try entries(), [try key(good)])
        // The same answer again, now from the cache for the good form.
        let second = load()
        XCTAssertEqual(second.ids, first.ids)
        XCTAssertEqual(second.errors, first.errors)
    }

    func testAHitIsTrustedWithoutTheSchema() throws {
        // An entry saying the bad form passed (as no run would write it) shows the schema is not asked again.
        cache.write(try key(bad))
        XCTAssertEqual(load().ids, ["bad", "good"])
    }

    func testAChangedSchemaMakesEveryEntryStale() throws {
        cache.write(try key(bad))
        let schemaFile = library.appendingPathComponent(TemplateLibrary.schemaFileName)
        try (try Data(contentsOf: schemaFile) + Data("<!-- changed -->\n".utf8)).write(to: schemaFile)
        let loaded = load()
        XCTAssertEqual(loaded.ids, ["good"])
        XCTAssertEqual(loaded.errors, [TemplateID.missingAttribute.id])
    }

    func testADamagedEntryIsAMissAndIsWrittenAgain() throws {
        let name = try key(bad)
        try FileManager.default.createDirectory(atPath: cache.folder, withIntermediateDirectories: true)
        for damaged in [Data(), Data("garbage".utf8), Data(name.prefix(20).utf8)] {
            try damaged.write(to: URL(fileURLWithPath: cache.folder + "/" + name))
            XCTAssertEqual(load().ids, ["good"], "\(damaged)")
        }
        try Data("x".utf8).write(to: URL(fileURLWithPath: cache.folder + "/" + (try key(good))))
        XCTAssertEqual(load().ids, ["good"])
        XCTAssertNotNil(cache.read(try key(good)), "rewritten whole")
    }

    func testAnUnreadableCacheFolderOnlyCostsTime() throws {
        // A file where the folder should be: nothing can be written or read, the answers stay the same.
        try Data().write(to: URL(fileURLWithPath: cache.folder))
        XCTAssertEqual(load().ids, ["good"])
        XCTAssertEqual(load().errors, [TemplateID.missingAttribute.id])
    }

    func testABrokenSchemaIsRefusedEvenWhenNoFileNeedsIt() throws {
        try Data("<grammar".utf8).write(to: library.appendingPathComponent(TemplateLibrary.schemaFileName))
        let (_, diagnostics) = TemplateLibrary.load(directory: library, forms: ["none"], cache: cache)
        XCTAssertEqual(diagnostics.map(\.id), [TemplateID.libraryNotFound.id])
    }

    func testTheKeyTellsProgramsApart() {
        let other = StartupCache(folder: cache.folder, identity: Array(repeating: 8, count: 32))
        XCTAssertNotEqual(cache.key([Data("a".utf8)]), other.key([Data("a".utf8)]))
        // Parts are framed: ["ab", ""] and ["a", "b"] are different questions.
        XCTAssertNotEqual(cache.key([Data("ab".utf8), Data()]), cache.key([Data("a".utf8), Data("b".utf8)]))
        XCTAssertNotNil(StartupCache.loadedBuildIDs(), "this test program carries a build id")
    }
}
