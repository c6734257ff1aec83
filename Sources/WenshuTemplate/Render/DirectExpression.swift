import WenshuXML

/// A template expression simple enough for the renderer to evaluate itself, without libxml2's XPath
/// evaluator: a path of plain child steps from the context node or a variable (`agreement/terms/term`,
/// `$case/accepted`, `$n`), a string literal, a `w:` function over such expressions, `not(…)` of one, a
/// path compared with a literal (`kind = 'organisation'`, `!=`), `and` / `or` of these, and parentheses.
/// Nearly every expression of the forms is of these kinds; anything else (predicates, other operators,
/// axes, other functions) is left to libxml2, which stays the judge of every expression's syntax.
///
/// The values are those XPath gives: a path selects, in document order, the child elements without a
/// namespace whose local name is the step (XPath's unprefixed name test); a comparison of a node set with a
/// string holds when some node's string value is (`=`) or is not (`!=`) that string; `and` and `or` stop at
/// the first operand that decides, as libxml2 does; a function gets the same arguments the XPath
/// trampoline would pass it. Whatever cannot be answered the same way — a variable not bound or not a node
/// set under a step, a function that refuses, a string the trampoline would cut at a NUL — answers `nil`,
/// and the caller evaluates the whole expression with libxml2, so messages stay exactly as they were.
///
/// Besides the value (`evaluate`), the renderer asks the two questions a template asks most in the form
/// that costs least: whether an expression holds (`holds`, for tests) and a field's text (`fieldText`, for
/// values). Both walk libxml2's tree in place (`ChildSteps`) instead of building node sets.
indirect enum DirectExpression: Sendable {
    /// Child steps from the context node (`base == nil`) or from a variable's nodes.
    case path(base: String?, ChildSteps)
    case literal(String)
    case call(TemplateFunction, [DirectExpression])
    case not(DirectExpression)
    /// A path's nodes compared with a literal: `=` when `equal`, else `!=`.
    case compare(base: String?, ChildSteps, String, equal: Bool)
    case and([DirectExpression])
    case or([DirectExpression])

    /// The direct form of `source`, or `nil` when it is not one of the simple kinds.
    init?(_ source: String) {
        guard let tokens = try? XPathLexer.tokenize(source) else { return nil }
        self.init(tokens: tokens.map(\.token))
    }

    /// The direct form of an expression already split into tokens.
    init?(tokens: [XPathToken]) {
        var parser = Parser(tokens: tokens)
        guard let expression = parser.or(), parser.tokens[parser.index] == .end else { return nil }
        self = expression
    }

    /// The value at `node`, with the renderer's variables; `nil` when libxml2 must answer.
    func evaluate(at node: XMLNode, variables: [String: XPathValue]) -> XPathValue? {
        switch self {
        case .literal(let text):
            return .string(text)
        case .path(nil, let steps):
            return .nodes(steps.elements(from: node))
        case .path(let name?, let steps):
            guard let value = variables[name] else { return nil }
            if steps.isEmpty { return value }
            guard case .nodes(let nodes) = value else { return nil }
            return .nodes(steps.elements(from: nodes))
        case .call(let function, let arguments):
            var values: [XPathValue] = []
            values.reserveCapacity(arguments.count)
            for argument in arguments {
                guard let value = function.readsFields ? argument.fieldArgument(at: node, variables: variables)
                                                       : argument.evaluate(at: node, variables: variables) else { return nil }
                values.append(value)
            }
            guard let result = try? function.body(values) else { return nil }
            // The trampoline hands a string to libxml2 as a C string, which ends at the first NUL.
            if case .string(var text) = result, text.withUTF8({ $0.contains(0) }) { return nil }
            return result
        case .not, .compare, .and, .or:
            return holds(at: node, variables: variables).map { .boolean($0) }
        }
    }

    /// XPath's `boolean()` of the value at `node`; `nil` when libxml2 must answer.
    func holds(at node: XMLNode, variables: [String: XPathValue]) -> Bool? {
        switch self {
        case .path(nil, let steps):
            return steps.reachesElement(from: node)
        case .path(let name?, let steps):
            guard let value = variables[name] else { return nil }
            if steps.isEmpty { return value.booleanValue }
            guard case .nodes(let nodes) = value else { return nil }
            return nodes.contains { steps.reachesElement(from: $0) }
        case .literal(let text):
            return !text.isEmpty
        case .not(let argument):
            return argument.holds(at: node, variables: variables).map { !$0 }
        case .compare(let base, let steps, let text, let equal):
            // The test is written out at each call, not kept in a local closure: captured by the variable's
            // walk, that closure's context was allocated on the heap at every comparison.
            var text = text
            return text.withUTF8 { wanted in
                guard let name = base else {
                    return steps.reachesElement(from: node) { $0.elementsEqual(wanted) == equal }
                }
                guard case .nodes(let nodes)? = variables[name] else { return nil }
                for node in nodes where steps.reachesElement(from: node, whoseStringValue: { $0.elementsEqual(wanted) == equal }) {
                    return true
                }
                return false
            }
        case .and(let operands):
            for operand in operands {
                guard let holds = operand.holds(at: node, variables: variables) else { return nil }
                if !holds { return false }
            }
            return true
        case .or(let operands):
            for operand in operands {
                guard let holds = operand.holds(at: node, variables: variables) else { return nil }
                if holds { return true }
            }
            return false
        case .call:
            return evaluate(at: node, variables: variables)?.booleanValue
        }
    }

    /// The text a field prints for the value at `node` (`XPathValue.fieldText`): `.some(nil)` when there is
    /// none (the field is missing), `nil` when libxml2 must answer.
    func fieldText(at node: XMLNode, variables: [String: XPathValue]) -> String?? {
        switch self {
        case .path(nil, let steps):
            return .some(steps.withFirstStringValue(from: node, XPathValue.fieldText(_:)) ?? nil)
        case .path(let name?, let steps) where !steps.isEmpty:
            // The first node in document order: the variable's nodes are in document order, their subtrees apart.
            guard case .nodes(let nodes)? = variables[name] else { return nil }
            for node in nodes {
                if let text = steps.withFirstStringValue(from: node, XPathValue.fieldText(_:)) { return .some(text) }
            }
            return .some(nil)
        default:
            return evaluate(at: node, variables: variables).map(\.fieldText)
        }
    }

    /// An argument of a function that reads its arguments as fields (`TemplateFunction.readsFields`): a path
    /// as its field text, a string (empty when the field is missing), which the function reads as it would
    /// the node set, so no array of nodes is made; anything else as its value. `nil` when libxml2 must answer.
    private func fieldArgument(at node: XMLNode, variables: [String: XPathValue]) -> XPathValue? {
        guard case .path(_, let steps) = self, !steps.isEmpty else { return evaluate(at: node, variables: variables) }
        return fieldText(at: node, variables: variables).map { .string($0 ?? "") }
    }

    /// Recursive descent over the analyzer's tokens, accepting only the simple kinds, with XPath's
    /// precedence: `or` below `and` below `=` and `!=`.
    private struct Parser {
        let tokens: [XPathToken]
        var index = 0

        func isSymbol(_ symbol: String, at offset: Int = 0) -> Bool {
            index + offset < tokens.count && tokens[index + offset] == .symbol(symbol)
        }

        mutating func or() -> DirectExpression? {
            guard let first = and() else { return nil }
            var operands = [first]
            while isSymbol("or") {
                index += 1
                guard let operand = and() else { return nil }
                operands.append(operand)
            }
            return operands.count == 1 ? first : .or(operands)
        }

        mutating func and() -> DirectExpression? {
            guard let first = comparison() else { return nil }
            var operands = [first]
            while isSymbol("and") {
                index += 1
                guard let operand = comparison() else { return nil }
                operands.append(operand)
            }
            return operands.count == 1 ? first : .and(operands)
        }

        /// An operand, or a path compared with a literal (either way round); other comparisons are libxml2's.
        mutating func comparison() -> DirectExpression? {
            guard let left = primary() else { return nil }
            let equal = isSymbol("=")
            guard equal || isSymbol("!=") else { return left }
            index += 1
            guard let right = primary(), !isSymbol("="), !isSymbol("!=") else { return nil }
            switch (left, right) {
            case (.path(let base, let steps), .literal(let text)), (.literal(let text), .path(let base, let steps)):
                return .compare(base: base, steps, text, equal: equal)
            default:
                return nil
            }
        }

        mutating func primary() -> DirectExpression? {
            switch tokens[index] {
            case .literal(let text):
                index += 1
                return .literal(text)
            case .variable(let name):
                index += 1
                guard let steps = steps(first: nil) else { return nil }
                return .path(base: name, ChildSteps(steps))
            case .symbol("("):
                index += 1
                guard let inner = or(), isSymbol(")") else { return nil }
                index += 1
                return inner
            case .name(let prefix, let local) where isSymbol("(", at: 1):
                index += 2
                var arguments: [DirectExpression] = []
                if isSymbol(")") {
                    index += 1
                } else {
                    while true {
                        guard let argument = or() else { return nil }
                        arguments.append(argument)
                        if isSymbol(",") { index += 1; continue }
                        guard isSymbol(")") else { return nil }
                        index += 1
                        break
                    }
                }
                if prefix == TemplateFunctions.prefix, let function = TemplateFunctions.byName[local],
                   function.arity.contains(arguments.count) {
                    return .call(function, arguments)
                }
                if prefix == nil, local == "not", arguments.count == 1 { return .not(arguments[0]) }
                return nil
            case .name(nil, let local) where local != "*":
                index += 1
                guard let steps = steps(first: local) else { return nil }
                return .path(base: nil, ChildSteps(steps))
            default:
                return nil
            }
        }

        /// `first` and the `/name` steps after it; `nil` when a step is anything but a plain name.
        mutating func steps(first: String?) -> [String]? {
            var steps = first.map { [$0] } ?? []
            while isSymbol("/") {
                guard index + 1 < tokens.count, case .name(nil, let local) = tokens[index + 1], local != "*",
                      !isSymbol("(", at: 2) else { return nil }
                steps.append(local)
                index += 2
            }
            return steps
        }
    }
}
