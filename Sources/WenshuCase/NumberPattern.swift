/// A number series of the office profile, e.g. `（{year}）{prefix}调字第{n}号`: literal text with the
/// placeholders `{year}` (four digits), `{prefix}` (the committee's prefix) and `{n}` (the running number).
/// Wenshu never allocates numbers (they are data in the case); it formats and recognises them.
package struct NumberPattern: Sendable, Equatable {
    package let text: String

    enum Token: Equatable {
        case literal(String)
        case year, prefix, number
    }

    let tokens: [Token]
    /// Placeholders the pattern uses that Wenshu does not know (`{month}`): the profile check reports them.
    package let unknownPlaceholders: [String]

    package init(_ text: String) {
        self.text = text
        var tokens: [Token] = []
        var unknown: [String] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            if rest.first == "{", let close = rest.firstIndex(of: "}") {
                let name = rest[rest.index(after: rest.startIndex)..<close]
                switch name {
                case "year": tokens.append(.year)
                case "prefix": tokens.append(.prefix)
                case "n": tokens.append(.number)
                default: unknown.append(String(name)); tokens.append(.literal(String(rest[...close])))
                }
                rest = rest[rest.index(after: close)...]
            } else {
                // Up to the next "{" (a "{" with no "}" is literal text).
                let end = rest.dropFirst().firstIndex(of: "{") ?? rest.endIndex
                let literal = String(rest[..<end])
                if case .literal(let previous)? = tokens.last {
                    tokens[tokens.count - 1] = .literal(previous + literal)
                } else {
                    tokens.append(.literal(literal))
                }
                rest = rest[end...]
            }
        }
        self.tokens = tokens
        unknownPlaceholders = unknown
    }

    /// Whether the pattern has `{n}`: a series without a running number cannot tell cases apart.
    package var hasRunningNumber: Bool { tokens.contains(.number) }

    /// Whether `number` belongs to this series; `nil` when the pattern needs a prefix and none is known.
    package func matches(_ number: String, prefix committeePrefix: String?) -> Bool? {
        var rest = Substring(number)
        for token in tokens {
            switch token {
            case .literal(let literal):
                guard rest.hasPrefix(literal) else { return false }
                rest = rest.dropFirst(literal.count)
            case .prefix:
                guard let committeePrefix else { return nil }
                guard rest.hasPrefix(committeePrefix) else { return false }
                rest = rest.dropFirst(committeePrefix.count)
            case .year:
                let digits = rest.prefix(4)
                guard digits.count == 4, digits.allSatisfy(\.isASCIIDigit) else { return false }
                rest = rest.dropFirst(4)
            case .number:
                let digits = rest.prefix(while: \.isASCIIDigit)
                guard !digits.isEmpty, digits.first != "0" else { return false }
                rest = rest.dropFirst(digits.count)
            }
        }
        return rest.isEmpty
    }

    /// The number for `year`, `prefix` and running number `n`: `（2026）西交调字第37号`.
    package func format(year: Int, prefix committeePrefix: String = "", n: Int) -> String {
        tokens.map { token -> String in
            switch token {
            case .literal(let literal): return literal
            case .year: return String(year)
            case .prefix: return committeePrefix
            case .number: return String(n)
            }
        }.joined()
    }
}
