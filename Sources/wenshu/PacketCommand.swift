import ArgumentParser
import Foundation
import WenshuAssembly
import WenshuCase
import WenshuDiagnostics
import WenshuWriters
import WenshuRun
import WenshuXML

/// `wenshu packet`: the judicial-confirmation packet (司法确认申请材料) of each case.
struct PacketCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "packet",
        abstract: "Build the judicial-confirmation packet (司法确认申请材料) of cases.",
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

              wenshu packet examples/cases/traffic-instalments.xml -o out --to odt --to txt --profile examples/office.yaml

            Exit status: 0 every packet written; 1 some packet refused (the others are written); 64 usage.
            """)

    @Argument(help: ArgumentHelp("Case files, or folders of them.", valueName: "case"))
    var cases: [String] = []

    @OptionGroup var office: ProfileOptions

    @Flag(help: "Build refused packets anyway, with a cover note listing what was overridden.")
    var force = false

    @Option(help: "Report on standard output: text (findings on standard error, files written on standard output) or json.")
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
