import WenshuDocument
import WenshuXML

/// Turns one validated template (or fragment) element tree into compiled parts: every XPath compiled and
/// checked (syntax, function names and argument counts), includes spliced in, tables checked. Problems go
/// to the loader's diagnostics; the element they concern is left out and compilation goes on, so one pass
/// reports them all.
struct TemplateCompiler {
    /// The file as messages name it.
    let file: String
    let loader: TemplateLoader

    func location(_ node: XMLNode) -> SourceLocation {
        SourceLocation(file: file, line: node.line)
    }

    private func report(_ id: TemplateID, _ node: XMLNode, subject: String? = nil,
                        _ arguments: [String: DiagnosticArgument] = [:], wording: Phrase? = nil) {
        loader.report(Diagnostic(id, at: location(node), subject: subject, arguments, wording: wording))
    }

    // MARK: The form

    func form(_ root: XMLNode) -> FormTemplate {
        let appliesWhen = expression(root, "applies-when")
        let forEach = expression(root, "for-each")
        let recordVariable = root.attribute("as") ?? "record"
        let date = expression(root, "date")
        let caseNumber = expression(root, "case-number")
        let parameters = self.parameters(root, recordVariable: recordVariable)
        let body = blocks(root)
        let casePaths = TemplateChecker(loader: loader).check(
            appliesWhen: appliesWhen, forEach: forEach, recordVariable: recordVariable, parameters: parameters,
            date: date, caseNumber: caseNumber, body: body)
        return FormTemplate(
            id: root.attribute("id") ?? "", title: root.attribute("title") ?? "", version: root.attribute("version") ?? "",
            pageStyle: root.attribute("page").flatMap(PageStyle.init) ?? .prose, origin: location(root), casePaths: casePaths,
            parameters: parameters, appliesWhen: appliesWhen, forEach: forEach, recordVariable: recordVariable, date: date,
            caseNumber: caseNumber, body: body)
    }

    /// The variables named in `parameters="…"`; a name the form binds itself (`case`, `office`, the record
    /// variable) or one written twice is refused.
    private func parameters(_ root: XMLNode, recordVariable: String) -> [String] {
        let written = root.attribute("parameters") ?? ""
        var accepted: [String] = []
        for name in written.split(whereSeparator: \.isWhitespace).map(String.init) {
            if ["case", "office", recordVariable].contains(name) || accepted.contains(name) {
                report(.badAttribute, root, subject: "parameters=\"\(written)\"", ["name": "\(name)"],
                       wording: TemplateWording.parameterBound)
            } else {
                accepted.append(name)
            }
        }
        return accepted
    }

    // MARK: Blocks

    func blocks(_ parent: XMLNode) -> [Part<BlockNode>] {
        parent.elements.flatMap(block)
    }

    private func block(_ element: XMLNode) -> [Part<BlockNode>] {
        if let parts = control(element, blocks) { return parts }
        switch element.name {
        case "title":
            return [.leaf(.title(inlines(element)))]
        case "number":
            return [.leaf(.number(inlines(element), alignment(element, default: .right)))]
        case "heading":
            return [.leaf(.heading(level: Int(element.attribute("level") ?? "") ?? 1, numberLabel(element), inlines(element)))]
        case "item", "p":
            return [.leaf(.paragraph(paragraph(element)))]
        case "table":
            return [.leaf(.table(table(element)))]
        case "signatures":
            let parts = element.elements.flatMap(signaturePart)
            return [.leaf(.signatures(alignment(element, default: .right), parts))]
        case "page-break":
            return [.leaf(.pageBreak)]
        case "section":
            return [.leaf(.section(section(element)))]
        case "include":
            let path = element.attribute("href") ?? ""
            guard let blocks = loader.fragment(at: path, includedFrom: location(element)) else { return [] }
            let given = element.elements(named: "with")
            guard !given.isEmpty else { return blocks }
            var parameters: [String: [String]] = [:]
            let used = loader.fragmentParameterNames[path] ?? []
            for with in given {
                let name = with.attribute("name") ?? ""
                if !used.contains(name) {
                    let known: DiagnosticArgument = used.isEmpty ? .phrase(TemplateWording.parametersNone)
                        : .phrase(TemplateWording.parametersSome, ["names": .list(used.sorted())])
                    report(.unknownParameter, with, subject: name, ["path": "\(path)", "name": "\(name)", "known": known])
                }
                parameters[name] = with.stringValue.split(whereSeparator: \.isWhitespace).map(String.init)
            }
            return [.leaf(.parameters(parameters, blocks))]
        default:
            return unexpected(element)
        }
    }

