import Foundation
import WenshuCase

/// Where rendered files go: `DIR/<case>/<form-id>.<ext>`, with `-1`, `-2` … for a form repeated per record,
/// and `DIR/blank/<form-id>.<ext>` for blank forms (design.md §7).
public struct OutputLayout: Sendable {
    public let root: URL

    public init(root: URL) { self.root = root }

    /// The folder for one case's documents.
    public func folder(forCase caseNumber: String) -> URL {
        root.appendingPathComponent(Self.safeName(caseNumber), isDirectory: true)
    }

    /// The file for one rendered form; `repeatIndex` is 1-based for forms repeated per record.
    public func file(caseNumber: String?, formID: String, repeatIndex: Int? = nil, fileExtension: String) -> URL {
        let folder = caseNumber.map { self.folder(forCase: $0) } ?? root.appendingPathComponent(Self.blankFolder, isDirectory: true)
        let stem = Self.safeName(formID) + (repeatIndex.map { "-\($0)" } ?? "")
        return folder.appendingPathComponent(stem + "." + fileExtension)
    }

    /// The folder blank forms go to.
    public static let blankFolder = "blank"

    /// A case number or form id made safe as one path component (`CaseFolderName.safe`).
    public static func safeName(_ text: String) -> String { CaseFolderName.safe(text) }

    /// Case numbers that would share a folder once made safe (`CaseFolderName.collisions`).
    public static func collisions(among caseNumbers: [String]) -> [String: [String]] {
        CaseFolderName.collisions(among: caseNumbers)
    }
}
