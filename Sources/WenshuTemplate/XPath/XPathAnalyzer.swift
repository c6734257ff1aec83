import WenshuDiagnostics

/// A location path an expression reads, before it is placed in the case: relative to the context node,
/// to the document root, or to a variable; steps as written (`parties`, `party`, `@id`, `..`, `` for `//`).
struct PathReference: Hashable, Sendable {
    enum Base: Hashable, Sendable {
        case context
        case root
        case variable(String)
    }

    var base: Base
    var steps: [String]

    /// The path with one more step; `..` climbs when it can, `.` stays.
    func appending(_ step: String) -> PathReference {
        var copy = self
        switch step {
        case ".": break
        case "..":
            if let last = copy.steps.last, last != "..", !last.isEmpty { copy.steps.removeLast() } else { copy.steps.append("..") }
        default: copy.steps.append(step)
        }
        return copy
    }
}

/// A function called in an expression, with how many arguments it was given.
struct FunctionCall: Equatable, Sendable {
    var prefix: String?
    var name: String
    var argumentCount: Int

    var qualifiedName: String { prefix.map { "\($0):\(name)" } ?? name }
}

/// What an XPath 1.0 expression reads, calls and refers to, found by reading it (never by evaluating).
///
/// libxml2 is the judge of syntax and the only evaluator; this analysis lets the compiler check function
/// names, argument counts and variables before any case is bound, and lets `wenshu forms` list the case
/// paths a form reads.
struct XPathAnalysis: Equatable, Sendable {
    /// Every location path the expression reads (each complete path, and paths inside predicates), in order.
    var reads: [PathReference] = []
    var calls: [FunctionCall] = []
    /// Variables referred to, in order of first use.
    var variables: [String] = []
    /// The node paths the whole expression selects (a loop's items), empty when it gives a string,
    /// number or boolean.
    var results: [PathReference] = []

    /// An analysis that found nothing (for an expression libxml2 accepts and this reader does not).
    init() {}

    init(_ source: String) throws(XPathSyntaxError) {
        try self.init(tokens: XPathLexer.tokenize(source))
    }

    /// The analysis of an expression already split into tokens (the compiler splits each expression once).
    init(tokens: [(token: XPathToken, position: Int)]) throws(XPathSyntaxError) {
        var parser = XPathParser(tokens: tokens)
        results = try parser.expression(context: PathReference(base: .context, steps: []))
        guard case .end = parser.current.token else {
            throw XPathSyntaxError(position: parser.current.position,
                                   message: .phrase(XPathWording.trailing, ["token": XPathParser.describe(parser.current.token)]))
        }
        reads = parser.reads
        calls = parser.calls
        variables = parser.variables
    }
}

/// XPath 1.0's grammar (§3), recursive descent, collecting what `XPathAnalysis` reports. Each method
/// returns the node paths its sub-expression denotes (empty for strings, numbers, booleans).
private struct XPathParser {
    let tokens: [(token: XPathToken, position: Int)]
    var index = 0
    var reads: [PathReference] = []
    var calls: [FunctionCall] = []
    var variables: [String] = []

    init(tokens: [(token: XPathToken, position: Int)]) {
        self.tokens = tokens
    }

    var current: (token: XPathToken, position: Int) { tokens[index] }

    static func describe(_ token: XPathToken) -> DiagnosticArgument {
        switch token {
        case .name(let prefix, let local): return "“\(prefix.map { "\($0):" } ?? "")\(local)”"
        case .axis(let name): return "“\(name)::”"
        case .variable(let name): return "“$\(name)”"
        case .literal(let text): return .phrase(XPathWording.theString, ["text": "\(text)"])
        case .number(let n): return .phrase(XPathWording.theNumber, ["number": "\(n)"])
        case .symbol(let s): return "“\(s)”"
        case .end: return .phrase(XPathWording.theEnd)
        }
    }

