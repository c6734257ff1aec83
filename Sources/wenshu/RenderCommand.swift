import ArgumentParser
import Foundation
import WenshuAssembly
import WenshuCase
import WenshuCommandLine
import WenshuDiagnostics
import WenshuDocument
import WenshuRun
import WenshuTemplate
import WenshuWriters
import WenshuXML

/// `wenshu render`: the main job — cases and form templates give filled documents.
struct RenderCommand: ParsableCommand {
    /// The examples, the same on both languages' pages.
    private static let examples = """
          wenshu render --form all examples/cases -o out --to odt --to txt
          wenshu render --form agreement examples/cases/traffic-instalments.xml
          wenshu render --blank --form agreement -o out --to odt
          wenshu render --partial --form agreement case.yaml -o out
          wenshu render --outline --form agreement \\
              examples/cases/traffic-instalments.xml
        """

    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "render",
            abstract: "Fill forms from case files.",
            zhAbstract: "由案件文件填写文书。",
            discussion: """
            Each case is loaded (XML, YAML or JSON) and checked first: a case with errors gets no documents \
            (run `wenshu check` to see why). Then every form asked for is filled and written in each format \
            as DIR/<case number>/<form>.<ext>; a form repeated per record (each 回访, each 交办单) adds -1, -2 … \
            in data order. A case's folder appears whole, by an atomic rename, once its files are on the disk (in \
            a large batch, while later cases are still being filled), so a failed run never leaves half a file \
            or overwrites what you had.

            Without -o, the text of each document is printed on standard output, for reading in a terminal.

            \(examples)

            Exit status: 0 all done; 1 some cases or forms failed (the rest are written); 64 usage.
            """,
            zhDiscussion: """
            每件案件先读入（XML、YAML或JSON）并检查：有错误的案件不出任何文书（运行`wenshu check`查\
            看原因）。然后按要求的每种文书、每种格式填写，写成DIR/<案号>/<文书>.<ext>；按记录重复的文书（每次\
            回访、每张交办单）按数据顺序加-1、-2……。每件案件的文件夹在其文件写入磁盘后以原子方式改名到位、完整出现（大批量时，后面的案件还在填写），所以失败的运行\
            不会留下半个文件，也不会覆盖原有的文件。

            不给-o时，各文书的文本打印在标准输出上，供在终端中阅读。

            \(examples)

            退出状态：0全部完成；1有案件或文书失败（其余已写出）；64命令行用法错误。
            """)
    }

    @Option(help: help("The form to fill, repeatable: its id (see `wenshu forms`), or `all` for every form that applies to the case. Default: all.",
                       zh: "要填写的文书，可重复给出：文书的id（见`wenshu forms`），或`all`，即适用于该案件的全部文书。默认：all。",
                       valueName: "id"))
    var form: [String] = []

    @Flag(help: help("Write the forms with every field blank, for filling in by hand (into DIR/blank/); no case is read.",
                     zh: "写出所有栏目都空白的文书，供手工填写（写入DIR/blank/）；不读取案件。"))
    var blank = false

    @Flag(help: help("Fill what the case has and leave every field it lacks, required or not, as its blank for handwriting (a note names each), instead of refusing the form; `wenshu check --partial` lists those fields, form by form.",
                     zh: "填写案件已有的内容，缺少的栏目（不论是否必填）都留作手写空白（附注逐一列出），而不是拒绝出这份文书；`wenshu check --partial`逐个文书列出这些栏目。"))
    var partial = false

    @Flag(help: help("Print the document model as an outline instead of writing documents (for template authors).",
                     zh: "不写出文书，而是按大纲打印文书模型（供模板作者使用）。"))
    var outline = false

    @OptionGroup var office: ProfileOptions

    @Option(help: help("Worker threads for a batch (default: one per core).",
                       zh: "批量处理的工作线程数（默认：每个处理器核心一个）。", valueName: "n"))
    var jobs: Int?

    @OptionGroup var library: TemplateLibraryOptions
    @OptionGroup var out: OutputOptions

    @Argument(help: help("Case files, or folders of them.",
                         zh: "案件文件，或存放案件文件的文件夹。", valueName: "case"))
    var cases: [String] = []

    @Option(help: help("Report on standard output: text (findings and a summary on standard error) or json.",
                       zh: "标准输出上的报告：text（问题和汇总打印在标准错误输出上）或json。"))
    var format: ReportFormat = .text

    @OptionGroup var language: LanguageOptions

    func validate() throws {
        if blank && partial { throw ValidationError(CommandWording.partialNeedsCases.render(in: .current)) }
        if blank && !cases.isEmpty { throw ValidationError(CommandWording.blankTakesNoCases.render(in: .current)) }
        if !blank && cases.isEmpty { throw ValidationError(CommandWording.giveCasesOrBlank.render(in: .current)) }
        if let jobs, jobs < 1 { throw ValidationError(CommandWording.jobsFromOne.render(in: .current)) }
        if out.output == nil && !outline && out.formats.contains(where: { $0 != .txt }) {
            throw ValidationError(CommandWording.giveFolderForFormats.render(in: .current, ["formats": .list(out.formats.map(\.rawValue))]))
        }
    }

    func run() throws {
        let forms = form.contains("all") ? [] : form
        let formats: [OutputFormat] = out.output == nil ? [.txt] : out.writtenFormats
        let readsCases = !blank
        // Only the forms asked for are compiled (all of them for `--form all`), while another core compiles
        // the case schema and the shared ODF parts the first case needs: the two largest parts of a one-case
        // run after parsing the arguments.
        let (library, problems) = try alongside({
            if readsCases { CaseLoader.prepare(.caseFile) }
            if formats.contains(.odt) { ODFWriter.prepare(flat: false) }
            if formats.contains(.fodt) { ODFWriter.prepare(flat: true) }
        }) {
            try self.library.load(forms: forms.isEmpty ? nil : Set(forms))
        }
        for id in forms where library.template(id: id) == nil {
            if problems.hasErrors {
                printError(Diagnostic(RenderID.unknownForm, at: SourceLocation(file: id), ["form": "\(id)"]))
                throw ExitCode(1)
            }
            let known = library.templates.map(\.id).joined(separator: ", ")
            throw ValidationError(CommandWording.noSuchForm.render(in: .current, ["form": "\(id)", "known": known.isEmpty ? .phrase(CommandWording.none) : "\(known)"]))
        }
        let inputs = blank ? [] : try CommandInputs.files(cases)
        let files = CommandInputs.renderable(inputs)
        let profile = try office.load(among: inputs)
        var writerOptions = out.writerOptions(defaultPage: .gbt9704)
        // A terminal shows UTF-8: --encoding gb18030 applies to files, and to standard output only when it is not a terminal.
        if out.output == nil && isatty(STDOUT_FILENO) != 0 { writerOptions.textEncoding = .utf8 }
        let settings = RenderPipeline.Settings(forms: forms, formats: formats, writerOptions: writerOptions, partial: partial)
        let pipeline = RenderPipeline(library: library, profile: profile, settings: settings)

        if outline { return try printOutlines(pipeline, files: files) }
        guard let folder = out.outputFolder else {
            return blank ? try printBlanks(pipeline) : try printTexts(pipeline, files: files)
        }
        let workers = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        let runner = Runner(RunSettings(output: folder, manifestKey: "render", jobs: workers, claims: pipeline.claims,
                                        printing: try out.printing(converters: workers, templates: self.library.templates)))
        let report = blank ? runner.run(count: 1) { _ in pipeline.blankJob() }
            : runner.run(count: files.count) { pipeline.job(caseAt: files[$0]) }
        ReportPrinter(summary: .init(CommandWording.renderSummary, job: blank ? CommandWording.blankSet : CommandWording.case))
            .print(report, format: format.printer)
        if !report.succeeded || problems.hasErrors { throw ExitCode(1) }
    }

    private func printBlanks(_ pipeline: RenderPipeline) throws {
        for file in try pipeline.blankForms() { FileHandle.standardOutput.write(file.data + Data("\n".utf8)) }
    }

    private func printTexts(_ pipeline: RenderPipeline, files: [URL]) throws {
        var failed = false
        for url in files {
            let result = pipeline.render(caseAt: url)
            result.diagnostics.filter { $0.severity != .note }.forEach(printError)
            failed = failed || !result.succeeded
            // The bytes as written (UTF-8, or GB18030 when asked for and not on a terminal), each document followed by a newline.
            for file in result.files { FileHandle.standardOutput.write(file.data + Data("\n".utf8)) }
        }
        if failed { throw ExitCode(1) }
    }

    private func printOutlines(_ pipeline: RenderPipeline, files: [URL]) throws {
        var failed = false
        for url in files {
            do {
                let file = try CaseLoader.load(url, kind: .caseFile)
                let (documents, diagnostics) = pipeline.documents(for: file.document)
                diagnostics.forEach(printError)
                failed = failed || diagnostics.hasErrors
                for (_, document) in documents { print(DocumentOutline.text(document)) }
            } catch {
                printError(error)
                failed = true
            }
        }
        if failed { throw ExitCode(1) }
    }
}

