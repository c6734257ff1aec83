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
///
/// Two more things cost libxml2 far more than they say. A choice of values tries each value in turn on a
/// copy of its state, and each miss normalises both strings (two allocations each): the quick schema takes
/// any text there, and a value written exactly as one of the choices is a yes (`ElementCursor.valueIsOne`);
/// anything else, even a choice with blanks around it, which RelaxNG's `token` accepts, asks the full
/// schema. A string type whose only facets were its patterns is `<text/>`, which accepts the same text
/// without the datatype machinery. Together they were nearly half of the validation (294 → 162 K
/// instructions a bench case).
struct QuickValidation: Sendable {
    /// The schema with the patterns of its included types and its choices of values taken out.
    let relaxNG: RelaxNGSchema
    /// For each rule of the outline, the patterns its value must match (empty for most).
    let patterns: [[SchemaPattern]]
    /// For each rule of the outline whose value is a choice, the values its value must be one of.
    let choices: [ElementNames?]

    init(contentsOf url: URL, outline: SchemaOutline) throws {
        // Named by its path, so that libxml2 finds the included grammars beside it.
        let document = try XMLDocument(contentsOf: url, displayName: url.path)
        guard let grammar = document.root else { throw SchemaOutline.Unsupported(description: "\(url.lastPathComponent) is empty") }
        var patternsOfType: [String: [SchemaPattern]] = [:]
        let includes = SchemaOutline.rngChildren(of: grammar).filter { $0.name == "include" }
        Self.takeOutChoices(below: grammar)
        for include in includes {
            let included = try XMLDocument(contentsOf: url.deletingLastPathComponent()
                .appendingPathComponent(include.attribute("href") ?? ""))
            for define in included.root.map(SchemaOutline.rngChildren(of:)) ?? [] where define.name == "define" {
                guard let name = define.attribute("name") else { continue }
                // RelaxNG lets an include override a define of the grammar it includes.
                let content = SchemaOutline.rngChildren(of: define)
                if content.count == 1 && (content[0].name == "value" || content[0].name == "choice" && Self.isChoiceOfValues(content[0])) {
                    Self.override(name, in: include).addElement("text", namespace: SchemaOutline.rngNamespace)
                    continue
                }
                guard let data = Self.patternedData(define) else { continue }
                let override = Self.override(name, in: include)
                if data.type == "string" {
                    override.addElement("text", namespace: SchemaOutline.rngNamespace)
                } else {
                    let plain = override.addElement("data", namespace: SchemaOutline.rngNamespace)
                    plain.setAttribute("type", data.type)
                    if let library = data.library { plain.setAttribute("datatypeLibrary", library) }
                }
                patternsOfType[name] = try data.patterns.map { try SchemaPattern($0) }
            }
        }
        relaxNG = try RelaxNGSchema(document: document, name: url.lastPathComponent)
        patterns = outline.rules.map { rule in
            guard case .value(let value) = rule.content, let type = value.typeName else { return [] }
            return patternsOfType[type] ?? []
        }
        choices = outline.rules.map { rule in
            guard case .value(let value) = rule.content, case .choice(let values) = value.kind else { return nil }
            return ElementNames(values)
        }
    }

    /// A new define named `name` in `include`, empty.
    private static func override(_ name: String, in include: XMLNode) -> XMLNode {
        let define = include.addElement("define", namespace: SchemaOutline.rngNamespace)
        define.setAttribute("name", name)
        return define
    }

    /// Whether the RelaxNG `choice` is of values only: a value the outline knows as a choice. Its children are
    /// asked their names first: a namespace is a new `String`, and only a child not named `value` may be an
    /// annotation (in a valid schema a `value` in a choice is RelaxNG's).
    private static func isChoiceOfValues(_ choice: XMLNode) -> Bool {
        var hasValues = false
        for child in choice.childElements {
            if child.isNamed("value") { hasValues = true } else if child.namespaceURI == SchemaOutline.rngNamespace { return false }
        }
        return hasValues
    }

    /// Puts `<text/>` in place of each choice of values, or value alone, in the grammar's own patterns (an
    /// included grammar's defines are overridden instead).
    private static func takeOutChoices(below grammar: XMLNode) {
        let rng = SchemaOutline.rngNamespace
        let choices = grammar.descendants(named: "choice").filter { $0.namespaceURI == rng }
        // Most values are in a choice: asked first, without making a string of a namespace.
        let values = grammar.descendants(named: "value").filter { value in
            let parent = value.parent
            return !choices.contains { $0 == parent } && value.namespaceURI == rng
        }
        for node in choices where isChoiceOfValues(node) { node.replace(withElement: "text") }
        for node in values { node.replace(withElement: "text") }
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
        // Only a value has patterns or choices. (Asked first: reading the rule's content copies it, strings and all.)
        if !patterns[rule].isEmpty { return patterns[rule].allSatisfy { $0.matchesValue(of: element) } }
        if let values = choices[rule] { return element.valueIsOne(of: values) }
        // Valid for the quick schema, the children are known fields in order (a value has none).
        return outline.forEachChildInOrder(of: element, rule: rule) { child, fieldRule in
            valuesMatch(child, rule: fieldRule, outline)
        }
    }
}
