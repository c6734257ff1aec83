import Foundation
import WenshuXML

/// What the template schema allows — elements, their attributes and values, where each may stand — read
/// from `wenshu-template.rng` itself. libxml2 says *that* a template breaks the schema ("Element heading
/// failed to validate attributes"); this says *what* to write instead, without a second copy of the rules.
struct SchemaVocabulary: Sendable {
    struct Attribute: Sendable {
        var required: Bool
        /// The allowed values, when the schema lists them.
        var values: [String]?
        /// The datatype (`integer`, `token`, …) and its facets (`minInclusive`, `pattern`, …).
        var datatype: String?
        var facets: [String: String] = [:]
        /// The schema's own description (`a:documentation`), when it has one.
        var documentation: String?
    }

    struct Element: Sendable {
        var attributes: [String: Attribute] = [:]
        /// Elements that may appear inside, and elements it may appear inside.
        var children: Set<String> = []
        var parents: Set<String> = []
        /// Content it cannot do without: each entry is a set of alternatives, one of which must be there.
        var requiredChildren: [[String]] = []
        /// Attributes that exclude each other (`heading`: `number` or `numbered`), and whether one of
        /// them must be given (`page-ref`: `target` or `select`).
        var attributeChoices: [(names: [String], required: Bool)] = []
    }

    private(set) var elements: [String: Element] = [:]

    /// An empty vocabulary: every complaint is reported in libxml2's words.
    init() {}

    /// The vocabulary of the schema file at `url`; empty if it does not parse as a document.
    init(schemaAt url: URL) {
        guard let document = try? XMLDocument(contentsOf: url) else { self.init(); return }
        self.init(schema: document)
    }

    init(schema document: XMLDocument) {
        guard let grammar = document.root else { return }
        var defines: [String: [XMLNode]] = [:]
        for define in grammar.elements(named: "define") {
            defines[define.attribute("name") ?? "", default: []].append(define)
        }
        let reader = PatternReader(defines: defines)
        for element in Self.descendants(of: grammar) where element.name == "element" && element.namespaceURI == Self.rngNS {
            guard let name = element.attribute("name") else { continue }
            var info = elements[name] ?? Element()
            let firstDefinition = elements[name] == nil
            var found = Element()
            reader.collect(element.elements, required: true, into: &found, visiting: [])
            for (attribute, value) in found.attributes where info.attributes[attribute] == nil {
                info.attributes[attribute] = value
            }
            info.children.formUnion(found.children)
            if firstDefinition {
                info.requiredChildren = found.requiredChildren
                info.attributeChoices = found.attributeChoices
            }
            elements[name] = info
        }
        for (name, element) in elements {
            for child in element.children { elements[child]?.parents.insert(name) }
        }
    }

    static let rngNS = "http://relaxng.org/ns/structure/1.0"
    static let annotationsNS = "http://relaxng.org/ns/compatibility/annotations/1.0"

    static func descendants(of node: XMLNode) -> [XMLNode] {
        node.elements.flatMap { [$0] + descendants(of: $0) }
    }

    /// Whether `value` is allowed for the attribute (values, integer ranges, patterns, minimum length).
    static func accepts(_ attribute: Attribute, _ value: String) -> Bool {
        if let values = attribute.values { return values.contains(value) }
        let facets = attribute.facets
        if let min = facets["minLength"].flatMap(Int.init), value.count < min { return false }
        switch attribute.datatype {
        case "integer", "positiveInteger", "nonNegativeInteger":
            guard let n = Int(value) else { return false }
            if attribute.datatype == "positiveInteger" && n < 1 { return false }
            if attribute.datatype == "nonNegativeInteger" && n < 0 { return false }
            if let min = facets["minInclusive"].flatMap(Int.init), n < min { return false }
            if let max = facets["maxInclusive"].flatMap(Int.init), n > max { return false }
        default: break
        }
        if let pattern = facets["pattern"],
           let regex = try? NSRegularExpression(pattern: "^(?:\(pattern))$", options: [.dotMatchesLineSeparators]) {
            let range = NSRange(value.startIndex..., in: value)
            if regex.firstMatch(in: value, range: range) == nil { return false }
        }
        return true
    }

