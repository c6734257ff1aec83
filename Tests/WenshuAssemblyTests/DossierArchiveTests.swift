import Foundation
import XCTest
@testable import WenshuAssembly
import WenshuDocument
import WenshuTestSupport
import WenshuWriters
import WenshuXML

/// The archive package of a dossier, `verify` on it, and scanned attachments bound as image pages.
final class DossierArchiveTests: XCTestCase {
    static let scan = TestImage.png(width: 60, height: 40)

    /// The richest example with the applicant's ID copy scanned (scans/id-wang.png beside the case).
    func scannedCase(scanPath: String = "scans/id-wang.png", files: [String: Data]? = nil) throws -> URL {
        try DossierFixtures.changedCase({ text in
            text.replacingOccurrences(of: #"(<title>王建国居民身份证复印件</title>\s*<pages>1</pages>)"#,
                                      with: "$1<scan>\(scanPath)</scan>", options: .regularExpression)
        }, files: files ?? ["scans/id-wang.png": Self.scan])
    }

    func assemble(_ url: URL) -> DossierAssembler.CaseResult {
        DossierAssembler(library: DossierFixtures.stubs, profile: DossierFixtures.profile).assemble(caseAt: url, displayName: "case.xml")
    }

    func testThePackageHoldsTheCaseTheVolumeEachFormAndTheScans() throws {
        let dossier = try XCTUnwrap(assemble(try scannedCase()).dossier)
        let package = try dossier.archivePackage()
        XCTAssertEqual(package.parts.map(\.name), [
            "case/case.xml", "case.xml", "dossier-index.xml", "dossier.odt", "dossier.txt", "dossier.xml",
            "documents/01-application.odt", "documents/01-application.txt",
            "documents/02-rights-notice.odt", "documents/02-rights-notice.txt",
            "scans/03-id-wang.png",
            "documents/07-mediation-record-1.odt", "documents/07-mediation-record-1.txt",
            "documents/08-agreement.odt", "documents/08-agreement.txt",
        ])
        XCTAssertEqual(package.parts[0].data, try Data(contentsOf: try scannedCase()), "the case file exactly as given")
        XCTAssertEqual(package.parts.first { $0.name == "scans/03-id-wang.png" }?.data, Self.scan)
        XCTAssertEqual(package.parts.first { $0.name == "dossier.txt" }?.data, try dossier.write(.txt))
        let index = try XMLDocument(parsing: try XCTUnwrap(package.parts.first { $0.name == "dossier-index.xml" }).data, fileName: "index")
        XCTAssertEqual(index.root?.element(named: "items")?.elements(named: "item").count, dossier.items.count)
    }

    func testVerifyAcceptsAnUntouchedPackageAndNamesTheChangedPart() throws {
        let dossier = try XCTUnwrap(assemble(DossierFixtures.richestCase).dossier)
        let data = try dossier.archivePackage().serialized()
        let read = ArchivePackage.verify(data)
        XCTAssertEqual(read.problems, [])
        XCTAssertEqual(read.parts.count, 14)

        for name in ["documents/08-agreement.txt", "case.xml", "dossier.odt"] {
            var changed = data
            let offset = try Self.offset(insidePart: name, of: data)
            changed[offset] = changed[offset] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
            XCTAssertEqual(ArchivePackage.verify(changed).problems.first, .partChanged(name: name), name)
        }
    }

    /// A paper removed cleanly (the package rewritten without it, every digest fresh) is still missed: the
    /// dossier index lists each item's parts (issue 15, item 8).
    func testVerifyNamesAPaperTheIndexListsButThePackageLacks() throws {
        let dossier = try XCTUnwrap(assemble(try scannedCase()).dossier)
        var package = try dossier.archivePackage()
        XCTAssertEqual(ArchivePackage.verify(try package.serialized()).problems, [])
        package.parts.removeAll { $0.name == "documents/08-agreement.odt" || $0.name == "scans/03-id-wang.png" }
        XCTAssertEqual(ArchivePackage.verify(try package.serialized()).problems,
                       [.paperMissing(name: "scans/03-id-wang.png"), .paperMissing(name: "documents/08-agreement.odt")])
    }

