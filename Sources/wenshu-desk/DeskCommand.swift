import ArgumentParser
import Dispatch
import Foundation
import WenshuCase
import WenshuCommandLine
import WenshuDesk
import WenshuDiagnostics
import WenshuPrint
import WenshuTemplate
import WenshuXML

/// `wenshu-desk`: the mediator's desk's own executable, so that `wenshu` does not link the HTTP server (the
/// desk's NIO and Hummingbird were a quarter of its start-up's conformance scans). `wenshu serve` has
/// parsed its arguments and replaced itself with this program (`DeskProgram` there), passing them on
/// (`serve …`); here they are parsed again by a tree named like `wenshu`'s with `serve` its one command, so
/// that help, usage errors and their exit statuses are `wenshu serve`'s own.
@main
struct DeskRoot: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "wenshu", abstract: "The mediator's desk, as `wenshu serve` runs it.",
                             zhAbstract: "调解员工作台，由 wenshu serve 运行。", subcommands: [ServeCommand.self])
    }

    /// `serve …`, in the language `wenshu` chose from the same arguments and environment.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        MessageLanguage.current = LanguageOptions.named(in: arguments) ?? .fromEnvironment()
        UsageErrors.run(self, arguments)
    }
}

/// `serve`'s run step: the server over the folder until Ctrl+C.
struct ServeCommand: ParsableCommand {
    static var configuration: CommandConfiguration { ServeOptions.configuration }

    @OptionGroup var options: ServeOptions

    func run() throws {
        if options.hashPassword {
            guard let line = readLine(strippingNewline: true), line.count >= 8 else {
                throw ValidationError(CommandWording.givePassword.render(in: .current))
            }
            print("desk:\n  password_hash: \(PasswordHash(password: line).stored)")
            return
        }
        let profile = try options.office.load()
        let (templates, _) = try options.library.load()
        var settings = DeskServer.Settings(host: options.listen, port: options.port)
        if let stored = profile?.file.root.element(named: "desk")?.element(named: "password_hash")?.stringValue {
            guard let hash = PasswordHash(stored: stored) else {
                printError(Diagnostic(DeskID.badPasswordHash, at: profile.map { SourceLocation(file: $0.file.name) } ?? SourceLocation(file: "profile"),
                                      subject: "desk.password_hash"))
                throw ExitCode(1)
            }
            settings.password = hash
        }
        let caseFolder = CaseFolder(root: URL(fileURLWithPath: options.folder, isDirectory: true), profile: profile)
        var papers = CasePapers(library: templates, profile: profile)
        // PDF when LibreOffice is here, printed as `--to pdf` prints (the templates' fonts.conf); else .odt and text.
        if let libreOffice = try? LibreOffice.locate() {
            let conf = PDFConverter.fontsConf(templates: try? TemplateLibrary.locate(explicit: options.library.templates),
                                              fallback: try? TemplateLibrary.locate(explicit: nil, environment: [:]))
            let converter = PDFConverter(libreOffice: libreOffice, settings: PDFConverter.Settings(converters: 1, fontsConf: conf))
            papers.pdfConverter = { odt in try converter.convert([(source: "desk", document: "paper", odf: odt)])[0].get() }
        }
        let failure = FailureBox()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                let server = try await DeskServer(folder: caseFolder, papers: papers, settings: settings)
                defer { server.previews?.discard() }  // the pictures are the desk's; Ctrl+C stops it here
                let app = server.application { port in
                    // Written straight to the descriptor, unbuffered, so a script reading the pipe sees it at once.
                    FileHandle.standardOutput.write(Data("文书工作台已启动：\(server.address(port: port))  （案件文件夹 \(caseFolder.root.path)；按 Ctrl+C 停止）\n".utf8))
                }
                try await app.runService()
            } catch {
                failure.error = error
            }
            done.signal()
        }
        done.wait()
        if let error = failure.error {
            if let diagnostic = error as? Diagnostic { printError(diagnostic) } else {
                printError(Diagnostic(DeskID.cannotStart, at: SourceLocation(file: "\(options.listen):\(options.port)"), ["reason": "\(error)"]))
            }
            throw ExitCode(1)
        }
    }
}

/// The server task's error, handed back to the blocked command.
private final class FailureBox: @unchecked Sendable {
    var error: Error?
}
