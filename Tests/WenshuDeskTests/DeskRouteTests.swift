import Foundation
import HTTPTypes
import Hummingbird
import WenshuAssembly
import WenshuCase
import WenshuDiagnostics
import WenshuRun
import WenshuTemplate
import WenshuTestSupport
import WenshuWriters
import WenshuXML
import XCTest
@testable import WenshuDesk

/// The desk over HTTP, without a browser: sessions, CSRF, the list, the live check, downloads, uploads.
final class DeskRouteTests: XCTestCase {
    var folder: URL!
    static let library = TemplateLibrary.load(directory: TestPaths.packageRoot.appendingPathComponent("templates", isDirectory: true)).library

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("desk-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["traffic-instalments.xml", "neighbour-drainage.yaml"] {
            try FileManager.default.copyItem(at: TestPaths.packageRoot.appendingPathComponent("examples/cases/\(name)"), to: folder.appendingPathComponent(name))
        }
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    func server(password: PasswordHash? = nil, host: String = "127.0.0.1", maxUpload: Int = 1024) async throws -> DeskServer {
        try await DeskServer(folder: CaseFolder(root: folder, profile: nil), papers: CasePapers(library: Self.library, profile: nil),
                             settings: .init(host: host, port: 0, password: password, maxUpload: maxUpload))
    }

    static let host = HTTPField.Name("Host")!

    static func body(_ response: LiveClient.Reply) -> String { String(buffer: response.body) }

    /// The session cookie and CSRF token a first visit gets.
    static func visit(_ client: LiveClient) async throws -> (cookie: String, csrf: String) {
        try await client.execute(uri: "/", method: .get, headers: [DeskRouteTests.host: "127.0.0.1:8080"]) { response in
            let cookie = String(try XCTUnwrap(response.headers[.setCookie]).prefix { $0 != ";" })
            let html = Self.body(response)
            let csrf = try XCTUnwrap(html.range(of: "name=\"_csrf\" value=\"").map { String(html[$0.upperBound...].prefix(64)) })
            return (cookie, csrf)
        }
    }

    func testTheListShowsTheFolderAndPostsNeedTheToken() async throws {
        try await withLiveDesk(try await server()) { client in
            let (cookie, csrf) = try await Self.visit(client)
            try await client.execute(uri: "/?q=%E7%8E%8B%E5%BB%BA%E5%9B%BD", method: .get, headers: [DeskRouteTests.host: "localhost", .cookie: cookie]) { response in
                XCTAssertEqual(response.status, .ok)
                let html = Self.body(response)
                XCTAssertTrue(html.contains("（2026）西交调字第37号"), html)
                XCTAssertFalse(html.contains("沈国强"), "the search keeps only the matching case")
            }
            try await client.execute(uri: "/cases", method: .post, headers: [DeskRouteTests.host: "localhost", .cookie: cookie, .contentType: "application/x-www-form-urlencoded"],
                                     body: ByteBuffer(string: "number=X1&type=%E9%82%BB%E9%87%8C")) { response in
                XCTAssertEqual(response.status, .forbidden)
            }
            try await client.execute(uri: "/cases", method: .post, headers: [DeskRouteTests.host: "localhost", .cookie: cookie, .contentType: "application/x-www-form-urlencoded"],
                                     body: ByteBuffer(string: "number=X1&type=%E9%82%BB%E9%87%8C&_csrf=\(csrf)")) { response in
                XCTAssertEqual(response.status, .seeOther)
                XCTAssertEqual(response.headers[.location], "/case/X1.yaml")
            }
        }
    }

    func testOnlyThisMachinesNamesAreAcceptedOnLoopback() {
        for host in ["127.0.0.1:8080", "localhost", "[::1]:8080", "localhost:80"] { XCTAssertTrue(DeskRoutes.isLocalHost(host), host) }
        for host in ["evil.example:8080", "127.0.0.1.evil.example", "[::2]:80", ""] { XCTAssertFalse(DeskRoutes.isLocalHost(host), host) }
    }

    func testTheLiveCheckPutsFindingsOnFieldPaths() async throws {
        let tree = CaseTree(try CaseLoader.load(folder.appendingPathComponent("neighbour-drainage.yaml"), kind: .caseFile).root)
        let posted = PageForm.body(PageForm.pairs(for: tree, changing: [("parties[1].id_number", "330125196905177634")]))
        try await withLiveDesk(try await server()) { client in
            let (cookie, csrf) = try await Self.visit(client)
            try await client.execute(uri: "/case/neighbour-drainage.yaml/check", method: .post,
                                     headers: [DeskRouteTests.host: "localhost", .cookie: cookie, .contentType: "application/x-www-form-urlencoded", DeskRoutes.csrfHeader: csrf],
                                     body: ByteBuffer(string: posted)) { response in
                XCTAssertEqual(response.status, .ok)
                let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
                XCTAssertEqual(object["errors"] as? Int, 1)
                let finding = try XCTUnwrap((object["findings"] as? [[String: Any]])?.first { $0["id"] as? String == "case.id-check-digit" })
                XCTAssertEqual(finding["path"] as? String, "parties[1].id_number")
            }
        }
    }

