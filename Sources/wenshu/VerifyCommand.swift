import ArgumentParser
import Foundation
import WenshuAssembly
import WenshuDiagnostics
import WenshuXML

/// `wenshu verify`: proves an archive package unchanged and, given the office's public key, signed by it.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check that archive packages (dossier-archive.xml) are unchanged, complete and signed.",
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
        """)

    @Option(help: ArgumentHelp("The office's public key (PEM, from `wenshu keygen`): packages must carry its signature.",
                               valueName: "public-key"))
    var trust: String?

    @OptionGroup var profile: ProfileOptions
    @OptionGroup var language: LanguageOptions

    @Argument(help: ArgumentHelp("Archive packages to check.", valueName: "package"))
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
