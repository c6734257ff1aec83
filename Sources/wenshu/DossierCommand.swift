import ArgumentParser
import Foundation
import WenshuAssembly
import WenshuCase
import WenshuDiagnostics
import WenshuWriters
import WenshuRun
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

    @Option(help: "Report on standard output: text (findings and a summary on standard error) or json.")
    var format: ReportFormat = .text

    @OptionGroup var language: LanguageOptions

    func validate() throws {
        if cases.isEmpty { throw ValidationError(CommandWording.giveCases.render(in: .current)) }
        if out.output == nil { throw ValidationError(CommandWording.giveDossierFolder.render(in: .current)) }
    }

    func run() throws {
        let (library, problems) = try self.library.load()
        let inputs = try CommandInputs.files(cases)
        let files = CommandInputs.cases(inputs)
        let office = try profile.load(among: inputs)
        let assembler = DossierAssembler(library: library, profile: office, force: force)
        let (formats, archive) = (out.writtenFormats, self.archive)
        let signingKey = try loadSigningKey(profile: office)
        let options = out.writerOptions(defaultPage: .gbt9704)
        // A dossier and its archive are one volume: a run answers for every file an earlier dossier run wrote.
        let report = Runner(RunSettings(output: out.outputFolder!, manifestKey: "dossier",
                                        printing: try out.printing(templates: self.library.templates))).run(count: files.count) { index in
            let result = assembler.assemble(caseAt: files[index])
            var job = JobOutput(source: result.source, caseNumber: result.dossier?.caseNumber ?? result.caseNumber,
                                diagnostics: result.diagnostics)
            guard let dossier = result.dossier, result.succeeded else {
                if !job.diagnostics.hasErrors {
                    job.diagnostics.append(Diagnostic(DossierID.writeFailed, at: SourceLocation(file: result.source), ["detail": .phrase(CommandWording.noDossierBound)]))
                }
                return job
            }
            do {
                job.files = try Self.files(dossier, formats: formats, options: options).map { OutputFile(name: $0.0, data: $0.1) }
                if archive {
                    // Written as a stream, in the staging folder: scans of any size pass through a buffer.
                    let package = try dossier.archivePackage(options: options)
                    job.files.append(OutputFile(name: "dossier-archive.xml") { url in _ = try package.write(to: url, signingKey: signingKey) })
                }
            } catch {
                job.diagnostics.append(Diagnostic(DossierID.writeFailed, at: SourceLocation(file: result.source), ["detail": "\(error)"]))
            }
            return job
        }
        ReportPrinter(summary: .init(CommandWording.dossierSummary, done: CommandWording.dossier)).print(report, format: format.printer)
        if !report.succeeded || problems.hasErrors { throw ExitCode(1) }
    }

    /// The files of one dossier, by name: `dossier.<ext>` per format (the archive package is streamed apart).
    static func files(_ dossier: Dossier, formats: [OutputFormat], options: WriterOptions) throws -> [(String, Data)] {
        try formats.map { ("dossier.\($0.fileExtension)", try dossier.write($0, options: options)) }
    }

    /// The key `--sign` names, else the profile's signing key when archiving; none otherwise.
    func loadSigningKey(profile: OfficeProfile?) throws -> ArchiveSigningKey? {
        guard archive, let file = sign.map({ URL(fileURLWithPath: $0) }) ?? profile?.signingKey else {
            if sign != nil { throw ValidationError(CommandWording.signNeedsArchive.render(in: .current)) }
            return nil
        }
        do { return try ArchiveSigningKey(contentsOf: file) } catch {
            printKeyError(error)
            throw ExitCode(1)
        }
    }
}
