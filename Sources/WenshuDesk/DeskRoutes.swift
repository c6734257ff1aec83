import Foundation
import HTTPTypes
import Hummingbird
import Mustache
import WenshuAssembly
import WenshuCase
import WenshuDiagnostics
import WenshuRun
import WenshuWriters
import WenshuXML

/// The desk's handlers: each turns a request into one call on `CaseFolder` or `CasePapers` and a page.
struct DeskRoutes: Sendable {
    let server: DeskServer
    static let cookieName = "wenshu_desk"
    static let csrfHeader = HTTPField.Name("X-CSRF-Token")!
    static let maxFormBytes = 2 * 1024 * 1024

    var folder: CaseFolder { server.folder }

    static func name(_ context: BasicRequestContext) -> String {
        let raw = context.parameters.get("name") ?? ""
        return raw.removingPercentEncoding ?? raw
    }

    // MARK: Sessions, password, CSRF

    /// Runs `handler` for a signed-in session; a post must carry the session's CSRF token (in the form's
    /// `_csrf` or the X-CSRF-Token header). Without a password (loopback) every browser gets a session at once.
    func guarded(_ request: Request, post: Bool = false,
                 _ handler: (Sessions.Session, FormSubmission) async throws -> Response) async throws -> Response {
        if let refusal = hostRefusal(request) { return refusal }
        var session = server.sessions.session(cookie(request))
        var newCookie = false
        if session == nil, server.settings.password == nil {
            session = server.sessions.start(signedIn: true)
            newCookie = true
        }
        guard let session, session.signedIn else {
            return post ? message(.forbidden, "请先登录。") : redirect("/login")
        }
        var form = FormSubmission(pairs: [])
        if post {
            if request.headers[.contentType]?.hasPrefix("application/x-www-form-urlencoded") == true {
                let body = try await request.body.collect(upTo: DeskRoutes.maxFormBytes)
                form = FormSubmission(urlEncoded: String(buffer: body))
            }
            let token = request.headers[DeskRoutes.csrfHeader] ?? form["_csrf"]
            guard token == session.csrfToken else { return message(.forbidden, "表单已过期或来源不明（CSRF 令牌不符），请刷新页面后重试。") }
        }
        var response = try await handler(session, form)
        if newCookie { response.headers[.setCookie] = setCookie(session.id) }
        return response
    }

    /// On a loopback address, a request naming another host is refused (DNS rebinding).
    func hostRefusal(_ request: Request) -> Response? {
        guard server.settings.password == nil,
              let host = request.head.authority ?? request.headers[HTTPField.Name("Host")!] else { return nil }
        return DeskRoutes.isLocalHost(host) ? nil : message(.forbidden, "此地址不接受该主机名。")
    }

    /// Whether a Host header (`127.0.0.1:8080`, `localhost`, `[::1]:8080`) names this machine.
    static func isLocalHost(_ host: String) -> Bool {
        let name: Substring
        if host.hasPrefix("[") { name = host.dropFirst().prefix { $0 != "]" } } else { name = host.prefix { $0 != ":" } }
        return ["127.0.0.1", "localhost", "::1"].contains(String(name))
    }

    func cookie(_ request: Request) -> String? {
        for field in request.headers[values: .cookie] {
            for part in field.split(separator: ";") {
                let pair = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
                if pair.count == 2, pair[0] == DeskRoutes.cookieName { return String(pair[1]) }
            }
        }
        return nil
    }

    func setCookie(_ id: String) -> String {
        "\(DeskRoutes.cookieName)=\(id); Path=/; HttpOnly; SameSite=Strict; Max-Age=\(Int(server.sessions.absoluteLimit))"
    }

    func loginPage(_ request: Request, failed: Bool) -> Response {
        let session = server.sessions.session(cookie(request)) ?? server.sessions.start(signedIn: server.settings.password == nil)
        if session.signedIn { var r = redirect("/"); r.headers[.setCookie] = setCookie(session.id); return r }
        var response = page("login", ["csrf": session.csrfToken, "failed": failed, "title": "登录"])
        response.headers[.setCookie] = setCookie(session.id)
        return response
    }

