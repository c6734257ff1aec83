import Foundation
import WenshuXML

/// The folder a case's documents go to is its number made safe as one path component (design.md §7). The
/// rule lives here, below every command, so that `wenshu check` refuses what `render` would refuse, with
/// the same ids: `case.folder-name-too-long` per case, `case.folder-collision` over a batch.
package enum CaseFolderName {
    /// The longest folder name Linux, macOS and Windows file systems take, in UTF-8 bytes (NAME_MAX).
    package static let maximumBytes = 255


    /// A case number or form id made safe as one path component on Linux, macOS and Windows: path
    /// separators, NUL and control characters, characters Windows forbids (`<>:"/\|?*`) and leading dots
    /// become `_`; trailing dots and spaces (which Windows drops) too; Chinese and full-width brackets are
    /// kept. Names Windows reserves (CON, COM1 …) get a leading `_`. An empty result becomes `_`.
    package static func safe(_ text: String) -> String {
        if isSafeAsWritten(text) { return text }
        var scalars = Array(text.unicodeScalars.lazy.map { scalar -> Unicode.Scalar in
            scalar.value < 0x20 || scalar.value == 0x7F || forbidden.contains(scalar) ? "_" : scalar
        })
        for i in scalars.indices {
            guard scalars[i] == "." else { break }
            scalars[i] = "_"
        }
        for i in scalars.indices.reversed() {
            guard scalars[i] == "." || scalars[i] == " " else { break }
            scalars[i] = "_"
        }
        var name = ""
        name.unicodeScalars.append(contentsOf: scalars)
        if reserved.contains(name.uppercased().split(separator: ".").first.map(String.init) ?? "") { return "_" + name }
        return name.isEmpty ? "_" : name
    }

    /// Characters Windows forbids in a name, and the path separators (made once: `safe` runs for every case).
    private static let forbidden: Set<Unicode.Scalar> = ["/", "\\", "<", ">", ":", "\"", "|", "?", "*"]
    /// Names Windows reserves for devices, whatever the extension.
    private static let reserved: Set<String> = Set(["CON", "PRN", "AUX", "NUL"] + (1...9).flatMap { ["COM\($0)", "LPT\($0)"] })

    /// Whether `safe` would return `text` unchanged, judged on its scalars without building anything (every
    /// case of a batch asks). A first part (before a dot) of more than four scalars cannot be a reserved
    /// name, whatever `uppercased()` makes of it: uppercasing never makes fewer scalars.
    private static func isSafeAsWritten(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
              first != ".", last != ".", last != " " else { return false }
        var firstPart = 0, inFirstPart = true
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0..<0x20, 0x7F, 0x2F, 0x5C, 0x3C, 0x3E, 0x3A, 0x22, 0x7C, 0x3F, 0x2A: return false  // / \ < > : " | ? *
            case 0x2E: inFirstPart = false
            default: if inFirstPart { firstPart += 1 }
            }
        }
        return firstPart > 4
    }

    /// The problem with `number` as a folder name, if any: a name longer than the file system takes.
    package static func problem(_ number: String, at location: SourceLocation, subject: String? = "number") -> Diagnostic? {
        let bytes = safe(number).utf8.count
        guard bytes > maximumBytes else { return nil }
        return Diagnostic(InputID.folderNameTooLong, .caseFile, at: location, subject: subject,
                          ["bytes": "\(bytes)", "maximum": "\(maximumBytes)"])
    }

    /// Case numbers that would share a folder once made safe, each with the numbers that collide; an
    /// empty result means every case gets its own folder.
    package static func collisions(among caseNumbers: [String]) -> [String: [String]] {
        var byName: [String: [String]] = [:]
        for number in caseNumbers { byName[safe(number), default: []].append(number) }
        return byName.filter { $0.value.count > 1 }
    }

    /// One error per case of `cases` (source, number) whose folder another case of the batch also takes.
    package static func collisionDiagnostics(_ cases: [(source: SourceLocation, number: String)]) -> [(index: Int, diagnostic: Diagnostic)] {
        let colliding = collisions(among: cases.map(\.number))
        return cases.indices.compactMap { index in
            let name = safe(cases[index].number)
            guard let numbers = colliding[name] else { return nil }
            var distinct: [String] = []
            for number in numbers where !distinct.contains(number) { distinct.append(number) }
            let who: DiagnosticArgument = distinct.count == 1
                ? .phrase(InputWording.casesNumbered, ["count": "\(numbers.count)", "number": "\(distinct[0])"])
                : .phrase(InputWording.casesListed, ["numbers": .list(distinct)])
            return (index, Diagnostic(InputID.folderCollision, .caseFile, at: cases[index].source, subject: "number",
                                      ["who": who, "folder": "\(name)"]))
        }
    }
}
