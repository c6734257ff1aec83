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

    /// Changes one byte inside part `name`'s content in the package file.
    func changeOneByte(ofPart name: String, in package: URL) throws {
        var data = try Data(contentsOf: package)
        let text = String(decoding: data, as: UTF8.self)
        let tag = try XCTUnwrap(text.range(of: "name=\"\(name)\""))
        let start = try XCTUnwrap(text[tag.upperBound...].firstIndex(of: ">"))
        let offset = text.utf8.distance(from: text.startIndex, to: start) + 20
        data[offset] = data[offset] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        try data.write(to: package)
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
        try changeOneByte(ofPart: "dossier.txt", in: package)

        let (verified, report) = try wenshu("verify", package.path)
        XCTAssertEqual(verified, 1)
        XCTAssertEqual(report, "\(package.path): part dossier.txt was changed: its SHA-256 no longer matches\n")
    }

    /// `verify`'s findings and its line for an intact package are in the user's language.
    func testVerifySpeaksChinese() throws {
        let out = try temporaryFolder()
        let (status, output) = try wenshu("dossier", "examples/cases/traffic-instalments.xml", "--profile", "examples/office.yaml",
                                          "-o", out.path, "--to", "txt", "--archive", "--force")
        XCTAssertEqual(status, 0, output)
        let package = out.appendingPathComponent(Self.caseFolder).appendingPathComponent("dossier-archive.xml")
        let intact = try WenshuProcess.run(["verify", package.path], mergingErrors: true, language: ["LANG": "zh_CN.UTF-8"])
        XCTAssertEqual(intact.status, 0, intact.output)
        XCTAssertTrue(intact.output.hasPrefix("\(package.path)：完好，共"), intact.output)
        try changeOneByte(ofPart: "dossier.txt", in: package)
        let changed = try WenshuProcess.run(["verify", package.path], mergingErrors: true, language: ["LANG": "zh_CN.UTF-8"])
        XCTAssertEqual(changed.status, 1)
        XCTAssertEqual(changed.output, "\(package.path): 部件dossier.txt已被改动：其SHA-256摘要不再相符\n")
    }

    /// The traffic example with its first attachment scanned: `scan` is written beside the case as
    /// scans/id.png (a PNG header, then `size` bytes of filler: only the header is read to bind it).
    func scannedCase(in folder: URL, size: Int) throws -> URL {
        let example = try String(contentsOf: Self.root.appendingPathComponent("examples/cases/traffic-instalments.xml"), encoding: .utf8)
        let scanned = example.replacingOccurrences(of: #"(<title>王建国居民身份证复印件</title>\s*<pages>1</pages>)"#,
                                                   with: "$1<scan>scans/id.png</scan>", options: .regularExpression)
        XCTAssertNotEqual(scanned, example)
        let url = folder.appendingPathComponent("case.xml")
        try Data(scanned.utf8).write(to: url)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("scans"), withIntermediateDirectories: true)
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
        png += [0, 0, 0x09, 0xB0, 0, 0, 0x0D, 0xB4, 8, 0, 0, 0, 0, 0, 0, 0, 0]  // 2480 × 3508
        var bytes = Data(png)
        var filler = Data(count: size)
        filler.withUnsafeMutableBytes { raw in
            for i in stride(from: 0, to: raw.count, by: 4093) { raw[i] = UInt8(truncatingIfNeeded: i >> 12) }
        }
        bytes.append(filler)
        try bytes.write(to: folder.appendingPathComponent("scans/id.png"))
        return url
    }

    /// Issue 15, item 1: a 50 MB scan (each scan was stored three times, and libxml2 refused text over
    /// 10 MB) is written once into the package, and `verify` accepts the package.
    func testAPackageWithA50MBScanIsWrittenAndVerified() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let caseFile = try scannedCase(in: folder, size: 50 << 20)
        let out = folder.appendingPathComponent("out")
        let (status, output) = try wenshu("dossier", caseFile.path, "--profile", "examples/office.yaml",
                                          "-o", out.path, "--to", "txt", "--archive", "--force")
        XCTAssertEqual(status, 0, output)
        let package = out.appendingPathComponent(Self.caseFolder).appendingPathComponent("dossier-archive.xml")
        let size = try XCTUnwrap(try FileManager.default.attributesOfItem(atPath: package.path)[.size] as? Int)
        XCTAssertGreaterThan(size, 50 << 20 * 4 / 3, "the scan is in the package, in base64")
        XCTAssertLessThan(size, (50 << 20) * 3 / 2, "and only once")
        let (verified, report) = try wenshu("verify", package.path)
        XCTAssertEqual(verified, 0, report)
        XCTAssertTrue(report.contains(": intact, "), report)
    }

    /// Issue 15, item 8: keygen, a signed package, `verify --trust` with the right key, another key, the
    /// profile's keys, and an unsigned package.
    func testSignedPackagesVerifyOnlyAgainstTheOfficeKey() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let stem = folder.appendingPathComponent("office-key").path, other = folder.appendingPathComponent("other-key").path
        XCTAssertEqual(try wenshu("keygen", "-o", stem).status, 0)
        XCTAssertEqual(try wenshu("keygen", "-o", other).status, 0)
        XCTAssertEqual(try wenshu("keygen", "-o", stem).status, 1, "an existing key is never overwritten")

        let out = folder.appendingPathComponent("out")
        var (status, output) = try wenshu("dossier", "examples/cases/traffic-instalments.xml", "--profile", "examples/office.yaml",
                                          "-o", out.path, "--to", "txt", "--archive", "--force", "--sign", stem + ".pem")
        XCTAssertEqual(status, 0, output)
        let package = out.appendingPathComponent(Self.caseFolder).appendingPathComponent("dossier-archive.xml").path
        XCTAssertFalse(try String(contentsOfFile: package, encoding: .utf8).contains("PRIVATE"), "no key in the package")
        (status, output) = try wenshu("verify", "--trust", stem + ".pub.pem", package)
        XCTAssertEqual(status, 0, output)
        XCTAssertTrue(output.hasSuffix("signed by the trusted key\n"), output)
        (status, output) = try wenshu("verify", "--trust", other + ".pub.pem", package)
        XCTAssertEqual(status, 1, output)
        XCTAssertTrue(output.contains("the signature does not match"), output)

        // The profile names the keys: sign and trust without options.
        let profile = folder.appendingPathComponent("office.yaml")
        let office = try String(contentsOf: Self.root.appendingPathComponent("examples/office.yaml"), encoding: .utf8)
        try Data((office + "\narchive:\n  signing_key: office-key.pem\n  trusted_key: other-key.pub.pem\n").utf8).write(to: profile)
        (status, output) = try wenshu("dossier", "examples/cases/traffic-instalments.xml", "--profile", profile.path,
                                      "-o", out.path, "--to", "txt", "--archive", "--force")
        XCTAssertEqual(status, 0, output)
        XCTAssertEqual(try wenshu("verify", "--profile", profile.path, package).status, 1, "signed by office-key, trusting other-key")
        XCTAssertEqual(try wenshu("verify", "--trust", stem + ".pub.pem", package).status, 0)

        (status, output) = try wenshu("dossier", "examples/cases/traffic-instalments.xml", "--profile", "examples/office.yaml",
                                      "-o", out.path, "--to", "txt", "--archive", "--force")
        (status, output) = try wenshu("verify", "--trust", stem + ".pub.pem", package)
        XCTAssertEqual(status, 1, output)
        XCTAssertTrue(output.contains("not signed"), output)
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
