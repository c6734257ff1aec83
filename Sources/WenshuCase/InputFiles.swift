import Foundation
import WenshuDiagnostics

/// The files a command line names: a file as given; a folder's `*.xml`, `*.yaml`, `*.yml` and `*.json`
/// files (not its subfolders), sorted by name so that output is stable.
public enum InputFiles {
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case missing(String)
        case emptyFolder(String)

        public var description: String {
            switch self {
            case .missing(let path): return CommandWording.noSuchFileOrFolder.render(in: .current, ["path": "\(path)"])
            case .emptyFolder(let path): return CommandWording.emptyFolder.render(in: .current, ["path": "\(path)"])
            }
        }
    }

    public static func expand(_ paths: [String]) throws(Problem) -> [URL] {
        var urls: [URL] = []
        // A relative path's URL is relative to the current folder: made here once and shared, not made
        // (with a `getcwd`) and kept for every input, as `URL(fileURLWithPath:)` alone does — 5.7 K
        // instructions an input instead of 9.9 K, and one copy of the folder's URL in memory.
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { throw .missing(path) }
            guard isFolder.boolValue else {
                urls.append(URL(fileURLWithPath: path, isDirectory: false, relativeTo: current))
                continue
            }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            let files = names.filter { SourceFormat(fileExtension: ($0 as NSString).pathExtension) != nil && !$0.hasPrefix(".") }
                .sorted()
            if files.isEmpty { throw .emptyFolder(path) }
            let base = path.hasSuffix("/") ? path : path + "/"
            urls += files.map { URL(fileURLWithPath: base + $0, isDirectory: false, relativeTo: current) }
        }
        return urls
    }

    /// The office profile a command uses, found one way for every command: the file given with
    /// `--profile`; else an `office.*` among the inputs; else `office.yaml` in the current folder, if any.
    public static func profile(given: String?, among files: [URL] = []) -> URL? {
        if let given { return URL(fileURLWithPath: given) }
        if let named = files.first(where: { FileKind(guessingFrom: $0) == .office }) { return named }
        return FileManager.default.fileExists(atPath: "office.yaml") ? URL(fileURLWithPath: "office.yaml") : nil
    }
}
