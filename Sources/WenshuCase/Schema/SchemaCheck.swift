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
/// Ids: the schema part of `InputID` (docs/diagnostics.md), one per file kind.
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
                findings.append(Diagnostic(.schema, file.kind, issue: issue, wording: InputWording.schemaPlain))
                continue
            }
            if reported.contains(node) { continue }
            if let rule = outline.rule(for: node), case .value(let value) = outline.rules[rule].content,
               !walk.flagged.contains(node), [.value, .content].contains(issue.relaxNGComplaint) {
                reported.insert(node)
                // A control character is not an XML character, so libxml2 refuses the whole string;
                // TextCharacters names the character, which says more than "must be text".
                if value.kind == .text || value.typeName == "text" || value.typeName == "lines",
                   node.stringValue.unicodeScalars.contains(where: TerminalText.isControl) { continue }
                findings.append(valueFinding(node, value, file))
            } else if walk.explained.contains(node) || issue.relaxNGComplaint == .content {
                continue
            } else {
                reported.insert(node)
                var finding = Diagnostic(.schema, file.kind, at: file.location(of: node),
                                         subject: file.fieldPath(of: node).nilIfEmpty, ["detail": "\(issue.message)"])
                finding.libxml2 = issue.libxml2
                findings.append(finding)
            }
        }
        return findings
    }

    private func valueFinding(_ node: XMLNode, _ value: SchemaOutline.Value, _ file: CaseFile) -> Diagnostic {
        let text = node.stringValue
        let location = file.location(of: node), subject = file.fieldPath(of: node)
        let arguments: [String: DiagnosticArgument] = ["field": "\(node.name)", "value": "\(Self.shorten(text))"]
        if text.allSatisfy(\.isWhitespace) {
            return Diagnostic(.emptyValue, file.kind, at: location, subject: subject, arguments)
        }
        if case .choice(let options) = value.kind, value.documentation == nil {
            let list: DiagnosticArgument = options.count == 2
                ? .phrase(InputWording.twoOptions, ["first": "\(options[0])", "second": "\(options[1])"])
                : .phrase(InputWording.oneOf, ["options": .list(options)])
            return Diagnostic(.notInList, file.kind, at: location, subject: subject, arguments.merging(["options": list]) { $1 })
        }
        if let type = value.typeName, let id = Self.valueIDs[type] {
            let wording = type == "key" ? InputWording.badKeyValue : nil
            return Diagnostic(id, file.kind, at: location, subject: subject, arguments, wording: wording)
        }
        // A type the catalogue has no id for: the schema's own phrase for it (English only).
        let expected: DiagnosticArgument = value.documentation.map { .text($0) } ?? .phrase(InputWording.aValidValue)
        return Diagnostic(.badValue, file.kind, at: location, subject: subject,
                          arguments.merging(["expected": expected]) { $1 })
    }

    /// The id of a value that its type in types.rng refuses, by the type's name.
    static let valueIDs: [String: InputID] = [
        "text": .badText, "lines": .badText, "date": .badDate, "time": .badTime, "year": .badYear, "money": .badMoney,
        "count": .badCount, "tally": .badTally, "key": .badKey, "boolean": .badBoolean,
    ]

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

    mutating func visit(_ node: XMLNode, rule: Int) {
        for attribute in node.attributes {
            report(.attribute, node, subject: file.fieldPath(of: node).nilIfEmpty, ["attribute": "\(attribute.name)"])
            explain(node)
        }
        let children = node.elements
        let hasText = node.hasNonWhitespaceText
        let name: DiagnosticArgument = "\(node.name)"

        switch outline.rules[rule].content {
        case .value:
            if let first = children.first {
                report(.expectedValue, node, ["field": name, "found": "\(first.name)"])
                flagged.insert(node)
                explain(node)
            }
        case .fields(let fields):
            if let item = outline.listItem(of: rule) {
                visitList(node, item: item, children: children, hasText: hasText)
                return
            }
            if hasText {
                let names = fields.map { outline.rules[$0.rule].name }.prefix(4)
                report(.expectedFields, node, ["field": name, "fields": .list(Array(names))])
                flagged.insert(node)
                explain(node)
            }
            var counts: [String: Int] = [:]
            for child in children {
                guard let field = fields.first(where: { outline.rules[$0.rule].name == child.name }) else {
                    reportUnknownField(child, in: node, fields: fields)
                    explain(node)
                    continue
                }
                counts[child.name, default: 0] += 1
                if counts[child.name]! > 1 && !field.repeats {
                    report(.duplicateField, child, ["field": "\(child.name)"])
                    explain(node)
                    continue
                }
                visit(child, rule: field.rule)
            }
            // A record written as a single value is one finding, not one per missing field.
            for field in fields where !hasText && field.required && counts[outline.rules[field.rule].name] == nil {
                let fieldName = outline.rules[field.rule].name
                report(.missingField, node, subject: file.fieldPath(fieldName, in: node), ["field": "\(fieldName)"])
                explain(node)
            }
        }
    }

    private mutating func visitList(_ node: XMLNode, item: SchemaOutline.Field, children: [XMLNode], hasText: Bool) {
        let itemName = outline.rules[item.rule].name
        let name: DiagnosticArgument = "\(node.name)"
        if hasText || children.contains(where: { $0.name != itemName }) {
            report(.expectedList, node, ["field": name, "item": "\(itemName)"])
            flagged.insert(node)
            explain(node)
        } else if children.isEmpty && item.required {
            report(.emptyList, node, ["field": name, "item": "\(itemName)"])
            explain(node)
        }
        for child in children where child.name == itemName {
            visit(child, rule: item.rule)
        }
    }

    private mutating func reportUnknownField(_ child: XMLNode, in parent: XMLNode, fields: [SchemaOutline.Field]) {
        let names = fields.map { outline.rules[$0.rule].name }
        let place: DiagnosticArgument = parent.parent == nil
            ? .phrase(InputWording.here) : .phrase(InputWording.inRecord, ["record": "\(file.fieldPath(of: parent))"])
        if let close = names.min(by: { editDistance(child.name, $0) < editDistance(child.name, $1) }),
           editDistance(child.name, close) <= (child.name.count <= 4 ? 1 : 2) {
            report(.unknownField, child, ["field": "\(child.name)", "place": place, "suggestion": "\(close)"])
        } else {
            report(.unknownField, child, ["field": "\(child.name)", "place": place, "fields": .list(names)],
                   wording: InputWording.unknownFieldList)
        }
    }

    /// Marks `node` and its children: libxml2's structural complaints about them are explained.
    private mutating func explain(_ node: XMLNode) {
        explained.insert(node)
        for child in node.elements { explained.insert(child) }
    }

    private mutating func report(_ id: InputID, _ node: XMLNode, subject: String? = nil,
                                 _ arguments: [String: DiagnosticArgument] = [:], wording: Phrase? = nil) {
        findings.append(Diagnostic(id, file.kind, at: file.location(of: node),
                                   subject: subject ?? file.fieldPath(of: node).nilIfEmpty, arguments, wording: wording))
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
