import ArgumentParser
import Foundation
import WenshuAssembly
import WenshuCase
import WenshuCommandLine
import WenshuDiagnostics
import WenshuRun
import WenshuWriters
import WenshuXML

/// `wenshu dossier`: the bound dossier of each case, and its archive package.
struct DossierCommand: ParsableCommand {
    /// The examples, the same on both languages' pages.
    private static let examples = """
          wenshu dossier examples/cases/traffic-instalments.xml \\
              --profile examples/office.yaml -o out --to odt --archive
          wenshu dossier examples/cases -o out --to odt --to txt --force
        """

    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "dossier",
            abstract: "Bind each case's dossier (卷宗): cover, 卷内目录, the papers in order, 备考表, 封底.",
            zhAbstract: "装订每件案件的卷宗：封面、卷内目录、按顺序排列的材料、备考表、封底。",
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

            \(examples)

            Exit status: 0 all done; 1 some dossiers were refused (the others are written); 64 usage.
            """,
            zhDiscussion: """
            每件案件先读入并检查（有错误的案件不出卷宗）。材料按本单位配置文件中的卷宗模型排列（卷内目录各行；没有配置文件时\
            用13行的县级模型）：案件有数据的文书，填写好；案件列出的附件，用其扫描件，或按纸质材料每页一张“此处装订”页，\
            使打印的页码与装订成册的卷宗一致。页码从卷内目录之后的第一份材料起编；卷内目录和备考表所印的页码由文字处理软件\
            （纯文本时由Wenshu）填入。

            标为必须的一行没有材料时，拒绝装订该卷宗；--force照样装订，并在封面和备考表上写明缺少什么。

            文件写到DIR/<案号>/dossier.<ext>，每种--to格式一个；--archive另写DIR/<案\
            号>/dossier-archive.xml：一个XML归档包，含案件文件、其规范XML、每份文书（ODF和文\
            本）和扫描件，每一部分都带SHA-256摘要（以后用`wenshu verify`核验）。确认每个案号都能有自己\
            的文件夹之前，不写出任何文件。

            \(examples)

            退出状态：0全部完成；1有卷宗被拒绝（其余已写出）；64命令行用法错误。
            """)
    }

    @OptionGroup var out: OutputOptions
    @OptionGroup var library: TemplateLibraryOptions

    @OptionGroup var profile: ProfileOptions

    @Flag(help: help("Also write dossier-archive.xml: the archive package with a SHA-256 digest of every part.",
                     zh: "另写dossier-archive.xml：每个部分都带SHA-256摘要的归档包。"))
    var archive = false

    @Option(help: help("Sign each archive package with the office's private key (PEM, from `wenshu keygen`; default: the profile's archive/signing_key).",
                       zh: "用本单位的私钥为每个归档包签名（PEM，由`wenshu keygen`生成；默认：配置文件中的archive/signing_key）。",
                       valueName: "private-key"))
    var sign: String?

    @Flag(help: help("Bind a dossier even when a required (必须) paper is missing; the cover and the 备考表 name what is missing.",
                     zh: "缺少必须的材料时照样装订卷宗；封面和备考表写明缺少什么。"))
    var force = false

    @Argument(help: help("Case files, or folders of them.",
                         zh: "案件文件，或存放案件文件的文件夹。", valueName: "case"))
    var cases: [String] = []

    @Option(help: help("Report on standard output: text (findings and a summary on standard error) or json.",
                       zh: "标准输出上的报告：text（问题和汇总打印在标准错误输出上）或json。"))
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
