import WenshuCase
import WenshuFormat
import WenshuDocument
import WenshuXML

/// One binding of a template to a case (or to no case, for a blank form): the XPath context with its
/// variables, the numbering counters and the diagnostics. Made afresh for every run — the compiled
/// template stays untouched, as Go's text/template keeps its exec state apart — and never shared.
final class Renderer {
    let template: FormTemplate
    /// `nil` for a blank form: nothing is evaluated, every field prints as its blank.
    private let context: XPathContext?
    private(set) var diagnostics: [Diagnostic] = []
    /// Counters of the four numbering levels (一、 （一） 1. （1）), per document.
    private var counters = [0, 0, 0, 0]
    /// The variables currently bound, mirrored here so a loop can restore what it shadowed.
    private var variables: [String: XPathValue] = [:]
    /// The case values printed in the first number line, for the document's metadata.
    private var numberLine: String?
    /// The parameters of the fragments being rendered, innermost last.
    private var fragmentParameters: [[String: [String]]] = []
    /// The 0-based repetition of the innermost loop being expanded (0 outside loops).
    private var repetition = 0
    /// A partial print: a required field the case lacks prints as its blank (noted), not as an error.
    private let partial: Bool

    init(template: FormTemplate, case document: XMLDocument?, office: XMLDocument? = nil,
         parameters: [String: XMLDocument] = [:], partial: Bool = false) {
        self.template = template
        self.partial = partial
        context = document.map { document in
            let context = XPathContext(document: document)
            context.register(TemplateFunctions.table)
            return context
        }
        if let root = document?.root {
            bind("case", .nodes([root]))
            // The office profile (committees' seals, number series …), or an empty node set without one,
            // so `$office/...` reads as missing rather than failing.
            bind("office", .nodes(office?.root.map { [$0] } ?? []))
            // Declared parameters likewise: a missing one is an empty node set.
            for name in template.parameters {
                bind(name, .nodes(parameters[name]?.root.map { [$0] } ?? []))
            }
        }
    }

    private var isBlank: Bool { context == nil }

    // MARK: Documents

    /// The filled document for one record (the case element itself unless the form repeats per record).
    func document(record: XMLNode?) -> Document {
        counters = [0, 0, 0, 0]
        numberLine = nil
        if let record, template.forEach != nil { bind(template.recordVariable, .nodes([record])) }
        let blocks = expand(template.body, at: record, block)
        let metadata = DocumentMetadata(
            formID: template.id, title: template.title, number: numberLine,
            caseNumber: template.caseNumber.flatMap { text($0, at: record) },
            date: template.date.flatMap { text($0, at: record) }.flatMap { CivilDate(iso: $0)?.description },
            templateVersion: template.version)
        return Document(metadata: metadata, pageStyle: template.pageStyle, blocks: blocks)
    }

    /// Whether the form's `applies-when` holds at `root` (true when it has none).
    func applies(at root: XMLNode) -> Bool {
        guard let condition = template.appliesWhen else { return true }
        return evaluate(condition, at: root)?.booleanValue ?? true
    }

    /// The records of a `for-each` form.
    func records(at root: XMLNode) -> [XMLNode] {
        guard let forEach = template.forEach else { return [root] }
        return nodes(forEach, at: root) ?? []
    }

    // MARK: Loops and conditions

    /// Expands loops and conditions around leaves of any kind. `separator` makes what an inline loop
    /// prints between items.
    private func expand<Leaf, Out>(_ parts: [Part<Leaf>], at node: XMLNode?, separator: ((String) -> [Out])? = nil,
                                   _ leaf: (Leaf, XMLNode?) -> [Out]) -> [Out] {
        var out: [Out] = []
        for part in parts {
            switch part {
            case .leaf(let content):
                out += leaf(content, node)
            case .each(let loop, let body):
                // Blank (a blank form, or a blank item of a partial print) repeats the loop's blank items;
                // so does a partial print of a loop that selects nothing.
                var items: [XMLNode?] = isBlank || node == nil ? [] : (node.flatMap { nodes(loop.select, at: $0) } ?? [])
                if isBlank || node == nil || (partial && items.isEmpty) {
                    if let node, !isBlank, loop.blankRepeat > 0 { reportMissing(loop.select, at: node) }
                    items = Array(repeating: nil, count: loop.blankRepeat)
                }
                let shadowed = [loop.variable, loop.index].compactMap { $0 }.map { ($0, variables[$0]) }
                let outerRepetition = repetition
                defer { repetition = outerRepetition }
                for (i, item) in items.enumerated() {
                    repetition = i
                    if i > 0, let text = loop.separator, let separator { out += separator(text) }
                    if let name = loop.variable, let item { bind(name, .nodes([item])) }
                    if let name = loop.index { bind(name, .number(Double(i + 1))) }
                    out += expand(body, at: item, separator: separator, leaf)
                }
                for case (let name, let value?) in shadowed { bind(name, value) }
            case .choose(let branches, let otherwise):
                let chosen = isBlank || node == nil
                    ? branches.first(where: \.showsInBlank)
                    : branches.first { branch in node.flatMap { evaluate(branch.test, at: $0)?.booleanValue } ?? false }
                if let body = chosen?.body ?? otherwise {
                    out += expand(body, at: node, separator: separator, leaf)
                }
            }
        }
        return out
    }

