import Foundation
import XCTest
import WenshuDocument
import WenshuPrint
import WenshuTestSupport
import WenshuWriters
import WenshuXML

/// The converter pool against the real LibreOffice: failures located per document, PDF/A, the 22 × 28 grid.
final class PDFConverterTests: XCTestCase {
    func testNoLibreOfficeIsOneLineNamingWhatToInstall() {
        XCTAssertThrowsError(try LibreOffice.locate(environment: ["PATH": ""], folders: [])) { error in
            let diagnostic = error as? Diagnostic
            XCTAssertEqual(diagnostic?.id, PrintID.noLibreOffice.id)
            XCTAssertTrue(diagnostic?.message.contains("apt-get install libreoffice-writer-nogui") == true, "\(error)")
            XCTAssertFalse(diagnostic?.description.contains("\n") ?? true)
        }
    }

    func testTheFinderLooksOnPathThenInTheUsualFolders() throws {
        let folder = try PrintFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fake = folder.appendingPathComponent("soffice")
        try Data("#!/bin/sh\n".utf8).write(to: fake)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake.path)
        XCTAssertEqual(try LibreOffice.locate(environment: ["PATH": "/nonexistent:" + folder.path], folders: []).soffice.path, fake.path)
        XCTAssertEqual(try LibreOffice.locate(environment: ["PATH": ""], folders: ["/nonexistent", folder.path]).soffice.path, fake.path)
    }

    func testACorruptDocumentIsALocatedErrorAndTheOthersConvert() throws {
        let converter = try PrintFixtures.converter(converters: 1)
        let good = try ODFWriter(flat: false).write(PrintFixtures.gridDocument(pages: 1))
        let corrupt = Data("PK\u{3}\u{4} this is not a zip archive".utf8)
        let results = converter.convert([("a.yaml", "agreement.pdf", good), ("b.yaml", "agreement.pdf", corrupt),
                                         ("c.yaml", "agreement.pdf", good)])
        XCTAssertEqual(results.count, 3)
        for index in [0, 2] {
            let pdf = try XCTUnwrap(try? results[index].get(), "document \(index)")
            XCTAssertEqual(pdf.prefix(5), Data("%PDF-".utf8))
        }
        guard case .failure(let finding) = results[1] else { return XCTFail("a corrupt document gave a PDF") }
        XCTAssertEqual(finding.id, PrintID.conversionFailed.id)
        XCTAssertEqual(finding.location.file, "b.yaml")
        XCTAssertEqual(finding.subject, "agreement.pdf")
    }

    /// A LibreOffice that hangs is stopped after the idle limit, with everything it started (soffice is a
    /// script that starts others), and each document it held is a located finding.
    func testAHungConverterIsStoppedAndItsDocumentsAreLocatedFindings() throws {
        let folder = try PrintFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let hanging = folder.appendingPathComponent("soffice")
        let pidFile = folder.appendingPathComponent("child.pid")
        try Data("#!/bin/sh\nsleep 60 &\necho $! > '\(pidFile.path)'\nwait\n".utf8).write(to: hanging)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hanging.path)
        let converter = PDFConverter(libreOffice: WenshuPrint.LibreOffice(soffice: hanging),
                                     settings: .init(converters: 1, idleLimit: 0.5))
        let odt = try ODFWriter(flat: false).write(PrintFixtures.gridDocument(pages: 1))
        let started = Date()
        let results = converter.convert([("a.yaml", "agreement.pdf", odt), ("b.yaml", "record.pdf", odt)])
        XCTAssertLessThan(Date().timeIntervalSince(started), 10, "the hung converter was not stopped")
        XCTAssertEqual(results.map { (try? $0.get()) == nil }, [true, true])
        let findings = results.compactMap { if case .failure(let d) = $0 { return d } else { return nil } }
        XCTAssertEqual(findings.map(\.location.file), ["a.yaml", "b.yaml"])
        XCTAssertEqual(findings.map(\.subject), ["agreement.pdf", "record.pdf"])
        XCTAssertTrue(findings.allSatisfy { $0.id == PrintID.conversionFailed.id && $0.message.contains("stopped") }, "\(findings)")
        let child = try XCTUnwrap(Int32(String(decoding: try Data(contentsOf: pidFile), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)))
        // Killed, or a zombie waiting for a parent that no longer exists. SIGKILL is delivered
        // asynchronously: on a loaded machine the child can still show as running for a moment, so it has
        // two seconds to go (a child left out of the process group would run on for its 60 s).
        var stat = "", state: Substring = "gone"
        for _ in 0..<40 {
            stat = (try? String(contentsOfFile: "/proc/\(child)/stat", encoding: .utf8)) ?? ""
            state = stat.split(separator: ")").last?.split(separator: " ").first ?? "gone"
            if stat.isEmpty || state == "Z" { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        XCTAssertTrue(stat.isEmpty || state == "Z", "the converter's own child process outlived it (\(state))")
    }

    func testPDFAIsMarkedPart2ConformanceB() throws {
        var converter = try PrintFixtures.converter(converters: 1)
        converter = PDFConverter(libreOffice: converter.libreOffice, settings: .init(pdfA: true, fontsConf: TestPaths.fontsConf))
        let odt = try ODFWriter(flat: false).write(PrintFixtures.gridDocument(pages: 1))
        let pdf = try converter.convert([("a.yaml", "agreement.pdf", odt)])[0].get()
        let text = String(decoding: pdf, as: UTF8.self)
        // The XMP packet is stored uncompressed, as PDF/A requires.
        XCTAssertNotNil(text.firstMatch(of: /<pdfaid:part>2<\/pdfaid:part>|pdfaid:part="2"/), "no pdfaid:part 2 in the XMP")
        XCTAssertNotNil(text.firstMatch(of: /<pdfaid:conformance>B<\/pdfaid:conformance>|pdfaid:conformance="B"/), "no conformance B")
        let plain = try PrintFixtures.converter(converters: 1).convert([("a.yaml", "agreement.pdf", odt)])[0].get()
        XCTAssertNil(String(decoding: plain, as: UTF8.self).firstMatch(of: /pdfaid:part/), "a plain PDF claims PDF/A")
    }

    /// GB/T 9704: a body page holds 22 lines of 28 characters, printed through Wenshu's own conversion.
    func testABodyPageHolds22LinesOf28Characters() throws {
        let converter = try PrintFixtures.converter(converters: 1)
        let odt = try ODFWriter(flat: false).write(PrintFixtures.gridDocument(pages: 3))
        let folder = try PrintFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("grid.pdf")
        try converter.convert([("grid", "grid.pdf", odt)])[0].get().write(to: pdf)
        let lines = try LibreOffice.text(pdf, page: 2, layout: true).split(separator: "\n")
            .map { $0.filter { $0 == "永" } }.filter { !$0.isEmpty }
        XCTAssertEqual(lines.count, 22, "lines on a body page")
        XCTAssertEqual(Set(lines.map(\.count)), [28], "characters a line")
    }
}

enum PrintFixtures {
    /// A converter as Wenshu makes one, with the shipped fonts.conf; skips the test without LibreOffice or poppler.
    static func converter(converters: Int) throws -> PDFConverter {
        _ = try LibreOffice.require()
        guard let soffice = try? WenshuPrint.LibreOffice.locate() else {
            throw XCTSkip("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui")
        }
        return PDFConverter(libreOffice: soffice, settings: .init(converters: converters, fontsConf: TestPaths.fontsConf))
    }

    /// Prose of `pages` full pages: one paragraph of 永 (a character every CJK face has at full width).
    static func gridDocument(pages: Int) -> Document {
        Document(metadata: DocumentMetadata(formID: "grid", title: "版心", date: "2026-01-01"), blocks: [
            .paragraph(Paragraph([.text(String(repeating: "永", count: 28 * 22 * pages))])),
        ])
    }

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-print-test-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
