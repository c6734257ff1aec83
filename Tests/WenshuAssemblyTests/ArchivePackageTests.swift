import Foundation
import XCTest
import WenshuCase
import WenshuXML
@testable import WenshuAssembly

final class ArchivePackageTests: XCTestCase {
    let package = ArchivePackage(parts: [
        .init(name: "case.xml", data: Data("<case><number>（2026）西交调字第37号</number></case>".utf8)),
        .init(name: "documents/agreement.txt", data: Data("人民调解协议书\n".utf8)),
        .init(name: "documents/agreement.odt", data: Data((0..<3000).map { UInt8(truncatingIfNeeded: $0 &* 31) })),
    ])

    func testDigestsAreSHA256OfExactBytes() {
        XCTAssertEqual(SHA256Digest.hex(of: Data("abc".utf8)),
                       "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256Digest.hex(of: Data()),
                       "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let lines = package.parts.map { "\($0.name) \(SHA256Digest.hex(of: $0.data))\n" }.joined()
        XCTAssertEqual(try ArchivePackage.verify(try package.serialized()).digest, SHA256Digest.hex(of: Data(lines.utf8)))
    }

    func testDigestFedInPiecesIsTheDigestOfTheWhole() {
        // FIPS 180-2's long vector, one million "a", fed in uneven pieces across block boundaries.
        let hasher = SHA256Digest.Hasher()
        var left = 1_000_000, step = 1
        while left > 0 {
            let piece = min(step, left)
            hasher.update(Data(repeating: 0x61, count: piece))
            left -= piece
            step = step * 7 % 997 + 1
        }
        XCTAssertEqual(hasher.finalize(), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    func testUntouchedPackageVerifies() throws {
        let data = try package.serialized()
        XCTAssertEqual(data, try package.serialized(), "serialisation is reproducible")
        let read = ArchivePackage.verify(data)
        XCTAssertEqual(read.problems, [])
        XCTAssertEqual(read.parts.map(\.name), package.parts.map(\.name))
        XCTAssertEqual(read.parts.map(\.size), package.parts.map(\.data.count))
        XCTAssertEqual(read.parts.map(\.type), ["application/xml", "text/plain", "application/vnd.oasis.opendocument.text"])
    }

    /// The streaming writer writes the bytes libxml2 wrote for the first packages (so packages written by
    /// earlier versions still verify), names with characters that need escaping and an empty part included.
    func testTheLayoutIsTheOneLibxml2Wrote() throws {
        let odd = ArchivePackage(parts: package.parts + [
            .init(name: "scans/03-a&b <c> \"d\"\t.png", data: Data(repeating: 7, count: 57 * 3)),
            .init(name: "documents/empty.txt", data: Data()),
            .init(name: "scans/04-长.jpg", data: Data(repeating: 1, count: 57 * 16_384 + 5)),
        ])
        XCTAssertEqual(try odd.serialized(), Self.libxml2Serialization(odd))
        XCTAssertEqual(ArchivePackage.verify(try odd.serialized()).problems, [])
    }

    /// How packages were written before they were streamed: a libxml2 tree, serialised indented.
    static func libxml2Serialization(_ package: ArchivePackage) -> Data {
        let document = XMLDocument(rootName: "package", namespace: ArchivePackage.namespace)
        let root = document.root!
        root.setAttribute("version", "1")
        for part in package.parts {
            let element = root.addElement("part", text: part.data.base64EncodedString(options: [.lineLength76Characters, .endLineWithLineFeed]))
            element.setAttribute("name", part.name)
            element.setAttribute("type", part.type)
            element.setAttribute("size", String(part.data.count))
            element.setAttribute("sha256", SHA256Digest.hex(of: part.data))
        }
        let lines = package.parts.map { "\($0.name) \(SHA256Digest.hex(of: $0.data))\n" }.joined()
        root.addElement("digest", text: SHA256Digest.hex(of: Data(lines.utf8))).setAttribute("algorithm", "SHA-256")
        return document.serialized(indent: true)
    }

    func testEverySingleByteChangeIsRejected() throws {
        let key = try ArchiveSigningKey.generate()
        for signed in [false, true] {
            let data = try package.serialized(signingKey: signed ? key : nil)
            // Change each byte in turn (every byte of the file: markup, white space, digests, content, signature).
            for offset in 0..<data.count {
                var changed = data
                changed[offset] = changed[offset] == 0x41 ? 0x42 : 0x41
                let problems = ArchivePackage.verify(changed, trust: signed ? key.publicKey : nil).problems
                XCTAssertFalse(problems.isEmpty, "a change at byte \(offset) went unnoticed")
            }
            var longer = data
            longer.append(0x0A)
            XCTAssertEqual(ArchivePackage.verify(longer).problems, [.layoutChanged(offset: data.count)])
            XCTAssertFalse(ArchivePackage.verify(data.dropLast()).problems.isEmpty)
        }
    }

    func testChangedPartIsNamedAndTheNextPartsAreStillRead() throws {
        var data = try package.serialized()
        let text = String(decoding: data, as: UTF8.self)
        // Flip one base64 character inside the text part, and break the odt part's line structure.
        let range = try XCTUnwrap(text.range(of: "name=\"documents/agreement.txt\""))
        let start = try XCTUnwrap(text[range.upperBound...].firstIndex(of: ">"))
        let offset = text.utf8.distance(from: text.startIndex, to: start) + 1
        data[offset] = data[offset] == 0x35 ? 0x36 : 0x35
        let odt = try XCTUnwrap(text.range(of: "name=\"documents/agreement.odt\""))
        let newline = try XCTUnwrap(text[odt.upperBound...].firstIndex(of: "\n"))
        data[text.utf8.distance(from: text.startIndex, to: newline)] = UInt8(ascii: "A")
        XCTAssertEqual(ArchivePackage.verify(data).problems,
                       [.partChanged(name: "documents/agreement.txt"), .partChanged(name: "documents/agreement.odt")])
    }

    func testAFileThatIsNoPackageIsSaidToBeNone() {
        let problems = ArchivePackage.verify(Data("<case><number>1</number></case>".utf8)).problems
        XCTAssertEqual(problems.count, 1)
        guard case .unreadable = problems.first else { return XCTFail("\(problems)") }
    }

    // MARK: signatures (issue 15, item 8)

    func testASignedPackageVerifiesWithItsKeyOnly() throws {
        let key = try ArchiveSigningKey.generate(), other = try ArchiveSigningKey.generate()
        let signed = try package.serialized(signingKey: key)
        XCTAssertEqual(ArchivePackage.verify(signed, trust: key.publicKey).problems, [])
        XCTAssertEqual(ArchivePackage.verify(signed).problems, [], "without --trust the signature is only read")
        XCTAssertEqual(ArchivePackage.verify(signed).signature?.keyID, key.publicKey.keyID)
        XCTAssertEqual(ArchivePackage.verify(signed, trust: other.publicKey).problems, [.signatureInvalid])
        XCTAssertEqual(ArchivePackage.verify(try package.serialized(), trust: key.publicKey).problems, [.unsigned])
    }

    /// Whoever rewrites any part and recomputes every digest (keeping the signature) is caught.
    func testRewritingAnyPartWithFreshDigestsBreaksTheSignature() throws {
        let key = try ArchiveSigningKey.generate()
        let signature = try XCTUnwrap(ArchivePackage.verify(try package.serialized(signingKey: key)).signature)
        for index in package.parts.indices {
            var forged = package
            forged.parts[index] = .init(name: forged.parts[index].name, data: forged.parts[index].data + Data("!".utf8))
            forged.signature = signature
            let data = try forged.serialized()
            XCTAssertEqual(ArchivePackage.verify(data).problems, [], "self-consistent: digests were recomputed")
            XCTAssertEqual(ArchivePackage.verify(data, trust: key.publicKey).problems, [.signatureInvalid], forged.parts[index].name)
        }
    }

    func testKeysRoundTripThroughPEMFilesAndAreNeverOverwritten() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-keys-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let stem = folder.appendingPathComponent("office-key")
        let files = try ArchiveSigningKey.generateFiles(stem: stem)
        XCTAssertEqual(files.privateKey.lastPathComponent, "office-key.pem")
        let pem = try String(contentsOf: files.privateKey, encoding: .utf8)
        XCTAssertTrue(pem.hasPrefix("-----BEGIN PRIVATE KEY-----"), pem)
        let mode = try FileManager.default.attributesOfItem(atPath: files.privateKey.path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
        let key = try ArchiveSigningKey(contentsOf: files.privateKey), trusted = try ArchivePublicKey(contentsOf: files.publicKey)
        XCTAssertEqual(trusted.keyID, files.keyID)
        XCTAssertEqual(ArchivePackage.verify(try package.serialized(signingKey: key), trust: trusted).problems, [])
        XCTAssertThrowsError(try ArchiveSigningKey.generateFiles(stem: stem))
        XCTAssertThrowsError(try ArchivePublicKey(contentsOf: files.privateKey), "a private key is not a public one")
        XCTAssertThrowsError(try ArchiveSigningKey(pem: Data("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n".utf8), file: "x"))
    }

    /// The fuzzer's seed packages (written by fuzz/seeds' generator in Python, not by this writer) are
    /// canonical: an independent check of the layout docs/archive-package.md describes.
    func testTheFuzzSeedsAreCanonicalPackages() throws {
        let seeds = DossierFixtures.root.appendingPathComponent("fuzz/seeds/archive")
        let plain = ArchivePackage.verify(fileAt: seeds.appendingPathComponent("package.xml"))
        XCTAssertEqual(plain.problems, [])
        XCTAssertEqual(plain.parts.map(\.name), ["case.xml", "dossier-index.xml", "documents/01-application.txt", "scans/02-id.png", "empty.txt"])
        let signed = ArchivePackage.verify(fileAt: seeds.appendingPathComponent("signed.xml"))
        XCTAssertEqual(signed.problems, [.paperMissing(name: "scans/02-id.png")])
        XCTAssertEqual(signed.signature?.keyID, String(repeating: "ab", count: 32))
    }

    // MARK: size (issue 15, item 1)

    /// A part far past libxml2's 10 MB text-node limit, from a file, written and verified as a stream.
    func testAPartOfAnySizeIsWrittenAndVerifiedFromItsFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-big-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let scan = folder.appendingPathComponent("scan.png")
        var bytes = Data(count: 24 << 20)
        bytes.withUnsafeMutableBytes { raw in for i in stride(from: 0, to: raw.count, by: 4093) { raw[i] = UInt8(truncatingIfNeeded: i) } }
        try bytes.write(to: scan)
        let big = ArchivePackage(parts: [package.parts[0], .init(name: "scans/01-scan.png", file: scan)])
        let url = folder.appendingPathComponent("dossier-archive.xml")
        let digest = try big.write(to: url)
        let read = ArchivePackage.verify(fileAt: url)
        XCTAssertEqual(read.problems, [])
        XCTAssertEqual(read.digest, digest)
        XCTAssertEqual(read.parts.last?.size, 24 << 20)
        XCTAssertEqual(read.parts.last?.sha256, SHA256Digest.hex(of: bytes))
    }
}
