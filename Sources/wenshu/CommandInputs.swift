import ArgumentParser
import Foundation
import WenshuCase

/// The files a command line names, expanded once per run (`InputFiles.expand` after folding long lists);
/// a missing file or an empty folder is a usage error (exit 64).
enum CommandInputs {
    static func files(_ paths: [String]) throws -> [URL] {
        do { return try LongArgumentLists.files(paths) } catch { throw ValidationError(error.description) }
    }

    /// The case files among `files`: the office profile, registers and work logs (told apart by name) are not cases.
    static func cases(_ files: [URL]) -> [URL] { files.filter { FileKind(guessingFrom: $0) == .caseFile } }

    /// What `render` fills forms from: the cases, and work logs (their 联席会议纪要).
    static func renderable(_ files: [URL]) -> [URL] { files.filter { [.caseFile, .worklog].contains(FileKind(guessingFrom: $0)) } }
}
