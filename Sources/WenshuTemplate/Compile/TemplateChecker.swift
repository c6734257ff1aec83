import WenshuXML

/// The second pass over a compiled template, knowing the scope at every point (fragments are checked
/// where they are included): every `$variable` must be in scope, section ids must be unique and outside
/// loops, and the case paths each expression reads are collected for `wenshu forms`.
struct TemplateChecker {
    let loader: TemplateLoader

    /// What an expression can see: the case path of the context node (`nil` when unknown) and the
    /// variables in scope with the case path each holds (`nil` for a number, such as a loop index).
    struct Scope {
        var context: [String]?
        var variables: [String: [String]?]
        var inLoop = false
    }

    private final class Findings {
        var paths = Set<String>()
        var sections: [String: SourceLocation] = [:]
    }

    private let findings = Findings()

    init(loader: TemplateLoader) {
        self.loader = loader
    }

    /// Checks a whole form; returns the case paths it reads.
    /// `parameters` are the variables the caller binds besides `$case` and `$office` (other documents, so
    /// what they read is not a case path).
    func check(appliesWhen: TemplateExpression?, forEach: TemplateExpression?, recordVariable: String,
               parameters: [String] = [], date: TemplateExpression?, caseNumber: TemplateExpression?,
               body: [Part<BlockNode>]) -> [String] {
        var top = Scope(context: [], variables: ["case": [], "office": [String]?.none])
        for name in parameters { top.variables[name] = [String]?.none }
        [appliesWhen, forEach].compactMap { $0 }.forEach { visit($0, top) }
        var scope = top
        if let forEach {
            scope.context = forEach.analysis.results.first.flatMap { resolve($0, in: top) }
            scope.variables[recordVariable] = .some(scope.context)
        }
        [date, caseNumber].compactMap { $0 }.forEach { visit($0, scope) }
        walk(body, scope, block)
        return Self.pruned(findings.paths)
    }

    // MARK: Walking

    private func walk<Leaf>(_ parts: [Part<Leaf>], _ scope: Scope, _ leaf: (Leaf, Scope) -> Void) {
        for part in parts {
            switch part {
            case .leaf(let node):
                leaf(node, scope)
            case .each(let loop, let body):
                visit(loop.select, scope)
                var inner = scope
                inner.inLoop = true
                inner.context = loop.select.analysis.results.first.flatMap { resolve($0, in: scope) }
                if let variable = loop.variable { inner.variables[variable] = .some(inner.context) }
                if let index = loop.index { inner.variables[index] = .some(nil) }
                walk(body, inner, leaf)
            case .choose(let branches, let otherwise):
                for branch in branches {
                    visit(branch.test, scope)
                    walk(branch.body, scope, leaf)
                }
                if let otherwise { walk(otherwise, scope, leaf) }
            }
        }
    }

    private func block(_ node: BlockNode, _ scope: Scope) {
        switch node {
        case .title(let content), .number(let content, _), .heading(_, _, let content):
            walk(content, scope, inline)
        case .paragraph(let paragraph):
            walk(paragraph.inlines, scope, inline)
        case .table(let table):
            walk(table.rows, scope) { row, scope in
                for cell in row.cells {
                    switch cell.content {
                    case .inlines(_, let content): walk(content, scope, inline)
                    case .paragraphs(let paragraphs): walk(paragraphs, scope) { walk($0.inlines, $1, inline) }
                    }
                }
            }
        case .signatures(_, let parts):
            walk(parts, scope) { signature, scope in
                walk(signature.label, scope, inline)
                walk(signature.name, scope, inline)
                if case .content(let date) = signature.date { walk(date, scope, inline) }
            }
        case .section(let section):
            if scope.inLoop {
                loader.report(Diagnostic(TemplateID.sectionInLoop, at: section.origin, subject: "section id=\"\(section.id)\"",
                                         ["id": "\(section.id)"]))
            } else if let first = findings.sections[section.id], first != section.origin {
                loader.report(Diagnostic(TemplateID.duplicateSection, at: section.origin, subject: "section id=\"\(section.id)\"",
                                         ["id": "\(section.id)", "first": "\(first)"]))
            } else {
                findings.sections[section.id] = section.origin
            }
            walk(section.blocks, scope, block)
        case .pageBreak:
            break
        case .parameters(_, let blocks):
            walk(blocks, scope, block)
        }
    }

    private func inline(_ node: InlineNode, _ scope: Scope) {
        switch node {
        case .value(let value): visit(value.select, scope)
        case .checkboxes(let group): visit(group.select, scope)
        case .pageRef(.expression(let target), _): visit(target, scope)
        case .text, .strong, .lineBreak, .blank, .pageRef, .pageCount, .parameter: break
        }
    }

    // MARK: Expressions

    private func visit(_ expression: TemplateExpression, _ scope: Scope) {
        for variable in expression.analysis.variables where scope.variables[variable] == nil {
            let known = scope.variables.keys.sorted().map { "$" + $0 }.joined(separator: ", ")
            loader.report(Diagnostic(TemplateID.unknownVariable, at: expression.origin, subject: expression.source,
                                     ["variable": "\(variable)", "known": "\(known)"]))
        }
        for reference in expression.analysis.reads {
            if let path = resolve(reference, in: scope).flatMap(Self.display) { findings.paths.insert(path) }
        }
    }

    /// Where a path reference lands in the case, as steps below the case element; `nil` when unknown.
    func resolve(_ reference: PathReference, in scope: Scope) -> [String]? {
        var base: [String]
        var steps = reference.steps
        switch reference.base {
        case .root:
            guard let first = steps.first, first == "case" || first.isEmpty else { return nil }
            if first == "case" { steps.removeFirst() }
            base = []
        case .context:
            guard let context = scope.context else { return nil }
            base = context
        case .variable(let name):
            guard let held = scope.variables[name], let path = held else { return nil }
            base = path
        }
        for step in steps {
            if step == ".." {
                guard let last = base.last, !last.isEmpty else { return nil }
                base.removeLast()
            } else {
                base.append(step)
            }
        }
        return base
    }

    /// `parties/party/name`; `nil` for the case element itself.
    static func display(_ steps: [String]) -> String? {
        var steps = steps
        while let last = steps.last, last == "text()" || last == "node()" { steps.removeLast() }
        guard !steps.isEmpty else { return nil }
        let joined = steps.joined(separator: "/")
        return steps.first == "" ? "/" + joined : joined
    }

    /// Sorted, without paths that only lead to longer ones (`parties/party` beside `parties/party/name`).
    /// A path leads to a longer one when it is that one's part before one of its `/`: those parts are
    /// collected once (comparing every path with every other, a string built per pair, was 1.7 M
    /// instructions of a one-form start-up).
    static func pruned(_ paths: Set<String>) -> [String] {
        var leading = Set<String>()
        for path in paths {
            // An ASCII path on its bytes (each byte a character); any other on `Character`s, where a `/`
            // with a combining mark is no `/`, as `hasPrefix` sees it.
            if path.utf8.allSatisfy({ $0 < 0x80 }) {
                for (offset, byte) in path.utf8.enumerated() where byte == 0x2F {
                    leading.insert(String(decoding: path.utf8.prefix(offset), as: UTF8.self))
                }
                continue
            }
            var index = path.startIndex
            while let slash = path[index...].firstIndex(of: "/") {
                leading.insert(String(path[..<slash]))
                index = path.index(after: slash)
            }
        }
        return paths.filter { !leading.contains($0) }.sorted()
    }
}
