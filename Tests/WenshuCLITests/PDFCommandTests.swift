import Foundation
import XCTest

/// `--to pdf` on every command that writes documents, as a user runs it.
final class PDFCommandTests: XCTestCase {
    func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-pdf-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    func requireLibreOffice() throws {
        for (tool, package) in [("soffice", "libreoffice-writer-nogui"), ("pdffonts", "poppler-utils")] {
            let found = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
                .contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)") }
            if !found { throw XCTSkip("\(tool) is not installed: apt-get install \(package)") }
        }
    }

    func pdffonts(_ pdf: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["pdffonts", pdf.path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    func testWithoutLibreOfficeEveryCommandSaysWhatToInstallInOneLineAndWritesNothing() throws {
        let commands: [[String]] = [
            ["render", "--form", "agreement", "examples/cases/traffic-instalments.xml"],
            ["packet", "examples/cases/traffic-instalments.xml"],
            ["dossier", "examples/cases/traffic-instalments.xml"],
            ["ledger", "examples/cases", "examples/registers"],
            ["stats", "examples/cases", "examples/registers"],
        ]
        for command in commands {
            let out = temporaryFolder()
            let run = try WenshuProcess.run(command + ["--profile", "examples/office.yaml", "-o", out.path, "--to", "pdf", "--to", "odt"],
                                            environment: ["WENSHU_SOFFICE": "/nonexistent/soffice"])
            XCTAssertEqual(run.status, 1, command[0])
            let lines = run.errors.split(separator: "\n").filter { !$0.hasPrefix("note:") && !$0.contains("warning:") }
            XCTAssertEqual(lines.count, 1, "\(command[0]): \(run.errors)")
            XCTAssertTrue(run.errors.contains("apt-get install libreoffice-writer-nogui") && run.errors.contains("[print.no-libreoffice]"),
                          "\(command[0]): \(run.errors)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "\(command[0]) wrote \(out.path)")
        }
    }

    /// The test: no environment variables set, a FangSong face and no Japanese face.
    func testTheAgreementPrintsInFangSongWithoutAJapaneseFace() throws {
        try requireLibreOffice()
        let out = temporaryFolder()
        let run = try WenshuProcess.run(["render", "--form", "agreement", "examples/cases/traffic-instalments.xml",
                                         "--profile", "examples/office.yaml", "-o", out.path, "--to", "pdf"])
        XCTAssertEqual(run.status, 0, run.errors)
        let folder = out.appendingPathComponent("（2026）西交调字第37号")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != ".wenshu-manifest" }, ["agreement.pdf"])
        let fonts = try pdffonts(folder.appendingPathComponent("agreement.pdf"))
        XCTAssertFalse(fonts.contains("CJKjp"), fonts)
        let fandol = try WenshuProcess.run(["fonts", "--format", "json"]).output
        guard fandol.contains("\"FandolFang\"") else {
            throw XCTSkip("FandolFang is not installed (see README): the body prints in a Song face")
        }
        XCTAssertTrue(fonts.contains("FandolFang"), fonts)
    }

    func testEveryCommandWritesPDFsBesideTheODFAskedFor() throws {
        try requireLibreOffice()
        let runs: [(command: [String], files: [String])] = [
            (["packet", "examples/cases/traffic-instalments.xml"], ["（2026）西交调字第37号/confirmation-packet.odt", "（2026）西交调字第37号/confirmation-packet.pdf"]),
            (["dossier", "examples/cases/traffic-instalments.xml"], ["（2026）西交调字第37号/dossier.odt", "（2026）西交调字第37号/dossier.pdf"]),
            (["ledger", "--book", "dispute-register", "examples/cases", "examples/registers"], ["dispute-register.odt", "dispute-register.pdf"]),
            (["stats", "examples/cases", "examples/registers"], ["statistics.csv", "statistics.odt", "statistics.pdf", "subsidy.csv", "subsidy.odt", "subsidy.pdf"]),
        ]
        for (command, expected) in runs {
            let out = temporaryFolder()
            let run = try WenshuProcess.run(command + ["--profile", "examples/office.yaml", "-o", out.path, "--to", "odt", "--to", "pdf"])
            let written = (FileManager.default.enumerator(atPath: out.path)?.allObjects as? [String] ?? [])
                .filter { $0.contains(".") && !$0.hasSuffix(".wenshu-manifest") }.sorted()
            XCTAssertEqual(written, expected, "\(command[0]): \(run.errors)")
            for file in expected where file.hasSuffix(".pdf") {
                let data = try Data(contentsOf: out.appendingPathComponent(file))
                XCTAssertEqual(data.prefix(5), Data("%PDF-".utf8), file)
            }
        }
    }

    func testFontsSaysWhichFacePrintsEachOfficialName() throws {
        let run = try WenshuProcess.run(["fonts", "--format", "json"])
        if run.errors.contains("fc-match") { throw XCTSkip("fontconfig's tools are not installed: apt-get install fontconfig") }
        XCTAssertEqual(run.status, 0, run.errors)
        let report = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any]
        let faces = try XCTUnwrap(report?["faces"] as? [[String: Any]])
        XCTAssertEqual(faces.compactMap { $0["name"] as? String }, ["仿宋_GB2312", "方正小标宋简体", "黑体", "楷体_GB2312", "宋体"])
        XCTAssertEqual(faces.compactMap { $0["japanese"] as? Bool }, [false, false, false, false, false])
        XCTAssertTrue((report?["fontsConf"] as? String)?.hasSuffix("templates/fonts/fonts.conf") == true)
    }

    func testPDFAWithoutPDFIsAUsageError() throws {
        let run = try WenshuProcess.run(["render", "--form", "agreement", "examples/cases/traffic-instalments.xml", "-o", temporaryFolder().path, "--pdf-a"])
        XCTAssertEqual(run.status, 64, run.errors)
        XCTAssertTrue(run.errors.contains("--to pdf"), run.errors)
    }
}
