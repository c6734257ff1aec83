/// A telephone number as people's-mediation forms carry it: a mobile number (11 digits
/// starting with 1) or a landline with its area code (`010-12345678`, `0571-87654321`), optionally with an
/// extension (`0571-87654321-802`, `0571-87654321转802`). Spaces and hyphens inside a mobile number
/// (`138 0571 2345`) are accepted.
package enum PhoneNumber {
    package enum Kind: Sendable, Equatable {
        case mobile
        case landline
    }

    /// The kind of number `text` is, or `nil` when it is neither.
    package static func kind(of text: String) -> Kind? {
        var count = 0
        var first: Character?
        var allDigits = true
        for character in text where character != " " && character != "-" {
            count += 1
            if first == nil { first = character }
            if !character.isASCIIDigit { allDigits = false }
        }
        if count == 11, first == "1", allDigits, text.first != "-" {
            return .mobile
        }
        return isLandline(text) ? .landline : nil
    }

    /// Area code `0` + 2 or 3 digits, then `-` (or the code in parentheses), then 7 or 8 digits not starting
    /// with 0, then optionally `-` or `转` and an extension of 1 to 6 digits.
    static func isLandline(_ text: String) -> Bool {
        var rest = Substring(text)
        let area: Substring
        if rest.hasPrefix("(") || rest.hasPrefix("（") {
            rest = rest.dropFirst()
            area = rest.prefix { $0.isASCIIDigit }
            rest = rest.dropFirst(area.count)
            guard rest.hasPrefix(")") || rest.hasPrefix("）") else { return false }
            rest = rest.dropFirst()
        } else {
            area = rest.prefix { $0.isASCIIDigit }
            rest = rest.dropFirst(area.count)
            guard rest.hasPrefix("-") else { return false }
            rest = rest.dropFirst()
        }
        guard area.first == "0", (3...4).contains(area.count) else { return false }
        let local = rest.prefix { $0.isASCIIDigit }
        guard (7...8).contains(local.count), local.first != "0" else { return false }
        rest = rest.dropFirst(local.count)
        if rest.isEmpty { return true }
        guard rest.hasPrefix("-") || rest.hasPrefix("转") else { return false }
        let extensionDigits = rest.dropFirst()
        return (1...6).contains(extensionDigits.count) && extensionDigits.allSatisfy(\.isASCIIDigit)
    }
}
