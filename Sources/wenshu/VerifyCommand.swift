import ArgumentParser
import Foundation
import WenshuAssembly
import WenshuDiagnostics

/// `wenshu verify`: proves an archive package unchanged.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check that archive packages (dossier-archive.xml) are unchanged.",
        discussion: """
        Every part's SHA-256 digest and size, the package digest over all parts, and the package's own \
        layout are checked: a change of a single byte anywhere is found, and a change inside a part is \
        reported with the part's name (e.g. documents/09-agreement.odt). docs/archive-package.md \
        describes the package.

          wenshu verify out/（2026）西交调字第37号/dossier-archive.xml

        Exit status: 0 every package intact; 1 a package was changed or cannot be read; 64 usage.
        """)

    @OptionGroup var language: LanguageOptions

    @Argument(help: ArgumentHelp("Archive packages to check.", valueName: "package"))
    var packages: [String]

    func run() throws {
        var intact = true
        for path in LongArgumentLists.unfold(packages) {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data((CommandWording.cannotBeRead.render(in: .current, ["path": "\(path)"]) + "\n").utf8))
                intact = false
                continue
            }
            let (package, problems) = ArchivePackage.verify(data, fileName: path)
            if problems.isEmpty, let package {
                print("\(path): intact, \(package.parts.count) parts, SHA-256 \(package.digest)")
            } else {
                problems.forEach { FileHandle.standardError.write(Data("\(path): \($0)\n".utf8)) }
                intact = false
            }
        }
        if !intact { throw ExitCode(1) }
    }
}
