import ArgumentParser
import Foundation
import WenshuAssembly
import WenshuCase
import WenshuWriters
import WenshuXML

/// `wenshu dossier`: the bound dossier of each case, and its archive package.
struct DossierCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Bind each case's dossier (卷宗): cover, 卷内目录, the papers in order, 备考表, 封底.",
        discussion: """
        Each case is loaded and checked first (a case with errors gets no dossier). The papers follow the \
        office profile's dossier model (卷内目录 rows; the 13-row county model without a profile): the forms \
        the case has data for, filled; the attachments it lists, as their scan or as one "此处装订" page per \
        page of paper, so the printed page numbers match the bound volume. Pages are numbered from the first \
        paper after the 卷内目录; the contents and the 备考表 print page numbers that the word processor (or, \
        in text, Wenshu) fills in.

        A required (必须) row with nothing in it refuses the dossier; --force binds it anyway and says on \
        the cover and in the 备考表 what is missing.

        Files go to DIR/<case number>/dossier.<ext>, one per --to format; --archive adds \
        DIR/<case number>/dossier-archive.xml, one XML package with the case file, its canonical XML, every \
        document (ODF and text) and the scans, each with a SHA-256 digest (check it later with \
        `wenshu verify`). Nothing is written until every case number is known to give its own folder.

          wenshu dossier examples/cases/traffic-instalments.xml --profile examples/office.yaml -o out --to odt --archive
          wenshu dossier examples/cases -o out --to odt --to txt --force

        Exit status: 0 all done; 1 some dossiers were refused (the others are written); 64 usage.
        """)

    @OptionGroup var out: OutputOptions
    @OptionGroup var library: TemplateLibraryOptions

    @OptionGroup var profile: ProfileOptions

    @Flag(help: "Also write dossier-archive.xml: the archive package with a SHA-256 digest of every part.")
    var archive = false

    @Option(help: ArgumentHelp("Sign each archive package with the office's private key (PEM, from `wenshu keygen`; default: the profile's archive/signing_key).",
                               valueName: "private-key"))
    var sign: String?

    @Flag(help: "Bind a dossier even when a required (必须) paper is missing; the cover and the 备考表 name what is missing.")
    var force = false

    @Argument(help: ArgumentHelp("Case files, or folders of them.", valueName: "case"))
    var cases: [String] = []

    func validate() throws {
        if cases.isEmpty { throw ValidationError("give a case file or folder") }
        if out.output == nil { throw ValidationError("give -o DIR: the folder the dossiers go to") }
        do { _ = try LongArgumentLists.files(cases) } catch { throw ValidationError(error.description) }
    }

    func run() throws {
        let (library, problems) = try self.library.load()
        let office = try profile.load()
        let assembler = DossierAssembler(library: library, profile: office, force: force)
        let files = try LongArgumentLists.files(cases)
        guard let root = out.outputFolder else { return }
        let layout = OutputLayout(root: root)
        let options = out.writerOptions(defaultPage: .gbt9704)
        let signingKey = try loadSigningKey(profile: office)

        // Two cases whose numbers make one folder name: refuse before anything is written.
        let numbers = files.compactMap { try? CaseLoader.load($0, kind: .caseFile).root.element(named: "number")?.stringValue }
        let collisions = OutputLayout.collisions(among: numbers)
        for name in collisions.keys.sorted() {
            printError(Diagnostic("render.folder-collision", at: SourceLocation(file: root.path),
                                  "cases \(collisions[name]!.joined(separator: ", ")) would share the folder \(name); give them distinct case numbers"))
        }
        if !collisions.isEmpty { throw ExitCode(1) }

        var bound = 0, written = 0
        for url in files {
            let result = assembler.assemble(caseAt: url)
            result.diagnostics.filter { $0.severity != .note }.forEach(printError)
            guard let dossier = result.dossier, result.succeeded else { continue }
            do {
                for (name, data) in try Self.files(dossier, formats: out.chosenFormats, options: options) {
                    try AtomicFile.write(data, to: layout.folder(forCase: dossier.caseNumber).appendingPathComponent(name))
                    written += 1
                }
                if archive {
                    // Written as a stream: scans of any size pass through a buffer.
                    let url = layout.folder(forCase: dossier.caseNumber).appendingPathComponent("dossier-archive.xml")
                    try dossier.archivePackage(options: options).write(to: url, signingKey: signingKey)
                    written += 1
                }
                bound += 1
            } catch {
                printError(Diagnostic(DossierIssue.writeFailed, at: SourceLocation(file: result.source), "\(error)"))
            }
        }
        FileHandle.standardError.write(Data("\(files.count) cases: \(bound) dossiers bound (\(written) files in \(root.path)), \(files.count - bound) refused\n".utf8))
        if bound < files.count || problems.hasErrors { throw ExitCode(1) }
    }

    /// The files of one dossier, by name: `dossier.<ext>` per format (the archive package is streamed apart).
    static func files(_ dossier: Dossier, formats: [OutputFormat], options: WriterOptions) throws -> [(String, Data)] {
        try formats.map { ("dossier.\($0.fileExtension)", try dossier.write($0, options: options)) }
    }

    /// The key `--sign` names, else the profile's signing key when archiving; none otherwise.
    func loadSigningKey(profile: OfficeProfile?) throws -> ArchiveSigningKey? {
        guard archive, let file = sign.map({ URL(fileURLWithPath: $0) }) ?? profile?.signingKey else {
            if sign != nil { throw ValidationError("--sign signs the archive package: give --archive too") }
            return nil
        }
        do { return try ArchiveSigningKey(contentsOf: file) } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
