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
        let message = issue.message
        let node = issue.element.flatMap { name in findElement(named: name, line: issue.line, in: document) }

        func diagnostic(_ id: String, _ text: String) -> Diagnostic {
            Diagnostic(id, at: location, text)
        }

        if message.hasSuffix("has extra content: text"), let node {
            // Text beside paragraphs in a cell, or text where an element only takes elements.
            return node.name == "cell"
                ? diagnostic(TemplateIssue.misplacedElement, Self.mixedCell)
                : diagnostic(TemplateIssue.unexpectedText, "<\(node.name)> cannot hold text here; put the text inside a <p>")
        }
        if message.hasPrefix("Did not expect element") || message.contains("has extra content") {
            guard let node else { return diagnostic(TemplateIssue.schema, message) }
            return unexpected(node, diagnostic)
        }
        if message.hasPrefix("Invalid attribute") || message.hasSuffix("failed to validate attributes") {
            guard let node else { return diagnostic(TemplateIssue.schema, message) }
            return attributeProblem(node, libxmlMessage: message, diagnostic)
        }
        if message.hasPrefix("Expecting an element") || message.hasPrefix("Expecting element") {
            guard let node, let element = vocabulary.elements[node.name] else {
                return diagnostic(TemplateIssue.missingElement, "required content is missing here")
            }
            let present = Set(node.elements.map(\.name))
            let missing = element.requiredChildren.first { group in present.isDisjoint(with: group) }
            let what = missing.map { group in
                group.count == 1 ? "a <\(group[0])>" : "at least one of " + group.map { "<\($0)>" }.joined(separator: ", ")
            } ?? "more content"
            return diagnostic(TemplateIssue.missingElement, "<\(node.name)> needs \(what) inside it")
        }
        if message.hasPrefix("Did not expect text") {
            let name = node?.name ?? issue.element ?? "this element"
            return diagnostic(TemplateIssue.unexpectedText, "<\(name)> takes no text; remove the text or move it into a <p>")
        }
        if message.contains("failed to validate content") || message.hasPrefix("Error validating") {
            let name = node?.name ?? issue.element ?? "this element"
            return diagnostic(TemplateIssue.badContent, "the text inside <\(name)> is not allowed (is it empty?)")
        }
        return diagnostic(TemplateIssue.schema, message)
    }

    /// An element where the schema does not allow it: foreign namespace, unknown name, or wrong place.
    private func unexpected(_ node: XMLNode, _ diagnostic: (String, String) -> Diagnostic) -> Diagnostic {
        guard node.namespaceURI == TemplateFunctions.namespaceURI else {
            if node.namespaceURI == nil {
                return diagnostic(TemplateIssue.namespace,
                                  "<\(node.name)> is in no namespace: give the root element xmlns=\"\(TemplateFunctions.namespaceURI)\"")
            }
            return diagnostic(TemplateIssue.namespace,
                              "<\(node.name)> is in the namespace \(node.namespaceURI!), not the template language's \(TemplateFunctions.namespaceURI)")
        }
        guard let element = vocabulary.elements[node.name] else {
            let suggestion = closest(to: node.name, among: Array(vocabulary.elements.keys)).map { "; did you mean <\($0)>?" } ?? ""
            return diagnostic(TemplateIssue.unknownElement,
                              "<\(node.name)> is not an element of the template language\(suggestion)")
        }
        if let parent = node.parent, element.parents.contains(parent.name) {
            return outOfOrder(node, in: parent, diagnostic)
        }
        let parent = node.parent?.name
        let places = element.parents.sorted().map { "<\($0)>" }.joined(separator: ", ")
        let where_ = parent.map { "inside <\($0)>" } ?? "as the root"
        return diagnostic(TemplateIssue.misplacedElement,
                          "<\(node.name)> cannot stand \(where_); it belongs inside \(places.isEmpty ? "nothing: it is a root" : places)")
    }

    /// An element allowed in its parent but not at this point: something required comes first, a cell
    /// mixes text with paragraphs, or the order is wrong.
    private func outOfOrder(_ node: XMLNode, in parent: XMLNode, _ diagnostic: (String, String) -> Diagnostic) -> Diagnostic {
        let present = Set(parent.elements.map(\.name))
        if let group = vocabulary.elements[parent.name]?.requiredChildren.first(where: { present.isDisjoint(with: $0) }) {
            let what = group.count == 1 ? "a <\(group[0])>" : "one of " + group.map { "<\($0)>" }.joined(separator: ", ")
            return diagnostic(TemplateIssue.missingElement, "<\(parent.name)> needs \(what) before <\(node.name)>")
        }
        let hasText = parent.children.contains { $0.isText && !$0.stringValue.trimmingASCIIWhitespace.isEmpty }
        if hasText, node.name == "p" || node.name == "item" {
            return diagnostic(TemplateIssue.misplacedElement, Self.mixedCell)
        }
        return diagnostic(TemplateIssue.misplacedElement,
                          "<\(node.name)> is not allowed at this point of <\(parent.name)>: check the order and the number of its parts (docs/templates.md)")
    }

    static let mixedCell = "a <cell> holds either text and inline elements, or paragraphs (<p>, <item>), not both"

    /// A missing attribute, an attribute the element does not take, or a value it does not accept.
    private func attributeProblem(_ node: XMLNode, libxmlMessage: String,
                                  _ diagnostic: (String, String) -> Diagnostic) -> Diagnostic {
        guard let element = vocabulary.elements[node.name] else {
            return diagnostic(TemplateIssue.badAttribute, libxmlMessage)
        }
        let given = node.attributes.filter { $0.namespace == nil }
        for (name, _, value) in given {
            guard let attribute = element.attributes[name] else {
                let takes = element.attributes.keys.sorted().joined(separator: ", ")
                let suggestion = closest(to: name, among: Array(element.attributes.keys)).map { " Did you mean \($0)?" } ?? ""
                return diagnostic(TemplateIssue.badAttribute,
                                  "<\(node.name)> has no attribute \(name); it takes \(takes.isEmpty ? "none" : takes).\(suggestion)")
            }
            if !SchemaVocabulary.accepts(attribute, value) {
                return diagnostic(TemplateIssue.badAttribute,
                                  "\(name)=\"\(value)\" is not allowed on <\(node.name)>: \(name) must be \(SchemaVocabulary.describe(attribute))")
            }
        }
        let names = Set(given.map(\.name))
        if let (name, attribute) = element.attributes.sorted(by: { $0.key < $1.key }).first(where: { $0.value.required && !names.contains($0.key) }) {
            return diagnostic(TemplateIssue.missingAttribute,
                              "<\(node.name)> needs the attribute \(name) (\(SchemaVocabulary.describe(attribute)))")
        }
        for choice in element.attributeChoices {
            let count = choice.names.filter(names.contains).count
            if count > 1 || (count == 0 && choice.required) {
                return diagnostic(count > 1 ? TemplateIssue.badAttribute : TemplateIssue.missingAttribute,
                                  "<\(node.name)> takes \(choice.required ? "exactly" : "at most") one of the attributes "
                                      + choice.names.joined(separator: " or "))
            }
        }
        return diagnostic(TemplateIssue.badAttribute, libxmlMessage)
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

func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    var previous = Array(0...b.count)
    for i in 1...max(a.count, 1) where !a.isEmpty {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...max(b.count, 1) where !b.isEmpty {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