    /// What an attribute takes, for a clerk: "one of left, center, right, justify", "a whole number from 1".
    static func describe(_ attribute: Attribute) -> String {
        if let values = attribute.values { return "one of " + values.joined(separator: ", ") }
        if let documentation = attribute.documentation { return documentation }
        switch attribute.datatype {
        case "positiveInteger": return "a whole number from 1"
        case "nonNegativeInteger": return "a whole number from 0"
        case "integer": return "a whole number"
        default: return "text"
        }
    }
}

/// Walks RelaxNG patterns below one `element`, following `ref`s but not entering nested elements.
private struct PatternReader {
    let defines: [String: [XMLNode]]

    func collect(_ patterns: [XMLNode], required: Bool, into info: inout SchemaVocabulary.Element,
                 visiting: Set<String>) {
        for pattern in patterns where pattern.namespaceURI == SchemaVocabulary.rngNS {
            switch pattern.name {
            case "attribute":
                guard let name = pattern.attribute("name") else { continue }
                var attribute = SchemaVocabulary.Attribute(required: required)
                describeValue(pattern.elements, into: &attribute, visiting: visiting)
                info.attributes[name] = attribute
            case "element":
                guard let name = pattern.attribute("name") else { continue }
                info.children.insert(name)
                if required { info.requiredChildren.append([name]) }
            case "ref":
                let name = pattern.attribute("name") ?? ""
                guard !visiting.contains(name) else { continue }
                for define in defines[name] ?? [] {
                    collect(define.elements, required: required, into: &info, visiting: visiting.union([name]))
                }
            case "optional", "zeroOrMore":
                collect(pattern.elements, required: false, into: &info, visiting: visiting)
            case "choice", "oneOrMore":
                // Alternatives (or a repeated group): each child may be the one present.
                var alternatives = SchemaVocabulary.Element()
                collect(pattern.elements, required: false, into: &alternatives, visiting: visiting)
                for (name, attribute) in alternatives.attributes { info.attributes[name] = attribute }
                info.children.formUnion(alternatives.children)
                let mustBeThere = required && !isNullable(pattern, visiting: visiting)
                if mustBeThere, !alternatives.children.isEmpty {
                    info.requiredChildren.append(alternatives.children.sorted())
                }
                if pattern.name == "choice", alternatives.attributes.count > 1 {
                    info.attributeChoices.append((alternatives.attributes.keys.sorted(), mustBeThere))
                }
            case "group", "interleave":
                collect(pattern.elements, required: required, into: &info, visiting: visiting)
            default:
                break  // text, empty, data, value: content, not structure
            }
        }
    }

    /// Whether a pattern can match nothing at all.
    func isNullable(_ pattern: XMLNode, visiting: Set<String>) -> Bool {
        switch pattern.name {
        case "optional", "zeroOrMore", "empty", "text": return true
        case "ref":
            let name = pattern.attribute("name") ?? ""
            guard !visiting.contains(name) else { return false }
            return (defines[name] ?? []).contains { define in
                define.elements.allSatisfy { isNullable($0, visiting: visiting.union([name])) }
            }
        case "choice": return pattern.elements.contains { isNullable($0, visiting: visiting) }
        case "group", "oneOrMore": return pattern.elements.allSatisfy { isNullable($0, visiting: visiting) }
        default: return false
        }
    }

    /// Fills the allowed values, datatype, facets and documentation of an attribute from its pattern.
    func describeValue(_ patterns: [XMLNode], into attribute: inout SchemaVocabulary.Attribute, visiting: Set<String>) {
        for pattern in patterns {
            if pattern.namespaceURI == SchemaVocabulary.annotationsNS, pattern.name == "documentation" {
                attribute.documentation = attribute.documentation ?? pattern.stringValue
                continue
            }
            switch pattern.name {
            case "ref":
                let name = pattern.attribute("name") ?? ""
                guard !visiting.contains(name) else { continue }
                for define in defines[name] ?? [] {
                    describeValue(define.elements, into: &attribute, visiting: visiting.union([name]))
                }
            case "choice":
                let values = pattern.elements.filter { $0.name == "value" }.map(\.stringValue)
                if !values.isEmpty { attribute.values = values }
            case "value":
                attribute.values = (attribute.values ?? []) + [pattern.stringValue]
            case "data":
                attribute.datatype = pattern.attribute("type")
                for param in pattern.elements(named: "param") {
                    attribute.facets[param.attribute("name") ?? ""] = param.stringValue
                }
            default:
                break
            }
        }
    }
}
