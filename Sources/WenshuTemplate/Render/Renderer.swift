import Glibc
import WenshuCase
import WenshuFormat
import WenshuDocument
import WenshuXML

/// One binding of a template to a case (or to no case, for a blank form): the variables, the numbering
/// counters and the diagnostics. Made afresh for every run — the compiled template stays untouched, as Go's
/// text/template keeps its exec state apart — and never shared.
///
/// The output is built by appending: every walk takes the array it fills (`into:`) instead of returning
/// one to be concatenated, and template text is joined to the text before it as it is appended. Binding
/// the agreement made some 400 small arrays a document the other way.
///
/// Its state is `@exclusivity(unchecked)`: a renderer is used by one thread, and no access to a property
/// overlaps another access to it (none is passed `inout` or captured while it is being changed). The
/// run-time check cost some 60 instructions an access, every field reading `variables`.
final class Renderer {
    let template: FormTemplate
    /// `nil` for a blank form: nothing is evaluated, every field prints as its blank.
    private let document: XMLDocument?
    /// libxml2's XPath context, made the first time an expression is not one the renderer evaluates itself
    /// (`DirectExpression`): most forms never need one, and making one with its variables cost more than
    /// evaluating the whole agreement directly.
    @exclusivity(unchecked) private var xpath: XPathContext?
    @exclusivity(unchecked) private(set) var diagnostics: [Diagnostic] = []
    /// Counters of the four numbering levels (一、 （一） 1. （1）), per document.
    @exclusivity(unchecked) private var counters = [0, 0, 0, 0]
    /// The variables bound, by name; handed to the XPath context whenever it is made.
    @exclusivity(unchecked) private var variables: [String: XPathValue] = [:]
    /// The case values printed in the first number line, for the document's metadata.
    @exclusivity(unchecked) private var numberLine: String?
    /// The parameters of the fragments being rendered, innermost last.
    @exclusivity(unchecked) private var fragmentParameters: [[String: [String]]] = []
    /// The 0-based repetition of the innermost loop being expanded (0 outside loops).
    @exclusivity(unchecked) private var repetition = 0
    /// A partial print: a required field the case lacks prints as its blank (noted), not as an error.
    private let partial: Bool

