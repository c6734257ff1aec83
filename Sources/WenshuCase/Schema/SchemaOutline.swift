import Foundation
import WenshuXML

/// What a schema allows where, read from the RelaxNG file itself, so that a finding can say *what* is wrong
/// in a clerk's words ("missing required field `name`", "`gender` must be 男 or 女") and so that fields can be
/// put in the schema's order whatever order a file wrote them in.
///
/// libxml2 stays the validator; the outline explains. It understands the restricted style our schemas are
/// written in (see the comment at the top of case.rng) and refuses anything else, so a schema that drifts
/// from that style fails the schema tests instead of producing vague findings.
struct SchemaOutline: Sendable {
    struct Rule: Sendable {
        let name: String
        var content: Content
    }

    enum Content: Sendable {
        /// A record or a list: its fields in canonical order.
        case fields([Field])
        /// A single value.
        case value(Value)
    }

    struct Field: Sendable {
        /// Index into `rules`.
        let rule: Int
        let required: Bool
        let repeats: Bool
    }

    struct Value: Sendable {
        enum Kind: Sendable, Equatable {
            case choice([String])
            case data(String)
            case text
        }
        let kind: Kind
        /// The define the value type comes from (`date`, `money`, `gender`), when it has one.
        let typeName: String?
        /// The define's a:documentation: what the value must be, as a phrase.
        let documentation: String?
    }

    struct Unsupported: Error, CustomStringConvertible {
        let description: String
    }

    private(set) var rules: [Rule] = []
    private(set) var root = 0
    /// For each rule, the position of each field name among its fields (the first, if a name repeats):
    /// found by hashing, since loading asks it of every element of every case.
    private var fieldPositions: [[String: Int]] = []
    /// For each rule, the names of its fields in order.
    private var fieldNames: [[String]] = []
    /// For each rule, `fieldNames` as C strings and the rule of each field: what the walks over every
    /// element of a case (`putInOrder`, the quick validation's) compare and follow, by pointer.
    private var fieldNameList: [ElementNames] = []
    private var fieldRules: [[Int]] = []

    static let rngNamespace = "http://relaxng.org/ns/structure/1.0"
    static let annotationNamespace = "http://relaxng.org/ns/compatibility/annotations/1.0"

    /// Reads the schema at `url` and the grammars it includes.
    init(contentsOf url: URL) throws {
        var builder = Builder()
        let start = try builder.readGrammar(url)
        guard let startPattern = start else { throw Unsupported(description: "\(url.lastPathComponent) has no start") }
        let patterns = SchemaOutline.rngChildren(of: startPattern)
        guard patterns.count == 1, patterns[0].name == "element" || patterns[0].name == "ref" else {
            throw Unsupported(description: "start must hold one element")
        }
        var fields: [Field] = []
        var value: Value?
        try builder.collect(patterns[0], required: true, repeats: false, fields: &fields, value: &value)
        guard fields.count == 1, value == nil else { throw Unsupported(description: "start must hold one element") }
        try self.init(rules: builder.rules, root: fields[0].rule)
    }

    private init(rules: [Rule], root: Int) throws {
        self.rules = rules
        self.root = root
        fieldNames = rules.map { rule in
            guard case .fields(let fields) = rule.content else { return [] }
            return fields.map { rules[$0.rule].name }
        }
        for (rule, names) in zip(rules, fieldNames) where Set(names).count != names.count {
            throw Unsupported(description: "<\(rule.name)> names a field twice")
        }
        fieldPositions = fieldNames.map { names in
            Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        }
        fieldNameList = fieldNames.map(ElementNames.init)
        fieldRules = rules.indices.map { rule in fields(of: rule).map(\.rule) }
    }

    // MARK: Kept in the start-up cache

    /// The outline as bytes (`init(serialized:)` reads them back): reading case.rng and types.rng for it was
    /// 12 M of the 145 M instructions of a one-case render. Numbers are 32-bit little-endian, strings their
    /// UTF-8 length and bytes.
    var serialized: Data {
        var out = Data()
        func number(_ value: Int) { withUnsafeBytes(of: UInt32(value).littleEndian) { out.append(contentsOf: $0) } }
        func string(_ value: String?) {
            guard let value else { number(0xFFFF_FFFF); return }
            number(value.utf8.count)
            out.append(contentsOf: value.utf8)
        }
        number(root)
        number(rules.count)
        for rule in rules {
            string(rule.name)
            switch rule.content {
            case .fields(let fields):
                number(0)
                number(fields.count)
                for field in fields { number(field.rule); number((field.required ? 1 : 0) | (field.repeats ? 2 : 0)) }
            case .value(let value):
                switch value.kind {
                case .choice(let choices): number(1); number(choices.count); choices.forEach { string($0) }
                case .data(let type): number(2); string(type)
                case .text: number(3)
                }
                string(value.typeName)
                string(value.documentation)
            }
        }
        return out
    }

