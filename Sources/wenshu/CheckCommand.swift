import ArgumentParser
import Foundation
import WenshuCase
import WenshuCommandLine
import WenshuDiagnostics
import WenshuRun
import WenshuTemplate

/// `wenshu check`: load and check case files (and the office's own files), print every finding.
struct CheckCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "check",
            abstract: "Check case files and report every problem with its line and field.",
            zhAbstract: "检查案件文件，列出每个问题及其行号和字段。",
            discussion: """
                Each FILE is a case in XML, YAML or JSON; a FOLDER means its .xml, .yaml, .yml and .json files \
                (not its subfolders). Files named office.*, committees.*, mediators.* and worklog.* are checked \
                as the office profile, the registers and the work log.

                Every finding is one line, `file:line:column: error: field.path: message [id]`, and a summary \
                line follows. Errors must be fixed before forms are printed; warnings and notes point at things \
                worth a look (a missing phone, a late judicial-confirmation application).

                Exit status: 0 when there are no errors (warnings allowed), 1 when there are errors, 64 when the \
                command line is wrong.

                With --partial, each case is also filled as `wenshu render --partial` fills it, and a note per \
                form names every field such a print leaves blank for handwriting [template.partial-blank].

                Example: wenshu check examples/cases --profile examples/office.yaml
                """,
            zhDiscussion: """
                每个FILE是一份XML、YAML或JSON格式的案件；FOLDER指其中\
                的.xml、.yaml、.yml和.json文件（不含子文件夹）。名\
                为office.*、committees.*、mediators.*和worklog.*的文件分别作为本单位配置\
                文件、登记册和调解工作记录本检查。

                每个问题占一行：`file:line:column: 错\
                误: field.path: message [id]`，最后一行是汇总。错误必须改正后才能打印文书；警告和提示\
                指出值得一看的地方（缺少电话、司法确认申请逾期）。

                退出状态：0没有错误（可以有警告）；1有错误；64命令行有误。

                加--partial时，还按`wenshu render --partial`的方式填写每件案件，并为每种文书附\
                一条提示，列出这样打印会留作手写空白的每个栏目 [template.partial-blank]。

                示例：wenshu check examples/cases --profile examples/office.yaml
                """)
    }

    @OptionGroup var language: LanguageOptions

    @Argument(help: help("Case files, or folders of case files.",
                         zh: "案件文件，或存放案件文件的文件夹。", valueName: "file-or-folder"))
    var paths: [String]

    @Option(help: help("The office profile: holidays for the 30-day window, committees, number series. Default: office.yaml in the current folder, if there is one.",
                       zh: "本单位配置文件：节假日（计算30日期限用）、调委会、编号规则。默认：当前文件夹中的office.yaml（如有）。",
                       valueName: "file"))
    var profile: String?

    @Flag(help: help("Also list, form by form, the fields `wenshu render --partial` would leave blank.",
                     zh: "另外逐个文书列出`wenshu render --partial`会留空的栏目。"))
    var partial = false

    @OptionGroup var library: TemplateLibraryOptions

    @Option(help: help("Output format: text (one line per finding) or json.",
                       zh: "输出格式：text（每个问题一行）或json。"))
    var format: OutputFormat = .text

    enum OutputFormat: String, EnumArgument {
        case text, json
    }

    func validate() throws {
        if let profile, !FileManager.default.fileExists(atPath: profile) {
            throw ValidationError(CommandWording.noSuchProfile.render(in: .current, ["file": "\(profile)"]))
        }
    }

    func run() throws {
        let files = try CommandInputs.files(paths)
        let profileFile = InputFiles.profile(given: profile, among: files)
        // Another core compiles the case schema while the templates load.
        let (library, _) = try alongside({ CaseLoader.prepare(.caseFile) }) { try self.library.load() }
        let report = CheckReport.check(files, profile: profileFile, forms: library, partial: partial)
        switch format {
        case .text: print(report.text, terminator: "")
        case .json: print(report.json)
        }
        if report.errors > 0 { throw ExitCode.failure }
    }
}