/// A plain outline of the document model, one block a line, for checking a template until the writers
/// print real documents: fields «in guillemets», blanks as ＿, page references as ⟨page of id⟩.
enum DocumentOutline {
    static func text(_ document: Document) -> String {
        let m = document.metadata
        var header = "# \(m.formID) \(m.title)"
        let facts = [m.caseNumber.map { "case \($0)" }, m.number.map { "number \($0)" }, m.date.map { "date \($0)" },
                     "\(document.pageStyle.rawValue) page", m.templateVersion.map { "template \($0)" }].compactMap { $0 }
        header += " — " + facts.joined(separator: ", ")
        return ([header] + document.blocks.flatMap { lines($0, indent: "") }).joined(separator: "\n") + "\n"
    }

    static func lines(_ block: Block, indent: String) -> [String] {
        switch block {
        case .title(let inlines): return [indent + "TITLE      " + text(inlines)]
        case .subtitle(let inlines, let alignment): return [indent + "NUMBER     " + text(inlines) + "  [\(alignment.rawValue)]"]
        case .heading(let level, let inlines): return [indent + "HEADING \(level)  " + text(inlines)]
        case .paragraph(let paragraph): return [indent + (paragraph.firstLineIndent ? "P          　　" : "P          ") + text(paragraph.inlines)]
        case .pageBreak: return [indent + "PAGE BREAK"]
        case .picture(let picture):
            return [indent + "PICTURE    \(picture.description) (\(picture.mediaType), \(picture.pixelWidth)×\(picture.pixelHeight) px)"]
        case .table(let table):
            var out = [indent + "TABLE      widths \(table.columnWidths.map(String.init).joined(separator: " "))\(table.bordered ? "" : ", no border")"]
            for row in table.rows {
                let cells = row.cells.map { cell in
                    let span = (cell.columnSpan > 1 ? " ↔\(cell.columnSpan)" : "") + (cell.rowSpan > 1 ? " ↕\(cell.rowSpan)" : "")
                    return cell.paragraphs.map { text($0.inlines) }.joined(separator: " ¶ ") + span
                }
                out.append(indent + (row.isHeader ? "  HEAD | " : "  ROW  | ") + cells.joined(separator: " | ") + " |")
            }
            return out
        case .signatures(let block):
            return [indent + "SIGNATURES [\(block.alignment.rawValue)]"] + block.signatures.map { signature in
                var line = indent + "  " + text(signature.label)
                if !signature.name.isEmpty { line += "  name: " + text(signature.name) }
                if let date = signature.date { line += "  date: " + text(date) }
                return line
            }
        case .section(let section):
            let start = section.startsNewPage ? "new page" : "same page"
            return [indent + "SECTION    \(section.id ?? "-") (\(start), \(section.numbering))"]
                + section.blocks.flatMap { lines($0, indent: indent + "  ") }
        }
    }

    static func text(_ inlines: [Inline]) -> String {
        inlines.map { inline in
            switch inline {
            case .text(let s): return s
            case .field(let s): return "«\(s)»"
            case .strong(let s): return "**\(s)**"
            case .blank(let width): return String(repeating: "＿", count: width)
            case .checkbox(let label, let checked): return (checked ? "☑" : "□") + label
            case .pageRef(let target, let end): return "⟨\(end ? "last page" : "page") of \(target)⟩"
            case .pageCount: return "⟨pages⟩"
            case .lineBreak: return " ↵ "
            }
        }.joined()
    }
}
