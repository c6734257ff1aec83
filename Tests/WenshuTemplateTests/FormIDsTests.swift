import Foundation
import WenshuCase
import WenshuXML
import XCTest
@testable import WenshuTemplate

/// The form ids a command that compiles only some forms goes by come from libxml2's reader, through the
/// start-up cache: the cached map is the reader's, and an entry never answers for files other than the ones
/// it was read from.
final class FormIDsTests: XCTestCase {
    private var root: URL!
    private var library: URL!
    private var cache: StartupCache!

    private static func form(_ id: String) -> String {
        "<form xmlns=\"urn:wenshu:template:1\" id=\"\(id)\" title=\"测试\" version=\"1\">\n<p>甲</p>\n</form>\n"
    }

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-form-ids-\(UUID().uuidString)")
        library = root.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: library, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Fixtures.schema, to: library.appendingPathComponent(TemplateLibrary.schemaFileName))
        try write("a.form.xml", Self.form("one"))
        try write("b.form.xml", Self.form("two"))
        cache = StartupCache(folder: root.appendingPathComponent("cache").path, identity: Array(repeating: 9, count: 32))
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    private func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: library.appendingPathComponent(name))
    }

    /// The files that compiled when only `forms` were asked for, as "file id".
    private func loaded(_ forms: Set<String>, cache: StartupCache? = nil) -> [String] {
        TemplateLibrary.load(directory: library, forms: forms, cache: cache ?? self.cache).library.templates
            .map { "\(URL(fileURLWithPath: $0.file).lastPathComponent) \($0.id)" }
    }

    private func readerIDs(_ sources: TemplateSources) -> [String?] {
        sources.formPaths.map { sources.read($0).flatMap { XMLDocument.rootAttribute("id", in: $0) } }
    }

    func testTheCachedMapIsTheReadersOnEveryForm() throws {
        let sources = TemplateSources.directory(Fixtures.templates, displayPath: "templates")
        let expected = readerIDs(sources)
        XCTAssertEqual(expected.compactMap { $0 }.count, sources.formPaths.count, "every shipped form names its id")
        XCTAssertEqual(FormIDs.read(sources, cache: nil), expected)
        XCTAssertEqual(FormIDs.read(sources, cache: cache), expected, "a miss")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: cache.folder).count, 1, "one entry for the folder")
        XCTAssertEqual(FormIDs.read(sources, cache: cache), expected, "a hit")
    }

    func testEachShippedFormAskedForAloneIsTheOneLoaded() throws {
        let ids = readerIDs(TemplateSources.directory(Fixtures.templates, displayPath: "templates")).compactMap { $0 }
        for id in ids {  // the first load fills the cache, the others are answered from it
            let (library, _) = TemplateLibrary.load(directory: Fixtures.templates, forms: [id], cache: cache)
            XCTAssertEqual(library.templates.map(\.id), [id])
        }
    }

    func testAHitIsTrustedSoTheKeyMustHoldEveryFile() throws {
        XCTAssertEqual(loaded(["one"]), ["a.form.xml one"])
        // An entry for these very files that swaps their ids (as no run would write it) is believed:
        let sources = TemplateSources.directory(library, displayPath: library.path)
        cache.write(FormIDs.key(in: cache, sources.formPaths, sources.formPaths.map { sources.read($0)! }),
                    payload: FormIDs.encode(["two", "one"]))
        XCTAssertEqual(loaded(["one"]), ["b.form.xml two"])
    }

    func testAnEditedAddedOrRemovedFileAsksAgain() throws {
        XCTAssertEqual(loaded(["one"]), ["a.form.xml one"])
        try write("a.form.xml", Self.form("two"))
        try write("b.form.xml", Self.form("one"))
        XCTAssertEqual(loaded(["one"]), ["b.form.xml one"], "edited")
        try write("c.form.xml", Self.form("three"))
        XCTAssertEqual(loaded(["one", "three"]), ["b.form.xml one", "c.form.xml three"], "added")
        try FileManager.default.removeItem(at: library.appendingPathComponent("b.form.xml"))
        XCTAssertEqual(loaded(["one", "three"]), ["c.form.xml three"], "removed")
        try FileManager.default.moveItem(at: library.appendingPathComponent("c.form.xml"), to: library.appendingPathComponent("d.form.xml"))
        XCTAssertEqual(loaded(["three"]), ["d.form.xml three"], "renamed")
    }

    func testNoCacheOrAnUnusableOneGivesTheSameForms() throws {
        XCTAssertEqual(TemplateLibrary.load(directory: library, forms: ["two"], cache: nil).library.templates.map(\.id), ["two"])
        // A file where the cache's folder should be: nothing is written or read.
        try FileManager.default.createDirectory(at: root.appendingPathComponent("cache"), withIntermediateDirectories: true)
        let blocked = StartupCache(folder: root.appendingPathComponent("cache/file").path, identity: Array(repeating: 9, count: 32))
        try Data().write(to: URL(fileURLWithPath: blocked.folder))
        XCTAssertEqual(loaded(["two"], cache: blocked), ["b.form.xml two"])
        XCTAssertEqual(loaded(["two"], cache: blocked), ["b.form.xml two"])
    }

    func testThePayloadIsReadBackOnlyWhole() {
        let ids: [String?] = ["agreement", nil, "", "协议"]
        let payload = FormIDs.encode(ids)
        XCTAssertEqual(FormIDs.decode(payload, count: ids.count), ids)
        XCTAssertNil(FormIDs.decode(payload, count: ids.count + 1))
        for length in 0..<payload.count { XCTAssertNil(FormIDs.decode(payload.prefix(length), count: ids.count), "cut at \(length)") }
        XCTAssertNil(FormIDs.decode(Data("x\0".utf8), count: 1))
    }
}
