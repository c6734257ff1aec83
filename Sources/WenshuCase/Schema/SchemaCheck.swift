import WenshuXML

/// Validates a loaded file against its RelaxNG schema with libxml2 and reports each problem in a clerk's
/// words, at the element's own line and column, with its field path.
///
/// libxml2 decides; `SchemaOutline` explains. Its text is terse and, for a structure problem, points at a
/// neighbour ("Did not expect element name there" when `kind` is missing before it), so the structure of
/// every record is also walked against the outline — missing, unknown and repeated fields, a list given as
/// a single value — and libxml2's complaints about records explained that way are dropped. Value problems
/// (an enumeration, a date, an amount) are libxml2's verdict, explained with the schema's own wording.
///
/// Most files are valid: `QuickValidation` says so at a third of the cost, and only a file it does not
/// accept is validated in full and explained.
///
/// Ids (each with the file kind's prefix, e.g. `case.missing-field`): `missing-field`, `unknown-field`,
/// `duplicate-field`, `empty-list`, `expected-list`, `expected-fields`, `expected-value`, `attribute`,
/// `empty-value`, `not-in-list`, `bad-<type>` (`bad-date`, `bad-money`, `bad-time`, `bad-count`, …), and
/// `schema` for a libxml2 complaint none of those explains (its text is kept).
struct SchemaCheck {
    let schema: BundledSchemas.Entry

    init(kind: FileKind) {
        schema = BundledSchemas.entry(for: kind)
    }

    private var outline: SchemaOutline { schema.outline }

    func check(_ file: CaseFile) -> [Diagnostic] {
        if schema.quick.accepts(file, outline: outline) { return [] }
        let issues = schema.relaxNG.validate(file.document)
        // The walk explains libxml2's complaints; in a file libxml2 accepts it finds nothing (every walk
        // finding is something the schema forbids), so a valid file — nearly every file — skips it.
        if issues.isEmpty { return [] }
        var walk = StructureWalk(file: file, outline: outline)
        walk.visit(file.root, rule: outline.root)
        var findings = walk.findings

        var reported = Set<XMLNode>()
        for issue in issues {
            guard let node = issue.node else {
                findings.append(Diagnostic("\(file.kind.idPrefix).schema", issue: issue))
                continue
            }
            if reported.contains(node) { continue }
            if let rule = outline.rule(for: node), case .value(let value) = outline.rules[rule].content,
               !walk.flagged.contains(node), Self.isValueComplaint(issue.message) {
                reported.insert(node)
                // A control character is not an XML character, so libxml2 refuses the whole string;
                // TextCharacters names the character, which says more than "must be text".
                if value.kind == .text || value.typeName == "text" || value.typeName == "lines",
                   node.stringValue.unicodeScalars.contains(where: TerminalText.isControl) { continue }
                findings.append(valueFinding(node, value, file))
            } else if walk.explained.contains(node) || issue.message.contains("failed to validate content") {
                continue
            } else {
                reported.insert(node)
                findings.append(Diagnostic("\(file.kind.idPrefix).schema", .error, at: file.location(of: node),
                                           subject: file.fieldPath(of: node).nilIfEmpty,
                                           "does not fit the schema here (\(issue.message))"))
            }
        }
        return findings
    }

    static func isValueComplaint(_ message: String) -> Bool {
        ["Error validating value", "Error validating datatype", "doesn't allow value", "failed to validate content"]
            .contains { message.contains($0) }
    }

    private func valueFinding(_ node: XMLNode, _ value: SchemaOutline.Value, _ file: CaseFile) -> Diagnostic {
        let prefix = file.kind.idPrefix
        let text = node.stringValue
        let field = "`\(node.name)`"
        let (id, message): (String, String)
        if text.allSatisfy(\.isWhitespace) {
            (id, message) = ("empty-value", "\(field) is empty; write a value or leave the field out")
        } else if case .choice(let options) = value.kind, value.documentation == nil {
            let list = options.count == 2 ? "\(options[0]) or \(options[1])" : "one of " + options.joined(separator: ", ")
            (id, message) = ("not-in-list", "\(field) must be \(list), not `\(Self.shorten(text))`")
        } else {
            let what = value.documentation ?? "a valid value"
            // Text of several lines is text to a clerk: one id for both (`case.bad-text`).
            let type = value.typeName == "lines" ? "text" : value.typeName ?? "value"
            (id, message) = ("bad-\(type)", "\(field) must be \(what), not `\(Self.shorten(text))`")
        }
        return Diagnostic("\(prefix).\(id)", .error, at: file.location(of: node), subject: file.fieldPath(of: node),
                          message)
    }

