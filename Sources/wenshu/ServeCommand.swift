import ArgumentParser
import Foundation
import WenshuCommandLine
import WenshuDiagnostics

/// `wenshu serve`: parsed and checked here like every command (its options, help and usage errors are
/// `ServeOptions`), then run by the desk's own executable, so that `wenshu` does not link the HTTP server.
struct ServeCommand: ParsableCommand {
    static var configuration: CommandConfiguration { ServeOptions.configuration }

    @OptionGroup var options: ServeOptions

    func run() throws {
        try DeskProgram.run(Array(CommandLine.arguments.dropFirst()))
    }
}

/// `wenshu-desk`, found beside the running `wenshu` (`/proc/self/exe`'s folder).
enum DeskProgram {
    /// Replaces this process with `wenshu-desk arguments…` (`wenshu`'s own: `serve …`): the same process
    /// id, standard streams and environment, so the server's output, exit status and signals are
    /// `wenshu serve`'s. Returns only by throwing, after printing why the desk cannot run.
    static func run(_ arguments: [String]) throws -> Never {
        let folder = (ProcessEnvironment.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0]))
            .deletingLastPathComponent()
        let path = folder.appendingPathComponent("wenshu-desk").path
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        execv(path, argv)
        printError(Diagnostic(DeskID.programMissing, at: SourceLocation(file: path)))
        throw ExitCode(1)
    }
}
