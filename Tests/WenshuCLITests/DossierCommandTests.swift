import Foundation
import XCTest

/// `wenshu dossier` and `wenshu verify` as a user runs them: the built executable, its files, its output
/// and its exit status.
final class DossierCommandTests: XCTestCase {
    static let root = WenshuProcess.root
    static let caseFolder = "（2026）西交调字第37号"

    /// Runs `wenshu arguments…` in the repository's root; standard output and standard error together.
    func wenshu(_ arguments: String...) throws -> (status: Int32, output: String) {
        let run = try WenshuProcess.run(arguments, mergingErrors: true)
        return (run.status, run.output)
    }

    func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-cli-dossier-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    func testTheDossierAndItsArchiveAreWrittenAndVerifyAcceptsThePackage() throws {
        let out = try temporaryFolder()
        // --force: the example binds whatever part of the form catalogue is installed.
        let (status, output) = try wenshu("dossier", "examples/cases/traffic-instalments.xml", "--profile", "examples/office.yaml",
                                          "-o", out.path, "--to", "odt", "--to", "txt", "--archive", "--force")
        XCTAssertEqual(status, 0, output)
        XCTAssertTrue(output.hasSuffix("1 case: 1 dossier bound (3 files in \(out.path)), 0 refused\n"), output)
        let folder = out.appendingPathComponent(Self.caseFolder)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        XCTAssertEqual(names, [".wenshu-manifest", "dossier-archive.xml", "dossier.odt", "dossier.txt"])
        let text = try String(contentsOf: folder.appendingPathComponent("dossier.txt"), encoding: .utf8)
        XCTAssertTrue(text.contains("卷内目录") && text.contains("备考表"))

        let package = folder.appendingPathComponent("dossier-archive.xml")
        let (verified, report) = try wenshu("verify", package.path)
        XCTAssertEqual(verified, 0, report)
        XCTAssertTrue(report.hasPrefix("\(package.path): intact, "), report)
    }

    func testVerifyRejectsASingleChangedByteNamingThePart() throws {
        let out = try temporaryFolder()
        let (status, output) = try wenshu("dossier", "examples/cases/traffic-instalments.xml", "--profile", "examples/office.yaml",
                                          "-o", out.path, "--to", "txt", "--archive", "--force")
        XCTAssertEqual(status, 0, output)
        let package = out.appendingPathComponent(Self.caseFolder).appendingPathComponent("dossier-archive.xml")
        var data = try Data(contentsOf: package)
        let text = String(decoding: data, as: UTF8.self)
        let tag = try XCTUnwrap(text.range(of: "name=\"dossier.txt\""))
        let start = try XCTUnwrap(text[tag.upperBound...].firstIndex(of: ">"))
        let offset = text.utf8.distance(from: text.startIndex, to: start) + 20
        data[offset] = data[offset] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        try data.write(to: package)

        let (verified, report) = try wenshu("verify", package.path)
        XCTAssertEqual(verified, 1)
        XCTAssertEqual(report, "\(package.path): part dossier.txt was changed: its SHA-256 no longer matches\n")
    }

    func testAMissingRequiredPaperRefusesTheDossierAndWritesNothing() throws {
        let out = try temporaryFolder()
        let original = try String(contentsOf: Self.root.appendingPathComponent("examples/cases/traffic-instalments.xml"), encoding: .utf8)
        let withoutIDs = original.replacingOccurrences(of: #"(?s)\s*<attachment>\s*<kind>身份证明</kind>.*?</attachment>"#, with: "",
                                                       options: .regularExpression)
        let caseFile = out.appendingPathComponent("no-ids.xml")
        try Data(withoutIDs.utf8).write(to: caseFile)
        let (status, output) = try wenshu("dossier", caseFile.path, "--profile", "examples/office.yaml", "-o", out.appendingPathComponent("out").path)
        XCTAssertEqual(status, 1)
        XCTAssertTrue(output.contains(": error: 卷内目录第3项 当事人身份证明: "), output)
        XCTAssertTrue(output.contains("[dossier.missing-required]"), output)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("out").appendingPathComponent(Self.caseFolder).path))
    }

    func testUsageErrorsExit64() throws {
        XCTAssertEqual(try wenshu("dossier", "examples/cases/traffic-instalments.xml").status, 64, "no -o")
        XCTAssertEqual(try wenshu("dossier", "-o", "/tmp/x").status, 64, "no case")
        XCTAssertEqual(try wenshu("verify").status, 64, "no package")
    }

    func testVerifyRefusesAFileThatIsNoPackage() throws {
        let (status, output) = try wenshu("verify", "examples/cases/traffic-instalments.xml")
        XCTAssertEqual(status, 1)
        XCTAssertTrue(output.contains("not a Wenshu archive package"), output)
    }
}