    init(template: FormTemplate, case document: XMLDocument?, office: XMLDocument? = nil,
         parameters: [String: XMLDocument] = [:], partial: Bool = false) {
        self.template = template
        self.partial = partial
        self.document = document
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

    private var isBlank: Bool { document == nil }

    /// The XPath context, made (with every variable bound so far) when first needed.
    private func xpathContext() -> XPathContext? {
        if let xpath { return xpath }
        guard let document else { return nil }
        let context = XPathContext(document: document)
        context.register(TemplateFunctions.table)
        for (name, value) in variables { context.setVariable(name, value) }
        xpath = context
        return context
    }

    // MARK: Documents

    /// The filled document for one record (the case element itself unless the form repeats per record).
    func document(record: XMLNode?) -> Document {
        counters = [0, 0, 0, 0]
        numberLine = nil
        if let record, template.forEach != nil { bind(template.recordVariable, .nodes([record])) }
        var blocks: [Block] = []
        expand(template.body, at: record, into: &blocks, block)
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
        return holds(condition, at: root) ?? true
    }

    /// The records of a `for-each` form.
    func records(at root: XMLNode) -> [XMLNode] {
        guard let forEach = template.forEach else { return [root] }
        return nodes(forEach, at: root) ?? []
    }

    // MARK: Loops and conditions

    /// Expands loops and conditions around leaves of any kind, appending what the leaves make to `out`.
    /// `separator` appends what an inline loop prints between items.
    private func expand<Leaf, Out>(_ parts: [Part<Leaf>], at node: XMLNode?, into out: inout [Out],
                                   separator: ((String, inout [Out]) -> Void)? = nil,
                                   _ leaf: (Leaf, XMLNode?, inout [Out]) -> Void) {
        for part in parts {
            switch part {
            case .leaf(let content):
                leaf(content, node, &out)
            case .each(let loop, let body):
                // Blank (a blank form, or a blank item of a partial print) repeats the loop's blank items;
                // so does a partial print of a loop that selects nothing.
                var items: [XMLNode] = []
                var blanks = 0
                if let node, !isBlank {
                    items = nodes(loop.select, at: node) ?? []
                    if partial && items.isEmpty {
                        if loop.blankRepeat > 0 { reportMissing(loop.select, at: node) }
                        blanks = loop.blankRepeat
                    }
                } else {
                    blanks = loop.blankRepeat
                }
                let outerItem = loop.variable.flatMap { variables[$0] }
                let outerIndex = loop.index.flatMap { variables[$0] }
                let outerRepetition = repetition
                for i in 0..<(items.count + blanks) {
                    let item = i < items.count ? items[i] : nil
                    repetition = i
                    if i > 0, let text = loop.separator, let separator { separator(text, &out) }
                    if let name = loop.variable, let item { bind(name, .nodes([item])) }
                    if let name = loop.index { bind(name, .number(Double(i + 1))) }
                    expand(body, at: item, into: &out, separator: separator, leaf)
                }
                repetition = outerRepetition
                if let name = loop.variable, let outerItem { bind(name, outerItem) }
                if let name = loop.index, let outerIndex { bind(name, outerIndex) }
            case .choose(let branches, let otherwise):
                let chosen = isBlank || node == nil
                    ? branches.first(where: \.showsInBlank)
                    : branches.first { branch in node.flatMap { holds(branch.test, at: $0) } ?? false }
                if let body = chosen?.body ?? otherwise {
                    expand(body, at: node, into: &out, separator: separator, leaf)
                }
            }
        }
    }

    private func bind(_ name: String, _ value: XPathValue) {
        variables[name] = value
        xpath?.setVariable(name, value)
    }

    // MARK: Blocks

    private func block(_ node: BlockNode, at here: XMLNode?, into out: inout [Block]) {
        switch node {
        case .title(let content):
            out.append(.title(inlines(content, at: here)))
        case .number(let content, let alignment):
            let line = inlines(content, at: here)
            if numberLine == nil {
                let fields = line.compactMap { inline -> String? in if case .field(let s) = inline { return s } else { return nil } }
                numberLine = fields.isEmpty ? nil : fields.joined()
            }
            out.append(.subtitle(line, alignment: alignment))
        case .heading(let level, let label, let content):
            var line: [Inline] = []
            line.reserveCapacity(4)  // a label and the heading's text: one allocation instead of two or three
            numbering(level, label, into: &line)
            expand(content, at: here, into: &line, separator: Self.appendSeparator, inline)
            out.append(.heading(level: level, line))
        case .paragraph(let paragraph):
            Self.appendSplitIndented(self.paragraph(paragraph, at: here), to: &out)
        case .table(let table):
            var rows: [TableRow] = []
            expand(table.rows, at: here, into: &rows) { row, here, rows in rows.append(self.row(row, at: here)) }
            out.append(.table(Table(columnWidths: table.columnWidths, rows: rows, bordered: table.bordered,
                                    smallText: table.smallText, keepsTogether: table.keepsTogether)))
        case .signatures(let alignment, let parts):
            var signatures: [Signature] = []
            signatures.reserveCapacity(8)  // the parties, mediators and recorder: one allocation, not four
            expand(parts, at: here, into: &signatures) { signature, here, signatures in
                signatures.append(self.signature(signature, at: here))
            }
            out.append(.signatures(SignatureBlock(signatures, alignment: alignment)))
        case .pageBreak:
            out.append(.pageBreak)
        case .section(let section):
            var blocks: [Block] = []
            expand(section.blocks, at: here, into: &blocks, block)
            out.append(.section(Section(id: section.id, startsNewPage: section.startsNewPage, numbering: section.numbering,
                                        pageStyle: section.pageStyle, blocks: blocks)))
        case .parameters(let parameters, let blocks):
            fragmentParameters.append(parameters)
            defer { fragmentParameters.removeLast() }
            expand(blocks, at: here, into: &out, block)
        }
    }

    private func paragraph(_ paragraph: ParagraphNode, at here: XMLNode?) -> Paragraph {
        var line: [Inline] = []
        line.reserveCapacity(8)  // a particulars line holds about eight runs: one allocation instead of four
        if let numbering = paragraph.numbering { self.numbering(numbering.level, numbering.label, into: &line) }
        expand(paragraph.inlines, at: here, into: &line, separator: Self.appendSeparator, inline)
        return Paragraph(line, alignment: paragraph.alignment, firstLineIndent: paragraph.firstLineIndent)
    }

    private func row(_ row: RowNode, at here: XMLNode?) -> TableRow {
        let cells = row.cells.map { cell in
            let paragraphs: [Paragraph]
            switch cell.content {
            case .inlines(let alignment, let content):
                paragraphs = [Paragraph(inlines(content, at: here), alignment: alignment)]
            case .paragraphs(let parts):
                var cellParagraphs: [Paragraph] = []
                expand(parts, at: here, into: &cellParagraphs) { paragraph, here, out in
                    out.append(self.paragraph(paragraph, at: here))
                }
                paragraphs = cellParagraphs
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
    private func numbering(_ level: Int, _ label: NumberLabel, into out: inout [Inline]) {
        switch label {
        case .none: return
        case .explicit(let text): Self.append(.text(text), to: &out)
        case .automatic:
            let index = min(max(level, 1), counters.count) - 1
            counters[index] += 1
            for deeper in (index + 1)..<counters.count { counters[deeper] = 0 }
            Self.append(.text(NumberingStyle.label(level: index + 1, counters[index])), to: &out)
        }
    }

    // MARK: Inlines

    private func inlines(_ parts: Inlines, at here: XMLNode?) -> [Inline] {
        guard !parts.isEmpty else { return [] }
        var out: [Inline] = []
        out.reserveCapacity(4)  // a label, a value and the text around it: one allocation instead of three
        expand(parts, at: here, into: &out, separator: Self.appendSeparator, inline)
        return out
    }

    /// What an inline loop prints between items (`separator="、"`).
    private static func appendSeparator(_ text: String, to out: inout [Inline]) {
        append(.text(text), to: &out)
    }

    /// Appends `inline`, template text joined to the text before it and empty text dropped: a paragraph
    /// holds each run of template text as one `.text`, whatever loops and conditions wrote it.
    private static func append(_ inline: Inline, to out: inout [Inline]) {
        guard case .text(let text) = inline else { out.append(inline); return }
        if text.isEmpty { return }
        if case .text(let previous)? = out.last {
            out[out.count - 1] = .text(previous + text)
        } else {
            out.append(inline)
        }
    }

    private func inline(_ node: InlineNode, at here: XMLNode?, into out: inout [Inline]) {
        switch node {
        case .text(let text): Self.append(.text(text), to: &out)
        case .strong(let text): out.append(.strong(text))
        case .lineBreak: out.append(.lineBreak)
        case .blank(let width): out.append(.blank(width: width))
        case .pageCount: out.append(.pageCount)
        case .value(let value): self.value(value, at: here, into: &out)
        case .parameter(let name, let fallback): Self.append(.text(parameter(name, fallback: fallback)), to: &out)
        case .checkboxes(let group):
            let chosen: Set<String> = here.flatMap { node in evaluate(group.select, at: node).map(Self.strings) } ?? []
            for (i, option) in group.options.enumerated() {
                if i > 0, !group.separator.isEmpty { Self.append(.text(group.separator), to: &out) }
                out.append(.checkbox(label: option.label, checked: chosen.contains(option.value)))
            }
        case .pageRef(let target, let end):
            switch target {
            case .section(let id): out.append(.pageRef(target: id, end: end))
            case .expression(let expression):
                guard let here, let id = text(expression, at: here) else { out.append(.blank(width: 2)); return }
                out.append(.pageRef(target: id, end: end))
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
    private static func appendSplitIndented(_ paragraph: Paragraph, to out: inout [Block]) {
        guard paragraph.firstLineIndent, paragraph.inlines.contains(where: \.isLineBreak) else {
            out.append(.paragraph(paragraph))
            return
        }
        for piece in paragraph.inlines.split(whereSeparator: \.isLineBreak) {
            out.append(.paragraph(Paragraph(Array(piece), alignment: paragraph.alignment, firstLineIndent: true)))
        }
    }

    /// A field: its text (lines of a multi-line value as line breaks), or what its `missing` rule says.
    private func value(_ value: ValueNode, at here: XMLNode?, into out: inout [Inline]) {
        guard let here, let field = fieldText(value.select, at: here) else {
            out.append(.blank(width: value.width))
            return
        }
        guard let text = field else {
            switch value.missing {
            case .omit: return
            case .blank: out.append(.blank(width: value.width))
            case .error:
                reportMissing(value.select, at: here)
                out.append(.blank(width: value.width))
            }
            return
        }
        var bytes = text    // scanned as contiguous UTF-8 with memchr: nearly every value is one line
        let multiline = bytes.withUTF8 { utf8 in
            utf8.baseAddress.map { memchr($0, 0x0A, utf8.count) != nil || memchr($0, 0x0D, utf8.count) != nil } ?? false
        }
        guard multiline else {
            out.append(.field(text))
            return
        }
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { String($0).trimmingASCIIWhitespace }
        for (i, line) in lines.enumerated() {
            if i > 0 { out.append(.lineBreak) }
            if !line.isEmpty { out.append(.field(line)) }
        }
    }

    // MARK: Evaluating

    /// Evaluates at `node`; `nil` (reported) when evaluation fails.
    private func evaluate(_ expression: TemplateExpression, at node: XMLNode) -> XPathValue? {
        guard !isBlank else { return nil }
        if let value = expression.direct?.evaluate(at: node, variables: variables) { return value }
        return evaluateWithLibxml2(expression, at: node)
    }

    /// XPath's `boolean()` of the value at `node`; `nil` (reported) when evaluation fails.
    private func holds(_ expression: TemplateExpression, at node: XMLNode) -> Bool? {
        guard !isBlank else { return nil }
        if let holds = expression.direct?.holds(at: node, variables: variables) { return holds }
        return evaluateWithLibxml2(expression, at: node)?.booleanValue
    }

    /// The text a field prints (`XPathValue.fieldText`), `.some(nil)` when there is none; `nil` (reported)
    /// when evaluation fails.
    private func fieldText(_ expression: TemplateExpression, at node: XMLNode) -> String?? {
        guard !isBlank else { return nil }
        if let text = expression.direct?.fieldText(at: node, variables: variables) { return text }
        return evaluateWithLibxml2(expression, at: node).map(\.fieldText)
    }

    private func evaluateWithLibxml2(_ expression: TemplateExpression, at node: XMLNode) -> XPathValue? {
        guard let context = xpathContext() else { return nil }
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
        node.flatMap { fieldText(expression, at: $0) } ?? nil
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
        guard let context = xpathContext() else { return nil }
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
}

extension Inline {
    fileprivate var isLineBreak: Bool {
        if case .lineBreak = self { return true }
        return false
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