    /// A `p` or `item`; body text indents its first line by default, text in a table cell does not.
    private func paragraph(_ element: XMLNode, indentsByDefault: Bool = true) -> ParagraphNode {
        let isItem = element.name == "item"
        return ParagraphNode(
            alignment: alignment(element, default: .justify),
            firstLineIndent: element.attribute("indent").map { $0 == "true" } ?? indentsByDefault,
            numbering: isItem ? (Int(element.attribute("level") ?? "") ?? 1, numberLabel(element)) : nil,
            inlines: inlines(element))
    }

    private func numberLabel(_ element: XMLNode) -> NumberLabel {
        if let explicit = element.attribute("number") { return .explicit(explicit) }
        return element.attribute("numbered") == "false" ? .none : .automatic
    }

    private func section(_ element: XMLNode) -> SectionNode {
        let numbering: PageNumbering
        switch element.attribute("numbering") {
        case "unnumbered": numbering = .unnumbered
        case "restart": numbering = .restart(at: Int(element.attribute("start") ?? "") ?? 1)
        default: numbering = .continues
        }
        return SectionNode(id: element.attribute("id") ?? "", startsNewPage: element.attribute("new-page") != "false",
                           numbering: numbering, pageStyle: element.attribute("page").flatMap(PageStyle.init),
                           blocks: blocks(element), origin: location(element))
    }

    // MARK: Tables

    private func table(_ element: XMLNode) -> TableNode {
        let widths = (element.attribute("widths") ?? "").split(separator: " ").compactMap { Int($0) }
        let rows = element.elements.flatMap(tablePart)
        checkColumns(element, widths: widths)
        return TableNode(columnWidths: widths, bordered: element.attribute("border") != "false",
                         smallText: element.attribute("text-size") == "small",
                         keepsTogether: element.attribute("keep") == "together", rows: rows)
    }

    private func tablePart(_ element: XMLNode) -> [Part<RowNode>] {
        if let parts = control(element, { $0.elements.flatMap(tablePart) }) { return parts }
        guard element.name == "row" else { return unexpected(element) }
        let cells = element.elements(named: "cell").map { cell in
            CellNode(columnSpan: Int(cell.attribute("colspan") ?? "") ?? 1, rowSpan: Int(cell.attribute("rowspan") ?? "") ?? 1,
                     content: holdsParagraphs(cell)
                        ? .paragraphs(cell.elements.flatMap(cellParagraph))
                        : .inlines(alignment(cell, default: .left), inlines(cell)))
        }
        return [.leaf(RowNode(isHeader: element.attribute("header") == "true",
                              minLines: Int(element.attribute("min-lines") ?? "") ?? 1, cells: cells, origin: location(element)))]
    }

    private func cellParagraph(_ element: XMLNode) -> [Part<ParagraphNode>] {
        if let parts = control(element, { $0.elements.flatMap(cellParagraph) }) { return parts }
        guard element.name == "p" || element.name == "item" else { return unexpected(element) }
        return [.leaf(paragraph(element, indentsByDefault: false))]
    }

    /// Whether a cell holds paragraphs (`p`, `item`, possibly inside loops and conditions) rather than text.
    private func holdsParagraphs(_ element: XMLNode) -> Bool {
        element.elements.contains { child in
            switch child.name {
            case "p", "item": return true
            case "each", "if", "choose", "when", "otherwise": return holdsParagraphs(child)
            default: return false
            }
        }
    }

