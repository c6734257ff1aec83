import Foundation
import XCTest
@testable import WenshuRun
import WenshuXML

/// New folders placed while the run is still staging (`EarlyPlacement`): only what a flush covered, a
/// placed folder taken back when a later job claims its name, and a run that ends as if everything had
/// been placed at the end.
final class EarlyPlacementTests: XCTestCase {
    func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-early-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    /// A staging folder in a new `-o`, with job folders holding one file each.
    func staged(_ jobs: Int, in out: URL) throws -> Staging {
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let staging = try Staging(in: out, workers: 1)
        addTeardownBlock { staging.remove() }
        for index in 0..<jobs {
            try Placement.makeFolder(staging.jobFolder(worker: 0, index: index), shownAs: out.path)
            try Placement.writeNew(Data("job \(index)".utf8), toPath: staging.jobFolder(worker: 0, index: index) + "/a.txt", shownAs: out.path)
        }
        return staging
    }

    func testAFolderIsPlacedOnlyOnceAFlushThatBeganAfterItWasStagedHasReturned() throws {
        let out = temporaryFolder()
        let staging = try staged(2, in: out)
        let early = EarlyPlacement(output: out.path, staging: staging, waitsForFlush: true)
        early.claim("A1", index: 0, worker: 0)
        XCTAssertFalse(exists(out.path + "/A1"), "not flushed yet: not placed")
        let covered = early.flushBegins()
        early.claim("B2", index: 1, worker: 0)  // staged after the flush began
        early.placeFlushed(covered)
        XCTAssertEqual(try String(contentsOfFile: out.path + "/A1/a.txt", encoding: .utf8), "job 0")
        XCTAssertFalse(exists(out.path + "/B2"), "staged after the flush began: left for the next one")
        XCTAssertEqual(early.placed, [0])
        early.placeFlushed(early.flushBegins())
        XCTAssertEqual(early.placed.sorted(), [0, 1])
    }

    func testASecondClaimOnANameTakesTheFolderPlacedEarlyBack() throws {
        let out = temporaryFolder()
        let staging = try staged(3, in: out)
        let early = EarlyPlacement(output: out.path, staging: staging, waitsForFlush: true)
        early.claim("A1", index: 0, worker: 0)
        early.placeFlushed(early.flushBegins())
        XCTAssertTrue(exists(out.path + "/A1/a.txt"))
        early.claim("A1", index: 1, worker: 0)
        XCTAssertFalse(exists(out.path + "/A1"), "taken back out of -o")
        XCTAssertEqual(try String(contentsOfFile: staging.jobFolder(worker: 0, index: 0) + "/a.txt", encoding: .utf8), "job 0",
                       "back where it was staged, whole")
        early.claim("A1", index: 2, worker: 0)
        early.placeFlushed(early.flushBegins())
        XCTAssertFalse(exists(out.path + "/A1"), "a third claim does not place it either")
        XCTAssertEqual(early.placed, [])
    }

    /// Jobs 0 and the last share a folder: with nothing to wait for (`sync: false`, one worker) the first is
    /// placed as soon as it is staged; both are refused all the same and `-o` has no such folder.
    func testACollisionRefusesBothJobsAndLeavesNoFolderEvenWhenTheFirstWasPlaced() throws {
        let out = temporaryFolder()
        let count = 20
        let report = Runner(RunSettings(output: out, manifestKey: "test", jobs: 1, sync: false)).run(count: count) { index in
            RunnerTests.job(index == 0 || index == count - 1 ? "A/1" : "B\(index)", ["a.txt": "\(index)"])
        }
        XCTAssertEqual(report.jobs[0].diagnostics.map(\.id), ["case.folder-collision"])
        XCTAssertEqual(report.jobs[count - 1].diagnostics.map(\.id), ["case.folder-collision"])
        XCTAssertEqual(report.failed, 2)
        XCTAssertFalse(exists(out.path + "/A_1"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.path).count, count - 2)
    }