    func login(_ request: Request) async throws -> Response {
        guard let session = server.sessions.session(cookie(request)) else { return redirect("/login") }
        let form = FormSubmission(urlEncoded: String(buffer: try await request.body.collect(upTo: 64 * 1024)))
        guard form["_csrf"] == session.csrfToken else { return message(.forbidden, "表单已过期，请刷新页面后重试。") }
        guard let password = server.settings.password, password.matches(form["password"] ?? "") else {
            var r = loginPage(request, failed: true)
            r.status = .unauthorized
            return r
        }
        server.sessions.end(session.id)
        let signedIn = server.sessions.start(signedIn: true)
        var response = redirect("/")
        response.headers[.setCookie] = setCookie(signedIn.id)
        return response
    }

    func logout(_ request: Request) -> Response {
        if let id = cookie(request) { server.sessions.end(id) }
        return redirect(server.settings.password == nil ? "/" : "/login")
    }

    // MARK: Cases

    func caseList(_ request: Request, session: Sessions.Session) -> Response {
        let query = request.uri.queryParameters["q"].map(String.init) ?? ""
        let today = CivilDate.today
        let rows: [[String: Any]] = folder.summaries(on: today, matching: query).map { s in
            var row: [String: Any] = ["file": s.fileName, "link": DeskRoutes.link(s.fileName), "number": s.number.isEmpty ? s.fileName : s.number,
                                      "title": s.title, "parties": s.parties.joined(separator: "、"), "state": s.state]
            if let o = s.nextDeadline {
                row["deadline"] = "\(o.due) \(o.kind.label)"
                row["overdue"] = o.isOverdue(on: today)
            }
            if let problem = s.problem { row["problem"] = problem }
            return row
        }
        return page("cases", ["title": "案件", "csrf": session.csrfToken, "query": query, "cases": rows, "count": rows.count,
                              "types": CaseFormSchema.disputeTypes, "today": today.description])
    }

    func create(_ form: FormSubmission, session: Sessions.Session) -> Response {
        let format = SourceFormat(rawValue: form["format"] ?? "yaml") ?? .yaml
        do {
            let name = try folder.create(number: form["number"] ?? "", type: form["type"] ?? "", format: format)
            return redirect("/case/\(DeskRoutes.link(name))")
        } catch {
            return message(.badRequest, DeskText.sentence(for: error))
        }
    }

    func casePage(_ name: String, session: Sessions.Session, notice: String? = nil, conflict: Bool = false) -> Response {
        let opened: CaseFolder.Opened
        do { opened = try folder.open(name) } catch {
            return message(error.id == DeskID.noSuchCase.id ? .notFound : .unprocessableContent, DeskText.sentence(for: error))
        }
        var findings = CaseChecker(profile: folder.profile).check(opened.file)
        if !findings.hasErrors { findings += server.papers.bindingFindings(for: opened.file) }
        var context: [String: Any] = [
            "title": opened.file.root.element(named: "number")?.stringValue ?? name, "file": name, "link": DeskRoutes.link(name),
            "csrf": session.csrfToken, "version": opened.version, "format": opened.file.format.rawValue.uppercased(),
            "sections": FormView.sections(for: opened.tree), "findings": DeskText.findings(findings),
            "errors": findings.filter { $0.severity == .error }.count, "warnings": findings.filter { $0.severity == .warning }.count,
            "conflict": conflict,
        ]
        if let notice { context["notice"] = notice }
        var response = page("case", context)
        if conflict { response.status = .conflict }
        return response
    }

