import Foundation

/// Where rendered files go: `DIR/<case>/<form-id>.<ext>`, with `-1`, `-2` … for a form repeated per record,
/// and `DIR/blank/<form-id>.<ext>` for blank forms (docs/guide.md).
public struct OutputLayout: Sendable {
    public let root: URL

    public init(root: URL) { self.root = root }

    /// The folder for one case's documents.
    public func folder(forCase caseNumber: String) -> URL {
        root.appendingPathComponent(Self.safeName(caseNumber), isDirectory: true)
    }

    /// The file for one rendered form; `repeatIndex` is 1-based for forms repeated per record.
    public func file(caseNumber: String?, formID: String, repeatIndex: Int? = nil, fileExtension: String) -> URL {
        let folder = caseNumber.map { self.folder(forCase: $0) } ?? root.appendingPathComponent("blank", isDirectory: true)
        let stem = Self.safeName(formID) + (repeatIndex.map { "-\($0)" } ?? "")
        return folder.appendingPathComponent(stem + "." + fileExtension)
    }

    /// A case number or form id made safe as one path component on Linux, macOS and Windows: path
    /// separators, NUL and control characters, characters Windows forbids (`<>:"/\|?*`) and leading dots
    /// become `_`; trailing dots and spaces (which Windows drops) too; Chinese and full-width brackets are
    /// kept. An empty result becomes `_`.
    public static func safeName(_ text: String) -> String {
        let forbidden: Set<Character> = ["/", "\\", "<", ">", ":", "\"", "|", "?", "*"]
        var scalars = text.unicodeScalars.map { scalar -> Character in
            if scalar.value < 0x20 || scalar.value == 0x7F || forbidden.contains(Character(scalar)) { return "_" }
            return Character(scalar)
        }
        for i in scalars.indices {
            guard scalars[i] == "." else { break }
            scalars[i] = "_"
        }
        for i in scalars.indices.reversed() {
            guard scalars[i] == "." || scalars[i] == " " else { break }
            scalars[i] = "_"
        }
        let name = String(scalars)
        let reserved = ["CON", "PRN", "AUX", "NUL"] + (1...9).flatMap { ["COM\($0)", "LPT\($0)"] }
        if reserved.contains(name.uppercased().split(separator: ".").first.map(String.init) ?? "") { return "_" + name }
        return name.isEmpty ? "_" : name
    }

    /// Case numbers that would share a folder once made safe, each with the numbers that collide; an
    /// empty result means every case gets its own folder. Checked before anything is written.
    public static func collisions(among caseNumbers: [String]) -> [String: [String]] {
        var byName: [String: [String]] = [:]
        for number in caseNumbers { byName[safeName(number), default: []].append(number) }
        return byName.filter { Set($0.value).count > 1 || $0.value.count > 1 }
    }
}
