import Foundation
import WenshuXML

/// A Wenshu data file — a case, or the office profile, a register, the work log — loaded into its canonical
/// XML tree, with the source location of every element.
///
/// Whatever the input format (XML, YAML, JSON), `document` is the same tree: the one templates bind to by
/// XPath. Fields are in the schema's order. Like `XMLDocument`, a `CaseFile` is for one thread at a time.
public final class CaseFile: @unchecked Sendable {
    /// The canonical tree.
    public let document: XMLDocument
    /// The name locations use: the path as given on the command line, or the name passed to the loader.
    public let name: String
    public let kind: FileKind
    public let format: SourceFormat
    /// Problems found while loading that did not stop it (a key that cannot be a field name, a list inside
    /// a list); `CaseChecker` reports them with its own findings.
    public internal(set) var loadDiagnostics: [Diagnostic]
    /// Line and column of each element read from YAML or JSON (XML elements know their own line).
    private let marks: [XMLNode: SourceLocation]

    init(document: XMLDocument, name: String, kind: FileKind, format: SourceFormat,
         marks: [XMLNode: SourceLocation] = [:], loadDiagnostics: [Diagnostic] = []) {
        self.document = document
        self.name = name
        self.kind = kind
        self.format = format
        self.marks = marks
        self.loadDiagnostics = loadDiagnostics
    }

    /// The root element (`case`, `office`, …).
    public var root: XMLNode { document.root! }

    /// Where `node` was written: `file:line:column` for YAML and JSON (the key, or the item of a list),
    /// `file:line` for XML. A text node answers for its element.
    public func location(of node: XMLNode) -> SourceLocation {
        var current: XMLNode? = node.isElement ? node : node.parent
        while let element = current {
            if let mark = marks[element] { return mark }
            if format == .xml, element.line > 0 { return SourceLocation(file: name, line: element.line) }
            current = element.parent
        }
        return SourceLocation(file: name)
    }

    /// The field path of `node`, 1-based like XPath: `parties[2].id_number`, `agreement.instalments[1].due`;
    /// empty for the root.
    public func fieldPath(of node: XMLNode) -> String {
        guard var current = node.isElement ? node : node.parent else { return "" }
        var parts: [String] = []
        while let parent = current.parent {
            if ListNaming.isItem(current.name, of: parent.name), let grandparent = parent.parent {
                let index = parent.elements(named: current.name).firstIndex(of: current).map { $0 + 1 } ?? 0
                parts.append("\(parent.name)[\(index)]")
                current = grandparent
            } else {
                parts.append(current.name)
                current = parent
            }
        }
        return parts.reversed().joined(separator: ".")
    }

    /// The path of a field that is missing from `record`: `parties[1].name`.
    public func fieldPath(_ field: String, in record: XMLNode) -> String {
        let base = fieldPath(of: record)
        return base.isEmpty ? field : "\(base).\(field)"
    }
}