    func save(_ name: String, form: FormSubmission, session: Sessions.Session) -> Response {
        do {
            switch try folder.save(name, form: form, version: form["_version"] ?? "") {
            case .conflict: return casePage(name, session: session, conflict: true)
            case .unchanged: return redirect("/case/\(DeskRoutes.link(name))?saved=" + DeskRoutes.query("没有改动。"))
            case .valuesChanged(let n):
                return redirect("/case/\(DeskRoutes.link(name))?saved=" + DeskRoutes.query("已保存：改了 \(n) 个值，文件的注释和格式保持不变。"))
            case .rewritten(let backup):
                return redirect("/case/\(DeskRoutes.link(name))?saved=" + DeskRoutes.query("已保存：增删了栏目，文件按标准格式重写；原文件保留为 \(backup)。"))
            }
        } catch {
            return message(.unprocessableContent, DeskText.sentence(for: error))
        }
    }

    func check(_ name: String, form: FormSubmission) -> Response {
        let opened: CaseFolder.Opened
        do { opened = try folder.open(name) } catch { return json(["error": DeskText.sentence(for: error)], status: .notFound) }
        var (file, findings) = folder.check(opened, form: form)
        if let file, !findings.hasErrors { findings += server.papers.bindingFindings(for: file) }
        return json(["findings": DeskText.findings(findings), "errors": findings.filter { $0.severity == .error }.count,
                     "warnings": findings.filter { $0.severity == .warning }.count])
    }

    // MARK: Papers

    func papersPage(_ name: String, session: Sessions.Session) -> Response {
        guard let url = folder.resolve(name) else { return message(.notFound, "没有这个案件文件。") }
        let (papers, diagnostics) = server.papers.forms(caseAt: url, name: name)
        let formats = server.papers.formats
        let link = DeskRoutes.link(name)
        let pictured = server.previews != nil
        let rows: [[String: Any]] = papers.map { p in
            ["stem": p.stem, "title": p.title, "text": p.text, "pictured": pictured,
             "pages": (1...PagePreviews.pages).map { ["src": "/case/\(link)/preview/\(DeskRoutes.link(p.stem))/\($0)", "page": $0] },
             "downloads": formats.map { ["format": $0, "href": "/case/\(link)/paper/\(DeskRoutes.link(p.stem))/\($0)"] }]
        }
        let bundles: [[String: Any]] = [("confirmation-packet", "司法确认申请材料"), ("dossier", "卷宗")].map { stem, title in
            ["title": title, "downloads": formats.map { ["format": $0, "href": "/case/\(link)/paper/\(stem)/\($0)"] }]
        }
        return page("papers", ["title": "文书", "file": name, "link": link, "csrf": session.csrfToken, "papers": rows,
                               "bundles": rows.isEmpty ? [] : bundles, "hasBundles": !rows.isEmpty,
                               "hasFindings": diagnostics.hasErrors, "findings": DeskText.findings(diagnostics.filter { $0.severity == .error }),
                               "pdfMissing": !formats.contains("pdf")])
    }

    func download(_ name: String, stem: String, format: String) -> Response {
        guard let url = folder.resolve(name) else { return message(.notFound, "没有这个案件文件。") }
        let (data, diagnostics) = server.papers.file(caseAt: url, name: name, stem: stem, format: format)
        guard let data else {
            return message(.unprocessableContent, "无法生成该文书：" + diagnostics.filter { $0.severity == .error }.map(DeskText.sentence(for:)).joined(separator: "；"))
        }
        let caseStem = OutputLayout.safeName(URL(fileURLWithPath: name).deletingPathExtension().lastPathComponent)
        return attachment(data, fileName: "\(caseStem)-\(stem).\(format)", shortName: "\(stem).\(format)", format: format)
    }