    /// Each scan's bytes are in the package once: the bound volume's ODF and archival XML refer to the scan's
    /// part (issue 15, item 1), and the archival copy stays valid against its schema.
    func testTheBoundVolumeInThePackageRefersToTheScanInsteadOfHoldingIt() throws {
        let dossier = try XCTUnwrap(assemble(try scannedCase()).dossier)
        let package = try dossier.archivePackage()
        let serialized = String(decoding: try package.serialized(), as: UTF8.self)
        let scanBase64 = Self.scan.base64EncodedString(options: [.lineLength76Characters, .endLineWithLineFeed])
        XCTAssertEqual(serialized.components(separatedBy: scanBase64).count - 1, 1, "the scan's base64 appears once")

        let odt = try XCTUnwrap(package.parts.first { $0.name == "dossier.odt" }).data
        let content = String(decoding: try XCTUnwrap(ZipParts(odt).data["content.xml"]), as: UTF8.self)
        XCTAssertFalse(content.contains("office:binary-data"))
        XCTAssertTrue(content.contains(#"xlink:href="../scans/03-id-wang.png""#), content)

        let archival = try XCTUnwrap(package.parts.first { $0.name == "dossier.xml" }).data
        XCTAssertTrue(String(decoding: archival, as: UTF8.self).contains(#"href="scans/03-id-wang.png""#))
        let schema = try RelaxNGSchema(contentsOf: DossierFixtures.root.appendingPathComponent("docs/wenshu-archive.rng"))
        XCTAssertEqual(schema.validate(try XMLDocument(parsing: archival, fileName: "dossier.xml")).map(\.description), [])
        // ODF 1.3 valid with the reference.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-scanref-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent("dossier.odt")
        try odt.write(to: url)
        XCTAssertEqual(try ODFSchemas.problems(inFile: url), [])
    }

    /// The offset of a base64 character inside the named part (past its first line).
    static func offset(insidePart name: String, of data: Data) throws -> Int {
        let text = String(decoding: data, as: UTF8.self)
        let tag = try XCTUnwrap(text.range(of: "name=\"\(name)\""))
        let start = try XCTUnwrap(text[tag.upperBound...].firstIndex(of: ">"))
        return text.utf8.distance(from: text.startIndex, to: start) + 10
    }

    func testAScanIsBoundAsAnImagePage() throws {
        let result = assemble(try scannedCase())
        let dossier = try XCTUnwrap(result.dossier, "\(result.diagnostics)")
        let item = dossier.items[2]
        XCTAssertEqual(item.title, "王建国居民身份证复印件")
        XCTAssertEqual(item.remark, "扫描件")
        XCTAssertEqual(item.knownPages, 1)
        guard case .section(let section) = dossier.document.blocks[4], case .picture(let picture) = section.blocks.first else {
            return XCTFail("item 3's section starts with the picture")
        }
        XCTAssertEqual(section.id, "item-3")
        XCTAssertEqual([picture.mediaType, "\(picture.pixelWidth)×\(picture.pixelHeight)"], ["image/png", "60×40"])
        guard case .file(let path) = picture.image else { return XCTFail("the picture is read from the scan's file") }
        XCTAssertEqual(FileManager.default.contents(atPath: path), Self.scan)

        // ODF 1.3 valid; LibreOffice prints the image on the page the contents name.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-scan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for format in [OutputFormat.odt, .fodt] {
            let url = folder.appendingPathComponent("dossier.\(format.fileExtension)")
            try dossier.write(format).write(to: url)
            XCTAssertEqual(try ODFSchemas.problems(inFile: url), [], format.rawValue)
        }
        let pdf = try LibreOffice.convertToPDF(try dossier.write(.odt), name: "dossier.odt")
        let images = try Tool.run(try XCTUnwrap(Tool.find("pdfimages")), ["-list", pdf.path]).output
        let pages = images.split(separator: "\n").dropFirst(2).compactMap { Int($0.split(separator: " ").first ?? "") }
        // Cover, contents, 申请书, 告知书, then the scan: the fifth sheet.
        XCTAssertEqual(pages, [5], images)
        XCTAssertTrue(PrintedPage.squeezed(try LibreOffice.text(pdf, page: 5)).contains("王建国居民身份证复印件（扫描件）"))

        // Text prints what the picture shows; the archival copy keeps the image, valid against its schema.
        XCTAssertTrue(try TextWriter(options: WriterOptions()).text(dossier.document).contains("［图像：王建国居民身份证复印件（扫描件）］"))
        let archival = try dossier.write(.xml)
        XCTAssertTrue(String(decoding: archival, as: UTF8.self).contains(Self.scan.base64EncodedString()))
        let schema = try RelaxNGSchema(contentsOf: DossierFixtures.root.appendingPathComponent("docs/wenshu-archive.rng"))
        XCTAssertEqual(schema.validate(try XMLDocument(parsing: archival, fileName: "dossier.xml")).map(\.description), [])
    }

    func testScansThatCannotBeBoundAreReportedAtTheirLine() throws {
        let cases: [(path: String, files: [String: Data], id: String)] = [
            ("../id-wang.png", [:], DossierID.scanPath.id),
            ("/etc/hostname", [:], DossierID.scanPath.id),
            ("scans/missing.png", [:], DossierID.scanUnreadable.id),
            ("scans/note.png", ["scans/note.png": Data("not an image".utf8)], DossierID.scanFormat.id),
        ]
        for (path, files, id) in cases {
            let result = assemble(try scannedCase(scanPath: path, files: files))
            XCTAssertTrue(result.dossier == nil, path)
            let finding = result.diagnostics.first { $0.id.hasPrefix("dossier.") }
            XCTAssertEqual(finding?.id, id, path)
            XCTAssertEqual(finding?.subject, "attachments[1].scan", path)
            XCTAssertEqual(finding?.location.line, 191, path)  // the scan element, after <pages> on line 191
        }
    }

    func testImageSizesComeFromTheHeaders() {
        let table: [(String, Data, (String, Int, Int)?)] = [
            ("PNG", TestImage.png(width: 1240, height: 1754), ("image/png", 1240, 1754)),
            ("JPEG, APP0 then SOF0", TestImage.jpegHeader(width: 2480, height: 3508, frame: 0xC0), ("image/jpeg", 2480, 3508)),
            ("progressive JPEG (SOF2)", TestImage.jpegHeader(width: 800, height: 600, frame: 0xC2), ("image/jpeg", 800, 600)),
            ("JPEG with a DHT (C4) before its frame", TestImage.jpegHeader(width: 10, height: 20, frame: 0xC0, tableFirst: true), ("image/jpeg", 10, 20)),
            ("PDF", Data("%PDF-1.7\n".utf8), nil),
            ("truncated PNG", TestImage.png(width: 5, height: 5).prefix(20), nil),
            ("empty", Data(), nil),
        ]
        for (name, data, expected) in table {
            let size = DossierScan.imageSize(data)
            XCTAssertEqual(size.map { "\($0.mediaType) \($0.width)×\($0.height)" }, expected.map { "\($0.0) \($0.1)×\($0.2)" }, name)
        }
    }

    func testScanPathsStayInTheCaseFolder() {
        let folder = URL(fileURLWithPath: "/cases/x", isDirectory: true)
        let table: [(String, String?)] = [
            ("id.png", "/cases/x/id.png"), ("scans/id.png", "/cases/x/scans/id.png"), ("scans\\id.png", "/cases/x/scans/id.png"),
            ("../id.png", nil), ("scans/../../id.png", nil), ("/etc/passwd", nil), ("C:\\id.png", nil), ("", nil),
        ]
        for (path, expected) in table {
            XCTAssertEqual(DossierScan.resolve(path, in: folder)?.path, expected, path)
        }
    }
}

/// Small images made in the test: a PNG (stored deflate, so no zlib is needed) and JPEG headers.
enum TestImage {
    /// A grey PNG with a black frame, `width` × `height` pixels.
    static func png(width: Int, height: Int) -> Data {
        var raw: [UInt8] = []
        for y in 0..<height {
            raw.append(0)  // filter: none
            for x in 0..<width {
                raw.append(x < 2 || y < 2 || x >= width - 2 || y >= height - 2 ? 0 : 200)
            }
        }
        var zlib: [UInt8] = [0x78, 0x01]
        var offset = 0
        repeat {
            let count = min(65535, raw.count - offset)
            zlib.append(offset + count == raw.count ? 1 : 0)
            zlib += [UInt8(count & 0xFF), UInt8(count >> 8), UInt8(~count & 0xFF), UInt8((~count >> 8) & 0xFF)]
            zlib += raw[offset..<(offset + count)]
            offset += count
        } while offset < raw.count
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in raw { a = (a + UInt32(byte)) % 65521; b = (b + a) % 65521 }
        zlib += bigEndian(b << 16 | a)
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        png += chunk("IHDR", bigEndian(UInt32(width)) + bigEndian(UInt32(height)) + [8, 0, 0, 0, 0])
        png += chunk("IDAT", zlib)
        png += chunk("IEND", [])
        return Data(png)
    }

    /// The start of a JPEG file up to its frame header (enough to read the size).
    static func jpegHeader(width: Int, height: Int, frame: UInt8, tableFirst: Bool = false) -> Data {
        var bytes: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0]
        if tableFirst { bytes += [0xFF, 0xC4, 0x00, 0x04, 0x00, 0x00] }
        bytes += [0xFF, frame, 0x00, 0x11, 8, UInt8(height >> 8), UInt8(height & 0xFF), UInt8(width >> 8), UInt8(width & 0xFF), 3]
        bytes += Array(repeating: 0, count: 9) + [0xFF, 0xD9]
        return Data(bytes)
    }

    private static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let body = Array(type.utf8) + data
        return bigEndian(UInt32(data.count)) + body + bigEndian(crc32(body))
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }

    private static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
