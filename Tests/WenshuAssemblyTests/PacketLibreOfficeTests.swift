import Foundation
import XCTest
import WenshuDocument
import WenshuTestSupport
import WenshuWriters
@testable import WenshuAssembly

/// The reference case's packet as a court would receive it: valid ODF 1.3, opened and printed by real
/// LibreOffice, with both applicants and every term of the agreement in the PDF, each part starting on a
/// page of its own, and the checklist's page numbers (computed by the word processor) pointing at the
/// pages where the parts really start.
final class PacketLibreOfficeTests: XCTestCase {
    static let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-packet-lo-\(UUID().uuidString)")
    nonisolated(unsafe) static var written: Result<[URL], Error>?

    /// The packet in .odt and .fodt, written once for all tests of this class.
    func files() throws -> [URL] {
        if let written = Self.written { return try written.get() }
        let result = Result {
            let document = try XCTUnwrap(PacketFixtures.packet.build(try PacketFixtures.traffic()).document)
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            return try JudicialConfirmationPacket.files(document, formats: [.odt, .fodt]).map { file in
                let url = Self.folder.appendingPathComponent(file.name)
                try file.data.write(to: url)
                return url
            }
        }
        Self.written = result
        return try result.get()
    }

    override class func tearDown() {
        try? FileManager.default.removeItem(at: folder)
        super.tearDown()
    }

    func testThePacketIsValidODF13() throws {
        for file in try files() {
            XCTAssertEqual(try ODFSchemas.problems(inFile: file), [], file.lastPathComponent)
        }
    }

    func testLibreOfficePrintsBothApplicantsAndEveryTermOnPagesOfTheirOwn() throws {
        let odt = try XCTUnwrap(try files().first { $0.pathExtension == "odt" })
        let pdf = try LibreOffice.convertToPDF(try Data(contentsOf: odt), name: "confirmation-packet.odt")
        let pages = try LibreOffice.pageCount(pdf)
        let texts = try (1...pages).map { try LibreOffice.text(pdf, page: $0).filter { !$0.isWhitespace } }
        let all = texts.joined()

        for applicant in ["申请人：王建国", "申请人：李明"] { XCTAssertTrue(all.contains(applicant), applicant) }
        let terms = try PacketFixtures.traffic().root.element(named: "agreement")!.element(named: "terms")!
            .elements(named: "term").map { $0.element(named: "text")!.stringValue }
        XCTAssertEqual(terms.count, 3)
        for term in terms {
            XCTAssertTrue(all.contains(term.filter { !$0.isWhitespace }), "the PDF lacks the term \(term)")
        }
        XCTAssertTrue(all.contains("杭州市西湖区人民法院"))
        XCTAssertTrue(all.contains("杭州市西湖区道路交通事故人民调解委员会（印）"), "the certificate's seal line")

        // Each part begins at the top of a page: its title is the first text there.
        let starts = ["司法确认申请书", "人民调解协议书", "调解组织主持调解的证明", "送达地址确认书", "司法确认申请材料清单"].map { title in
            texts.firstIndex { $0.hasPrefix(title) }.map { $0 + 1 }
        }
        XCTAssertEqual(starts.compactMap { $0 }.count, 5, "every part starts a page: \(starts)")
        XCTAssertEqual(starts.first, 1)
        XCTAssertEqual(starts.compactMap { $0 }, starts.compactMap { $0 }.sorted())

        // The checklist's "本申请材料第N页起" are the pages where the application, the agreement, the
        // certificate and the 送达地址确认书 start; each attached paper's "，第N页起" is its placeholder page.
        let checklist = texts[((starts[4] ?? 1) - 1)...].joined()
        let printed = checklist.matches(of: /本申请材料第(\d+)页起/).map { Int($0.1)! }
        XCTAssertEqual(printed, Array(starts.prefix(4).compactMap { $0 }))
        // A placeholder page for each page of paper attached: the two ID copies, the power of attorney, the
        // two pages of the accident report; between the certificate and the checklist.
        let placeholders = texts.indices.filter { texts[$0].hasPrefix("此处装订：") }
        XCTAssertEqual(placeholders.count, 5)
        XCTAssertTrue(placeholders.allSatisfy { $0 + 1 > starts[2]! && $0 + 1 < starts[4]! })
        XCTAssertTrue(checklist.contains("材料核对人（签名）"))
    }
}