    /// A download: the file's type from its format, its name in UTF-8 (`shortName` for old browsers).
    func attachment(_ data: Data, fileName: String, shortName: String, format: String) -> Response {
        let types = ["odt": "application/vnd.oasis.opendocument.text", "fodt": "application/vnd.oasis.opendocument.text-flat-xml",
                     "txt": "text/plain; charset=utf-8", "pdf": "application/pdf", "xml": "application/xml",
                     "csv": "text/csv; charset=utf-8", "png": "image/png"]
        var headers = HTTPFields()
        headers[.contentType] = types[format] ?? "application/octet-stream"
        headers[.contentDisposition] = "attachment; filename=\"\(shortName)\"; filename*=UTF-8''\(DeskRoutes.query(fileName))"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// A picture of page `page` of a paper (PNG), drawn once per content; 404 past its last page.
    func preview(_ name: String, stem: String, page: Int) -> Response {
        guard let previews = server.previews else { return message(.notFound, "本机没有 LibreOffice 或 pdftoppm，只能预览文字版式。") }
        guard let url = folder.resolve(name) else { return message(.notFound, "没有这个案件文件。") }
        let (odt, diagnostics) = server.papers.file(caseAt: url, name: name, stem: stem, format: "odt")
        guard let odt else {
            return message(.unprocessableContent, "无法生成该文书：" + diagnostics.filter { $0.severity == .error }.map(DeskText.sentence(for:)).joined(separator: "；"))
        }
        let png: Data?
        do { png = try previews.png(odt: odt, page: page) } catch {
            return message(.unprocessableContent, DeskText.sentence(for: Diagnostic(PrintID.conversionFailed, at: SourceLocation(file: stem), ["reason": "\(error)"])))
        }
        guard let png else { return message(.notFound, "该文书没有第\(page)页。") }
        var headers = HTTPFields()
        headers[.contentType] = "image/png"
        headers[.cacheControl] = "private, no-cache"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: png)))
    }

    // MARK: Ledgers and statistics

    /// The period the page asks for (`?since=&until=`); this year when the page gives none.
    static func period(_ request: Request) -> (since: String, until: String) {
        let year = CivilDate.today.year
        return (request.uri.queryParameters["since"].map(String.init) ?? "\(year)-01-01",
                request.uri.queryParameters["until"].map(String.init) ?? "\(year)-12-31")
    }

    /// The office's ledgers and statistics of a period: the period chosen with two date pickers, each book
    /// and table downloaded in every format, the statistics previewed as text.
    func reportsPage(_ request: Request, session: Sessions.Session) -> Response {
        let (since, until) = DeskRoutes.period(request)
        var context: [String: Any] = ["title": "台账与统计", "csrf": session.csrfToken, "since": since, "until": until,
                                      "pdfMissing": server.papers.pdfConverter == nil]
        switch OfficeReports.filter(since: since, until: until) {
        case .failure(let problem):
            context["problem"] = DeskText.sentence(for: problem)
        case .success(let filter):
            let (reports, diagnostics) = server.reports.reports(filter: filter)
            let period = "since=\(DeskRoutes.query(since))&until=\(DeskRoutes.query(until))"
            context["reports"] = reports.map { report -> [String: Any] in
                let formats = server.papers.formats + (report.csv == nil ? [] : ["csv"])
                var row: [String: Any] = ["stem": report.stem, "title": report.title,
                                          "downloads": formats.map { ["format": $0, "href": "/report/\(report.stem)/\($0)?\(period)"] }]
                if report.stem == "statistics", let text = try? server.reports.file(report, format: "txt", pdfConverter: nil) {
                    row["preview"] = String(decoding: text, as: UTF8.self)
                }
                return row
            }
            let errors = diagnostics.filter { $0.severity == .error }
            context["left"] = errors.map { ["file": $0.location.file, "message": DeskText.sentence(for: $0)] }
            context["hasLeft"] = !errors.isEmpty
        }
        return page("reports", context)
    }

    func reportDownload(_ request: Request, stem: String, format: String) -> Response {
        let (since, until) = DeskRoutes.period(request)
        let filter: LedgerFilter
        switch OfficeReports.filter(since: since, until: until) {
        case .failure(let problem): return message(.badRequest, DeskText.sentence(for: problem))
        case .success(let chosen): filter = chosen
        }
        guard let report = server.reports.reports(filter: filter).reports.first(where: { $0.stem == stem }) else {
            return message(.notFound, "没有这份台账或统计表。")
        }
        let data: Data?
        do { data = try server.reports.file(report, format: format, pdfConverter: server.papers.pdfConverter) } catch {
            return message(.unprocessableContent, DeskText.sentence(for: Diagnostic(PrintID.conversionFailed, at: SourceLocation(file: stem), ["reason": "\(error)"])))
        }
        guard let data else { return message(.notFound, "没有\(format)格式的\(report.title)。") }
        return attachment(data, fileName: "\(stem)-\(since)-\(until).\(format)", shortName: "\(stem).\(format)", format: format)
    }

    // MARK: Scans

    /// A scan for an attachment: the raw file as the body, its name in `?filename=`. Kept to PDF, PNG and
    /// JPEG (by their first bytes, not the name) under the size limit, stored as `scans/<name>` in the folder.
    func upload(_ request: Request, name: String) async throws -> Response {
        try await guarded(request, post: true) { _, _ in
            guard folder.resolve(name) != nil else { return json(["error": "没有这个案件文件。"], status: .notFound) }
            let body: ByteBuffer
            do { body = try await request.body.collect(upTo: server.settings.maxUpload) } catch {
                return json(["error": "文件太大：扫描件不能超过 \(server.settings.maxUpload / 1024 / 1024) MB。"], status: .contentTooLarge)
            }
            let bytes = Array(body.readableBytesView)
            guard let ext = ScanType.fileExtension(of: bytes) else {
                return json(["error": "只接受 PDF、PNG 或 JPEG 格式的扫描件。"], status: .unsupportedMediaType)
            }
            let requested = request.uri.queryParameters["filename"].map(String.init) ?? "scan"
            let stem = OutputLayout.safeName(URL(fileURLWithPath: requested).deletingPathExtension().lastPathComponent)
            let scans = folder.root.appendingPathComponent("scans", isDirectory: true)
            try FileManager.default.createDirectory(at: scans, withIntermediateDirectories: true)
            var fileName = "\(stem).\(ext)"
            var n = 1
            while FileManager.default.fileExists(atPath: scans.appendingPathComponent(fileName).path) {
                n += 1
                fileName = "\(stem)-\(n).\(ext)"
            }
            try Data(bytes).write(to: scans.appendingPathComponent(fileName), options: .atomic)
            return json(["path": "scans/\(fileName)"])
        }
    }

    // MARK: Responses

    func staticFile(_ file: String) throws -> Response {
        let types = ["css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8"]
        let url = URL(fileURLWithPath: file)
        guard !file.contains("/"), !file.hasPrefix("."), let type = types[url.pathExtension],
              let resource = Bundle.module.url(forResource: "Static/\(file)", withExtension: nil),
              let data = try? Data(contentsOf: resource) else { return message(.notFound, "没有这个文件。") }
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = "no-cache"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    func page(_ template: String, _ context: [String: Any]) -> Response {
        let html = server.pages.render(context, withTemplate: template) ?? "<!doctype html><p>页面模板 \(template) 缺失。</p>"
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.contentSecurityPolicy] = "default-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'"
        headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    func message(_ status: HTTPResponse.Status, _ text: String) -> Response {
        var response = page("message", ["title": "提示", "message": text])
        response.status = status
        return response
    }

    func redirect(_ location: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        return Response(status: .seeOther, headers: headers)
    }

    func json(_ object: [String: Any], status: HTTPResponse.Status = .ok) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// A file name as one URL path segment.
    static func link(_ name: String) -> String {
        name.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? name
    }

    static func query(_ text: String) -> String { link(text) }
}

/// What a scan's first bytes say it is.
enum ScanType {
    static func fileExtension(of bytes: [UInt8]) -> String? {
        if bytes.starts(with: Array("%PDF-".utf8)) { return "pdf" }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "png" }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return "jpg" }
        return nil
    }
}
