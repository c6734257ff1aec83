import Foundation
import XCTest

/// `wenshu render` as a user runs it: what lands in the output folder, what does not, and the exit status.
final class RenderCommandTests: XCTestCase {
    func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-render-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    func files(in folder: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        // Each folder's .wenshu-manifest (what the run wrote there) is the runner's, not a document.
        return (enumerator?.allObjects as? [String] ?? []).filter { !$0.hasSuffix("/") && !$0.hasSuffix(".wenshu-manifest") }.sorted()
    }

    func testRendersIntoOneFolderPerCaseNamedByItsNumber() throws {
        let out = temporaryFolder()
        let run = try WenshuProcess.run(["render", "--form", "agreement", "examples/cases/traffic-instalments.xml",
                                         "--profile", "examples/office.yaml", "-o", out.path, "--to", "odt", "--to", "txt"])
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertEqual(files(in: out), ["（2026）西交调字第37号", "（2026）西交调字第37号/agreement.odt", "（2026）西交调字第37号/agreement.txt"])
        let text = try String(contentsOf: out.appendingPathComponent("（2026）西交调字第37号/agreement.txt"), encoding: .utf8)
        XCTAssertTrue(text.contains("人民币叁万肆仟零贰拾元整"), text)
    }

    func testABrokenCaseWritesNothingAndExitsOne() throws {
        let out = temporaryFolder()
        let run = try WenshuProcess.run(["render", "Tests/WenshuCaseTests/Broken/phone.yaml", "examples/cases/traffic-instalments.xml",
                                         "-o", out.path, "--to", "txt"])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.errors.contains("Tests/WenshuCaseTests/Broken/phone.yaml:19:5: error: parties[1].phone: "), run.errors)
        // The sound case of the batch is still written; the broken one has no folder.
        XCTAssertTrue(files(in: out).allSatisfy { $0.hasPrefix("（2026）西交调字第37号") }, "\(files(in: out))")
        XCTAssertFalse(files(in: out).isEmpty)
    }

    func testAFailedRunLeavesWhatWasThere() throws {
        let out = temporaryFolder()
        let folder = out.appendingPathComponent("（2026）西交调字第37号")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let mine = folder.appendingPathComponent("agreement.txt")
        try Data("the clerk's own edits".utf8).write(to: mine)
        // A case with the same number but an error: nothing may be overwritten.
        let broken = out.appendingPathComponent("broken.xml")
        let original = try String(contentsOfFile: WenshuProcess.root.appendingPathComponent("examples/cases/traffic-instalments.xml").path, encoding: .utf8)
        try original.replacingOccurrences(of: "330106197803121239", with: "330106197803121230").write(to: broken, atomically: true, encoding: .utf8)
        let run = try WenshuProcess.run(["render", broken.path, "-o", out.path, "--to", "txt"])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.errors.contains("[case.id-check-digit]"), run.errors)
        XCTAssertEqual(try String(contentsOf: mine, encoding: .utf8), "the clerk's own edits")
        XCTAssertFalse(files(in: out).contains { $0.contains(".wenshu-staging") || $0.hasSuffix(".tmp") }, "\(files(in: out))")
    }

    func testTwoCasesMappingToOneFolderAreRefusedBeforeWriting() throws {
        let out = temporaryFolder()
        let input = temporaryFolder()
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let original = try String(contentsOfFile: WenshuProcess.root.appendingPathComponent("examples/cases/traffic-instalments.xml").path, encoding: .utf8)
        try original.replacingOccurrences(of: "<number>（2026）西交调字第37号</number>", with: "<number>A/1</number>")
            .write(to: input.appendingPathComponent("a.xml"), atomically: true, encoding: .utf8)
        try original.replacingOccurrences(of: "<number>（2026）西交调字第37号</number>", with: "<number>A:1</number>")
            .write(to: input.appendingPathComponent("b.xml"), atomically: true, encoding: .utf8)
        let run = try WenshuProcess.run(["render", input.path, "-o", out.path, "--to", "txt"])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.errors.contains("[case.folder-collision]"), run.errors)
        XCTAssertEqual(files(in: out), [])
    }

    func testGB18030WithoutOutputFolderGoesToAPipeAsGB18030AndToATerminalAsUTF8() throws {
        let arguments = ["render", "--form", "agreement", "examples/cases/traffic-instalments.xml", "--encoding", "gb18030"]
        // A pipe gets the bytes asked for.
        let process = Process()
        process.executableURL = WenshuProcess.executable
        process.arguments = arguments
        process.currentDirectoryURL = WenshuProcess.root
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let bytes = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        // 人民调解协议书 in GB18030 (Python's codec: "人民调解协议书".encode("gb18030")).
        let title = Data([200, 203, 195, 241, 181, 247, 189, 226, 208, 173, 210, 233, 202, 233])
        XCTAssertNotNil(bytes.range(of: title), "GB18030 on a pipe")
        // A terminal (script(1) gives the command one) gets UTF-8.
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { throw XCTSkip("script(1) is not installed") }
        let command = ([WenshuProcess.executable.path] + arguments).joined(separator: " ")
        let terminal = try WenshuProcess.run(["-qec", command, "/dev/null"], executable: URL(fileURLWithPath: "/usr/bin/script"))
        XCTAssertTrue(terminal.output.contains("人民调解协议书"), terminal.output)
    }

    func testBlankFormsGoToTheBlankFolder() throws {
        let out = temporaryFolder()
        let run = try WenshuProcess.run(["render", "--blank", "--form", "agreement", "-o", out.path, "--to", "txt"])
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertEqual(files(in: out), ["blank", "blank/agreement.txt"])
    }

    func testUsageErrorsExit64() throws {
        XCTAssertEqual(try WenshuProcess.run(["render"]).status, 64)
        XCTAssertEqual(try WenshuProcess.run(["render", "--form", "no-such-form", "examples/cases/traffic-instalments.xml"]).status, 64)
        XCTAssertEqual(try WenshuProcess.run(["render", "examples/cases/traffic-instalments.xml", "--to", "odt"]).status, 64,
                       "odt needs -o")
        XCTAssertEqual(try WenshuProcess.run(["render", "--jobs", "0", "examples/cases"]).status, 64)
    }

    func testOutputDoesNotDependOnTheNumberOfThreads() throws {
        let one = temporaryFolder(), two = temporaryFolder()
        for (folder, jobs) in [(one, "1"), (two, "2")] {
            let run = try WenshuProcess.run(["render", "examples/cases", "--profile", "examples/office.yaml", "-o", folder.path,
                                             "--to", "odt", "--to", "txt", "--jobs", jobs])
            XCTAssertEqual(run.status, 0, run.errors)
        }
        XCTAssertEqual(files(in: one), files(in: two))
        for file in files(in: one) where file.contains(".") {
            XCTAssertEqual(FileManager.default.contents(atPath: one.appendingPathComponent(file).path),
                           FileManager.default.contents(atPath: two.appendingPathComponent(file).path), file)
        }
    }

    /// The start-up cache (`$XDG_CACHE_HOME/wenshu`) is filled by a first run, used by the next, and turned off
    /// by `WENSHU_CACHE=0`; the documents are the same bytes every time.
    func testTheStartUpCacheChangesNothingButTheTime() throws {
        let cacheHome = temporaryFolder()
        let arguments = ["render", "--form", "agreement", "examples/cases/traffic-instalments.xml", "--to", "txt", "-o"]
        var outputs: [Data] = []
        for (index, setting) in ["0", "1", "1"].enumerated() {
            let out = temporaryFolder()
            let run = try WenshuProcess.run(arguments + [out.path], environment: ["XDG_CACHE_HOME": cacheHome.path, "WENSHU_CACHE": setting])
            XCTAssertEqual(run.status, 0, run.errors)
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: cacheHome.path + "/wenshu")) ?? []
            // Off: nothing written; on: the agreement and each fragment it includes passed the schema.
            if index == 0 { XCTAssertEqual(entries, []) } else { XCTAssertGreaterThan(entries.count, 1) }
            let document = try XCTUnwrap(files(in: out).first { $0.hasSuffix("agreement.txt") })
            outputs.append(try Data(contentsOf: out.appendingPathComponent(document)))
        }
        XCTAssertEqual(Set(outputs).count, 1)
    }
}