    func isSymbol(_ s: String, at offset: Int = 0) -> Bool {
        index + offset < tokens.count && tokens[index + offset].token == .symbol(s)
    }

    mutating func expect(_ s: String) throws(XPathSyntaxError) {
        guard isSymbol(s) else {
            throw XPathSyntaxError(position: current.position, message: .phrase(XPathWording.expectedSymbol, ["symbol": "\(s)", "token": Self.describe(current.token)]))
        }
        index += 1
    }

    mutating func record(_ paths: [PathReference]) {
        for path in paths where !reads.contains(path) { reads.append(path) }
    }

    // MARK: Expressions, loosest first

    mutating func expression(context: PathReference?) throws(XPathSyntaxError) -> [PathReference] {
        try binary(level: 0, context: context)
    }

    static let operatorLevels: [[String]] = [["or"], ["and"], ["=", "!="], ["<", "<=", ">", ">="], ["+", "-"], ["*", "div", "mod"]]

    /// One level of binary operators (or, and, equality, relational, additive, multiplicative); operands of
    /// an operator are read, the result is not a node set.
    mutating func binary(level: Int, context: PathReference?) throws(XPathSyntaxError) -> [PathReference] {
        guard level < Self.operatorLevels.count else { return try unary(context: context) }
        var result = try binary(level: level + 1, context: context)
        while Self.operatorLevels[level].contains(where: { isSymbol($0) }) {
            index += 1
            _ = try binary(level: level + 1, context: context)
            result = []
        }
        return result
    }

    mutating func unary(context: PathReference?) throws(XPathSyntaxError) -> [PathReference] {
        if isSymbol("-") {
            index += 1
            _ = try unary(context: context)
            return []
        }
        var result = try pathExpression(context: context)
        while isSymbol("|") {
            index += 1
            result += try pathExpression(context: context)
        }
        return result
    }

    // MARK: Paths

    mutating func pathExpression(context: PathReference?) throws(XPathSyntaxError) -> [PathReference] {
        var paths: [PathReference]
        if startsLocationPath {
            paths = try locationPath(context: context)
        } else {
            paths = try filterExpression(context: context)
            if isSymbol("/") || isSymbol("//") {
                paths = try relativeSteps(from: paths)
            }
        }
        record(paths)
        return paths
    }

    /// Whether the current token begins a location path rather than a filter expression (§3.7).
    var startsLocationPath: Bool {
        switch current.token {
        case .symbol(let s): return ["/", "//", ".", "..", "@"].contains(s)
        case .axis: return true
        case .name(let prefix, let local):
            guard isSymbol("(", at: 1) else { return true }
            return prefix == nil && Self.nodeTypes.contains(local)
        default: return false
        }
    }

    static let nodeTypes: Set<String> = ["node", "text", "comment", "processing-instruction"]

    mutating func locationPath(context: PathReference?) throws(XPathSyntaxError) -> [PathReference] {
        if isSymbol("/") {
            index += 1
            let root = [PathReference(base: .root, steps: [])]
            return startsStep ? try relativeSteps(from: root, first: true) : root
        }
        if isSymbol("//") {
            index += 1
            return try relativeSteps(from: [PathReference(base: .root, steps: [""])], first: true)
        }
        return try relativeSteps(from: context.map { [$0] } ?? [], first: true)
    }

    var startsStep: Bool {
        switch current.token {
        case .symbol(let s): return [".", "..", "@"].contains(s)
        case .axis, .name: return true
        default: return false
        }
    }

    /// Steps separated by `/` or `//`, applied to each of `start` (empty when the start is unknown: the
    /// steps are still read for their syntax and predicates). With `first`, no separator comes first.
    mutating func relativeSteps(from start: [PathReference], first: Bool = false) throws(XPathSyntaxError) -> [PathReference] {
        var paths = start
        var needsSeparator = !first
        while true {
            if needsSeparator {
                if isSymbol("//") {
                    paths = paths.map { $0.appending("") }
                } else if !isSymbol("/") {
                    return paths
                }
                index += 1
            }
            paths = try step(from: paths)
            needsSeparator = true
        }
    }

