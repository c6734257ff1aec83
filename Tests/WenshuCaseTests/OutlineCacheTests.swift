import Foundation
import XCTest
@testable import WenshuCase

/// The schema outline kept in the start-up cache is the outline read from the schema: written on a miss,
/// read back on a hit, and not used when the schema files changed or the entry is damaged.
final class OutlineCacheTests: XCTestCase {
    private var root: URL!
    private var schemas: URL!
    private var cache: StartupCache!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-outline-cache-\(UUID().uuidString)")
        schemas = root.appendingPathComponent("Schemas")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: BundledSchemas.schemaURL("case.rng").deletingLastPathComponent(), to: schemas)
        cache = StartupCache(folder: root.appendingPathComponent("cache").path, identity: Array(repeating: 1, count: 32))
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    private var entries: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: cache.folder)) ?? []).filter { !$0.hasPrefix(".") }
    }

    func testEveryBundledOutlineSurvivesTheRoundTrip() throws {
        for kind in FileKind.allCases {
            let outline = BundledSchemas.entry(for: kind).outline
            let copy = try XCTUnwrap(SchemaOutline(serialized: outline.serialized), kind.rawValue)
            XCTAssertEqual(copy.serialized, outline.serialized, kind.rawValue)
            XCTAssertEqual(copy.rules[copy.root].name, kind.rootName)
            XCTAssertEqual(copy.fields(of: copy.root).map(\.rule), outline.fields(of: outline.root).map(\.rule))
        }
    }

    func testBytesItCouldNotHaveWrittenAreRefused() {
        let bytes = BundledSchemas.entry(for: .caseFile).outline.serialized
        for length in stride(from: 0, to: bytes.count, by: 97) {
            XCTAssertNil(SchemaOutline(serialized: bytes.prefix(length)), "cut at \(length)")
        }
        XCTAssertNil(SchemaOutline(serialized: bytes + Data([0])))
    }

    func testAMissWritesAndAHitReads() throws {
        let url = schemas.appendingPathComponent("case.rng")
        let read = try BundledSchemas.cachedOutline(url, cache: cache)
        XCTAssertEqual(entries.count, 1)
        // The entry is what is read on a hit: put another schema's outline there and it comes back.
        let other = BundledSchemas.entry(for: .office).outline.serialized
        let key = try XCTUnwrap(entries.first)
        cache.write(key, payload: other)
        XCTAssertEqual(try BundledSchemas.cachedOutline(url, cache: cache).serialized, other)
        // Damaged (the payload's digest no longer matches): read from the schema again, and rewritten.
        let path = cache.folder + "/" + key
        var damaged = try Data(contentsOf: URL(fileURLWithPath: path))
        damaged[damaged.count - 1] ^= 1
        try damaged.write(to: URL(fileURLWithPath: path))
        XCTAssertEqual(try BundledSchemas.cachedOutline(url, cache: cache).serialized, read.serialized)
        XCTAssertEqual(cache.read(key), read.serialized)
    }

    /// Old answers do not pile up: the first entry a process writes in a folder removes those written more
    /// than `keptFor` ago, and a crashed writer's temporary file as old, and keeps the rest; later writes of
    /// the same process do not read the folder again.
    func testTheFirstEntryWrittenRemovesOnesWrittenLongAgo() throws {
        try FileManager.default.createDirectory(atPath: cache.folder, withIntermediateDirectories: true)
        let longAgo = Date().addingTimeInterval(-StartupCache.keptFor - 3600)
        let lately = Date().addingTimeInterval(-StartupCache.keptFor + 3600)
        func place(_ name: String, _ text: String, written date: Date) throws {
            XCTAssertTrue(FileManager.default.createFile(atPath: cache.folder + "/" + name, contents: Data(text.utf8)))
            try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: cache.folder + "/" + name)
        }
        try place("old", "a", written: longAgo)
        try place("recent", "b", written: lately)
        try place(".crashed.1.2", "c", written: longAgo)
        cache.write("new", payload: Data("d".utf8))
        XCTAssertEqual(Set(entries), ["recent", "new"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: cache.folder + "/.crashed.1.2"))
        try place("old-again", "e", written: longAgo)
        cache.write("newer", payload: Data("f".utf8))
        XCTAssertEqual(Set(entries), ["recent", "new", "old-again", "newer"], "pruned once per process")
        XCTAssertEqual(cache.read("new"), Data("d".utf8))
    }

    func testAChangedSchemaFileIsAMiss() throws {
        let url = schemas.appendingPathComponent("case.rng")
        let first = try BundledSchemas.cachedOutline(url, cache: cache)
        // types.rng, which case.rng includes, gets a new value type: a new key, and its outline read afresh.
        let types = schemas.appendingPathComponent("types.rng")
        let text = try String(contentsOf: types, encoding: .utf8)
        try text.replacingOccurrences(of: "</grammar>", with: "<define name=\"unused-type\"><text/></define></grammar>")
            .write(to: types, atomically: true, encoding: .utf8)
        let second = try BundledSchemas.cachedOutline(url, cache: cache)
        XCTAssertEqual(entries.count, 2)
        XCTAssertEqual(second.serialized, first.serialized, "a type nothing uses changes no rule")
    }
}
