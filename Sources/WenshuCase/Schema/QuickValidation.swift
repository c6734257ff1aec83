import Foundation
import WenshuXML

/// A fast yes for a valid file, the same yes libxml2's full validation gives.
///
/// libxml2 checks a `<param name="pattern">` of a RelaxNG `<data>` by compiling the pattern afresh for every
/// value it validates — a third of the cost of checking a case. So the schema is compiled a second time
/// with the patterned types of its included grammars overridden by the same types without patterns, and
/// the patterns are compiled once (`SchemaPattern`, libxml2's own matcher) and checked on the values of
/// the elements of those types. The file is valid exactly when both agree: in the restricted style of
/// our schemas every value element has its one type, so no other reading of the file could have passed.
/// A `false` means "ask the full schema", which then gives its findings as always.
struct QuickValidation: Sendable {
    /// The schema with the patterns of its included types taken out.
    let relaxNG: RelaxNGSchema
    /// For each rule of the outline, the patterns its value must match (empty for most).
    let patterns: [[SchemaPattern]]

    init(contentsOf url: URL, outline: SchemaOutline) throws {
        // Named by its path, so that libxml2 finds the included grammars beside it.
        let document = try XMLDocument(contentsOf: url, displayName: url.path)
        guard let grammar = document.root else { throw SchemaOutline.Unsupported(description: "\(url.lastPathComponent) is empty") }
        var patternsOfType: [String: [SchemaPattern]] = [:]
        for include in SchemaOutline.rngChildren(of: grammar) where include.name == "include" {
            let included = try XMLDocument(contentsOf: url.deletingLastPathComponent()
                .appendingPathComponent(include.attribute("href") ?? ""))
            for define in included.root.map(SchemaOutline.rngChildren(of:)) ?? [] where define.name == "define" {
                guard let name = define.attribute("name"), let data = Self.patternedData(define) else { continue }
                // RelaxNG lets an include override a define of the grammar it includes.
                let override = include.addElement("define", namespace: SchemaOutline.rngNamespace)
                override.setAttribute("name", name)
                let plain = override.addElement("data", namespace: SchemaOutline.rngNamespace)
                plain.setAttribute("type", data.type)
                if let library = data.library { plain.setAttribute("datatypeLibrary", library) }
                patternsOfType[name] = try data.patterns.map { try SchemaPattern($0) }
            }
        }
        relaxNG = try RelaxNGSchema(document: document, name: url.lastPathComponent)
        patterns = outline.rules.map { rule in
            guard case .value(let value) = rule.content, let type = value.typeName else { return [] }
            return patternsOfType[type] ?? []
        }
    }

    /// A define that is exactly `<data type="…">` with only pattern params: its type, the datatype library
    /// it is in, and its patterns.
    private static func patternedData(_ define: XMLNode) -> (type: String, library: String?, patterns: [String])? {
        let content = SchemaOutline.rngChildren(of: define)
        guard content.count == 1, content[0].name == "data", let type = content[0].attribute("type") else { return nil }
        let params = SchemaOutline.rngChildren(of: content[0])
        guard !params.isEmpty, params.allSatisfy({ $0.name == "param" && $0.attribute("name") == "pattern" }) else {
            return nil
        }
        var library: String?
        var scope: XMLNode? = content[0]
        while let node = scope, library == nil {
            library = node.attribute("datatypeLibrary")
            scope = node.parent
        }
        return (type, library, params.map(\.stringValue))
    }

    /// Whether `file` is valid; `false` also when the full schema must be asked why not.
    func accepts(_ file: CaseFile, outline: SchemaOutline) -> Bool {
        // The walk holds cursors, which do not keep the document alive: the file does.
        withExtendedLifetime(file) {
            relaxNG.validate(file.document).isEmpty && valuesMatch(ElementCursor(file.root), rule: outline.root, outline)
        }
    }

    private func valuesMatch(_ element: ElementCursor, rule: Int, _ outline: SchemaOutline) -> Bool {
        // Only a value has patterns. (Asked first: reading the rule's content copies it, strings and all.)
        if !patterns[rule].isEmpty { return patterns[rule].allSatisfy { $0.matchesValue(of: element) } }
        // Valid for the quick schema, the children are known fields in order (a value has none).
        return outline.forEachChildInOrder(of: element, rule: rule) { child, fieldRule in
            valuesMatch(child, rule: fieldRule, outline)
        }
    }
}
