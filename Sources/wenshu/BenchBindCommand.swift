import ArgumentParser
import Foundation
import WenshuCommandLine
import WenshuTemplate
import WenshuWriters
import WenshuXML

/// `wenshu bench-bind` (hidden): how long binding a compiled template to a parsed case takes. Used by
/// bench/template-bind; timing lives here, never in tests.
struct BenchBindCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "bench-bind",
            abstract: "Time binding a template to one case (see bench/template-bind).",
            zhAbstract: "计时：把模板绑定到一件案件（见bench/template-bind）。",
            shouldDisplay: false)
    }

    @OptionGroup var language: LanguageOptions

    @Option(help: help("The form to bind.",
                       zh: "要绑定的文书。")) var form = "agreement"
    @Option(help: help("Bindings per measured round.",
                       zh: "每轮计时的绑定次数。")) var iterations = 2000
    @Option(help: help("Measured rounds (the best and the median are reported).",
                       zh: "计时的轮数（报告最快的一轮和中位数）。")) var rounds = 7
    @Option(help: help("Also time writing the filled document in this format (odt, fodt, txt, xml).",
                       zh: "另外计时以这种格式写出填好的文书（odt、fodt、txt、xml）。")) var write: OutputFormat?
    @OptionGroup var library: TemplateLibraryOptions
    @Argument(help: help("The case file (XML).",
                         zh: "案件文件（XML）。")) var casePath: String

    func run() throws {
        let clock = ContinuousClock()
        var loaded: (library: TemplateLibrary, problems: [Diagnostic])!
        let compile = try clock.measure { loaded = try library.load() }
        guard let template = loaded.library.template(id: form) else { throw ValidationError(CommandWording.noSuchForm.render(in: .current, ["form": "\(form)", "known": "\(loaded.library.templates.map(\.id).joined(separator: ", "))"])) }
        let data = try Data(contentsOf: URL(fileURLWithPath: casePath))
        var document: XMLDocument!
        let parse = try clock.measure { document = try XMLDocument(parsing: data, fileName: casePath) }
        let first = template.render(document)
        guard first.succeeded, let filled = first.documents.first else {
            first.diagnostics.forEach(printError)
            throw ExitCode(1)
        }
        for _ in 0..<min(iterations, 200) { _ = template.render(document) }  // warm up
        var perBind: [Double] = []
        for _ in 0..<rounds {
            let elapsed = clock.measure { for _ in 0..<iterations { _ = template.render(document) } }
            perBind.append(microseconds(elapsed) / Double(iterations))
        }
        perBind.sort()
        print("form \(form): \(filled.blocks.count) blocks; library compiled in \(format(microseconds(compile) / 1000)) ms; case parsed in \(format(microseconds(parse))) µs")
        print("bind (render one case): best \(format(perBind[0])) µs, median \(format(perBind[perBind.count / 2])) µs per case (\(rounds) rounds of \(iterations))")
        guard let write else { return }
        let writer = Writers.writer(for: write, options: WriterOptions())
        for _ in 0..<min(iterations, 200) { _ = try writer.write(filled) }  // warm up
        var perWrite: [Double] = []
        for _ in 0..<rounds {
            let elapsed = try clock.measure { for _ in 0..<iterations { _ = try writer.write(filled) } }
            perWrite.append(microseconds(elapsed) / Double(iterations))
        }
        perWrite.sort()
        print("write \(write.rawValue): best \(format(perWrite[0])) µs, median \(format(perWrite[perWrite.count / 2])) µs per document")
    }

    private func microseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1e6 + Double(duration.components.attoseconds) / 1e12
    }

    private func format(_ value: Double) -> String { String(format: "%.1f", value) }
}