    /// The outline `serialized` gave; `nil` for bytes it could not have given.
    init?(serialized data: Data) {
        let bytes = [UInt8](data)
        var at = 0
        func number() -> Int? {
            guard at + 4 <= bytes.count else { return nil }
            defer { at += 4 }
            return Int(UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24)
        }
        /// `.some(nil)` for a string written as absent.
        func string() -> String?? {
            guard let count = number() else { return nil }
            if count == 0xFFFF_FFFF { return .some(nil) }
            guard at + count <= bytes.count, let text = String(validating: bytes[at..<(at + count)], as: UTF8.self) else { return nil }
            at += count
            return .some(text)
        }
        func present() -> String? { string() ?? nil }
        guard let root = number(), let count = number(), count <= bytes.count else { return nil }
        var rules: [Rule] = []
        for _ in 0..<count {
            guard let name = present(), let kind = number() else { return nil }
            if kind == 0 {
                guard let fieldCount = number(), fieldCount <= bytes.count else { return nil }
                var fields: [Field] = []
                for _ in 0..<fieldCount {
                    guard let rule = number(), rule < count, let flags = number(), flags < 4 else { return nil }
                    fields.append(Field(rule: rule, required: flags & 1 != 0, repeats: flags & 2 != 0))
                }
                rules.append(Rule(name: name, content: .fields(fields)))
                continue
            }
            let valueKind: Value.Kind
            switch kind {
            case 1:
                guard let choiceCount = number(), choiceCount <= bytes.count else { return nil }
                var choices: [String] = []
                for _ in 0..<choiceCount {
                    guard let choice = present() else { return nil }
                    choices.append(choice)
                }
                valueKind = .choice(choices)
            case 2:
                guard let type = present() else { return nil }
                valueKind = .data(type)
            case 3: valueKind = .text
            default: return nil
            }
            guard let typeName = string(), let documentation = string() else { return nil }
            rules.append(Rule(name: name, content: .value(Value(kind: valueKind, typeName: typeName, documentation: documentation))))
        }
        guard at == bytes.count, root < rules.count, let outline = try? SchemaOutline(rules: rules, root: root) else { return nil }
        self = outline
    }

    // MARK: Questions

    /// The rule the element `node` follows, found by walking from the root; `nil` for an element the schema
    /// does not know there.
    func rule(for node: XMLNode) -> Int? {
        guard let parent = node.parent else { return rules[root].name == node.name ? root : nil }
        guard let parentRule = rule(for: parent) else { return nil }
        return field(named: node.name, in: parentRule)?.rule
    }

    func field(named name: String, in rule: Int) -> Field? {
        guard let position = fieldPositions[rule][name] else { return nil }
        return fields(of: rule)[position]
    }

    func fields(of rule: Int) -> [Field] {
        if case .fields(let fields) = rules[rule].content { return fields }
        return []
    }

    /// The item rule when `rule` is a list (its only field repeats), else `nil`.
    func listItem(of rule: Int) -> Field? {
        let fields = fields(of: rule)
        guard fields.count == 1, fields[0].repeats else { return nil }
        return fields[0]
    }

    // MARK: Canonical order

    /// Puts every record's fields in the schema's order (list items keep theirs; unknown fields go last,
    /// in the order written). Elements are moved, never copied, so every node keeps its identity and location.
    func putInOrder(_ element: XMLNode, rule: Int? = nil) {
        guard let rule = rule ?? self.rule(for: element) else { return }
        putInOrder(ElementCursor(element), rule: rule, document: element.document)
    }

    /// `putInOrder` by cursor: a file in order, nearly every file, is walked making no `XMLNode`.
    private func putInOrder(_ element: ElementCursor, rule: Int, document: XMLDocument) {
        let fieldRules = fieldRules[rule]
        guard !fieldRules.isEmpty else { return }
        // Files are nearly always written in order already. (If not, the records ordered on the way are
        // ordered again below, which changes nothing in them.)
        if forEachChildInOrder(of: element, rule: rule, { child, fieldRule in
            putInOrder(child, rule: fieldRule, document: document)
            return true
        }) { return }
        let positions = fieldPositions[rule]
        let unknown = fieldRules.count
        let node = element.node(in: document)
        let children = node.elements
        let ordered = children.enumerated().sorted {
            (positions[$0.element.name] ?? unknown, $0.offset) < (positions[$1.element.name] ?? unknown, $1.offset)
        }.map(\.element)
        if ordered != children {
            for child in ordered { node.appendChild(child) }
        }
        for child in node.childElements {
            if let position = positions[child.name] {
                putInOrder(ElementCursor(child), rule: fieldRules[position], document: document)
            }
        }
    }