    private func bind(_ name: String, _ value: XPathValue) {
        variables[name] = value
        context?.setVariable(name, value)
    }

    // MARK: Blocks

    private func block(_ node: BlockNode, at here: XMLNode?) -> [Block] {
        switch node {
        case .title(let content):
            return [.title(inlines(content, at: here))]
        case .number(let content, let alignment):
            let line = inlines(content, at: here)
            if numberLine == nil {
                let fields = line.compactMap { inline -> String? in if case .field(let s) = inline { return s } else { return nil } }
                numberLine = fields.isEmpty ? nil : fields.joined()
            }
            return [.subtitle(line, alignment: alignment)]
        case .heading(let level, let label, let content):
            return [.heading(level: level, merged(numbering(level, label) + inlines(content, at: here)))]
        case .paragraph(let paragraph):
            return Self.splitIndented(self.paragraph(paragraph, at: here)).map(Block.paragraph)
        case .table(let table):
            let rows = expand(table.rows, at: here) { row, here in [self.row(row, at: here)] }
            return [.table(Table(columnWidths: table.columnWidths, rows: rows, bordered: table.bordered,
                                  smallText: table.smallText, keepsTogether: table.keepsTogether))]
        case .signatures(let alignment, let parts):
            let signatures = expand(parts, at: here) { signature, here in [self.signature(signature, at: here)] }
            return [.signatures(SignatureBlock(signatures, alignment: alignment))]
        case .pageBreak:
            return [.pageBreak]
        case .section(let section):
            return [.section(Section(id: section.id, startsNewPage: section.startsNewPage, numbering: section.numbering,
                                     pageStyle: section.pageStyle, blocks: expand(section.blocks, at: here, block)))]
        case .parameters(let parameters, let blocks):
            fragmentParameters.append(parameters)
            defer { fragmentParameters.removeLast() }
            return expand(blocks, at: here, block)
        }
    }

    private func paragraph(_ paragraph: ParagraphNode, at here: XMLNode?) -> Paragraph {
        let label = paragraph.numbering.map { numbering($0.level, $0.label) } ?? []
        return Paragraph(merged(label + inlines(paragraph.inlines, at: here)), alignment: paragraph.alignment,
                         firstLineIndent: paragraph.firstLineIndent)
    }

    private func row(_ row: RowNode, at here: XMLNode?) -> TableRow {
        let cells = row.cells.map { cell in
            let paragraphs: [Paragraph]
            switch cell.content {
            case .inlines(let alignment, let content):
                paragraphs = [Paragraph(inlines(content, at: here), alignment: alignment)]
            case .paragraphs(let parts):
                paragraphs = expand(parts, at: here) { paragraph, here in [self.paragraph(paragraph, at: here)] }
            }
            return TableCell(paragraphs, columnSpan: cell.columnSpan, rowSpan: cell.rowSpan)
        }
        return TableRow(isHeader: row.isHeader, cells: cells, minLines: row.minLines)
    }

    private func signature(_ signature: SignatureNode, at here: XMLNode?) -> Signature {
        let date: [Inline]?
        switch signature.date {
        case .none: date = nil
        case .handwritten: date = Inline.handwrittenDate
        case .content(let content):
            let printed = inlines(content, at: here)
            date = printed.isEmpty ? Inline.handwrittenDate : printed  // nothing to print: left for handwriting
        }
        var label = inlines(signature.label, at: here)
        if signature.space > 0 && !label.isEmpty { label.append(.blank(width: signature.space)) }
        return Signature(label: label, name: inlines(signature.name, at: here), date: date, seal: signature.seal)
    }

