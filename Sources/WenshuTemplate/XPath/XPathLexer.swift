import WenshuDiagnostics

/// The tokens of XPath 1.0 (§3.7), for the analyzer. libxml2 compiles and evaluates; this only reads.
enum XPathToken: Equatable {
    /// A name test or function name, possibly prefixed: `party`, `w:money`, `*`, `w:*`.
    case name(prefix: String?, local: String)
    /// An axis name before `::`.
    case axis(String)
    case variable(String)
    case literal(String)
    case number(String)
    /// `/ // . .. @ , ( ) [ ] | + - = != < <= > >= * and or mod div`
    case symbol(String)
    case end
}

struct XPathSyntaxError: Error, Equatable {
    /// 1-based position in the expression, in characters.
    var position: Int
    /// What is wrong, in the catalogue's words (`XPathWording`).
    var message: DiagnosticArgument
}

/// Splits an expression into tokens, applying XPath's rules for `*` and operator names: after an operand,
/// `*` multiplies and `and`/`or`/`mod`/`div` are operators; elsewhere they are names.
struct XPathLexer {
    private let chars: [Character]
    private var index = 0
    private(set) var tokens: [(token: XPathToken, position: Int)] = []

    init(_ source: String) {
        chars = Array(source)
    }

    static func tokenize(_ source: String) throws(XPathSyntaxError) -> [(token: XPathToken, position: Int)] {
        var lexer = XPathLexer(source)
        try lexer.run()
        return lexer.tokens
    }

    private mutating func run() throws(XPathSyntaxError) {
        while true {
            skipSpace()
            let start = index + 1
            guard index < chars.count else {
                tokens.append((.end, start))
                return
            }
            tokens.append((try next(), start))
        }
    }

    /// Whether the previous token ends an operand, which makes `*` and operator names operators.
    private var afterOperand: Bool {
        guard let last = tokens.last?.token else { return false }
        switch last {
        case .symbol(let s): return s == ")" || s == "]" || s == "." || s == ".."
        case .name, .variable, .literal, .number: return true  // a `*` name test is a `.name`
        case .axis, .end: return false
        }
    }

    private mutating func next() throws(XPathSyntaxError) -> XPathToken {
        let c = chars[index]
        let position = index + 1
        switch c {
        case "\"", "'":
            guard let close = chars[(index + 1)...].firstIndex(of: c) else {
                throw XPathSyntaxError(position: position, message: .phrase(XPathWording.unclosedString, ["quote": "\(c)"]))
            }
            let text = String(chars[(index + 1)..<close])
            index = close + 1
            return .literal(text)
        case "0"..."9":
            return .number(readNumber())
        case ".":
            if peek(1) == "." { index += 2; return .symbol("..") }
            if let d = peek(1), d.isASCIIDigit { return .number(readNumber()) }
            index += 1
            return .symbol(".")
        case "$":
            index += 1
            guard let name = readQName() else {
                throw XPathSyntaxError(position: position, message: .phrase(XPathWording.variableName))
            }
            return .variable(name.prefix.map { "\($0):" + name.local } ?? name.local)
        case "/":
            if peek(1) == "/" { index += 2; return .symbol("//") }
            index += 1
            return .symbol("/")
        case "!":
            guard peek(1) == "=" else { throw XPathSyntaxError(position: position, message: .phrase(XPathWording.bang)) }
            index += 2
            return .symbol("!=")
        case "<", ">":
            if peek(1) == "=" { index += 2; return .symbol(String(c) + "=") }
            index += 1
            return .symbol(String(c))
        case "*":
            index += 1
            return afterOperand ? .symbol("*") : .name(prefix: nil, local: "*")
        case "@", ",", "(", ")", "[", "]", "|", "+", "-", "=":
            index += 1
            return .symbol(String(c))
        default:
            guard c.isNameStart else {
                throw XPathSyntaxError(position: position, message: .phrase(XPathWording.cannotStand, ["character": "\(c)"]))
            }
            if afterOperand {
                let word = readNCName()
                guard ["and", "or", "mod", "div"].contains(word) else {
                    throw XPathSyntaxError(position: position,
                                           message: .phrase(XPathWording.expectedOperator, ["word": "\(word)"]))
                }
                return .symbol(word)
            }
            let name = readQName()!
            skipSpace()
            if name.prefix == nil, peek(0) == ":", peek(1) == ":" {
                index += 2
                return .axis(name.local)
            }
            return .name(prefix: name.prefix, local: name.local)
        }
    }

    private func peek(_ offset: Int) -> Character? {
        index + offset < chars.count ? chars[index + offset] : nil
    }

    private mutating func skipSpace() {
        while index < chars.count, chars[index] == " " || chars[index] == "\t" || chars[index] == "\n" || chars[index] == "\r" {
            index += 1
        }
    }

    private mutating func readNumber() -> String {
        let start = index
        while index < chars.count, chars[index].isASCIIDigit || chars[index] == "." { index += 1 }
        return String(chars[start..<index])
    }

    private mutating func readNCName() -> String {
        let start = index
        while index < chars.count, chars[index].isNameChar { index += 1 }
        return String(chars[start..<index])
    }

    /// `local` or `prefix:local` or `prefix:*`; `nil` when no name starts here.
    private mutating func readQName() -> (prefix: String?, local: String)? {
        guard index < chars.count, chars[index].isNameStart else { return nil }
        let first = readNCName()
        if peek(0) == ":", let after = peek(1), after != ":" {
            if after == "*" { index += 2; return (first, "*") }
            if after.isNameStart {
                index += 1
                return (first, readNCName())
            }
        }
        return (nil, first)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { unicodeScalars.count == 1 && ("0"..."9").contains(self) }
    /// XML NameStartChar without the colon (close enough for XPath NCNames written in templates).
    fileprivate var isNameStart: Bool { isLetter || self == "_" || (unicodeScalars.first?.value ?? 0) >= 0xC0 }
    fileprivate var isNameChar: Bool { isNameStart || isASCIIDigit || self == "-" || self == "." || self == "·" }
}