    /// Follows the fields of `rule` along the child elements of `element` while the children are known
    /// fields in the schema's order — always so in a valid file — calling `body` with each child and its
    /// field's rule. Returns `true` when every child was matched and `body` returned `true` for each; stops
    /// at the first child that is unknown, out of order, or refused by `body`. Compares names in place.
    func forEachChildInOrder(of element: ElementCursor, rule: Int, _ body: (ElementCursor, Int) -> Bool) -> Bool {
        let fieldRules = fieldRules[rule]
        return element.forEachChildInOrder(fieldNameList[rule]) { child, position in body(child, fieldRules[position]) }
    }

    // MARK: Reading the RelaxNG

    static func rngChildren(of node: XMLNode) -> [XMLNode] {
        node.elements.filter { $0.namespaceURI == rngNamespace }
    }

    static func documentation(of node: XMLNode) -> String? {
        node.elements.first { $0.namespaceURI == annotationNamespace && $0.name == "documentation" }?
            .stringValue.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private struct Builder {
        var rules: [Rule] = []
        var defines: [String: XMLNode] = [:]
        var built: [XMLNode: Int] = [:]
        var documents: [XMLDocument] = []

        /// Reads a grammar's defines (and those of its includes); returns its start pattern, if it has one.
        mutating func readGrammar(_ url: URL) throws -> XMLNode? {
            let document = try XMLDocument(contentsOf: url, displayName: url.lastPathComponent)
            documents.append(document)
            guard let grammar = document.root, grammar.name == "grammar" else {
                throw Unsupported(description: "\(url.lastPathComponent) must be a <grammar>")
            }
            var start: XMLNode?
            for child in SchemaOutline.rngChildren(of: grammar) {
                switch child.name {
                case "include":
                    let href = child.attribute("href") ?? ""
                    _ = try readGrammar(url.deletingLastPathComponent().appendingPathComponent(href))
                case "define":
                    defines[child.attribute("name") ?? ""] = child
                case "start":
                    start = child
                default:
                    throw Unsupported(description: "<\(child.name)> in a grammar")
                }
            }
            return start
        }

        mutating func element(_ node: XMLNode) throws -> Int {
            if let index = built[node] { return index }
            guard let name = node.attribute("name") else { throw Unsupported(description: "an element without a name") }
            let index = rules.count
            rules.append(Rule(name: name, content: .fields([])))
            built[node] = index
            var fields: [Field] = []
            var value: Value?
            for pattern in SchemaOutline.rngChildren(of: node) {
                try collect(pattern, required: true, repeats: false, fields: &fields, value: &value)
            }
            if value != nil && !fields.isEmpty { throw Unsupported(description: "<\(name)> mixes fields and a value") }
            rules[index].content = value.map(Content.value) ?? .fields(fields)
            return index
        }

        mutating func collect(_ pattern: XMLNode, required: Bool, repeats: Bool,
                              fields: inout [Field], value: inout Value?, typeName: String? = nil,
                              documentation: String? = nil) throws {
            switch pattern.name {
            case "element":
                fields.append(Field(rule: try element(pattern), required: required, repeats: repeats))
            case "optional", "zeroOrMore", "oneOrMore":
                let isRequired = pattern.name == "oneOrMore" && required
                let isRepeated = repeats || pattern.name != "optional"
                for child in SchemaOutline.rngChildren(of: pattern) {
                    try collect(child, required: isRequired, repeats: isRepeated, fields: &fields, value: &value)
                }
            case "ref":
                let name = pattern.attribute("name") ?? ""
                guard let define = defines[name] else { throw Unsupported(description: "ref to unknown define \(name)") }
                for child in SchemaOutline.rngChildren(of: define) {
                    try collect(child, required: required, repeats: repeats, fields: &fields, value: &value,
                                typeName: name, documentation: SchemaOutline.documentation(of: define))
                }
            case "text":
                value = Value(kind: .text, typeName: typeName, documentation: documentation)
            case "data":
                value = Value(kind: .data(pattern.attribute("type") ?? "string"), typeName: typeName,
                              documentation: documentation)
            case "value":
                value = Value(kind: .choice([pattern.stringValue]), typeName: typeName, documentation: documentation)
            case "choice":
                let options = SchemaOutline.rngChildren(of: pattern)
                guard options.allSatisfy({ $0.name == "value" }) else {
                    throw Unsupported(description: "a choice of anything but values")
                }
                value = Value(kind: .choice(options.map(\.stringValue)), typeName: typeName, documentation: documentation)
            case "empty":
                break
            default:
                throw Unsupported(description: "<\(pattern.name)>")
            }
        }
    }
}
