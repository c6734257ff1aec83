import WenshuXML

/// Turns libxml2's RelaxNG messages about a template into diagnostics an author can act on, keeping the
/// file and line: "Element heading failed to validate attributes" becomes
/// `template.missing-attribute`: "<heading> needs the attribute level (a level from 1 to 4 …)".
struct SchemaDiagnostics {
    let vocabulary: SchemaVocabulary

    func translate(_ issues: [XMLIssue], in document: XMLDocument) -> [Diagnostic] {
        var seen = Set<String>()
        return issues.compactMap { issue in
            let diagnostic = translate(issue, in: document)
            // libxml2 may say one thing twice ("Error validating datatype" then "failed to validate content").
            return seen.insert("\(diagnostic.location.line) \(diagnostic.id)").inserted ? diagnostic : nil
        }
    }

    func translate(_ issue: XMLIssue, in document: XMLDocument) -> Diagnostic {
        let location = SourceLocation(file: issue.file ?? document.fileName ?? "<template>", line: issue.line)
        let node = issue.element.flatMap { name in findElement(named: name, line: issue.line, in: document) }

        func diagnostic(_ id: TemplateID, _ arguments: [String: DiagnosticArgument] = [:], _ wording: Phrase? = nil)
            -> Diagnostic {
            Diagnostic(id, at: location, arguments.merging(["detail": "\(issue.message)"]) { a, _ in a },
                       wording: wording, libxml2: issue.libxml2)
        }

        // libxml2's code says what it complains of; its wording is never parsed.
        switch issue.relaxNGComplaint {
        case .extraContent? where issue.extraContentIsText && node != nil:
            // Text beside paragraphs in a cell, or text where an element only takes elements.
            return node!.name == "cell"
                ? diagnostic(.misplacedElement, [:], TemplateWording.mixedCell)
                : diagnostic(.unexpectedText, ["element": "\(node!.name)"], TemplateWording.cannotHoldText)
        case .unexpectedElement?, .extraContent?:
            guard let node else { return diagnostic(.schema) }
            return unexpected(node, diagnostic)
        case .attributes?:
            guard let node else { return diagnostic(.schema) }
            return attributeProblem(node, diagnostic)
        case .missingElement?:
            guard let node, let element = vocabulary.elements[node.name] else {
                return diagnostic(.missingElement, [:], TemplateWording.contentMissing)
            }
            let present = Set(node.elements.map(\.name))
            let missing = element.requiredChildren.first { group in present.isDisjoint(with: group) }
            let what: DiagnosticArgument = missing.map { group in
                group.count == 1 ? .phrase(TemplateWording.anElement, ["name": "\(group[0])"])
                    : .phrase(TemplateWording.atLeastOneOf, ["names": .list(group.map { "<\($0)>" })])
            } ?? .phrase(TemplateWording.moreContent)
            return diagnostic(.missingElement, ["element": "\(node.name)", "what": what])
        case .unexpectedText?:
            return diagnostic(.unexpectedText, ["element": "\(node?.name ?? issue.element ?? "?")"])
        case .content?, .value?:
            return diagnostic(.badContent, ["element": "\(node?.name ?? issue.element ?? "?")"])
        case .other?, nil:
            return diagnostic(.schema)
        }
    }

    /// An element where the schema does not allow it: foreign namespace, unknown name, or wrong place.
    private func unexpected(_ node: XMLNode, _ diagnostic: Report) -> Diagnostic {
        guard node.namespaceURI == TemplateFunctions.namespaceURI else {
            let arguments: [String: DiagnosticArgument] = ["element": "\(node.name)", "namespace": "\(TemplateFunctions.namespaceURI)",
                                                           "given": "\(node.namespaceURI ?? "")"]
            return diagnostic(.namespace, arguments, node.namespaceURI == nil ? nil : TemplateWording.foreignNamespace)
        }
        guard let element = vocabulary.elements[node.name] else {
            let suggestion: DiagnosticArgument = closest(to: node.name, among: Array(vocabulary.elements.keys))
                .map { .phrase(TemplateWording.didYouMeanElement, ["name": "\($0)"]) } ?? ""
            return diagnostic(.unknownElement, ["element": "\(node.name)", "suggestion": suggestion], nil)
        }
        if let parent = node.parent, element.parents.contains(parent.name) {
            return outOfOrder(node, in: parent, diagnostic)
        }
        let parent = node.parent?.name
        let places = element.parents.sorted().map { "<\($0)>" }
        let place: DiagnosticArgument = parent.map { .phrase(TemplateWording.insideParent, ["parent": "\($0)"]) }
            ?? .phrase(TemplateWording.asRoot)
        return diagnostic(.misplacedElement,
                          ["element": "\(node.name)", "where": place,
                           "places": places.isEmpty ? .phrase(TemplateWording.nowhere) : .list(places)],
                          TemplateWording.belongsInside)
    }

