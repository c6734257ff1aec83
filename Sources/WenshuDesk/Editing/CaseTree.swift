import WenshuCase
import WenshuDiagnostics
import WenshuXML

/// A case as a plain value tree, for editing: each element a name with either text or child elements.
/// Built from a loaded `CaseFile` (whose tree is in the schema's order), changed by the form, written back
/// by `CanonicalCaseWriter`.
struct CaseTree: Equatable, Sendable {
    var name: String
    var text: String?
    var children: [CaseTree]

    init(name: String, text: String? = nil, children: [CaseTree] = []) {
        self.name = name
        self.text = text
        self.children = children
    }

    init(_ node: XMLNode) {
        name = node.name
        let elements = node.elements
        children = elements.map(CaseTree.init)
        text = elements.isEmpty ? node.stringValue : nil
    }

    /// The item name of a list key: `parties` → `party`, `terms` → `term` (the loader's rule, written once).
    static func itemName(forList key: String) -> String? { ListNaming.itemName(forList: key) }

    /// Whether `child` is an item of this element's list.
    func isItem(_ child: CaseTree) -> Bool { child.name == CaseTree.itemName(forList: name) }

    /// Whether this element is a list: it has items (an empty element with a plural name is not written).
    var isList: Bool { !children.isEmpty && children.allSatisfy(isItem) }

    /// Every leaf as `field path → text`, with paths 1-based like the checker's (`parties[2].name`).
    var leaves: [String: String] {
        var out: [String: String] = [:]
        walk(path: "") { path, leaf in if let text = leaf.text { out[path] = text } }
        return out
    }

    /// The same tree with white space trimmed off both ends of every text: what a form field shows and posts
    /// (a block scalar's `|` ends its text in a newline the form does not keep).
    var trimmed: CaseTree {
        CaseTree(name: name, text: text?.trimmingCharacters(in: .whitespacesAndNewlines), children: children.map(\.trimmed))
    }

    /// Calls `visit` for every leaf below this element with its field path.
    func walk(path: String, _ visit: (String, CaseTree) -> Void) {
        var position = 0
        for child in children {
            let childPath: String
            if isItem(child) {
                position += 1
                childPath = "\(path)[\(position)]"
            } else {
                childPath = path.isEmpty ? child.name : "\(path).\(child.name)"
            }
            if child.children.isEmpty { visit(childPath, child) } else { child.walk(path: childPath, visit) }
        }
    }
}

/// One step of a field path: a name, with a 1-based index when it is a list item (`parties[2]`).
struct PathStep: Equatable, Sendable {
    var name: String
    var index: Int?

    /// `agreement.terms[2].text` → agreement, terms[2], text; nil for a malformed path.
    static func parse(_ path: String) -> [PathStep]? {
        var steps: [PathStep] = []
        for part in path.split(separator: ".", omittingEmptySubsequences: false) {
            guard !part.isEmpty else { return nil }
            if let open = part.firstIndex(of: "["), part.last == "]" {
                guard let index = Int(part[part.index(after: open)..<part.index(before: part.endIndex)]), index >= 1,
                      index <= 1000 else { return nil }
                steps.append(PathStep(name: String(part[..<open]), index: index))
            } else {
                guard part.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else { return nil }
                steps.append(PathStep(name: String(part), index: nil))
            }
        }
        return steps
    }
}
