import Foundation
import XCTest

/// Issue 15, items 3–7, as a user meets them: an interrupted run, a full or read-only disk, `-o` naming a
/// file, stale files from an earlier run, a symbolic link inside `-o`, and case numbers that cannot be folders.
final class OutputSafetyTests: XCTestCase {
    static let traffic = "examples/cases/traffic-instalments.xml"
    static let trafficFolder = "（2026）西交调字第37号"

    func temporaryFolder(_ label: String = "out") -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-safety-\(label)-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    func entries(in folder: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        return (enumerator?.allObjects as? [String] ?? []).sorted()
    }

    func stagingFolders(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasPrefix(".wenshu-staging-") }
    }

    /// `count` copies of the traffic case, each with its own number, in a new folder.
    func generatedBatch(_ count: Int) throws -> URL {
        let folder = temporaryFolder("batch")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let original = try String(contentsOfFile: WenshuProcess.root.appendingPathComponent(Self.traffic).path, encoding: .utf8)
        for index in 0..<count {
            try original.replacingOccurrences(of: "（2026）西交调字第37号", with: "（2026）西交调字第37-\(index)号")
                .write(to: folder.appendingPathComponent("case-\(index).xml"), atomically: false, encoding: .utf8)
        }
        return folder
    }

    /// Starts `wenshu render` on a large batch and returns once it is staging documents.
    func startBatch(into out: URL) throws -> Process {
        let batch = try generatedBatch(400)
        let process = Process()
        process.executableURL = WenshuProcess.executable
        process.arguments = ["render", batch.path, "-o", out.path, "--to", "txt", "--to", "odt", "--jobs", "2"]
        process.currentDirectoryURL = WenshuProcess.root
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline && process.isRunning {
            if let staging = stagingFolders(in: out).first,
               let jobs = try? FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent(staging + "/0").path),
               jobs.count >= 3 { return process }
            usleep(20_000)
        }
        process.terminate()
        throw XCTSkip("the batch finished or stalled before it could be interrupted")
    }

    // MARK: Item 3: interrupted runs

    func testSIGTERMMidBatchRemovesTheStagingFolderAndDiesOfTheSignal() throws {
        let out = temporaryFolder()
        let process = try startBatch(into: out)
        process.terminate()  // SIGTERM
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .uncaughtSignal)
        XCTAssertEqual(process.terminationStatus, SIGTERM)
        XCTAssertEqual(stagingFolders(in: out), [], "the staging folder is removed on SIGTERM")
        XCTAssertFalse(entries(in: out).contains { $0.hasSuffix(".tmp") })
    }

    func testAfterKill9TheNextRunRemovesTheAbandonedStagingFolder() throws {
        let out = temporaryFolder()
        let process = try startBatch(into: out)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertEqual(stagingFolders(in: out).count, 1, "kill -9 leaves the staging folder")
        let run = try WenshuProcess.run(["render", "--form", "agreement", Self.traffic, "-o", out.path, "--to", "txt"])
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertEqual(stagingFolders(in: out), [], "the next run removes a staging folder whose owner is gone")
    }

    // MARK: Item 4 and 6: failed writes change nothing and say why in plain words

    func testAFullDiskIsReportedInPlainWordsAndARefusedDossierChangesNoFile() throws {
        let out = temporaryFolder()
        let first = try WenshuProcess.run(["dossier", Self.traffic, "--profile", "examples/office.yaml", "-o", out.path,
                                           "--to", "odt", "--to", "txt", "--archive"])
        XCTAssertEqual(first.status, 0, first.errors)
        let folder = out.appendingPathComponent(Self.trafficFolder)
        func identities() throws -> [String: Int] {
            var result: [String: Int] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
                let attributes = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path)
                result[name] = (attributes[.systemFileNumber] as? Int) ?? -1
            }
            return result
        }
        let before = try identities()
        XCTAssertEqual(Set(before.keys).isSuperset(of: ["dossier.odt", "dossier.txt", "dossier-archive.xml"]), true, "\(before)")
        // The disk fills up: the seam makes every staged write fail with ENOSPC.
        let second = try WenshuProcess.run(["dossier", Self.traffic, "--profile", "examples/office.yaml", "-o", out.path,
                                            "--to", "odt", "--to", "txt", "--archive"], environment: ["WENSHU_TEST_WRITE_ERRNO": "\(ENOSPC)"])
        XCTAssertEqual(second.status, 1)
        XCTAssertTrue(second.errors.contains("cannot write \(folder.path)/dossier.odt: the disk is full [output.write-failed]"), second.errors)
        XCTAssertFalse(second.errors.contains("NSCocoaErrorDomain") || second.errors.contains(".wenshu-staging"), second.errors)
        XCTAssertEqual(try identities(), before, "no file of the volume was replaced")
        XCTAssertEqual(stagingFolders(in: out), [])
    }

    func testATinyFullFileSystemIsReportedWithTheFinalPath() throws {
        let mountPoint = temporaryFolder("tmpfs")
        try mount(mountPoint, options: "size=48k")
        defer { unmount(mountPoint) }
        let run = try WenshuProcess.run(["render", "--form", "all", Self.traffic, "--profile", "examples/office.yaml",
                                         "-o", mountPoint.path, "--to", "odt", "--to", "fodt"])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.errors.contains(": the disk is full [output.write-failed]"), run.errors)
        XCTAssertTrue(run.errors.contains("cannot write \(mountPoint.path)/"), run.errors)
        XCTAssertFalse(run.errors.contains("NSCocoaErrorDomain") || run.errors.contains(".wenshu-staging"), run.errors)
        XCTAssertTrue(run.errors.contains("1 case: 0 rendered (0 files in"), run.errors)
        XCTAssertEqual(entries(in: mountPoint), [], "nothing half-written stays behind")
    }

    func testAReadOnlyFolderIsReportedInPlainWords() throws {
        let mountPoint = temporaryFolder("readonly")
        try mount(mountPoint, options: "ro,size=64k")
        defer { unmount(mountPoint) }
        let run = try WenshuProcess.run(["render", "--form", "agreement", Self.traffic, "-o", mountPoint.path, "--to", "txt"])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.errors.contains("cannot write \(mountPoint.path): the disk is mounted read-only [output.write-failed]"), run.errors)
        XCTAssertFalse(run.errors.contains("NSCocoaErrorDomain"), run.errors)
    }

    func testOutputNamingAFileIsReportedInPlainWords() throws {
        let file = temporaryFolder("file")
        try Data("not a folder".utf8).write(to: file)
        let run = try WenshuProcess.run(["render", "--form", "agreement", Self.traffic, "-o", file.path, "--to", "txt"])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.errors.contains("cannot write into \(file.path): a part of the path is a file, not a folder"), run.errors)
        XCTAssertFalse(run.errors.contains("NSCocoaErrorDomain"), run.errors)
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), "not a folder")
    }

    // MARK: Item 5: stale files

    func homesteadCopy(in folder: URL, visits: Int) throws -> URL {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var text = try String(contentsOfFile: WenshuProcess.root.appendingPathComponent("examples/cases/homestead-wall-police.xml").path, encoding: .utf8)
        if visits == 1, let second = text.range(of: "<visit>", range: text.range(of: "</visit>")!.upperBound..<text.endIndex),
           let end = text.range(of: "</visit>", range: second.upperBound..<text.endIndex) {
            text.removeSubrange(second.lowerBound..<end.upperBound)
        }
        let url = folder.appendingPathComponent("homestead.xml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    func caseFolder(_ out: URL) throws -> URL {
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { !$0.hasPrefix(".") }
        XCTAssertEqual(names.count, 1, "\(names)")
        return out.appendingPathComponent(names[0])
    }

    func testAFileTheLastRunWroteAndThisOneDoesNotIsRemoved() throws {
        let out = temporaryFolder(), input = temporaryFolder("input")
        let first = try WenshuProcess.run(["render", try homesteadCopy(in: input, visits: 2).path, "-o", out.path, "--to", "txt"])
        XCTAssertEqual(first.status, 0, first.errors)
        let folder = try caseFolder(out)
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("follow-up-2.txt").path))
        let second = try WenshuProcess.run(["render", try homesteadCopy(in: input, visits: 1).path, "-o", out.path, "--to", "txt"])
        XCTAssertEqual(second.status, 0, second.errors)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("follow-up-2.txt").path), "the stale visit is removed")
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("follow-up-1.txt").path))
    }

    func testAStaleFileTheUserEditedIsKeptWithAWarning() throws {
        let out = temporaryFolder(), input = temporaryFolder("input")
        _ = try WenshuProcess.run(["render", try homesteadCopy(in: input, visits: 2).path, "-o", out.path, "--to", "txt"])
        let edited = try caseFolder(out).appendingPathComponent("follow-up-2.txt")
        try Data("回访记录（手工改过）".utf8).write(to: edited)
        let second = try WenshuProcess.run(["render", try homesteadCopy(in: input, visits: 1).path, "-o", out.path, "--to", "txt"])
        XCTAssertEqual(second.status, 0, second.errors)
        XCTAssertEqual(try String(contentsOf: edited, encoding: .utf8), "回访记录（手工改过）")
        XCTAssertTrue(second.errors.contains("warning: \(edited.path) was written by an earlier run and edited since"), second.errors)
        XCTAssertTrue(second.errors.contains("[output.stale-edited]"), second.errors)
    }

    func testAnotherFormsFilesAreNotStale() throws {
        let out = temporaryFolder()
        _ = try WenshuProcess.run(["render", "--form", "all", Self.traffic, "-o", out.path, "--to", "txt"])
        let run = try WenshuProcess.run(["render", "--form", "agreement", Self.traffic, "-o", out.path, "--to", "txt"])
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("\(Self.trafficFolder)/rights-notice.txt").path))
    }

    // MARK: Item 7: symbolic links

    func testASymlinkInsideTheOutputFolderIsNotFollowed() throws {
        let out = temporaryFolder(), elsewhere = temporaryFolder("elsewhere")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: out.appendingPathComponent(Self.trafficFolder), withDestinationURL: elsewhere)
        let run = try WenshuProcess.run(["render", "--form", "agreement", Self.traffic, "-o", out.path, "--to", "txt"])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.errors.contains("\(Self.traffic): error: cannot write \(out.path)/\(Self.trafficFolder): it is a symbolic link"), run.errors)
        XCTAssertTrue(run.errors.contains("[output.symlink]"), run.errors)
        XCTAssertEqual(entries(in: elsewhere), [], "nothing is written through the link")
    }

    // MARK: Item 6: what render would refuse about folder names, check reports first

    func testACaseNumberTooLongForAFolderIsFoundByCheckAndRefusedByRenderWithOneId() throws {
        let input = temporaryFolder("input"), out = temporaryFolder()
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let original = try String(contentsOfFile: WenshuProcess.root.appendingPathComponent(Self.traffic).path, encoding: .utf8)
        let long = "（2026）" + String(repeating: "调", count: 100) + "第37号"  // 318 bytes
        let url = input.appendingPathComponent("long.xml")
        try original.replacingOccurrences(of: "（2026）西交调字第37号", with: long).write(to: url, atomically: true, encoding: .utf8)
        let check = try WenshuProcess.run(["check", url.path])
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.output.contains("[case.folder-name-too-long]"), check.output)
        let render = try WenshuProcess.run(["render", url.path, "-o", out.path, "--to", "txt"])
        XCTAssertEqual(render.status, 1)
        XCTAssertTrue(render.errors.contains("[case.folder-name-too-long]"), render.errors)
        XCTAssertFalse(render.errors.contains("Code=512"), render.errors)
    }

    func testTwoCasesMakingOneFolderAreFoundByCheckAndNotCountedAsRendered() throws {
        let input = temporaryFolder("input"), out = temporaryFolder()
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let original = try String(contentsOfFile: WenshuProcess.root.appendingPathComponent(Self.traffic).path, encoding: .utf8)
        for (name, number) in [("a.xml", "A/1"), ("b.xml", "A:1")] {
            try original.replacingOccurrences(of: "（2026）西交调字第37号", with: number)
                .write(to: input.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let check = try WenshuProcess.run(["check", input.path])
        XCTAssertEqual(check.status, 1)
        XCTAssertEqual(check.output.components(separatedBy: "[case.folder-collision]").count - 1, 2, check.output)
        let render = try WenshuProcess.run(["render", input.path, "-o", out.path, "--to", "txt"])
        XCTAssertEqual(render.status, 1)
        XCTAssertTrue(render.errors.contains("[case.folder-collision]"), render.errors)
        XCTAssertTrue(render.errors.contains("2 cases: 0 rendered (0 files in"), render.errors)
        XCTAssertTrue(render.errors.contains("2 failed"), render.errors)
    }

    // MARK: Helpers

    /// Mounts a tmpfs at `folder` (root only); skips the test where that is not allowed.
    func mount(_ folder: URL, options: String) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/mount")
        process.arguments = ["-t", "tmpfs", "-o", options, "tmpfs", folder.path]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { throw XCTSkip("mount is not available") }
        process.waitUntilExit()
        if process.terminationStatus != 0 { throw XCTSkip("cannot mount a tmpfs here (needs root)") }
    }

    func unmount(_ folder: URL) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/umount")
        process.arguments = [folder.path]
        try? process.run()
        process.waitUntilExit()
    }
}
