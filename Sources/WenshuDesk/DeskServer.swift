import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Mustache
import WenshuCase
import WenshuDiagnostics
import WenshuTemplate
import WenshuXML

/// `wenshu serve`: the mediator's desk, a local web page over the case folder. Pages are rendered on the
/// server from the Mustache templates in `Pages/`; `Static/` holds the style sheet and the small script for
/// live checks. Nothing is loaded from outside the machine.
package struct DeskServer: Sendable {
    /// How the desk listens and who may use it.
    package struct Settings: Sendable {
        package var host: String
        package var port: Int
        /// Required (from the profile) when `host` is not a loopback address.
        package var password: PasswordHash?
        /// The largest scan accepted, in bytes.
        package var maxUpload: Int

        package init(host: String = "127.0.0.1", port: Int = 8080, password: PasswordHash? = nil, maxUpload: Int = 10 * 1024 * 1024) {
            self.host = host
            self.port = port
            self.password = password
            self.maxUpload = maxUpload
        }

        /// Whether the address only reaches this machine.
        package var isLoopback: Bool { ["127.0.0.1", "localhost", "::1"].contains(host) || host.hasPrefix("127.") }
    }

    package let folder: CaseFolder
    package let papers: CasePapers
    package let settings: Settings
    /// Pictures of the papers' first pages, when LibreOffice and pdftoppm are there.
    package let previews: PagePreviews?
    /// The office's ledgers and statistics over the same folder.
    package var reports: OfficeReports { OfficeReports(folder: folder) }
    let pages: MustacheLibrary
    let sessions = Sessions()

    /// Loads the page templates; refuses a non-loopback address without a password.
    package init(folder: CaseFolder, papers: CasePapers, settings: Settings) async throws {
        if !settings.isLoopback && settings.password == nil {
            throw Diagnostic(DeskID.passwordRequired, at: SourceLocation(file: "--listen"), ["address": "\(settings.host)"])
        }
        self.folder = folder
        self.papers = papers
        self.settings = settings
        previews = PagePreviews(pdfConverter: papers.pdfConverter)
        guard let pagesURL = Bundle.module.url(forResource: "Pages", withExtension: nil) else {
            throw Diagnostic(DeskID.cannotStart, at: SourceLocation(file: "WenshuDesk"), ["reason": .localized(en: "its page templates are missing from the installation", zh: "安装中缺少页面模板")])
        }
        pages = try await MustacheLibrary(directory: pagesURL.path)
    }

    /// The address to open in a browser.
    package func address(port: Int) -> String {
        let host = settings.host.contains(":") ? "[\(settings.host)]" : settings.host
        return "http://\(host):\(port)/"
    }

    /// The application: the router on the configured address. `onRunning` gets the port actually bound.
    /// Logs warnings and errors only by default: the terminal shows the address to open, not every request.
    package func application(logLevel: Logger.Level = .warning, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        var logger = Logger(label: "wenshu.desk")
        logger.logLevel = logLevel
        return Application(router: router(), configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: nil),
                           onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? settings.port) }, logger: logger)
    }

    /// Every route of the desk.
    package func router() -> Router<BasicRequestContext> {
        let router = Router()
        let desk = DeskRoutes(server: self)
        router.get("/static/:file") { request, context in try desk.staticFile(context.parameters.get("file") ?? "") }
        router.get("/login") { request, _ in desk.loginPage(request, failed: false) }
        router.post("/login") { request, _ in try await desk.login(request) }
        router.post("/logout") { request, _ in try await desk.guarded(request, post: true) { _, _ in desk.logout(request) } }
        router.get("/") { request, _ in try await desk.guarded(request) { s, _ in desk.caseList(request, session: s) } }
        router.post("/cases") { request, _ in try await desk.guarded(request, post: true) { s, form in desk.create(form, session: s) } }
        router.get("/case/:name") { request, context in
            try await desk.guarded(request) { s, _ in desk.casePage(DeskRoutes.name(context), session: s, notice: request.uri.queryParameters["saved"].map(String.init)) }
        }
        router.post("/case/:name") { request, context in
            try await desk.guarded(request, post: true) { s, form in desk.save(DeskRoutes.name(context), form: form, session: s) }
        }
        router.post("/case/:name/check") { request, context in
            try await desk.guarded(request, post: true) { _, form in desk.check(DeskRoutes.name(context), form: form) }
        }
        router.get("/case/:name/papers") { request, context in
            try await desk.guarded(request) { s, _ in desk.papersPage(DeskRoutes.name(context), session: s) }
        }
        router.get("/case/:name/paper/:stem/:format") { request, context in
            try await desk.guarded(request) { _, _ in
                desk.download(DeskRoutes.name(context), stem: context.parameters.get("stem") ?? "", format: context.parameters.get("format") ?? "")
            }
        }
        router.get("/case/:name/preview/:stem/:page") { request, context in
            try await desk.guarded(request) { _, _ in
                desk.preview(DeskRoutes.name(context), stem: context.parameters.get("stem") ?? "", page: context.parameters.get("page", as: Int.self) ?? 0)
            }
        }
        router.get("/reports") { request, _ in try await desk.guarded(request) { s, _ in desk.reportsPage(request, session: s) } }
        router.get("/report/:stem/:format") { request, context in
            try await desk.guarded(request) { _, _ in
                desk.reportDownload(request, stem: context.parameters.get("stem") ?? "", format: context.parameters.get("format") ?? "")
            }
        }
        router.post("/case/:name/scan") { request, context in
            try await desk.upload(request, name: DeskRoutes.name(context))
        }
        return router
    }
}