    func testTheCasePageShowsTheFormInChinese() async throws {
        try await withLiveDesk(try await server()) { client in
            let (cookie, _) = try await Self.visit(client)
            try await client.execute(uri: "/case/traffic-instalments.xml", method: .get, headers: [DeskRouteTests.host: "localhost", .cookie: cookie]) { response in
                let html = Self.body(response)
                for heading in ["受理", "当事人", "调查", "调解", "协议", "履行", "回访", "司法确认", "归档"] {
                    XCTAssertTrue(html.contains("<h2>\(heading)</h2>"), heading)
                }
                XCTAssertTrue(html.contains("name=\"parties[1].name\" value=\"王建国\""))
                XCTAssertTrue(html.contains("type=\"date\" name=\"received\""))
            }
            try await client.execute(uri: "/case/..%2Fetc%2Fpasswd.yaml", method: .get, headers: [DeskRouteTests.host: "localhost", .cookie: cookie]) { response in
                XCTAssertEqual(response.status, .notFound)
            }
        }
    }

    /// The agreement downloaded from the page is the bytes `wenshu render` writes for the same file.
    func testADownloadedAgreementIsWhatRenderWrites() async throws {
        let pipeline = RenderPipeline(library: Self.library, profile: nil, settings: .init(forms: ["agreement"], formats: [.odt]))
        let expected = try XCTUnwrap(pipeline.render(caseAt: folder.appendingPathComponent("traffic-instalments.xml")).files.first).data
        try await withLiveDesk(try await server()) { client in
            let (cookie, _) = try await Self.visit(client)
            try await client.execute(uri: "/case/traffic-instalments.xml/paper/agreement/odt", method: .get, headers: [DeskRouteTests.host: "localhost", .cookie: cookie]) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertEqual(Data(response.body.readableBytesView), expected)
                XCTAssertTrue(response.headers[.contentDisposition]?.hasPrefix("attachment;") ?? false)
            }
            try await client.execute(uri: "/case/traffic-instalments.xml/papers", method: .get, headers: [DeskRouteTests.host: "localhost", .cookie: cookie]) { response in
                XCTAssertTrue(Self.body(response).contains("/case/traffic-instalments.xml/paper/agreement/txt"))
            }
        }
    }

    func testUploadsAreSizeLimitedAndTypeChecked() async throws {
        try await withLiveDesk(try await server(maxUpload: 1024)) { client in
            let (cookie, csrf) = try await Self.visit(client)
            let headers: HTTPFields = [DeskRouteTests.host: "localhost", .cookie: cookie, DeskRoutes.csrfHeader: csrf, .contentType: "application/octet-stream"]
            try await client.execute(uri: "/case/neighbour-drainage.yaml/scan?filename=a.pdf", method: .post, headers: headers,
                                     body: ByteBuffer(string: "#!/bin/sh\necho not a scan\n")) { response in
                XCTAssertEqual(response.status, .unsupportedMediaType)
            }
            try await client.execute(uri: "/case/neighbour-drainage.yaml/scan?filename=a.pdf", method: .post, headers: headers,
                                     body: ByteBuffer(string: "%PDF-1.4\n" + String(repeating: "x", count: 2000))) { response in
                XCTAssertEqual(response.status, .contentTooLarge)
            }
            try await client.execute(uri: "/case/neighbour-drainage.yaml/scan?filename=..%2F..%2F%E8%BA%AB%E4%BB%BD%E8%AF%81.pdf", method: .post, headers: headers,
                                     body: ByteBuffer(string: "%PDF-1.4\n%%EOF\n")) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertEqual(Self.body(response), #"{"path":"scans\/身份证.pdf"}"#)
            }
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("scans/身份证.pdf").path))
    }

    func testAnotherAddressNeedsThePassword() async throws {
        do {
            _ = try await server(host: "0.0.0.0")
            XCTFail("listening on 0.0.0.0 without a password must be refused")
        } catch let error as Diagnostic {
            XCTAssertEqual(error.id, "desk.password-required")
        }
        // Served on 127.0.0.1 (the test needs no other address), with the password as for 0.0.0.0.
        try await withLiveDesk(try await server(password: PasswordHash(password: "correct horse", iterations: 1000))) { client in
            try await client.execute(uri: "/", method: .get) { response in
                XCTAssertEqual(response.status, .seeOther)
                XCTAssertEqual(response.headers[.location], "/login")
            }
            let (cookie, csrf) = try await client.execute(uri: "/login", method: .get) { response in
                let html = Self.body(response)
                return (String(try XCTUnwrap(response.headers[.setCookie]).prefix { $0 != ";" }),
                        try XCTUnwrap(html.range(of: "name=\"_csrf\" value=\"").map { String(html[$0.upperBound...].prefix(64)) }))
            }
            let form: HTTPFields = [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"]
            try await client.execute(uri: "/login", method: .post, headers: form, body: ByteBuffer(string: "_csrf=\(csrf)&password=wrong")) { response in
                XCTAssertEqual(response.status, .unauthorized)
            }
            let signedIn = try await client.execute(uri: "/login", method: .post, headers: form, body: ByteBuffer(string: "_csrf=\(csrf)&password=correct+horse")) { response in
                XCTAssertEqual(response.status, .seeOther)
                return String(try XCTUnwrap(response.headers[.setCookie]).prefix { $0 != ";" })
            }
            XCTAssertNotEqual(signedIn, cookie, "a new session id after signing in")
            try await client.execute(uri: "/", method: .get, headers: [.cookie: signedIn]) { response in
                XCTAssertEqual(response.status, .ok)
            }
        }
    }
}
