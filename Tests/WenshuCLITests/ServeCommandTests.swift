import Foundation
import XCTest

/// `wenshu serve` as a user starts it: what it refuses before listening, and how it hands the process over to
/// `wenshu-desk` (the desk's own executable, beside `wenshu`).
final class ServeCommandTests: XCTestCase {
    func testAnotherAddressWithoutAPasswordIsRefused() throws {
        let run = try WenshuProcess.run(["serve", "examples/cases", "--listen", "0.0.0.0", "--port", "0"], mergingErrors: true)
        XCTAssertEqual(run.status, 1, run.output)
        XCTAssertTrue(run.output.hasSuffix("[desk.password-required]\n"), run.output)
    }

    func testAProfileWithAMalformedHashIsRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("serve-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let profile = folder.appendingPathComponent("office.yaml")
        try "name: 西湖区司法局\ncommittees:\n  - name: 西湖区人民调解委员会\ndesk:\n  password_hash: secret\n".write(to: profile, atomically: true, encoding: .utf8)
        let run = try WenshuProcess.run(["serve", "examples/cases", "--profile", profile.path, "--port", "0"], mergingErrors: true)
        XCTAssertEqual(run.status, 1, run.output)
        XCTAssertTrue(run.output.contains("desk.password_hash: ") && run.output.hasSuffix("[desk.bad-password-hash]\n"), run.output)
    }

    func testAMissingFolderIsAUsageError() throws {
        let run = try WenshuProcess.run(["serve", "no/such/folder"], mergingErrors: true)
        XCTAssertEqual(run.status, 64, run.output)
    }

    func testThePasswordHashComesFromTheDesk() throws {
        let run = try WenshuProcess.run(["serve", "--hash-password"], input: "a long passphrase\n")
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertTrue(run.output.hasPrefix("desk:\n  password_hash: pbkdf2-sha256$"), run.output)
    }

    /// The desk refuses a short password as `wenshu` refused it: a usage error (64), in the user's language,
    /// the Chinese one naming `wenshu serve`.
    func testAShortPasswordIsAUsageErrorInEitherLanguage() throws {
        let english = try WenshuProcess.run(["serve", "--hash-password"], mergingErrors: true, input: "short\n")
        XCTAssertEqual(english.status, 64, english.output)
        XCTAssertTrue(english.output.hasPrefix("Error: give a password of at least 8 characters"), english.output)
        let chinese = try WenshuProcess.run(["serve", "--hash-password"], mergingErrors: true, language: ["LANG": "zh_CN.UTF-8"],
                                            input: "short\n")
        XCTAssertEqual(chinese.status, 64, chinese.output)
        XCTAssertTrue(chinese.output.contains("wenshu serve [<case-folder>]") && chinese.output.contains("wenshu serve --help"), chinese.output)
    }

    /// The server runs in `wenshu`'s own process (execv): its address is the first line, and SIGTERM to the
    /// process `wenshu serve` started as stops it.
    func testTheServerKeepsTheProcessAndItsSignals() throws {
        let process = Process()
        process.executableURL = WenshuProcess.executable
        process.arguments = ["serve", "examples/cases", "--port", "0"]
        process.currentDirectoryURL = WenshuProcess.root
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while !line.contains(0x0A), let byte = try out.fileHandleForReading.read(upToCount: 1), !byte.isEmpty { line += byte }
        XCTAssertTrue(String(decoding: line, as: UTF8.self).hasPrefix("文书工作台已启动：http://127.0.0.1:"), String(decoding: line, as: UTF8.self))
        let executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(process.processIdentifier)/exe")
        XCTAssertEqual(URL(fileURLWithPath: executable).lastPathComponent, "wenshu-desk")
        process.terminate()
        process.waitUntilExit()
        XCTAssertFalse(process.isRunning)
    }

    /// A `wenshu` installed without `wenshu-desk` says so in one line, in the user's language.
    func testAMissingDeskProgramIsOneLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("serve-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let alone = folder.appendingPathComponent("wenshu")
        try FileManager.default.copyItem(at: WenshuProcess.executable, to: alone)
        for (language, words) in [("C", "the desk's program is not installed beside wenshu"), ("zh_CN.UTF-8", "没有调解工作台的程序")] {
            let run = try WenshuProcess.run(["serve", "examples/cases"], mergingErrors: true, language: ["LANG": language], executable: alone)
            XCTAssertEqual(run.status, 1, run.output)
            XCTAssertEqual(run.output.split(separator: "\n").count, 1, run.output)
            XCTAssertTrue(run.output.hasPrefix(folder.appendingPathComponent("wenshu-desk").path + ": "), run.output)
            XCTAssertTrue(run.output.contains(words) && run.output.hasSuffix("[desk.program-missing]\n"), run.output)
        }
    }
}
