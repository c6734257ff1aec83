import ArgumentParser
import Foundation
import WenshuDiagnostics
import WenshuTemplate

/// `--templates DIR`, shared by the commands that read templates.
package struct TemplateLibraryOptions: ParsableArguments {
    @Option(name: .long, help: help("The templates folder (default: $WENSHU_TEMPLATES, else the templates/ bundled with wenshu).",
                                    zh: "模板文件夹（默认：$WENSHU_TEMPLATES，否则为wenshu自带的templates/）。", valueName: "dir"))
    package var templates: String?

    package init() {}

    /// Finds and loads the library; prints every template problem on standard error. With `forms`, only
    /// those forms are compiled (and only their problems printed) — unless one of them is not found, when
    /// the whole library is loaded, so that the error can name the forms there are.
    package func load(forms: Set<String>? = nil) throws -> (library: TemplateLibrary, problems: [Diagnostic]) {
        let folder: URL
        do {
            folder = try TemplateLibrary.locate(explicit: templates)
        } catch {
            printError(error)
            throw ExitCode(1)
        }
        let shown = templates ?? displayPath(folder)
        var (library, problems) = TemplateLibrary.load(directory: folder, displayPath: shown, forms: forms)
        if let forms, forms.contains(where: { library.template(id: $0) == nil }) {
            (library, problems) = TemplateLibrary.load(directory: folder, displayPath: shown)
        }
        problems.forEach(printError)
        return (library, problems)
    }

    /// The folder relative to the current one when it lies below it (shorter messages), else absolute.
    private func displayPath(_ folder: URL) -> String {
        let here = FileManager.default.currentDirectoryPath
        return folder.path.hasPrefix(here + "/") ? String(folder.path.dropFirst(here.count + 1)) : folder.path
    }
}

/// One diagnostic per line on standard error.
package func printError(_ diagnostic: Diagnostic) {
    FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
}