    /// The label of an automatically numbered heading or item, counting per level: 一、 （一） 1. （1）.
    private func numbering(_ level: Int, _ label: NumberLabel) -> [Inline] {
        switch label {
        case .none: return []
        case .explicit(let text): return [.text(text)]
        case .automatic:
            let index = min(max(level, 1), counters.count) - 1
            counters[index] += 1
            for deeper in (index + 1)..<counters.count { counters[deeper] = 0 }
            return [.text(NumberingStyle.label(level: index + 1, counters[index]))]
        }
    }

    // MARK: Inlines

    private func inlines(_ parts: Inlines, at here: XMLNode?) -> [Inline] {
        merged(expand(parts, at: here, separator: { [.text($0)] }, inline))
    }

    private func inline(_ node: InlineNode, at here: XMLNode?) -> [Inline] {
        switch node {
        case .text(let text): return [.text(text)]
        case .strong(let text): return [.strong(text)]
        case .lineBreak: return [.lineBreak]
        case .blank(let width): return [.blank(width: width)]
        case .pageCount: return [.pageCount]
        case .value(let value): return self.value(value, at: here)
        case .parameter(let name, let fallback): return [.text(parameter(name, fallback: fallback))]
        case .checkboxes(let group):
            let chosen: Set<String> = here.flatMap { node in evaluate(group.select, at: node).map(Self.strings) } ?? []
            var out: [Inline] = []
            for (i, option) in group.options.enumerated() {
                if i > 0, !group.separator.isEmpty { out.append(.text(group.separator)) }
                out.append(.checkbox(label: option.label, checked: chosen.contains(option.value)))
            }
            return out
        case .pageRef(let target, let end):
            switch target {
            case .section(let id): return [.pageRef(target: id, end: end)]
            case .expression(let expression):
                guard let here, let id = text(expression, at: here) else { return [.blank(width: 2)] }
                return [.pageRef(target: id, end: end)]
            }
        }
    }

    /// A fragment parameter's word for the current loop repetition: the k-th of the words the innermost
    /// include gives it (the last one beyond them), else the `<parameter>`'s own text.
    private func parameter(_ name: String, fallback: String) -> String {
        guard let words = fragmentParameters.last(where: { $0[name] != nil })?[name], let last = words.last else {
            return fallback
        }
        return repetition < words.count ? words[repetition] : last
    }

    /// An indented body paragraph whose value held several lines (a session's account written as
    /// paragraphs) becomes one indented paragraph per line, as Chinese body text is set; empty lines
    /// go. Other paragraphs keep their line breaks (an address, a list of names).
    static func splitIndented(_ paragraph: Paragraph) -> [Paragraph] {
        guard paragraph.firstLineIndent, paragraph.inlines.contains(.lineBreak) else { return [paragraph] }
        let pieces = paragraph.inlines.split(separator: .lineBreak, omittingEmptySubsequences: true)
        return pieces.map { Paragraph(Array($0), alignment: paragraph.alignment, firstLineIndent: true) }
    }

    /// A field: its text (lines of a multi-line value as line breaks), or what its `missing` rule says.
    private func value(_ value: ValueNode, at here: XMLNode?) -> [Inline] {
        guard let here else { return [.blank(width: value.width)] }
        guard let result = evaluate(value.select, at: here) else { return [.blank(width: value.width)] }
        guard let text = result.fieldText else {
            switch value.missing {
            case .omit: return []
            case .blank: return [.blank(width: value.width)]
            case .error:
                reportMissing(value.select, at: here)
                return [.blank(width: value.width)]
            }
        }
        var bytes = text    // scanned as contiguous UTF-8: nearly every value is one line
        guard bytes.withUTF8({ $0.contains { $0 == 0x0A || $0 == 0x0D } }) else { return [.field(text)] }
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { String($0).trimmingASCIIWhitespace }
        var out: [Inline] = []
        for (i, line) in lines.enumerated() {
            if i > 0 { out.append(.lineBreak) }
            if !line.isEmpty { out.append(.field(line)) }
        }
        return out
    }

    // MARK: Evaluating

    /// Evaluates at `node`; `nil` (reported) when evaluation fails.
    private func evaluate(_ expression: TemplateExpression, at node: XMLNode) -> XPathValue? {
        guard let context else { return nil }
        if let value = expression.direct?.evaluate(at: node, variables: variables) { return value }
        do {
            return try context.evaluate(expression.compiled, at: node)
        } catch {
            reportFailure(of: expression, at: node, error)
            return nil
        }
    }

