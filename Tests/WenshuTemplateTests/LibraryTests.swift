import Foundation
import WenshuDocument
import WenshuXML
import XCTest
@testable import WenshuTemplate

/// Finding the templates folder, loading it, and sharing one compiled template among threads.
final class LibraryTests: XCTestCase {
    let elsewhere = URL(fileURLWithPath: NSTemporaryDirectory())

    func testAnExplicitFolderWins() throws {
        let found = try TemplateLibrary.locate(explicit: Fixtures.templates.path, environment: ["WENSHU_TEMPLATES": "/nowhere"],
                                               executable: nil, currentDirectory: elsewhere)
        XCTAssertEqual(found.path, Fixtures.templates.path)
    }

    func testTheEnvironmentComesNext() throws {
        let found = try TemplateLibrary.locate(explicit: nil, environment: ["WENSHU_TEMPLATES": Fixtures.templates.path],
                                               executable: nil, currentDirectory: elsewhere)
        XCTAssertEqual(found.path, Fixtures.templates.path)
    }

    func testAFolderWithoutTheSchemaIsRefused() {
        XCTAssertThrowsError(try TemplateLibrary.locate(explicit: elsewhere.path, environment: [:], executable: nil,
                                                        currentDirectory: elsewhere)) { error in
            XCTAssertEqual((error as? Diagnostic)?.id, TemplateID.libraryNotFound.id)
        }
    }

    func testTheBundledFolderIsFoundAboveTheExecutableThenAboveTheCurrentFolder() throws {
        let executable = Fixtures.repository.appendingPathComponent(".build/release/wenshu")
        XCTAssertEqual(try TemplateLibrary.locate(explicit: nil, environment: [:], executable: executable,
                                                  currentDirectory: elsewhere).path, Fixtures.templates.path)
        let inside = Fixtures.repository.appendingPathComponent("examples/cases")
        XCTAssertEqual(try TemplateLibrary.locate(explicit: nil, environment: [:], executable: nil, currentDirectory: inside).path,
                       Fixtures.templates.path)
        XCTAssertThrowsError(try TemplateLibrary.locate(explicit: nil, environment: [:], executable: nil, currentDirectory: elsewhere))
    }

    func testTheExecutableIsFollowedThroughSymbolicLinks() throws {
        let folder = elsewhere.appendingPathComponent("wenshu-link-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let link = folder.appendingPathComponent("wenshu")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: Fixtures.repository.appendingPathComponent("Package.swift"))
        XCTAssertEqual(try TemplateLibrary.locate(explicit: nil, environment: [:], executable: link, currentDirectory: elsewhere).path,
                       Fixtures.templates.path)
    }

    func testAMissingSchemaIsReported() {
        let (library, diagnostics) = TemplateLibrary.load(directory: elsewhere)
        XCTAssertEqual(library.templates.count, 0)
        XCTAssertEqual(diagnostics.map(\.id), [TemplateID.libraryNotFound.id])
    }

    func testOneCompiledTemplateServesManyThreads() throws {
        let agreement = try XCTUnwrap(AgreementTemplateTests.loaded.library.template(id: "agreement"))
        let source = try Data(contentsOf: Fixtures.exampleCase)
        let expected = agreement.render(try XMLDocument(parsing: source, fileName: "case.xml")).documents
        XCTAssertEqual(expected.count, 1)
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<25 {
                guard let document = try? XMLDocument(parsing: source, fileName: "case.xml") else { return results.add(false) }
                results.add(agreement.render(document).documents == expected)
            }
        }
        XCTAssertEqual(results.failures, 0)
        XCTAssertEqual(results.total, 200)
    }
}

private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var total = 0
    private(set) var failures = 0
    func add(_ ok: Bool) {
        lock.lock()
        total += 1
        if !ok { failures += 1 }
        lock.unlock()
    }
}
