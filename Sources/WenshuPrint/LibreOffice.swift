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
                throw Diagnostic(PrintID.noLibreOffice, at: SourceLocation(file: named), ["install": "\(installHint)"],
                                 wording: PrintWording.namedProgramMissing)
            }
            return LibreOffice(soffice: URL(fileURLWithPath: named))
        }
        let path = (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        for folder in path + folders where !folder.isEmpty {
            let candidate = folder + "/soffice"
            if manager.isExecutableFile(atPath: candidate) { return LibreOffice(soffice: URL(fileURLWithPath: candidate)) }
        }
        throw Diagnostic(PrintID.noLibreOffice, at: SourceLocation(file: "soffice"),
                         ["folders": .list(folders), "install": "\(installHint)"])
    }
}
