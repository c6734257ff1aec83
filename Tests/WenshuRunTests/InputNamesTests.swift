import Foundation
import XCTest
import WenshuCase

/// The inputs a command line names, as the runner gets them: relative paths become URLs against the
/// current folder (one shared), and a file's kind is told by its last component.
final class InputNamesTests: XCTestCase {
    func testAFileKindIsToldByTheLastComponentOfAnyPath() {
        let current = URL(fileURLWithPath: "/srv/office", isDirectory: true)
        let expected: [(URL, FileKind)] = [
            (URL(fileURLWithPath: "cases/office.yaml", isDirectory: false, relativeTo: current), .office),
            (URL(fileURLWithPath: "/srv/x/worklog.xml"), .worklog),
            (URL(fileURLWithPath: "registers/mediators.json", isDirectory: false, relativeTo: current), .mediators),
            (URL(fileURLWithPath: "committees.yml"), .committees),
            (URL(fileURLWithPath: "office-cases/c1.xml", isDirectory: false, relativeTo: current), .caseFile),
            (URL(fileURLWithPath: "officer.yaml"), .caseFile),
            (URL(fileURLWithPath: "c00001.xml", isDirectory: false, relativeTo: current), .caseFile),
            (URL(fileURLWithPath: "/worklog.xml/"), .worklog),
            (URL(fileURLWithPath: "/"), .caseFile),
        ]
        for (url, kind) in expected { XCTAssertEqual(FileKind(guessingFrom: url), kind, url.path) }
    }

    func testRelativeInputsAreTheFilesInTheCurrentFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-inputs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("cases"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["cases/b.xml", "cases/a.yaml", "one.json"] { try Data("x".utf8).write(to: folder.appendingPathComponent(name)) }
        let previous = FileManager.default.currentDirectoryPath
        XCTAssertTrue(FileManager.default.changeCurrentDirectoryPath(folder.path))
        defer { FileManager.default.changeCurrentDirectoryPath(previous) }
        let urls = try InputFiles.expand(["cases", "one.json", folder.path + "/cases/b.xml"])
        let real = folder.resolvingSymlinksInPath().path
        XCTAssertEqual(urls.map { $0.resolvingSymlinksInPath().path }, [real + "/cases/a.yaml", real + "/cases/b.xml", real + "/one.json", real + "/cases/b.xml"])
        XCTAssertEqual(urls.map(\.relativePath), ["cases/a.yaml", "cases/b.xml", "one.json", folder.path + "/cases/b.xml"])
        XCTAssertEqual(urls[0], URL(fileURLWithPath: "cases/a.yaml", isDirectory: false), "the same URL as the current folder's own")
    }
}