    private func nodes(_ expression: TemplateExpression, at node: XMLNode) -> [XMLNode]? {
        guard let value = evaluate(expression, at: node) else { return nil }
        guard case .nodes(let nodes) = value else {
            report(Diagnostic(TemplateID.evaluation, at: expression.origin, subject: expression.source,
                              ["attribute": "\(expression.attribute)", "source": "\(expression.source)", "kind": "\(Self.kind(of: value))"],
                              wording: TemplateWording.notNodes))
            return nil
        }
        return nodes
    }

    private func text(_ expression: TemplateExpression, at node: XMLNode?) -> String? {
        node.flatMap { evaluate(expression, at: $0) }.flatMap(\.fieldText)
    }


    /// Each selected node's text (or the value's text), for checkbox groups.
    static func strings(_ value: XPathValue) -> Set<String> {
        if case .nodes(let nodes) = value { return Set(nodes.map { $0.stringValue.trimmingASCIIWhitespace }) }
        return [value.stringValue.trimmingASCIIWhitespace]
    }

    static func kind(of value: XPathValue) -> String {
        switch value {
        case .nodes: return "node set"
        case .string: return "string"
        case .number: return "number"
        case .boolean: return "boolean"
        }
    }

    // MARK: Reporting

    private func report(_ diagnostic: Diagnostic) {
        if !diagnostics.contains(diagnostic) { diagnostics.append(diagnostic) }
    }

    /// `template.missing-field`, naming the case field (with its position in a list, e.g.
    /// `parties/party[2]/occupation`) when the expression reads one that is absent.
    private func reportMissing(_ expression: TemplateExpression, at node: XMLNode) {
        let field = missingField(of: expression, at: node) ?? expression.source
        if partial {
            report(Diagnostic(TemplateID.partialBlank, at: expression.origin, subject: field,
                              ["form": "\(template.id)", "field": "\(field)"]))
            return
        }
        report(Diagnostic(TemplateID.missingField, at: expression.origin, subject: field,
                          ["field": "\(field)", "attribute": "\(expression.attribute)", "source": "\(expression.source)"]))
    }

    /// The first path the expression reads that the case lacks, as a path into the case.
    private func missingField(of expression: TemplateExpression, at node: XMLNode) -> String? {
        guard let context else { return nil }
        for reference in expression.analysis.reads {
            let steps = reference.steps.joined(separator: "/")
            let base: String
            switch reference.base {
            case .context: base = node.path
            case .root: base = ""
            case .variable(let name): base = variables[name]?.nodes.first?.path ?? "$\(name)"
            }
            let path = steps.isEmpty ? base : (base.isEmpty || base == "/" ? "/" : base + "/") + steps
            guard let found = try? context.evaluate(path, at: node), found.fieldText == nil else { continue }
            return path.hasPrefix("/case/") ? String(path.dropFirst("/case/".count)) : path
        }
        return nil
    }

    private func reportFailure(of expression: TemplateExpression, at node: XMLNode, _ error: Error) {
        let issue = error as? XMLIssue
        let reason = issue?.reason ?? "\(error)"
        let place: DiagnosticArgument = node.parent == nil ? "" : .phrase(TemplateWording.forRecord,
            ["path": "\(node.path)", "line": "\(node.line)", "file": "\(node.document.fileName ?? "the case")"])
        if let function = issue?.xpath?.function, TemplateFunctions.byName[function] != nil {
            report(Diagnostic(TemplateID.functionFailed, at: expression.origin, subject: expression.source,
                              ["prefix": "\(TemplateFunctions.prefix)", "function": "\(function)",
                               "reason": issue?.xpath?.explanation ?? .text(reason),
                               "where": place], libxml2: issue?.libxml2))
        } else {
            report(Diagnostic(TemplateID.evaluation, at: expression.origin, subject: expression.source,
                              ["reason": "\(reason)", "where": place], libxml2: issue?.libxml2))
        }
    }

    /// Adjacent runs of template text joined into one; empty text dropped.
    private func merged(_ inlines: [Inline]) -> [Inline] {
        var out: [Inline] = []
        for inline in inlines {
            guard case .text(let text) = inline else { out.append(inline); continue }
            if text.isEmpty { continue }
            if case .text(let previous)? = out.last {
                out[out.count - 1] = .text(previous + text)
            } else {
                out.append(inline)
            }
        }
        return out
    }
}

/// The labels of the four numbering levels of Chinese official documents (GB/T 9704): 一、 （一） 1. （1）.
enum NumberingStyle {
    static func label(level: Int, _ n: Int) -> String {
        switch level {
        case 1: return ChineseNumerals.spell(Int64(n)) + "、"
        case 2: return "（" + ChineseNumerals.spell(Int64(n)) + "）"
        case 3: return "\(n)."
        default: return "（\(n)）"
        }
    }
}
