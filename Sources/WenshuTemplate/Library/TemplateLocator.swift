import Foundation
import WenshuDiagnostics
import WenshuXML

extension TemplateLibrary {
    /// Finds the templates folder: `explicit` (`--templates DIR`) if given, else the environment's
    /// `WENSHU_TEMPLATES`, else the bundled `templates/` found by walking up from the executable's real
    /// path and then from the current folder to the first folder holding `templates/wenshu-template.rng`.
    ///
    /// - Throws: `template.library-not-found` naming where it looked.
    public static func locate(explicit: String?,
                              environment: [String: String] = ProcessEnvironment.all,
                              executable: URL? = ProcessEnvironment.executableURL,
                              currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) throws(Diagnostic) -> URL {
        if let given = explicit ?? environment["WENSHU_TEMPLATES"].flatMap({ $0.isEmpty ? nil : $0 }) {
            let url = URL(fileURLWithPath: given, relativeTo: currentDirectory).standardizedFileURL
            guard holdsSchema(url) else {
                let source = explicit != nil ? "--templates" : "WENSHU_TEMPLATES"
                throw Diagnostic(TemplateID.libraryNotFound, at: SourceLocation(file: given),
                                 ["source": "\(source)", "given": "\(given)", "schema": "\(schemaFileName)"],
                                 wording: TemplateWording.notATemplatesFolder)
            }
            return url
        }
        // The default is already resolved; a caller's may be a link.
        let program = executable == ProcessEnvironment.executableURL ? executable : executable?.resolvingSymlinksInPath()
        let starts = [program?.deletingLastPathComponent(), currentDirectory.standardizedFileURL]
        for start in starts.compactMap({ $0 }) {
            var folder = start
            while true {
                let candidate = folder.appendingPathComponent("templates")
                if holdsSchema(candidate) { return candidate }
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path { break }
                folder = parent
            }
        }
        throw Diagnostic(TemplateID.libraryNotFound, at: SourceLocation(file: currentDirectory.path))
    }

    private static func holdsSchema(_ folder: URL) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent(schemaFileName).path)
    }
}