    /// An element allowed in its parent but not at this point: something required comes first, a cell
    /// mixes text with paragraphs, or the order is wrong.
    private func outOfOrder(_ node: XMLNode, in parent: XMLNode, _ diagnostic: Report) -> Diagnostic {
        let present = Set(parent.elements.map(\.name))
        if let group = vocabulary.elements[parent.name]?.requiredChildren.first(where: { present.isDisjoint(with: $0) }) {
            let what: DiagnosticArgument = group.count == 1 ? .phrase(TemplateWording.anElement, ["name": "\(group[0])"])
                : .phrase(TemplateWording.oneOf, ["names": .list(group.map { "<\($0)>" })])
            return diagnostic(.missingElement, ["parent": "\(parent.name)", "element": "\(node.name)", "what": what],
                              TemplateWording.needsBefore)
        }
        let hasText = parent.children.contains { $0.isText && !$0.stringValue.trimmingASCIIWhitespace.isEmpty }
        if hasText, node.name == "p" || node.name == "item" {
            return diagnostic(.misplacedElement, [:], TemplateWording.mixedCell)
        }
        return diagnostic(.misplacedElement, ["element": "\(node.name)", "parent": "\(parent.name)"], TemplateWording.outOfOrder)
    }

    /// Makes the finding at the issue's place: id, arguments, and one of the id's declared wordings.
    typealias Report = (TemplateID, [String: DiagnosticArgument], Phrase?) -> Diagnostic

    /// A missing attribute, an attribute the element does not take, or a value it does not accept.
    private func attributeProblem(_ node: XMLNode, _ diagnostic: Report) -> Diagnostic {
        guard let element = vocabulary.elements[node.name] else {
            return diagnostic(.badAttribute, [:], TemplateWording.libxml2Attribute)
        }
        let given = node.attributes.filter { $0.namespace == nil }
        for (name, _, value) in given {
            guard let attribute = element.attributes[name] else {
                let takes = element.attributes.keys.sorted()
                let suggestion: DiagnosticArgument = closest(to: name, among: Array(element.attributes.keys))
                    .map { .phrase(TemplateWording.didYouMeanAttribute, ["name": "\($0)"]) } ?? ""
                return diagnostic(.badAttribute, ["element": "\(node.name)", "attribute": "\(name)",
                                                  "takes": takes.isEmpty ? .phrase(TemplateWording.none) : .list(takes),
                                                  "suggestion": suggestion], nil)
            }
            if !SchemaVocabulary.accepts(attribute, value) {
                return diagnostic(.badAttribute, ["attribute": "\(name)", "value": "\(value)", "element": "\(node.name)",
                                                  "expected": "\(SchemaVocabulary.describe(attribute))"],
                                  TemplateWording.attributeValue)
            }
        }
        let names = Set(given.map(\.name))
        if let (name, attribute) = element.attributes.sorted(by: { $0.key < $1.key }).first(where: { $0.value.required && !names.contains($0.key) }) {
            return diagnostic(.missingAttribute, ["element": "\(node.name)", "attribute": "\(name)",
                                                  "expected": "\(SchemaVocabulary.describe(attribute))"], nil)
        }
        for choice in element.attributeChoices {
            let count = choice.names.filter(names.contains).count
            if count > 1 || (count == 0 && choice.required) {
                return diagnostic(count > 1 ? .badAttribute : .missingAttribute,
                                  ["element": "\(node.name)", "names": .alternatives(choice.names),
                                   "quantity": .phrase(choice.required ? TemplateWording.exactly : TemplateWording.atMost)],
                                  TemplateWording.attributeChoice)
            }
        }
        return diagnostic(.badAttribute, [:], TemplateWording.libxml2Attribute)
    }

    private func findElement(named name: String, line: Int, in document: XMLDocument) -> XMLNode? {
        guard let root = document.root else { return nil }
        var stack = [root]
        var candidate: XMLNode?
        while let node = stack.popLast() {
            if node.name == name {
                if node.line == line { return node }
                candidate = candidate ?? node
            }
            stack.append(contentsOf: node.elements.reversed())
        }
        return line == 0 ? candidate : nil
    }
}

/// The name among `names` closest to `word`, for "did you mean" hints: at most two edits away, or else
/// the longest name `word` starts with (`para` → `p`, `signature-block` → `signature`).
func closest(to word: String, among names: [String]) -> String? {
    let scored = names.map { ($0, editDistance(word, $0)) }.filter { $0.1 <= 2 && $0.1 < max(word.count, 2) }
    if let best = scored.min(by: { ($0.1, $0.0) < ($1.1, $1.0) }) { return best.0 }
    return names.filter { word.hasPrefix($0) }.max { $0.count < $1.count }
}
