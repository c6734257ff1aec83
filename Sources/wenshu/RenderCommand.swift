import ArgumentParser
import Foundation
import WenshuDocument
import WenshuTemplate
import WenshuXML

/// `wenshu render`: a case and a form template give a filled document.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Fill a form from a case file.",
        discussion: """
        Binds the form template to each case and prints the filled document as an outline (fields «like \
        this», blanks as ＿＿). A required field the case lacks is an error naming the field and the \
        template line; nothing is printed for that form.

          wenshu render --form agreement examples/cases/traffic-instalments.xml
          wenshu render --form all examples/cases/traffic-instalments.xml
          wenshu render --form agreement --blank

        Case files are read in their XML form for now.
        """)

    @Option(help: ArgumentHelp("The form to fill: its id (see `wenshu forms`), or `all` for every form that applies to the case.",
                               valueName: "id"))
    var form: String

    @Flag(help: "Print the form with every field blank, for filling in by hand; no case is read.")
    var blank = false

    @OptionGroup var library: TemplateLibraryOptions

    @Argument(help: ArgumentHelp("The case files.", valueName: "case"))
    var cases: [String] = []

    func validate() throws {
        if blank && !cases.isEmpty { throw ValidationError("--blank fills no case: leave the case files out") }
        if !blank && cases.isEmpty { throw ValidationError("give a case file, or --blank for an empty form") }
    }

    func run() throws {
        let (library, problems) = try self.library.load()
        let chosen = try templates(in: library, problems: problems)
        var failed = problems.hasErrors
        if blank {
            for template in chosen { print(DocumentOutline.text(template.renderBlank())) }
        }
        for path in cases {
            guard let document = readCase(path) else {
                failed = true
                continue
            }
            let forms = form == "all" ? library.applicable(to: document) : chosen
            for template in forms {
                let rendering = template.render(document)
                rendering.diagnostics.forEach(printError)
                failed = failed || !rendering.succeeded
                for filled in rendering.documents { print(DocumentOutline.text(filled)) }
            }
        }
        if failed { throw ExitCode(1) }
    }

    /// The templates `--form` names; an unknown id is a usage error listing the known ones, unless some
    /// template failed to load (it may be the one asked for: its problems are already printed).
    private func templates(in library: TemplateLibrary, problems: [Diagnostic]) throws -> [FormTemplate] {
        if form == "all" { return library.templates }
        guard let template = library.template(id: form) else {
            if problems.hasErrors {
                FileHandle.standardError.write(Data("wenshu: the form \(form) is not among the templates that loaded (see the problems above)\n".utf8))
                throw ExitCode(1)
            }
            let known = library.templates.map(\.id).joined(separator: ", ")
            throw ValidationError("there is no form \(form); installed: \(known.isEmpty ? "none" : known) (see `wenshu forms`)")
        }
        return [template]
    }

    private func readCase(_ path: String) -> XMLDocument? {
        do {
            return try XMLDocument(contentsOf: URL(fileURLWithPath: path), displayName: path)
        } catch let issue as XMLIssue {
            printError(Diagnostic("case.unreadable", issue: issue))
        } catch {
            printError(Diagnostic("case.unreadable", at: SourceLocation(file: path), "the case file cannot be read: \(error.localizedDescription)"))
        }
        return nil
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
