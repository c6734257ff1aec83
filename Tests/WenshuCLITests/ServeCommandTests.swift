import Foundation
import XCTest

/// `wenshu serve` as a user starts it: what it refuses before listening.
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
}
