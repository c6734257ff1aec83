import Foundation
import XCTest
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
        XCTAssertEqual(package.digest, SHA256Digest.hex(of: Data(lines.utf8)))
    }

    func testUntouchedPackageVerifiesAndRoundTrips() {
        let data = package.serialized()
        XCTAssertEqual(data, package.serialized(), "serialisation is reproducible")
        let (read, problems) = ArchivePackage.verify(data, fileName: "p.xml")
        XCTAssertEqual(problems, [])
        XCTAssertEqual(read, package)
        XCTAssertEqual(read?.parts.map(\.type), ["application/xml", "text/plain", "application/vnd.oasis.opendocument.text"])
    }

    func testEverySingleByteChangeIsRejected() {
        let data = package.serialized()
        // Change each byte in turn (every byte of the file: markup, white space, digests, content).
        for offset in stride(from: 0, to: data.count, by: 1) {
            var changed = data
            changed[offset] = changed[offset] == 0x41 ? 0x42 : 0x41
            let (_, problems) = ArchivePackage.verify(changed, fileName: "p.xml")
            XCTAssertFalse(problems.isEmpty, "a change at byte \(offset) went unnoticed")
        }
    }

    func testChangedPartIsNamed() throws {
        var data = package.serialized()
        let text = String(decoding: data, as: UTF8.self)
        // Flip one base64 character inside the text part.
        let range = try XCTUnwrap(text.range(of: "name=\"documents/agreement.txt\""))
        let start = try XCTUnwrap(text[range.upperBound...].firstIndex(of: ">"))
        let offset = text.utf8.distance(from: text.startIndex, to: start) + 1
        data[offset] = data[offset] == 0x35 ? 0x36 : 0x35
        let (_, problems) = ArchivePackage.verify(data, fileName: "p.xml")
        XCTAssertEqual(problems.first, .partChanged(name: "documents/agreement.txt"))
    }
}
