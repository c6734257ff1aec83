import ArgumentParser
import Foundation
import WenshuAssembly
import WenshuCommandLine
import WenshuDiagnostics

/// `wenshu keygen`: the office's key pair for signing archive packages.
struct KeygenCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "keygen",
            abstract: "Make the office's key pair for signing archive packages (Ed25519, PEM).",
            zhAbstract: "生成本单位为归档包签名用的密钥对（Ed25519，PEM）。",
            discussion: """
            Writes STEM.pem, the private key (readable by its owner only: keep it in the office, never in a \
            package), and STEM.pub.pem, the public key to give whoever verifies. Existing files are never \
            overwritten. Name them in the office profile (archive: signing_key / trusted_key) or pass them as \
            `dossier --archive --sign STEM.pem` and `verify --trust STEM.pub.pem`.

              wenshu keygen -o office-key

            Exit status: 0 written; 1 a file is already there or cannot be written; 64 usage.
            """,
            zhDiscussion: """
            写出STEM.pem，即私钥（只有所有者可读：留在本单位，切勿放进归档包），以及STEM.pub.pem，即交给\
            核验方的公钥。已有的文件决不覆盖。在本单位配置文件中写明它们\
            （archive: signing_key / trusted_key），或\
            用`dossier --archive --sign STEM.pem`和`verify --trust STEM.pub.pem`指定。

              wenshu keygen -o office-key

            退出状态：0已写出；1文件已存在或无法写入；64命令行用法错误。
            """)
    }

    @Option(name: [.short, .customLong("output")], help: help("The key files' stem: STEM.pem and STEM.pub.pem.",
                                                              zh: "密钥文件的主名：写出STEM.pem和STEM.pub.pem。", valueName: "stem"))
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
