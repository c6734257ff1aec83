import ArgumentParser
import Foundation
import WenshuCommandLine
import WenshuRun
import WenshuTemplate
import WenshuXML

/// `wenshu forms`: the installed templates, with what each reads from a case.
struct FormsCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "forms",
            abstract: "List the installed form templates and the case fields each one reads.",
            zhAbstract: "列出已安装的文书模板，以及每个模板读取的案件字段。",
            discussion: """
            For every template: its id (what `wenshu render --form` takes), its title, when it applies to a case, \
            and the case paths its expressions read — worked out from the template itself, so the list is always \
            the template's own. Problems in a template are printed on standard error with file and line; the \
            other templates are still listed.
            """,
            zhDiscussion: """
            对每个模板列出：它的id（`wenshu render --form`所用的名称）、标题、适用于哪些案件，以及它\
            的表达式读取的案件路径——这些都从模板本身得出，所以列表总与模板一致。模板中的问题连同文件和行号打印在标准错误输\
            出上；其他模板照样列出。
            """)
    }

    @OptionGroup var language: LanguageOptions

    @OptionGroup var library: TemplateLibraryOptions

    @Option(help: help("Report format: text or json.",
                       zh: "报告格式：text或json。"))
    var format: ReportFormat = .text

    func run() throws {
        let (library, problems) = try self.library.load()
        switch format {
        case .text:
            for template in library.templates {
                let page: Phrase = switch template.pageStyle {
                case .form: FormsWording.formPage
                case .prose: FormsWording.prosePage
                case .landscape: FormsWording.landscapePage
                }
                print(FormsWording.form.render(in: .current, ["id": "\(template.id)", "title": "\(template.title)", "version": "\(template.version)",
                                                              "page": .phrase(page), "file": "\(template.file)"]))
                if let condition = template.appliesWhenSource { print(FormsWording.appliesWhen.render(in: .current, ["condition": "\(condition)"])) }
                if let records = template.forEachSource { print(FormsWording.onePerRecord.render(in: .current, ["records": "\(records)"])) }
                print(FormsWording.reads.render(in: .current, ["paths": .list(template.casePaths)]))
            }
        case .json:
            let entries = library.templates.map { template in
                FormEntry(id: template.id, title: template.title, version: template.version, page: template.pageStyle.rawValue,
                          file: template.file, appliesWhen: template.appliesWhenSource, forEach: template.forEachSource,
                          reads: template.casePaths)
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(entries), as: UTF8.self))
        }
        if problems.hasErrors { throw ExitCode(1) }
    }

    struct FormEntry: Encodable {
        let id, title, version, page, file: String
        let appliesWhen, forEach: String?
        let reads: [String]
    }
}

enum ReportFormat: String, EnumArgument {
    case text, json

    var printer: ReportPrinter.Format { self == .json ? .json : .text }
}
