import ArgumentParser
import Foundation
import WenshuDiagnostics
import WenshuAssembly

/// `wenshu keygen`: the office's key pair for signing archive packages.
struct KeygenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Make the office's key pair for signing archive packages (Ed25519, PEM).",
        discussion: """
        Writes STEM.pem, the private key (readable by its owner only: keep it in the office, never in a \
        package), and STEM.pub.pem, the public key to give whoever verifies. Existing files are never \
        overwritten. Name them in the office profile (archive: signing_key / trusted_key) or pass them as \
        `dossier --archive --sign STEM.pem` and `verify --trust STEM.pub.pem`.

          wenshu keygen -o office-key

        Exit status: 0 written; 1 a file is already there or cannot be written; 64 usage.
        """)

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The key files' stem: STEM.pem and STEM.pub.pem.", valueName: "stem"))
    var output: String

    func run() throws {
        do {
            let files = try ArchiveSigningKey.generateFiles(stem: URL(fileURLWithPath: output))
            print(ArchiveWording.privateKey.render(in: .current, ["path": "\(files.privateKey.path)"]))
            print(ArchiveWording.publicKey.render(in: .current, ["path": "\(files.publicKey.path)", "key": "\(files.keyID)"]))
        } catch {
            printKeyError(error)
            throw ExitCode(1)
        }
    }
}

/// A key that could not be made or read, in the user's language, on standard error.
func printKeyError(_ error: Error) {
    let text = (error as? ArchiveKeyError)?.message.render(in: .current) ?? "\(error)"
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
