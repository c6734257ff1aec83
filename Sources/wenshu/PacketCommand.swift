import ArgumentParser
import Foundation
import WenshuAssembly
import WenshuCase
import WenshuCommandLine
import WenshuDiagnostics
import WenshuRun
import WenshuWriters
import WenshuXML

/// `wenshu packet`: the judicial-confirmation packet (司法确认申请材料) of each case.
struct PacketCommand: ParsableCommand {
    /// The examples, the same on both languages' pages.
    private static let examples = """
          wenshu packet examples/cases/traffic-instalments.xml \\
              -o out --to odt --to txt --profile examples/office.yaml
        """

    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "packet",
            abstract: "Build the judicial-confirmation packet (司法确认申请材料) of cases.",
            zhAbstract: "为案件制作司法确认申请材料。",
            discussion: """
                One document per case, each part on a new page: the joint application (司法确认申请书, with the \
                parties' undertaking), the agreement (人民调解协议书), the committee's certificate that it \
                mediated (调解组织主持调解的证明) and a checklist of the attached materials that says plainly \
                what is missing. It goes to DIR/<case number>/confirmation-packet.<ext>, one file per --to format.

                Each case is checked first, then against the court's rules: the application within 30 days of \
                the agreement taking effect (the day of effect not counted; a last day on a rest day moves to \
                the next working day, with the holidays of --profile); no agreement that confirms a status \
                relation or ownership (a 婚姻家庭 or property case that does not say is asked about); every \
                party's identity, address and contact, and every applying agent's identity and contact; 特别授权 \
                for an agent who applies. A refused packet writes nothing; every finding is printed, one line \
                each (`file:line:column: error: field: message [id]`).

                --force builds a refused packet anyway, with a cover note in front listing every problem \
                overridden. It cannot build over a case without a written agreement, nor over errors in the case \
                data (run `wenshu check`), nor over a form that cannot be filled.

                \(examples)

                Exit status: 0 every packet written; 1 some packet refused (the others are written); 64 usage.
                """,
            zhDiscussion: """
                每件案件一份文书，各部分另起一页：双方当事人的共同申请（司法确认申请书，附当事人的承诺）、协议（人民调解协议\
                书）、调委会主持调解的证明（调解组织主持调解的证明），以及附送材料清单，清楚写明缺少什么。写到DIR/<案\
                号>/confirmation-packet.<ext>，每种--to格式一个文件。

                每件案件先检查，再按法院的要求核对：自协议生效之日起30日内申请（生效当日不计；期限的最后一日遇休息日顺延至下一\
                个工作日，节假日按--profile）；协议不得确认身份关系或物权归属（婚姻家庭或财产类案件没有写明的，会提出询\
                问）；每位当事人的身份、住址和联系方式，每位代为申请的代理人的身份和联系方式；代为申请的代理人须有特别授权。被拒\
                绝的申请材料不写出任何文件；每个问题打印一行（`file:line:column: 错\
                误: field: message [id]`）。

                --force照样制作被拒绝的申请材料，在前面加一页说明，列出被放过的每个问题。它不能越过没有书面协议的案件、案\
                件数据中的错误（运行`wenshu check`），也不能越过无法填写的文书。

                \(examples)

                退出状态：0每份申请材料都已写出；1有申请材料被拒绝（其余已写出）；64命令行用法错误。
                """)
    }

    @Argument(help: help("Case files, or folders of them.",
                         zh: "案件文件，或存放案件文件的文件夹。", valueName: "case"))
    var cases: [String] = []

    @OptionGroup var office: ProfileOptions

    @Flag(help: help("Build refused packets anyway, with a cover note listing what was overridden.",
                     zh: "照样制作被拒绝的申请材料，前附一页说明，列出被放过的问题。"))
    var force = false

    @Option(help: help("Report on standard output: text (findings on standard error, files written on standard output) or json.",
                       zh: "标准输出上的报告：text（问题打印在标准错误输出上，写出的文件打印在标准输出上）或json。"))
    var format: ReportFormat = .text

    @OptionGroup var library: TemplateLibraryOptions
    @OptionGroup var out: OutputOptions
    @OptionGroup var language: LanguageOptions

    func validate() throws {
        if cases.isEmpty { throw ValidationError(CommandWording.giveCases.render(in: .current)) }
        if out.output == nil { throw ValidationError(CommandWording.giveOutputFolder.render(in: .current)) }
    }

    func run() throws {
        let (library, problems) = try self.library.load()
        let inputs = try CommandInputs.files(cases)
        let files = CommandInputs.cases(inputs)
        let packet = JudicialConfirmationPacket(library: library, profile: try office.load(among: inputs))
        let (formats, force) = (out.writtenFormats, self.force)
        let options = out.writerOptions(defaultPage: .gbt9704)
        let report = Runner(RunSettings(output: out.outputFolder!, manifestKey: "packet",
                                        printing: try out.printing(templates: self.library.templates))).run(count: files.count) { index in
            let result = packet.build(caseAt: files[index], force: force)
            var job = JobOutput(source: result.source, caseNumber: result.caseNumber, diagnostics: result.diagnostics,
                                overridden: result.overridden)
            guard let document = result.document else { return job }
            do {
                job.files = try JudicialConfirmationPacket.files(document, formats: formats, options: options)
                    .map { OutputFile(name: $0.name, data: $0.data) }
            } catch {
                job.diagnostics.append(Diagnostic(PacketID.writeFailed, at: SourceLocation(file: result.source), ["detail": "\(error)"]))
            }
            return job
        }
        ReportPrinter(summary: .init(CommandWording.packetSummary, done: CommandWording.packet), listsFiles: true)
            .print(report, format: format.printer)
        if !report.succeeded || problems.hasErrors { throw ExitCode(1) }
    }

}