/// A shell glob of many case files: every path arrives, wherever it stands among the options.
final class LongCaseListTests: XCTestCase {
    func testManyCaseFilesAfterAnOptionValueAreAllRendered() throws {
        let cases = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-many-\(UUID().uuidString)")
        let out = cases.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: cases, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: cases) }
        let example = try String(contentsOf: WenshuProcess.root.appendingPathComponent("examples/cases/traffic-instalments.xml"), encoding: .utf8)
        var paths: [String] = []
        for n in 1...150 {
            // Names beyond ASCII, one with a combining mark: the folded list is split on bytes.
            let url = cases.appendingPathComponent("调解案\(n)-e\u{301}.xml")
            try example.replacingOccurrences(of: "西交调字第37号", with: "西交调字第\(1000 + n)号").write(to: url, atomically: false, encoding: .utf8)
            paths.append(url.path)
        }
        // `-o DIR` right before the list: DIR is the option's value, the rest are cases.
        let run = try WenshuProcess.run(["render", "--form", "agreement", "--to", "txt", "--profile", "examples/office.yaml",
                                         "-o", out.path] + paths)
        XCTAssertEqual(run.status, 0, run.errors)
        let folders = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        XCTAssertEqual(folders.count, 150)
        XCTAssertTrue(folders.contains("（2026）西交调字第1001号") && folders.contains("（2026）西交调字第1150号"), "\(folders.prefix(3))")
    }

    func testAMissingFileAtTheEndOfALongListIsNamed() throws {
        let example = "examples/cases/traffic-instalments.xml"
        let run = try WenshuProcess.run(["check"] + Array(repeating: example, count: 99) + ["examples/cases/no-such-case.xml"])
        XCTAssertEqual(run.status, 64)
        XCTAssertTrue(run.errors.contains("examples/cases/no-such-case.xml: no such file or folder"), run.errors)
        let clean = try WenshuProcess.run(["check", "--profile", "examples/office.yaml"] + Array(repeating: example, count: 100))
        XCTAssertEqual(clean.status, 0, clean.errors + clean.output)
        // The hundred cases; the profile given with --profile is not one of the files checked.
        XCTAssertTrue((clean.output + clean.errors).contains("100 files checked"), clean.output + clean.errors)
    }
}
