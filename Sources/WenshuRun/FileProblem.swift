import Foundation
import WenshuXML

/// A failed file-system call in a clerk's words, naming the final path (never a staging path):
/// `cannot write out/（2026）西交调字第37号/agreement.odt: the disk is full`.
package struct FileProblem: Error, Sendable, Equatable {
    /// The path the user would see: the output folder, a case folder or a file in it.
    package var path: String
    /// `errno` of the call that failed.
    package var code: Int32
    /// What was being done: `write`, `replace`, `create the folder`.
    package var action: String

    package init(_ action: String = "write", path: String, code: Int32 = errno) {
        self.action = action
        self.path = path
        self.code = code
    }

    /// Why, in plain words, for the common causes; the C library's wording for the rest.
    package var reason: DiagnosticArgument {
        switch code {
        case ENOSPC, EDQUOT: return .phrase(OutputWording.diskFull)
        case EROFS: return .phrase(OutputWording.readOnlyDisk)
        case EACCES, EPERM: return .phrase(OutputWording.readOnlyFolder)
        case ENOTDIR: return .phrase(OutputWording.notAFolder)
        case EEXIST, EISDIR: return .phrase(OutputWording.inTheWay)
        case ENAMETOOLONG: return .phrase(OutputWording.nameTooLong)
        case ELOOP: return .phrase(OutputWording.symbolicLink)
        case EMFILE, ENFILE: return .phrase(OutputWording.tooManyOpen)
        case EIO: return .phrase(OutputWording.ioError)
        default: return .phrase(OutputWording.systemSays, ["message": "\(String(cString: strerror(code)))"])
        }
    }

    /// The action in the message's words.
    var actionWords: DiagnosticArgument {
        switch action {
        case "replace": return .phrase(OutputWording.replace)
        case "write into": return .phrase(OutputWording.writeInto)
        case "create the folder": return .phrase(OutputWording.createFolder)
        case "read": return .phrase(OutputWording.read)
        default: return .phrase(OutputWording.write)
        }
    }

    /// The problem as the report prints it, located at `source` (the case file, or the output folder).
    package func diagnostic(source: String) -> Diagnostic {
        Diagnostic(OutputID.writeFailed, at: SourceLocation(file: source), ["action": actionWords, "path": "\(path)", "reason": reason])
    }
}
