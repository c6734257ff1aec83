import ArgumentParser
import Foundation
import WenshuAssembly
import WenshuCase
import WenshuDiagnostics
import WenshuPrint
import WenshuWriters
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

    @OptionGroup var language: LanguageOptions

    @Argument(help: ArgumentHelp("Case files, or folders of them.", valueName: "case"))
    var cases: [String] = []

    @OptionGroup var office: ProfileOptions

    @Flag(help: "Build refused packets anyway, with a cover note listing what was overridden.")
    var force = false

    @Option(help: "Report on standard output: text (findings on standard error, files written on standard output) or json.")
    var format: ReportFormat = .text

    @OptionGroup var library: TemplateLibraryOptions
    @OptionGroup var out: OutputOptions

    func validate() throws {
        if cases.isEmpty { throw ValidationError(CommandWording.giveCases.render(in: .current)) }
        if out.output == nil { throw ValidationError(CommandWording.giveOutputFolder.render(in: .current)) }
        do { _ = try LongArgumentLists.files(cases) } catch { throw ValidationError(error.description) }
    }

    func run() throws {
        let (library, problems) = try self.library.load()
        let packet = JudicialConfirmationPacket(library: library, profile: try office.load())
        let files = try LongArgumentLists.files(cases)
        var results = files.map { packet.build(caseAt: $0, force: force) }

        // Two cases whose numbers map to one folder: refuse both before anything is written.
        let numbers = results.compactMap { $0.refused ? nil : $0.caseNumber }
        for (name, colliding) in OutputLayout.collisions(among: numbers) {
            for index in results.indices where colliding.contains(results[index].caseNumber ?? "") {
                results[index].document = nil
                results[index].diagnostics.append(Diagnostic(PacketID.folderCollision, at: SourceLocation(file: results[index].source),
                    ["cases": .list(colliding), "folder": "\(name)"]))
            }
        }

        let layout = OutputLayout(root: out.outputFolder!)
        let options = out.writerOptions(defaultPage: .gbt9704)
        let printing = try out.printing(templates: self.library.templates)
        var reports: [CaseReport] = []
        for var result in results {
            var written: [URL] = []
            if let document = result.document {
                do {
                    guard let number = result.caseNumber, !number.isEmpty else {
                        throw Diagnostic(PacketID.noCaseNumber, at: SourceLocation(file: result.source))
                    }
                    let files = try JudicialConfirmationPacket.files(document, caseNumber: number, to: layout,
                                                                     formats: out.writtenFormats, options: options)
                    let printed = try out.write(files.map { .init(url: $0.url, data: $0.data, source: result.source) }, printing: printing)
                    written = printed.written
                    result.diagnostics += printed.findings
                } catch {
                    result.document = nil
                    result.diagnostics.append(error as? Diagnostic
                        ?? Diagnostic(PacketID.writeFailed, at: SourceLocation(file: result.source), ["detail": "\(error)"]))
                }
            }
            reports.append(CaseReport(result, files: written))
        }

        switch format {
        case .text:
            for report in reports {
                for diagnostic in report.diagnostics {
                    let overridden = report.overridden.contains(diagnostic) ? " (overridden by --force)" : ""
                    FileHandle.standardError.write(Data((diagnostic.description + overridden + "\n").utf8))
                }
                for file in report.files { print(file) }
            }
            let refused = reports.filter(\.refused).count, written = reports.count - refused
            let summary = CommandWording.packetSummary.render(in: .current, [
                "cases": .count(reports.count, CommandWording.case), "written": .count(written, CommandWording.packet),
                "refused": "\(refused)"])
            FileHandle.standardError.write(Data((summary + "\n").utf8))
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(["cases": reports]), as: UTF8.self))
        }
        if reports.contains(where: { $0.refused || $0.diagnostics.contains { $0.id == PrintID.conversionFailed.id } }) || problems.hasErrors { throw ExitCode(1) }
    }

    /// One case's outcome as the report prints it.
    struct CaseReport: Encodable {
        struct Finding: Encodable {
            let id, severity, file, message: String
            let line, column: Int
            let subject: String?
            let overridden: Bool
        }

        let source: String
        let caseNumber: String?
        let refused: Bool
        let files: [String]
        let findings: [Finding]
        /// Not encoded: the findings as printed in text, and those `--force` overrode.
        let diagnostics: [Diagnostic]
        let overridden: [Diagnostic]

        init(_ result: JudicialConfirmationPacket.Result, files: [URL]) {
            source = result.source
            caseNumber = result.caseNumber
            refused = result.refused
            self.files = files.map(\.path)
            diagnostics = result.diagnostics
            overridden = result.overridden
            findings = result.diagnostics.map {
                Finding(id: $0.id, severity: $0.severity.rawValue, file: $0.location.file, message: $0.message,
                        line: $0.location.line, column: $0.location.column, subject: $0.subject,
                        overridden: result.overridden.contains($0))
            }
        }

        enum CodingKeys: String, CodingKey { case source, caseNumber, refused, files, findings }
    }
}
