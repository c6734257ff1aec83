import Foundation
import XCTest

/// `wenshu packet` as a user runs it: files where docs/guide.md puts them, a refused packet writes nothing
/// and prints one line per finding, usage errors exit 64.
final class PacketCommandTests: XCTestCase {
    static let root = WenshuProcess.root

    func wenshu(_ arguments: [String]) throws -> WenshuProcess.Run { try WenshuProcess.run(arguments) }

    func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-packet-cli-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    /// The reference case edited as text, saved in a temporary folder as `late.xml`.
    func editedCase(_ edits: [(String, String)], in folder: URL) throws -> String {
        var text = try String(contentsOf: Self.root.appendingPathComponent("examples/cases/traffic-instalments.xml"), encoding: .utf8)
        for (old, new) in edits {
            XCTAssertTrue(text.contains(old))
            text = text.replacingOccurrences(of: old, with: new)
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent("late.xml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func testACompletePacketIsWrittenInEveryFormatAskedFor() throws {
        let out = temporaryFolder()
        let run = try wenshu(["packet", "examples/cases/traffic-instalments.xml", "-o", out.path, "--to", "txt", "--to", "odt",
                              "--profile", "examples/office.yaml"])
        XCTAssertEqual(run.status, 0, run.errors)
        let folder = out.appendingPathComponent("（2026）西交调字第37号")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(),
                       [".wenshu-manifest", "confirmation-packet.odt", "confirmation-packet.txt"])
        XCTAssertTrue(run.errors.contains("[packet.missing-material]"), "warnings are printed too")
        XCTAssertTrue(run.errors.contains("1 case: 1 packet written (2 files in \(out.path)), 0 refused"), run.errors)
    }

    func testARefusedPacketWritesNothingAndPrintsOneLinePerFinding() throws {
        let out = temporaryFolder()
        let late = try editedCase([("<applied>2026-03-16</applied>", "<applied>2026-04-10</applied>"),
                                   ("<decided>2026-03-27</decided>", "<decided>2026-04-20</decided>")], in: out.appendingPathComponent("in"))
        let run = try wenshu(["packet", late, "-o", out.appendingPathComponent("out").path, "--profile", "examples/office.yaml"])
        XCTAssertEqual(run.status, 1)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("out/（2026）西交调字第37号").path))
        let line = try XCTUnwrap(run.errors.split(separator: "\n").first { $0.hasSuffix("[packet.window]") })
        XCTAssertTrue(line.hasPrefix("\(late):182: error: confirmation.applied: applied on 2026-04-10"), String(line))

        let forced = try wenshu(["packet", late, "-o", out.appendingPathComponent("out").path, "--profile", "examples/office.yaml",
                                 "--force", "--to", "txt"])
        XCTAssertEqual(forced.status, 0, forced.errors)
        XCTAssertTrue(forced.errors.contains("[packet.window] (overridden by --force)"), forced.errors)
        let text = try String(contentsOf: out.appendingPathComponent("out/（2026）西交调字第37号/confirmation-packet.txt"), encoding: .utf8)
        XCTAssertEqual(text.split(separator: "\n").first?.trimmingCharacters(in: .whitespaces), "司法确认申请材料审查情况说明",
                       "the cover note comes first")
    }

    func testJSONReport() throws {
        let out = temporaryFolder()
        let run = try wenshu(["packet", "examples/cases/traffic-instalments.xml", "examples/cases/dog-bite-oral.yaml",
                              "-o", out.path, "--to", "fodt", "--format", "json", "--profile", "examples/office.yaml"])
        XCTAssertEqual(run.status, 1, "the oral agreement is refused")
        let report = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: [[String: Any]]]
        let cases = try XCTUnwrap(report?["cases"])
        XCTAssertEqual(cases.map { $0["refused"] as? Bool }, [false, true])
        XCTAssertEqual((cases[0]["files"] as? [String])?.map { URL(fileURLWithPath: $0).lastPathComponent }, ["confirmation-packet.fodt"])
        let ids = (cases[1]["findings"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
        XCTAssertTrue(ids.contains("packet.oral-agreement"), "\(ids)")
    }

    func testUsageErrorsExit64() throws {
        XCTAssertEqual(try wenshu(["packet", "examples/cases/traffic-instalments.xml"]).status, 64, "no -o")
        XCTAssertEqual(try wenshu(["packet", "-o", temporaryFolder().path]).status, 64, "no case")
        XCTAssertEqual(try wenshu(["packet", "examples/cases/traffic-instalments.xml", "-o", temporaryFolder().path, "--to", "docx"]).status, 64)
    }
}