    static func shorten(_ text: String) -> String {
        let oneLine = text.replacingOccurrences(of: "\n", with: " ")
        return oneLine.count > 40 ? String(oneLine.prefix(40)) + "…" : oneLine
    }
}

/// The structure walk: every record against its fields in the outline.
struct StructureWalk {
    let file: CaseFile
    let outline: SchemaOutline
    var findings: [Diagnostic] = []
    /// Elements whose own content was found wrong (their value is not judged again).
    var flagged = Set<XMLNode>()
    /// Elements about which libxml2's structural complaints are already explained.
    var explained = Set<XMLNode>()

    private var prefix: String { file.kind.idPrefix }

    mutating func visit(_ node: XMLNode, rule: Int) {
        for attribute in node.attributes {
            report("attribute", node, subject: file.fieldPath(of: node).nilIfEmpty,
                   "attribute `\(attribute.name)` is not used in Wenshu files; write it as a field")
            explain(node)
        }
        let children = node.elements
        let hasText = node.hasNonWhitespaceText
        let name = "`\(node.name)`"

        switch outline.rules[rule].content {
        case .value:
            if let first = children.first {
                report("expected-value", node, "\(name) holds one value, not fields (found `\(first.name)`)")
                flagged.insert(node)
                explain(node)
            }
        case .fields(let fields):
            if let item = outline.listItem(of: rule) {
                visitList(node, item: item, children: children, hasText: hasText)
                return
            }
            if hasText {
                let names = fields.map { outline.rules[$0.rule].name }.prefix(4).joined(separator: ", ")
                report("expected-fields", node, "\(name) holds fields (\(names)…), not a single value")
                flagged.insert(node)
                explain(node)
            }
            var counts: [String: Int] = [:]
            for child in children {
                guard let field = fields.first(where: { outline.rules[$0.rule].name == child.name }) else {
                    report("unknown-field", child, unknownFieldMessage(child, in: node, fields: fields))
                    explain(node)
                    continue
                }
                counts[child.name, default: 0] += 1
                if counts[child.name]! > 1 && !field.repeats {
                    report("duplicate-field", child, "`\(child.name)` is written more than once here; it holds one value")
                    explain(node)
                    continue
                }
                visit(child, rule: field.rule)
            }
            // A record written as a single value is one finding, not one per missing field.
            for field in fields where !hasText && field.required && counts[outline.rules[field.rule].name] == nil {
                let fieldName = outline.rules[field.rule].name
                report("missing-field", node, subject: file.fieldPath(fieldName, in: node),
                       "missing required field `\(fieldName)`")
                explain(node)
            }
        }
    }

    private mutating func visitList(_ node: XMLNode, item: SchemaOutline.Field, children: [XMLNode], hasText: Bool) {
        let itemName = outline.rules[item.rule].name
        let name = "`\(node.name)`"
        if hasText || children.contains(where: { $0.name != itemName }) {
            report("expected-list", node, "\(name) must be a list of \(itemName) items (in YAML, each item starts with `- `)")
            flagged.insert(node)
            explain(node)
        } else if children.isEmpty && item.required {
            report("empty-list", node, "\(name) needs at least one \(itemName)")
            explain(node)
        }
        for child in children where child.name == itemName {
            visit(child, rule: item.rule)
        }
    }

    private func unknownFieldMessage(_ child: XMLNode, in parent: XMLNode, fields: [SchemaOutline.Field]) -> String {
        let names = fields.map { outline.rules[$0.rule].name }
        let place = parent.parent == nil ? "here" : "in `\(file.fieldPath(of: parent))`"
        if let close = names.min(by: { editDistance(child.name, $0) < editDistance(child.name, $1) }),
           editDistance(child.name, close) <= (child.name.count <= 4 ? 1 : 2) {
            return "unknown field `\(child.name)` \(place); did you mean `\(close)`?"
        }
        return "unknown field `\(child.name)` \(place); the fields here are: " + names.joined(separator: ", ")
    }

    /// Marks `node` and its children: libxml2's structural complaints about them are explained.
    private mutating func explain(_ node: XMLNode) {
        explained.insert(node)
        for child in node.elements { explained.insert(child) }
    }

    private mutating func report(_ id: String, _ node: XMLNode, subject: String? = nil, _ message: String) {
        findings.append(Diagnostic("\(prefix).\(id)", .error, at: file.location(of: node),
                                   subject: subject ?? file.fieldPath(of: node).nilIfEmpty, message))
    }
}

/// Edit distance counting a swap of neighbours as one edit (optimal string alignment), for "did you mean".
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
    var d = (0...a.count).map { i in (0...b.count).map { j in i == 0 ? j : (j == 0 ? i : 0) } }
    for i in 1...a.count {
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
            }
        }
    }
    return d[a.count][b.count]
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