    /// Every row must fill the table's columns, counting cells that span columns and cells reaching down
    /// from rows above: the rows are placed on the writers' own grid (`TableGrid`), a loop's or condition's
    /// rows counted once, in place, and every row that does not fit is reported.
    private func checkColumns(_ table: XMLNode, widths: [Int]) {
        var rows: [XMLNode] = []
        func collect(_ element: XMLNode) {
            if element.name == "row" { rows.append(element) } else { element.elements.forEach(collect) }
        }
        table.elements.forEach(collect)
        let shape = Table(columnWidths: widths, rows: rows.map { row in
            TableRow(cells: row.elements(named: "cell").map { cell in
                TableCell([], columnSpan: Int(cell.attribute("colspan") ?? "") ?? 1,
                          rowSpan: Int(cell.attribute("rowspan") ?? "") ?? 1)
            })
        })
        let grid = TableGrid(shape)
        var reported = Set<Int>()
        func report(row: Int, _ arguments: [String: DiagnosticArgument], wording: Phrase? = nil) {
            guard reported.insert(row).inserted else { return }
            self.report(.tableColumns, rows[row], arguments.merging(["widths": "\(table.attribute("widths") ?? "")"]) { a, _ in a },
                        wording: wording)
        }
        for problem in grid.problems {
            switch problem {
            case .tooManyCells(let row, let columns), .spanPastEdge(let row, let columns):
                let fromAbove = grid.owner[row].filter { grid.placements[$0].row < row }.count
                let declared = fromAbove + shape.rows[row].cells.reduce(0) { $0 + max($1.columnSpan, 1) }
                report(row: row, ["columns": .count(declared, TemplateWording.column), "count": "\(columns)"])
            case .overlap(let row, let column):
                report(row: row, ["column": "\(column + 1)"], wording: TemplateWording.overlap)
            case .noColumns:
                break  // the schema requires widths
            }
        }
        for (row, filled) in grid.filledColumns.enumerated() where filled < grid.columnCount {
            report(row: row, ["columns": .count(filled, TemplateWording.column), "count": "\(grid.columnCount)"])
        }
    }

    // MARK: Signatures

    private func signaturePart(_ element: XMLNode) -> [Part<SignatureNode>] {
        if let parts = control(element, { $0.elements.flatMap(signaturePart) }) { return parts }
        guard element.name == "signature" else { return unexpected(element) }
        let date: DateLine
        if let line = element.element(named: "date") {
            let content = inlines(line)
            date = content.isEmpty ? .handwritten : .content(content)
        } else {
            date = .none
        }
        return [.leaf(SignatureNode(space: Int(element.attribute("space") ?? "") ?? Self.defaultSignatureSpace,
                                    seal: element.attribute("seal") == "true",
                                    label: element.element(named: "label").map(inlines) ?? [],
                                    name: element.element(named: "name").map(inlines) ?? [], date: date))]
    }

    /// The room to sign after a signature's label when the template gives none: eight full-width
    /// characters, about 4.5 cm at the body's 16 pt.
    static let defaultSignatureSpace = 8

    // MARK: Inlines

    func inlines(_ element: XMLNode) -> Inlines {
        let children = element.children
        var parts: Inlines = []
        for (i, child) in children.enumerated() {
            if child.isText {
                let text = Self.templateText(child.stringValue)
                if !text.isEmpty { parts.append(.leaf(.text(text))) }
                continue
            }
            guard child.isElement else { continue }
            checkBrackets(around: i, in: children)
            if let control = control(child, inlines) {
                parts += control
            } else if let leaf = inline(child) {
                parts.append(.leaf(leaf))
            }
        }
        return parts
    }

    private func inline(_ element: XMLNode) -> InlineNode? {
        switch element.name {
        case "value":
            guard let select = expression(element, "select") else { return nil }
            return .value(ValueNode(select: select, missing: element.attribute("missing").flatMap(MissingRule.init) ?? .error,
                                    width: Int(element.attribute("width") ?? "") ?? Self.defaultBlankWidth))
        case "b":
            return .strong(Self.templateText(element.stringValue))
        case "br":
            return .lineBreak
        case "blank":
            return .blank(width: Int(element.attribute("width") ?? "") ?? Self.defaultBlankWidth)
        case "checkboxes":
            guard let select = expression(element, "select") else { return nil }
            let options = element.elements(named: "option").map { option in
                let label = option.stringValue.trimmingASCIIWhitespace
                return (value: option.attribute("value") ?? label, label: label)
            }
            return .checkboxes(CheckboxNode(select: select, options: options, separator: element.attribute("separator") ?? "　"))
        case "page-ref":
            let end = element.attribute("end") == "true"
            if let target = element.attribute("target") { return .pageRef(.section(target), end: end) }
            return expression(element, "select").map { .pageRef(.expression($0), end: end) }
        case "page-count":
            return .pageCount
        case "parameter":
            return .parameter(name: element.attribute("name") ?? "", fallback: Self.templateText(element.stringValue))
        default:
            _ = unexpected(element) as [Part<InlineNode>]
            return nil
        }
    }

    /// A blank's width when the template gives none: eight full-width characters.
    static let defaultBlankWidth = 8

