import Foundation
import HTTPTypes
import Hummingbird
import WenshuCase
import WenshuTestSupport
import XCTest
@testable import WenshuDesk

/// The office's ledgers and statistics of a period in the page, and pictures of the papers' pages.
final class OfficeReportsTests: XCTestCase {
    var folder: URL!
    let examples = TestPaths.packageRoot.appendingPathComponent("examples", isDirectory: true)

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("desk-reports-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["traffic-instalments.xml", "neighbour-drainage.yaml"] {
            try FileManager.default.copyItem(at: examples.appendingPathComponent("cases/\(name)"), to: folder.appendingPathComponent(name))
        }
        for name in ["committees.yaml", "mediators.yaml", "worklog.yaml"] {
            try FileManager.default.copyItem(at: examples.appendingPathComponent("registers/\(name)"), to: folder.appendingPathComponent(name))
        }
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    func server(profile: OfficeProfile? = nil) async throws -> DeskServer {
        try await DeskServer(folder: CaseFolder(root: folder, profile: profile), papers: CasePapers(library: DeskRouteTests.library, profile: profile),
                             settings: .init(port: 0))
    }

    static func contentXML(ofODT data: Data) throws -> String {
        let archive = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString).odt")
        try data.write(to: archive)
        defer { try? FileManager.default.removeItem(at: archive) }
        let unzip = Process()
        unzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        unzip.arguments = ["python3", "-c", "import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read('content.xml').decode())", archive.path]
        let out = Pipe()
        unzip.standardOutput = out
        try unzip.run()
        let text = out.fileHandleForReading.readDataToEndOfFile()
        unzip.waitUntilExit()
        return String(decoding: text, as: UTF8.self)
    }

    /// The period's books: the folder's registers become their books, the cases of the period their rows; a
    /// period without the cases gives a register without them.
    func testTheBooksOfAPeriodComeFromTheFolder() async throws {
        let reports = OfficeReports(folder: CaseFolder(root: folder, profile: nil))
        let year = reports.reports(filter: try OfficeReports.filter(since: "2026-01-01", until: "2026-12-31").get())
        XCTAssertEqual(year.reports.map(\.stem), ["dispute-register", "committee-register", "mediator-register", "work-log", "statistics"])
        XCTAssertFalse(year.diagnostics.hasErrors, "\(year.diagnostics)")
        let register = try Self.contentXML(ofODT: try XCTUnwrap(reports.file(year.reports[0], format: "odt", pdfConverter: nil)))
        XCTAssertTrue(register.contains("（2026）西交调字第37号"), register)
        let later = reports.reports(filter: try OfficeReports.filter(since: "2027-01-01", until: "").get())
        let empty = try Self.contentXML(ofODT: try XCTUnwrap(reports.file(later.reports[0], format: "odt", pdfConverter: nil)))
        XCTAssertFalse(empty.contains("（2026）西交调字第37号"))
        let csv = String(decoding: try XCTUnwrap(reports.file(year.reports[4], format: "csv", pdfConverter: nil)), as: UTF8.self)
        XCTAssertTrue(csv.hasPrefix("\u{FEFF}"), "a spreadsheet's CSV: UTF-8 with BOM")
        XCTAssertNil(try reports.file(year.reports[0], format: "csv", pdfConverter: nil), "a book has no CSV")
        XCTAssertNil(try reports.file(year.reports[0], format: "pdf", pdfConverter: nil), "no PDF without LibreOffice")
        // With the office's subsidy rates, the subsidy table too.
        let (profile, _) = OfficeProfile.load(examples.appendingPathComponent("office.yaml"), displayName: "office.yaml")
        let withRates = OfficeReports(folder: CaseFolder(root: folder, profile: try XCTUnwrap(profile)))
        XCTAssertEqual(withRates.reports(filter: .init()).reports.last?.stem, "subsidy")
    }

    func testAPeriodIsTwoDatesInOrder() {
        XCTAssertNoThrow(try OfficeReports.filter(since: "", until: "").get())
        for (since, until) in [("2026-13-01", ""), ("", "昨天"), ("2026-06-01", "2026-05-31")] {
            guard case .failure(let problem) = OfficeReports.filter(since: since, until: until) else { return XCTFail("\(since)–\(until) accepted") }
            XCTAssertEqual(problem.id, "desk.bad-period")
        }
    }

    /// The page: two date pickers, each report with its downloads, the statistics previewed; a wrong period
    /// is said, not computed.
    func testTheReportsPageOffersEveryReportOfThePeriod() async throws {
        try await withLiveDesk(try await server()) { client in
            let (cookie, _) = try await DeskRouteTests.visit(client)
            try await client.execute(uri: "/reports?since=2026-01-01&until=2026-06-30", method: .get, headers: [.cookie: cookie]) { response in
                XCTAssertEqual(response.status, .ok)
                let html = DeskRouteTests.body(response)
                for text in ["矛盾纠纷排查调处登记册", "调解组织登记册", "调解人员登记册", "调解工作记录本", "人民调解工作统计表",
                             #"type="date" name="since" value="2026-01-01""#, #"href="/report/statistics/csv?since=2026-01-01&amp;until=2026-06-30""#] {
                    XCTAssertTrue(html.contains(text), text)
                }
                XCTAssertTrue(html.contains("<pre class=\"preview\">"), "the statistics previewed")
            }
            try await client.execute(uri: "/report/dispute-register/odt?since=2026-01-01&until=2026-06-30", method: .get, headers: [.cookie: cookie]) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertEqual(response.headers[.contentType], "application/vnd.oasis.opendocument.text")
                XCTAssertTrue(String(buffer: response.body).hasPrefix("PK"))
            }
            try await client.execute(uri: "/reports?since=2026-06-30&until=2026-01-01", method: .get, headers: [.cookie: cookie]) { response in
                let html = DeskRouteTests.body(response)
                XCTAssertTrue(html.contains("统计期间有误"), html)
                XCTAssertFalse(html.contains("人民调解工作统计表"))
            }
            try await client.execute(uri: "/report/nothing/odt", method: .get, headers: [.cookie: cookie]) { response in
                XCTAssertEqual(response.status, .notFound)
            }
        }
    }

    /// A two-page PDF written by hand stands in for LibreOffice: pdftoppm draws its pages, the same paper is
    /// drawn once, a changed one again; `discard` (when the desk stops) removes them.
    func testPagePicturesAreDrawnOncePerContent() throws {
        guard let pdftoppm = PagePreviews.executable(named: "pdftoppm") else { throw XCTSkip("pdftoppm is not installed (apt-get install poppler-utils)") }
        final class Count: @unchecked Sendable { var n = 0; let lock = NSLock() }
        let count = Count()
        let pdf = Data("""
            %PDF-1.4
            1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj
            2 0 obj <</Type/Pages/Kids[3 0 R 4 0 R]/Count 2>> endobj
            3 0 obj <</Type/Page/Parent 2 0 R/MediaBox[0 0 200 100]>> endobj
            4 0 obj <</Type/Page/Parent 2 0 R/MediaBox[0 0 200 100]>> endobj
            trailer <</Root 1 0 R>>
            %%EOF
            """.utf8)
        let previews = try XCTUnwrap(PagePreviews(pdfConverter: { _ in count.lock.withLock { count.n += 1 }; return pdf }, pdftoppm: pdftoppm))
        defer { try? FileManager.default.removeItem(at: previews.cache) }
        let first = try XCTUnwrap(previews.png(odt: Data("paper one".utf8), page: 1))
        XCTAssertEqual(Array(first.prefix(4)), [0x89, 0x50, 0x4E, 0x47])
        XCTAssertNotNil(try previews.png(odt: Data("paper one".utf8), page: 2))
        XCTAssertNil(try previews.png(odt: Data("paper one".utf8), page: 3))
        XCTAssertEqual(count.n, 1, "drawn once for the same content")
        _ = try previews.png(odt: Data("paper two".utf8), page: 1)
        XCTAssertEqual(count.n, 2)
        XCTAssertNil(PagePreviews(pdfConverter: nil, pdftoppm: pdftoppm), "no pictures without a PDF converter")
        previews.discard()
        XCTAssertFalse(FileManager.default.fileExists(atPath: previews.cache.path), "a stopped desk leaves no pictures behind")
    }
}
