import ArgumentParser
import Foundation
import WenshuCase
import WenshuDiagnostics
import WenshuRun
import WenshuTemplate

/// `wenshu check`: load and check case files (and the office's own files), print every finding.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check case files and report every problem with its line and field.",
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
            """)

    @OptionGroup var language: LanguageOptions

    @Argument(help: ArgumentHelp("Case files, or folders of case files.", valueName: "file-or-folder"))
    var paths: [String]

    @Option(help: ArgumentHelp("The office profile: holidays for the 30-day window, committees, number series. Default: office.yaml in the current folder, if there is one.",
                               valueName: "file"))
    var profile: String?

    @Flag(help: "Also list, form by form, the fields `wenshu render --partial` would leave blank.")
    var partial = false

    @OptionGroup var library: TemplateLibraryOptions

    @Option(help: "Output format: text (one line per finding) or json.")
    var format: OutputFormat = .text

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
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
        let (library, _) = try self.library.load()
        let report = CheckReport.check(files, profile: profileFile, forms: library, partial: partial)
        switch format {
        case .text: print(report.text, terminator: "")
        case .json: print(report.json)
        }
        if report.errors > 0 { throw ExitCode.failure }
    }
}
