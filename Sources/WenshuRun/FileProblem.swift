import Foundation
import WenshuXML

/// A failed file-system call in a clerk's words, naming the final path (never a staging path):
/// `cannot write out/（2026）西交调字第37号/agreement.odt: the disk is full`.
public struct FileProblem: Error, Sendable, Equatable {
    /// The path the user would see: the output folder, a case folder or a file in it.
    public var path: String
    /// `errno` of the call that failed.
    public var code: Int32
    /// What was being done: `write`, `replace`, `create the folder`.
    public var action: String

    public init(_ action: String = "write", path: String, code: Int32 = errno) {
        self.action = action
        self.path = path
        self.code = code
    }

    /// Why, in plain words, for the common causes; the C library's wording for the rest.
    public var reason: String {
        switch code {
        case ENOSPC, EDQUOT: return "the disk is full"
        case EROFS: return "the disk is mounted read-only"
        case EACCES, EPERM: return "the folder is read-only (no permission to write there)"
        case ENOTDIR: return "a part of the path is a file, not a folder"
        case EEXIST, EISDIR: return "something else of that name is in the way"
        case ENAMETOOLONG: return "the name is longer than the file system allows (255 bytes)"
        case ELOOP: return "it is a symbolic link, which Wenshu does not follow"
        case EMFILE, ENFILE: return "too many files are open"
        case EIO: return "the disk reported an input/output error"
        default: return String(cString: strerror(code))
        }
    }

    /// The problem as the report prints it, located at `source` (the case file, or the output folder).
    public func diagnostic(source: String) -> Diagnostic {
        Diagnostic(RunIssue.writeFailed, at: SourceLocation(file: source), "cannot \(action) \(path): \(reason)")
    }
}

/// The stable ids of the runner's diagnostics (the case-number ones live with `CaseFolderName`).
public enum RunIssue {
    /// A file, a case folder or the output folder could not be written; the message names the path and why.
    public static let writeFailed = "output.write-failed"
    /// `-o` names a file, or a case folder's name is taken by a file.
    public static let notAFolder = "output.not-a-folder"
    /// A case folder or a file inside `-o` is a symbolic link: Wenshu does not follow it out of `-o`.
    public static let symlink = "output.symlink"
    /// A file an earlier run wrote and this one no longer writes was edited since: it is kept (warning).
    public static let staleEdited = "output.stale-edited"
    /// A job gave files but no case number to name their folder.
    public static let noCaseNumber = "output.no-case-number"
}