    mutating func step(from paths: [PathReference]) throws(XPathSyntaxError) -> [PathReference] {
        if case .symbol(let s) = current.token, s == "." || s == ".." {
            index += 1
            return paths.map { $0.appending(s) }
        }
        var axis = "child"
        if isSymbol("@") {
            axis = "attribute"
            index += 1
        } else if case .axis(let name) = current.token {
            axis = name
            index += 1
        }
        let test = try nodeTest()
        let next: [PathReference] = paths.map { path in
            switch (axis, test) {
            case ("child", _): return path.appending(test)
            case ("attribute", _): return path.appending("@" + test)
            case ("self", _): return path
            case ("parent", _): return path.appending("..")
            case ("descendant-or-self", "node()"): return path.appending("")
            default: return path.appending("\(axis)::\(test)")
            }
        }
        while isSymbol("[") {
            index += 1
            _ = try expression(context: next.first)
            try expect("]")
        }
        return next
    }

    mutating func nodeTest() throws(XPathSyntaxError) -> String {
        guard case .name(let prefix, let local) = current.token else {
            throw XPathSyntaxError(position: current.position, message: .phrase(XPathWording.expectedName, ["token": Self.describe(current.token)]))
        }
        index += 1
        if prefix == nil, Self.nodeTypes.contains(local), isSymbol("(") {
            index += 1
            if case .literal = current.token, local == "processing-instruction" { index += 1 }
            try expect(")")
            return local + "()"
        }
        return prefix.map { "\($0):\(local)" } ?? local
    }

    // MARK: Filter expressions and primaries

    mutating func filterExpression(context: PathReference?) throws(XPathSyntaxError) -> [PathReference] {
        let paths = try primary(context: context)
        while isSymbol("[") {
            index += 1
            _ = try expression(context: paths.first)
            try expect("]")
        }
        return paths
    }

    mutating func primary(context: PathReference?) throws(XPathSyntaxError) -> [PathReference] {
        let (token, position) = current
        switch token {
        case .variable(let name):
            index += 1
            if !variables.contains(name) { variables.append(name) }
            return [PathReference(base: .variable(name), steps: [])]
        case .literal, .number:
            index += 1
            return []
        case .symbol("("):
            index += 1
            let inner = try expression(context: context)
            try expect(")")
            return inner
        case .name(let prefix, let local) where isSymbol("(", at: 1):
            index += 2
            var count = 0
            if !isSymbol(")") {
                repeat {
                    if count > 0 { index += 1 }
                    _ = try expression(context: context)
                    count += 1
                } while isSymbol(",")
            }
            try expect(")")
            calls.append(FunctionCall(prefix: prefix, name: local, argumentCount: count))
            return []
        default:
            throw XPathSyntaxError(position: position, message: .phrase(XPathWording.expectedOperand, ["token": Self.describe(token)]))
        }
    }
}

/// XPath 1.0's core functions and how many arguments each takes.
enum XPathCoreFunctions {
    static let arity: [String: ClosedRange<Int>] = [
        "last": 0...0, "position": 0...0, "count": 1...1, "id": 1...1,
        "local-name": 0...1, "namespace-uri": 0...1, "name": 0...1,
        "string": 0...1, "concat": 2...Int.max, "starts-with": 2...2, "contains": 2...2,
        "substring-before": 2...2, "substring-after": 2...2, "substring": 2...3,
        "string-length": 0...1, "normalize-space": 0...1, "translate": 3...3,
        "boolean": 1...1, "not": 1...1, "true": 0...0, "false": 0...0, "lang": 1...1,
        "number": 0...1, "sum": 1...1, "floor": 1...1, "ceiling": 1...1, "round": 1...1,
    ]
}
