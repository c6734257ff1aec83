import ArgumentParser
import Foundation
import WenshuAssembly
import WenshuCommandLine
import WenshuDiagnostics
import WenshuXML

/// `wenshu verify`: proves an archive package unchanged and, given the office's public key, signed by it.
struct VerifyCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "verify",
            abstract: "Check that archive packages (dossier-archive.xml) are unchanged, complete and signed.",
            zhAbstract: "核验归档包（dossier-archive.xml）未被改动、完整并已签名。",
            discussion: """
            Every part's SHA-256 digest and size, the package digest over all parts, and the package's own \
            layout are checked: a change of a single byte anywhere is found, and a change inside a part is \
            reported with the part's name (e.g. documents/09-agreement.odt). Every paper the package's \
            dossier index lists must be in it. Packages of any size are read as a stream. \
            docs/archive-package.md describes the package.

            A package alone proves only that it is self-consistent: whoever rewrites a part can recompute the \
            digests. --trust KEY (or the profile's archive/trusted_key) also demands the office's signature \
            (`dossier --archive --sign`) made with the private half of KEY; an unsigned package then fails.

              wenshu verify out/（2026）西交调字第37号/dossier-archive.xml
              wenshu verify --trust office-key.pub.pem out/*/dossier-archive.xml

            Exit status: 0 every package intact (and signed by the trusted key); 1 a package was changed, \
            incomplete, unsigned or cannot be read; 64 usage.
            """,
            zhDiscussion: """
            检查每个部分的SHA-256摘要和大小、覆盖全部部分的总摘要，以及归档包本身的结构：任何地方改动一个字节都能发\
            现，部分内部的改动会报出该部分的名称（如documents/09-agreement.odt）。归档包的卷宗目录\
            所列的每份材料都必须在包内。任何大小的归档包都按流读取。docs/archive-package.md说明归档包\
            的格式。

            单凭归档包只能证明它自身一致：改写某个部分的人也能重新计算摘要。--trust KEY（或配置文件中\
            的archive/trusted_key）还要求有本单位用KEY的私钥所作的签名\
            （`dossier --archive --sign`）；这时没有签名的归档包不能通过。

              wenshu verify out/（2026）西交调字第37号/dossier-archive.xml
              wenshu verify --trust office-key.pub.pem out/*/dossier-archive.xml

            退出状态：0每个归档包都完好（并由所信任的密钥签名）；1有归档包被改动、不完整、没有签名或无法读取；64命令行用\
            法错误。
            """)
    }

    @Option(help: help("The office's public key (PEM, from `wenshu keygen`): packages must carry its signature.",
                       zh: "本单位的公钥（PEM，由`wenshu keygen`生成）：归档包必须带有与它对应的签名。",
                       valueName: "public-key"))
    var trust: String?

    @OptionGroup var profile: ProfileOptions
    @OptionGroup var language: LanguageOptions

    @Argument(help: help("Archive packages to check.",
                         zh: "要核验的归档包。", valueName: "package"))
    var packages: [String]

    func run() throws {
        let keyFile = try trust.map { URL(fileURLWithPath: $0) } ?? profile.load()?.trustedKey
        let key: ArchivePublicKey?
        do { key = try keyFile.map { try ArchivePublicKey(contentsOf: $0) } } catch {
            printKeyError(error)
            throw ExitCode(1)
        }
        var intact = true
        for path in LongArgumentLists.unfold(packages) {
            let shown = TerminalText.escaped(path)
            let verification = ArchivePackage.verify(fileAt: URL(fileURLWithPath: path), trust: key)
            if verification.problems.isEmpty, let digest = verification.digest {
                let signed: DiagnosticArgument = verification.signature.map {
                    key == nil ? .phrase(ArchiveWording.signedUnchecked, ["key": "\($0.keyID.prefix(16))"]) : .phrase(ArchiveWording.signedTrusted)
                } ?? ""
                print(ArchiveWording.intact.render(in: .current, ["package": "\(shown)", "parts": "\(verification.parts.count)",
                                                                  "digest": "\(digest)", "signed": signed]))
            } else {
                verification.problems.forEach {
                    FileHandle.standardError.write(Data("\(shown): \(TerminalText.escaped($0.message.render(in: .current)))\n".utf8))
                }
                intact = false
            }
        }
        if !intact { throw ExitCode(1) }
    }
}
