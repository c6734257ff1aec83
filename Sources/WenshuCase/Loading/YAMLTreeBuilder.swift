import WenshuXML
import Yams

/// Maps a composed YAML (or JSON) node tree onto the canonical XML tree by the one rule of
/// docs/case-format.md, remembering each element's line and column.
///
/// Scalars are taken as written (`34020.00` stays `34020.00`; nothing passes through a number type), a
/// plain `null`, `~` or empty value leaves the field out, and lists are named by `ListNaming`. Nodes are
/// counted as they are walked, because YAML aliases are cheap to compose but expand when walked (an
/// alias bomb is 10^9 nodes): the walk stops at `limits.maxNodes`.
struct YAMLTreeBuilder {
    let fileName: String
    let kind: FileKind
    let limits: CaseLoader.Limits
    private(set) var marks: [XMLNode: SourceLocation] = [:]
    private(set) var diagnostics: [Diagnostic] = []
    /// Elements whose value held a NUL (stored as U+FFFD), with the NUL's 1-based position.
    private(set) var nulElements: [(XMLNode, Int)] = []
    private var visited = 0

    init(fileName: String, kind: FileKind, limits: CaseLoader.Limits) {
        self.fileName = fileName
        self.kind = kind
        self.limits = limits
    }

    mutating func build(_ root: Node, rootName: String) throws(Diagnostic) -> XMLDocument {
        guard case .mapping = root else {
            throw Diagnostic(.notAMapping, kind, at: location(root.mark))
        }
        let document = XMLDocument(rootName: rootName, fileName: fileName)
        let element = document.root!
        record(element, root.mark)
        try fill(element, with: root, depth: 1)
        return document
    }

    private mutating func fill(_ element: XMLNode, with node: Node, depth: Int) throws(Diagnostic) {
        visited += 1
        if visited > limits.maxNodes {
            throw Diagnostic(.tooManyNodes, kind, at: location(node.mark), ["limit": "\(limits.maxNodes)"])
        }
        if depth > limits.maxDepth {
            throw Diagnostic(.tooDeep, kind, at: location(node.mark), ["limit": "\(limits.maxDepth)"])
        }
        switch node {
        case .scalar(let scalar):
            var value = scalar.string
            if let nul = value.unicodeScalars.firstIndex(of: "\u{0}") {
                // libxml2 would end the value at the NUL: keep the rest, and report it (TextCharacters).
                nulElements.append((element, value.unicodeScalars.distance(from: value.unicodeScalars.startIndex, to: nul) + 1))
                value = value.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}")
            }
            element.addText(value)
        case .mapping(let mapping):
            for (key, value) in mapping {
                guard case .scalar(let keyScalar) = key, Self.isFieldName(keyScalar.string) else {
                    diagnostics.append(Diagnostic(.badKey, kind, at: location(key.mark), ["key": "\(key.string ?? "…")"]))
                    continue
                }
                if Self.isNull(value) { continue }
                if case .sequence(let items) = value {
                    try addList(named: keyScalar.string, at: key.mark, items: Array(items), to: element, depth: depth)
                } else {
                    let child = element.addElement(keyScalar.string)
                    record(child, key.mark)
                    try fill(child, with: value, depth: depth + 1)
                }
            }
        case .sequence:
            // Only a list directly inside a list gets here (lists under a key go through addList).
            diagnostics.append(Diagnostic(.nestedList, kind, at: location(node.mark)))
        case .alias:
            // Yams resolves aliases while composing; a bare alias means an anchor it could not resolve.
            diagnostics.append(Diagnostic(.badAlias, kind, at: location(node.mark)))
        }
    }

    private mutating func addList(named key: String, at mark: Mark?, items: [Node], to parent: XMLNode,
                                  depth: Int) throws(Diagnostic) {
        guard let itemName = ListNaming.itemName(forList: key) else {
            diagnostics.append(Diagnostic(.listKey, kind, at: location(mark), ["key": "\(key)"]))
            return
        }
        let list = parent.addElement(key)
        record(list, mark)
        visited += 1
        for item in items {
            if Self.isNull(item) { continue }
            if case .sequence = item {
                try fill(list, with: item, depth: depth + 1)  // reports the nested list
                continue
            }
            let child = list.addElement(itemName)
            record(child, item.mark)
            try fill(child, with: item, depth: depth + 2)
        }
    }

    private mutating func record(_ element: XMLNode, _ mark: Mark?) {
        let location = location(mark)
        marks[element] = location
        element.setLine(location.line)
    }

    private func location(_ mark: Mark?) -> SourceLocation {
        SourceLocation(file: fileName, line: mark?.line ?? 0, column: mark?.column ?? 0)
    }

    /// A plain `null`, `Null`, `NULL`, `~` or nothing at all; a quoted "null" is text.
    static func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// An XML name without a namespace prefix: a letter or `_`, then letters, digits, `_`, `-` or `.`.
    static func isFieldName(_ key: String) -> Bool {
        guard let first = key.first, isLetter(first) || first == "_" else { return false }
        return key.allSatisfy { isLetter($0) || isNumber($0) || $0 == "_" || $0 == "-" || $0 == "." }
    }

    // `Character.isLetter` and `isNumber`, answered by the byte for ASCII (every key, nearly always).
    private static func isLetter(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return character.isLetter }
        return (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(ascii) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(ascii)
    }

    private static func isNumber(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return character.isNumber }
        return (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(ascii)
    }
}
