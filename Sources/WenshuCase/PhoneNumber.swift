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
        // Nearly every number is ASCII: judged on its bytes (Character comparisons cost about 15 K
        // instructions a number on Linux), the same answer as `characterKind(of:)`.
        var bytes = text
        if let answer = bytes.withUTF8(asciiKind) { return answer }
        return characterKind(of: text)
    }

    /// `kind(of:)` on the bytes of an ASCII text, whose Characters are its bytes but "\r\n" — which no
    /// rule below accepts as one character or as two. `nil` when the text is not ASCII (ask
    /// `characterKind(of:)`); `.some(nil)` when it is neither kind.
    static func asciiKind(_ bytes: UnsafeBufferPointer<UInt8>) -> Kind?? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        var count = 0
        var first: UInt8?
        var allDigits = true
        for byte in bytes where byte != 0x20 && byte != 0x2D {
            count += 1
            if first == nil { first = byte }
            if !isDigit(byte) { allDigits = false }
        }
        if count == 11, first == 0x31, allDigits, bytes.first != 0x2D { return .some(.mobile) }
        // Landline, as `isLandline`: area code, `-` or parentheses, local number, extension after `-`.
        var i = 0
        func digits() -> Range<Int> {
            let start = i
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
            return start..<i
        }
        let area: Range<Int>
        if i < bytes.count, bytes[i] == 0x28 {
            i += 1
            area = digits()
            guard i < bytes.count, bytes[i] == 0x29 else { return .some(nil) }
        } else {
            area = digits()
            guard i < bytes.count, bytes[i] == 0x2D else { return .some(nil) }
        }
        i += 1
        guard (3...4).contains(area.count), bytes[area.lowerBound] == 0x30 else { return .some(nil) }
        let local = digits()
        guard (7...8).contains(local.count), bytes[local.lowerBound] != 0x30 else { return .some(nil) }
        if i == bytes.count { return .some(.landline) }
        guard bytes[i] == 0x2D else { return .some(nil) }
        i += 1
        let extensionDigits = digits()
        return (1...6).contains(extensionDigits.count) && i == bytes.count ? .some(.landline) : .some(nil)
    }

    /// `kind(of:)` on Characters, for any text.
    static func characterKind(of text: String) -> Kind? {
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
