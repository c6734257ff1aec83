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
///
/// It reads Unicode scalars, as XPath's grammar does (a `Character` array and `Character.isLetter` cost
/// ≈ 6 M instructions of a one-form start-up, docs/development.md); positions are still counted in
/// characters, as messages show them.
struct XPathLexer {
    private let scalars: [Unicode.Scalar]
    /// The source's UTF-8 and where each scalar starts in it (one more for the end): a token's text is a
    /// slice of the bytes, not a string built a scalar at a time.
    private let utf8: [UInt8]
    private let starts: [Int]
    private var index = 0
    private(set) var tokens: [(token: XPathToken, position: Int)] = []

    init(_ source: String) {
        scalars = Array(source.unicodeScalars)
        utf8 = Array(source.utf8)
        var starts: [Int] = []
        starts.reserveCapacity(scalars.count + 1)
        for (offset, byte) in utf8.enumerated() where byte & 0xC0 != 0x80 { starts.append(offset) }
        starts.append(utf8.count)
        self.starts = starts
    }

    static func tokenize(_ source: String) throws(XPathSyntaxError) -> [(token: XPathToken, position: Int)] {
        var lexer = XPathLexer(source)
        lexer.tokens.reserveCapacity(lexer.scalars.count + 1)  // at most a token a scalar, and the end
        do {
            try lexer.run()
        } catch {
            let positions = characterPositions(in: source)
            throw XPathSyntaxError(position: positions[min(max(error.position, 1), positions.count) - 1], message: error.message)
        }
        // Positions differ from the scalars' only in a text with a non-ASCII scalar or a CR.
        if lexer.scalars.count != lexer.utf8.count || lexer.utf8.contains(0x0D) {
            let positions = characterPositions(in: source)
            lexer.tokens = lexer.tokens.map { ($0.token, positions[$0.position - 1]) }
        }
        return lexer.tokens
    }

    /// The 1-based position in characters of each scalar of `source` (and of the end, one past its last),
    /// all in one walk: they differ only where a character is several scalars (a CR LF, a letter and its
    /// combining mark); a scalar inside a character, after its first, is placed after the character.
    /// (Asked per token, the text was walked once per token: 0.19 M instructions of a one-form start-up.)
    static func characterPositions(in source: String) -> [Int] {
        var positions: [Int] = []
        var characters = 0
        for character in source {
            positions.append(characters + 1)
            characters += 1
            for _ in character.unicodeScalars.dropFirst() { positions.append(characters + 1) }
        }
        positions.append(characters + 1)
        return positions
    }

    private mutating func run() throws(XPathSyntaxError) {
        while true {
            skipSpace()
            let start = index + 1
            guard index < scalars.count else {
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
        let c = scalars[index]
        let position = index + 1
        switch c {
        case "\"", "'":
            guard let close = scalars[(index + 1)...].firstIndex(of: c) else {
                throw XPathSyntaxError(position: position, message: .phrase(XPathWording.unclosedString, ["quote": "\(c)"]))
            }
            let text = text(index + 1..<close)
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
                throw XPathSyntaxError(position: position, message: .phrase(XPathWording.cannotStand, ["character": "\(Character(c))"]))
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

    private func peek(_ offset: Int) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    private func text(_ range: Range<Int>) -> String {
        String(decoding: utf8[starts[range.lowerBound]..<starts[range.upperBound]], as: UTF8.self)
    }

    private mutating func skipSpace() {
        while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" || scalars[index] == "\n" || scalars[index] == "\r" {
            index += 1
        }
    }

    private mutating func readNumber() -> String {
        let start = index
        while index < scalars.count, scalars[index].isASCIIDigit || scalars[index] == "." { index += 1 }
        return text(start..<index)
    }

    private mutating func readNCName() -> String {
        let start = index
        while index < scalars.count, scalars[index].isNameChar { index += 1 }
        return text(start..<index)
    }

    /// `local` or `prefix:local` or `prefix:*`; `nil` when no name starts here.
    private mutating func readQName() -> (prefix: String?, local: String)? {
        guard index < scalars.count, scalars[index].isNameStart else { return nil }
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

extension Unicode.Scalar {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
    /// XML NameStartChar without the colon (close enough for XPath NCNames written in templates): an ASCII
    /// letter or `_`, a letter below U+00C0 (ª µ º), anything from U+00C0 on.
    fileprivate var isNameStart: Bool {
        switch value {
        case 0x41...0x5A, 0x61...0x7A, 0x5F, 0xC0...: return true
        case 0x80..<0xC0: return properties.isAlphabetic
        default: return false
        }
    }
    fileprivate var isNameChar: Bool { isNameStart || isASCIIDigit || self == "-" || self == "." || self == "·" }
}