    /// The same jobs into two copies of one `-o`: placed early where they can be, and all at the end (a
    /// staging step turns early placement off). The reports (JSON, summary, findings) and the trees are the
    /// same: merges, a stale file, refusals (a file and a link in the way), a collision across two early
    /// flushes, failed jobs and a fixed folder among 1,100 jobs on two workers.
    func testEarlyPlacementEndsAsPlacingEverythingAtTheEnd() throws {
        let count = 1_100
        @Sendable func job(_ index: Int) -> JobOutput {
            switch index {
            case 5, 1_050: return RunnerTests.job("X9", ["a.txt": "\(index)"])
            case 7: return JobOutput(source: "7.yaml", files: [OutputFile(name: "a.txt", data: Data("no number".utf8))])
            case 8: return JobOutput(source: "8.yaml", caseNumber: "Z8", diagnostics: [Diagnostic(OutputID.noCaseNumber, at: SourceLocation(file: "8.yaml"))])
            case 9: return JobOutput(source: "9.yaml", folder: "blank", files: [OutputFile(name: "blank.txt", data: Data("b".utf8))])
            case 10: return RunnerTests.job("C3", ["new.txt": "new"])
            case 11: return RunnerTests.job("F4", ["a.txt": "f"])
            case 12: return RunnerTests.job("L5", ["a.txt": "l"])
            default: return RunnerTests.job("N\(index)", ["a.txt": "\(index)", "b.txt": "b"])
            }
        }
        func prepared() throws -> URL {
            let out = temporaryFolder()
            let c3 = out.appendingPathComponent("C3")
            try FileManager.default.createDirectory(at: c3, withIntermediateDirectories: true)
            try Data("old".utf8).write(to: c3.appendingPathComponent("old.txt"))
            let digest = try Placement.digest(ofFileAt: c3.path + "/old.txt", shownAs: "old.txt")
            try Data("test\t\(digest)\told.txt\n".utf8).write(to: c3.appendingPathComponent(".wenshu-manifest"))
            try Data("a file".utf8).write(to: out.appendingPathComponent("F4"))
            try FileManager.default.createSymbolicLink(atPath: out.path + "/L5", withDestinationPath: "/tmp")
            return out
        }
        func tree(_ out: URL) throws -> [String: Data] {
            var files: [String: Data] = [:]
            for path in try XCTUnwrap(FileManager.default.subpathsOfDirectory(atPath: out.path)) {
                var info = stat()
                lstat(out.path + "/" + path, &info)
                files[path] = (info.st_mode & S_IFMT) == S_IFREG ? try Data(contentsOf: out.appendingPathComponent(path)) : Data()
            }
            return files
        }
        let printer = ReportPrinter(summary: .init(CommandWording.renderSummary))
        func described(_ report: RunReport) -> [String] {
            [printer.json(report), printer.summary(report)] + report.jobs.map { job in job.diagnostics.map { "\($0)" }.joined(separator: "\n") }
        }
        let early = try prepared(), atTheEnd = try prepared()
        let a = Runner(RunSettings(output: early, manifestKey: "test", jobs: 2, sync: true)).run(count: count, job: job)
        let b = Runner(RunSettings(output: atTheEnd, manifestKey: "test", jobs: 2, sync: true, afterStaging: [{ _, names in names }]))
            .run(count: count, job: job)
        XCTAssertEqual(a.failed, 6)  // X9 twice, no number, an error, F4, L5, and nothing else
        XCTAssertEqual(described(a).map { $0.replacingOccurrences(of: early.path, with: "OUT") },
                       described(b).map { $0.replacingOccurrences(of: atTheEnd.path, with: "OUT") })
        XCTAssertEqual(try tree(early), try tree(atTheEnd))
        XCTAssertNil(try tree(early)["X9"])
        XCTAssertNil(try tree(early)["C3/old.txt"], "the stale file of the merge is gone")
    }

    /// SIGTERM while a batch is staging and placing: the folders placed early stay, each whole (every file its
    /// manifest names, with that digest, and nothing else); nothing half placed, no staging folder.
    func testSIGTERMDuringEarlyPlacementLeavesOnlyWholeFolders() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let bundle = Bundle(for: Self.self).bundleURL
        let wenshu = (bundle.pathExtension == "xctest" ? bundle.deletingLastPathComponent() : bundle).appendingPathComponent("wenshu")
        guard FileManager.default.isExecutableFile(atPath: wenshu.path) else { throw XCTSkip("no wenshu built beside the tests") }
        let batch = temporaryFolder(), out = temporaryFolder()
        try FileManager.default.createDirectory(at: batch, withIntermediateDirectories: true)
        let original = try String(contentsOf: root.appendingPathComponent("examples/cases/traffic-instalments.xml"), encoding: .utf8)
        for index in 0..<2_000 {
            try original.replacingOccurrences(of: "（2026）西交调字第37号", with: "（2026）西交调字第37-\(index)号")
                .write(to: batch.appendingPathComponent("case-\(index).xml"), atomically: false, encoding: .utf8)
        }
        let process = Process()
        process.executableURL = wenshu
        process.arguments = ["render", batch.path, "--form", "agreement", "-o", out.path, "--to", "txt", "--to", "odt", "--jobs", "2"]
        process.currentDirectoryURL = root
        process.environment = ProcessInfo.processInfo.environment.filter { $0.key != "WENSHU_FSYNC" }
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        func placed() -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []).filter { !$0.hasPrefix(".") } }
        let deadline = Date().addingTimeInterval(300)
        while Date() < deadline && process.isRunning && placed().isEmpty { usleep(5_000) }
        guard process.isRunning, !placed().isEmpty else {
            process.terminate()
            throw XCTSkip("the batch finished or stalled before a folder was placed early")
        }
        process.terminate()  // SIGTERM
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .uncaughtSignal, "interrupted while staging")
        let folders = placed()
        XCTAssertGreaterThan(folders.count, 0)
        XCTAssertLessThan(folders.count, 2_000)
        for folder in folders {
            let path = out.path + "/" + folder
            let manifest = try String(contentsOfFile: path + "/.wenshu-manifest", encoding: .utf8)
            var named: [String] = []
            for line in manifest.split(separator: "\n") {
                let fields = line.split(separator: "\t").map(String.init)
                XCTAssertEqual(try Placement.digest(ofFileAt: path + "/" + fields[2], shownAs: fields[2]), fields[1], folder)
                named.append(fields[2])
            }
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: path).sorted(), (named + [".wenshu-manifest"]).sorted(), folder)
            XCTAssertEqual(named.count, 2, folder)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasPrefix(".") }, [])
    }
}
