import WenshuXML

/// A template expression simple enough for the renderer to evaluate itself, without libxml2's XPath
/// evaluator: a path of plain child steps from the context node or a variable (`agreement/terms/term`,
/// `$case/accepted`, `$n`), a string literal, a `w:` function over such expressions, or `not(…)` of one.
/// Most of a template's expressions are of these kinds; anything else (predicates, operators, axes, other
/// functions) is left to libxml2, which stays the judge of every expression's syntax.
///
/// The values are those XPath gives: a path selects, in document order, the child elements without a
/// namespace whose local name is the step (XPath's unprefixed name test); a function gets the same
/// arguments the XPath trampoline would pass it. Whatever cannot be answered the same way — a variable not
/// bound or not a node set under a step, a function that refuses, a string the trampoline would cut at a
/// NUL — answers `nil`, and the caller evaluates with libxml2, so messages stay exactly as they were.
indirect enum DirectExpression: Sendable {
    /// Child steps from the context node (`base == nil`) or from a variable's nodes.
    case path(base: String?, steps: [String])
    case literal(String)
    case call(TemplateFunction, [DirectExpression])
    case not(DirectExpression)

    /// The direct form of `source`, or `nil` when it is not one of the simple kinds.
    init?(_ source: String) {
        guard let tokens = try? XPathLexer.tokenize(source) else { return nil }
        var parser = Parser(tokens: tokens.map(\.token))
        guard let expression = parser.expression(), parser.tokens[parser.index] == .end else { return nil }
        self = expression
    }

    /// The value at `node`, with the renderer's variables; `nil` when libxml2 must answer.
    func evaluate(at node: XMLNode, variables: [String: XPathValue]) -> XPathValue? {
        switch self {
        case .literal(let text):
            return .string(text)
        case .path(nil, let steps):
            return .nodes(Self.children([node], along: steps))
        case .path(let name?, let steps):
            guard let value = variables[name] else { return nil }
            if steps.isEmpty { return value }
            guard case .nodes(let nodes) = value else { return nil }
            return .nodes(Self.children(nodes, along: steps))
        case .not(let argument):
            return argument.evaluate(at: node, variables: variables).map { .boolean(!$0.booleanValue) }
        case .call(let function, let arguments):
            var values: [XPathValue] = []
            values.reserveCapacity(arguments.count)
            for argument in arguments {
                guard let value = argument.evaluate(at: node, variables: variables) else { return nil }
                values.append(value)
            }
            guard let result = try? function.body(values) else { return nil }
            // The trampoline hands a string to libxml2 as a C string, which ends at the first NUL.
            if case .string(let text) = result, text.utf8.contains(0) { return nil }
            return result
        }
    }

    /// The child elements named by each step in turn, in document order (the nodes given are in document
    /// order and their subtrees disjoint, as a variable's or the context's are).
    private static func children(_ nodes: [XMLNode], along steps: [String]) -> [XMLNode] {
        XMLNode.elements(from: nodes, alongSteps: steps)
    }

    /// Recursive descent over the analyzer's tokens, accepting only the simple kinds.
    private struct Parser {
        let tokens: [XPathToken]
        var index = 0

        func isSymbol(_ symbol: String, at offset: Int = 0) -> Bool {
            index + offset < tokens.count && tokens[index + offset] == .symbol(symbol)
        }

        mutating func expression() -> DirectExpression? {
            switch tokens[index] {
            case .literal(let text):
                index += 1
                return .literal(text)
            case .variable(let name):
                index += 1
                guard let steps = steps(first: nil) else { return nil }
                return .path(base: name, steps: steps)
            case .name(let prefix, let local) where isSymbol("(", at: 1):
                index += 2
                var arguments: [DirectExpression] = []
                if isSymbol(")") {
                    index += 1
                } else {
                    while true {
                        guard let argument = expression() else { return nil }
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
                return .path(base: nil, steps: steps)
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
