import Foundation
import WenshuXML

/// The LibreOffice Wenshu prints with: where its `soffice` is.
public struct LibreOffice: Sendable {
    /// The `soffice` program.
    public let soffice: URL

    public init(soffice: URL) { self.soffice = soffice }

    /// Where `soffice` is looked for after `PATH`: Debian's link and LibreOffice's own folder.
    public static let usualFolders = ["/usr/bin", "/usr/lib/libreoffice/program"]

    /// What to install when it is missing, for the one line a user reads.
    public static let installHint = "apt-get install libreoffice-writer-nogui"

    /// Finds `soffice`: the program `WENSHU_SOFFICE` names if set, else the first on `PATH`, else in
    /// `folders`.
    ///
    /// - Throws: `print.no-libreoffice`, one line naming what to install.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment,
                              folders: [String] = usualFolders) throws(Diagnostic) -> LibreOffice {
        let manager = FileManager.default
        if let named = environment["WENSHU_SOFFICE"], !named.isEmpty {
            guard manager.isExecutableFile(atPath: named) else {
                throw Diagnostic(PrintIssue.noLibreOffice, at: SourceLocation(file: named),
                                 "WENSHU_SOFFICE names no program here; install LibreOffice (\(installHint)) or correct the variable")
            }
            return LibreOffice(soffice: URL(fileURLWithPath: named))
        }
        let path = (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        for folder in path + folders where !folder.isEmpty {
            let candidate = folder + "/soffice"
            if manager.isExecutableFile(atPath: candidate) { return LibreOffice(soffice: URL(fileURLWithPath: candidate)) }
        }
        throw Diagnostic(PrintIssue.noLibreOffice, at: SourceLocation(file: "soffice"),
                         "LibreOffice is needed to print PDFs and is not installed (no soffice on PATH or in \(folders.joined(separator: ", "))): \(installHint)")
    }
}

/// The ids of the print stage's findings.
public enum PrintIssue {
    /// No `soffice` to convert with.
    public static let noLibreOffice = "print.no-libreoffice"
    /// LibreOffice made no PDF of a document (it failed, hung, or wrote something else).
    public static let conversionFailed = "print.conversion-failed"
}