    /// Template text as printed: runs of ASCII white space that hold a line break are layout of the
    /// template file and vanish; any other space (including the ideographic space U+3000) is kept.
    ///
    /// Read on the UTF-8 bytes (a `Character` walk building the result a character at a time was 0.7 M
    /// instructions of a one-form start-up): a text without a line break is kept whole, since CR and LF are
    /// always characters of their own; a text with a space or tab beside a non-ASCII byte, which may make
    /// one character with it that is no space (a combining mark after, a prepended mark before), is left
    /// to the character walk (`templateTextByCharacters`).
    static func templateText(_ raw: String) -> String {
        let walked = raw.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            guard bytes.contains(where: { $0 == 0x0A || $0 == 0x0D }) else { return raw }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count)
            var runStart = 0
            var runHasBreak = false
            for (offset, byte) in bytes.enumerated() {
                switch byte {
                case 0x0A, 0x0D:
                    runHasBreak = true
                case 0x20, 0x09:
                    if offset + 1 < bytes.count, bytes[offset + 1] >= 0x80 { return nil }
                    if offset > 0, bytes[offset - 1] >= 0x80 { return nil }
                default:
                    if !runHasBreak { result.append(contentsOf: bytes[runStart..<offset]) }
                    result.append(byte)
                    runStart = offset + 1
                    runHasBreak = false
                    continue
                }
            }
            if !runHasBreak { result.append(contentsOf: bytes[runStart..<bytes.count]) }
            return String(decoding: result, as: UTF8.self)
        }
        return (walked ?? nil) ?? templateTextByCharacters(raw)
    }

    /// `templateText` on `Character`s, as first written: for the texts the byte walk leaves, and for tests.
    static func templateTextByCharacters(_ raw: String) -> String {
        var result = ""
        var run = ""
        func flush() {
            if !run.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) { result += run }
            run = ""
        }
        for c in raw {
            if c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\r\n" {
                run.append(c)
            } else {
                flush()
                result.append(c)
            }
        }
        flush()
        return result
    }

    /// The brackets `checkBrackets` knows, opening and closing. Scalars, not a `[Character: Character]`:
    /// building that dictionary hashed normalised `Character`s, 0.38 M instructions of every start-up. None
    /// of them has a canonical decomposition or is one's target, so a `Character` is one of them exactly
    /// when it is that one scalar.
    static let bracketPairs: [(open: Unicode.Scalar, close: Unicode.Scalar)] =
        [("（", "）"), ("(", ")"), ("【", "】"), ("〔", "〕"), ("[", "]"), ("《", "》"), ("「", "」"), ("“", "”")]

    /// The closing bracket of `open`, when `open` is one of `bracketPairs`' opening brackets.
    static func closingBracket(of open: Character) -> Character? {
        let scalars = open.unicodeScalars
        guard scalars.count == 1, let pair = bracketPairs.first(where: { $0.open == scalars.first! }) else { return nil }
        return Character(pair.close)
    }

    /// Refuses a part that may print nothing (an omitted value, a loop, a condition) standing alone
    /// between a pair of brackets, which would print as "（）": put the brackets inside the condition.
    private func checkBrackets(around index: Int, in children: [XMLNode]) {
        let element = children[index]
        let mayBeEmpty = element.name == "value" ? element.attribute("missing") == "omit"
            : ["each", "if"].contains(element.name) || (element.name == "choose" && element.element(named: "otherwise") == nil)
        guard mayBeEmpty, index > 0, index + 1 < children.count,
              children[index - 1].isText, children[index + 1].isText,
              let open = Self.templateText(children[index - 1].stringValue).last, let close = Self.closingBracket(of: open),
              Self.templateText(children[index + 1].stringValue).first == close else { return }
        report(.emptyBrackets, element, subject: "<\(element.name)>",
               ["open": "\(open)", "element": "\(element.name)", "close": "\(close)"])
    }

    // MARK: Loops and conditions

    /// Compiles `each`/`rows`/`if`/`choose` around any kind of content; `nil` when `element` is none of them.
    private func control<Leaf>(_ element: XMLNode, _ body: (XMLNode) -> [Part<Leaf>]) -> [Part<Leaf>]? {
        switch element.name {
        case "each", "rows":
            guard let select = expression(element, "select") else { return [] }
            let loop = Loop(select: select, variable: element.attribute("as"), index: element.attribute("index"),
                            blankRepeat: Int(element.attribute("blank-repeat") ?? "") ?? 1,
                            separator: element.attribute("separator"))
            return [.each(loop, body(element))]
        case "if":
            guard let test = expression(element, "test") else { return [] }
            let branch = Branch(test: test, showsInBlank: element.attribute("blank") != "hide", body: body(element))
            return [.choose([branch], otherwise: nil)]
        case "choose":
            let whens = element.elements(named: "when")
            let branches = whens.compactMap { when in
                expression(when, "test").map { Branch(test: $0, showsInBlank: when.attribute("blank") == "show", body: body(when)) }
            }
            guard branches.count == whens.count else { return [] }
            return [.choose(branches, otherwise: element.element(named: "otherwise").map(body))]
        default:
            return nil
        }
    }

    /// An element the schema should have kept out; reported rather than trusted.
    private func unexpected<Leaf>(_ element: XMLNode) -> [Part<Leaf>] {
        report(.misplacedElement, element, subject: "<\(element.name)>", ["element": "\(element.name)"])
        return []
    }

    private func alignment(_ element: XMLNode, default fallback: Alignment) -> Alignment {
        element.attribute("align").flatMap(Alignment.init) ?? fallback
    }

    // MARK: XPath

    /// Compiles the XPath in `attribute` of `element` and checks the functions it calls; `nil` when the
    /// attribute is absent, or (reported) when it does not compile or calls a function wrongly.
    func expression(_ element: XMLNode, _ attribute: String) -> TemplateExpression? {
        guard let source = element.attribute(attribute) else { return nil }
        var tokens: [(token: XPathToken, position: Int)]?
        var analysis: XPathAnalysis?
        var syntaxError: XPathSyntaxError?
        do {
            tokens = try XPathLexer.tokenize(source)
            analysis = try XPathAnalysis(tokens: tokens!)
        } catch { syntaxError = error }
        let compiled: XPathExpression
        do {
            compiled = try XPathExpression(source)
        } catch {
            let reason: DiagnosticArgument = syntaxError.map {
                .phrase(TemplateWording.atCharacter, ["message": $0.message, "position": "\($0.position)"])
            } ?? .text((error as? XMLIssue)?.reason ?? "\(error)")
            report(.xpathSyntax, element, subject: source, ["attribute": "\(attribute)", "reason": reason])
            return nil
        }
        var valid = true
        for call in analysis?.calls ?? [] {
            if let problem = Self.problem(with: call) {
                report(problem.id, element, subject: source, problem.arguments, wording: problem.wording)
                valid = false
            }
        }
        guard valid else { return nil }
        return TemplateExpression(compiled: compiled, analysis: analysis ?? XPathAnalysis(), origin: location(element),
                                  attribute: attribute, direct: tokens.flatMap { DirectExpression(tokens: $0.map(\.token)) })
    }

    /// What is wrong with a function call, if anything: an unknown name or prefix, or the wrong number of
    /// arguments.
    static func problem(with call: FunctionCall)
        -> (id: TemplateID, arguments: [String: DiagnosticArgument], wording: Phrase?)? {
        let name = call.qualifiedName
        let arity: ClosedRange<Int>
        let synopsis: String
        switch call.prefix {
        case TemplateFunctions.prefix:
            guard let function = TemplateFunctions.byName[call.name] else {
                let hint: DiagnosticArgument = closest(to: call.name, among: TemplateFunctions.all.map(\.name))
                    .map { .phrase(TemplateWording.didYouMeanFunction, ["name": "\($0)"]) } ?? .phrase(TemplateWording.functionsListed)
                return (.unknownFunction, ["name": "\(name)", "hint": hint], nil)
            }
            (arity, synopsis) = (function.arity, function.synopsis)
        case nil:
            guard let core = XPathCoreFunctions.arity[call.name] else {
                let hint: DiagnosticArgument = TemplateFunctions.byName[call.name] != nil
                    ? .phrase(TemplateWording.calledWithPrefix, ["name": "\(call.name)"]) : ""
                return (.unknownFunction, ["name": "\(name)", "hint": hint], TemplateWording.notXPathFunction)
            }
            (arity, synopsis) = (core, "")
        case let prefix?:
            return (.unknownFunction, ["prefix": "\(prefix)", "w": "\(TemplateFunctions.prefix)"], TemplateWording.unboundPrefix)
        }
        guard arity.contains(call.argumentCount) else {
            let usage = synopsis.isEmpty ? "" : " (\(synopsis))"
            return (.functionArguments, ["name": "\(name)", "arity": TemplateFunctions.describe(arity),
                                         "count": "\(call.argumentCount)", "usage": "\(usage)"], nil)
        }
        return nil
    }
}
