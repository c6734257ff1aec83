/// A mainland resident identity number (公民身份号码, GB 11643-1999): 6-digit region, 8-digit birth date,
/// 3-digit sequence (odd for men, even for women), and a check character.
package struct ResidentIDNumber: Sendable, Equatable {
    /// The number as written, with a lower-case `x` made upper-case.
    package let text: String
    /// The birth date the number encodes.
    package let birthDate: CivilDate
    /// `男` when the sequence's last digit is odd, `女` when even.
    package let gender: String

    /// Why a text is not a valid 18-character resident ID number.
    package enum Problem: Error, Sendable, Equatable {
        /// Not 17 digits followed by a digit or X (a 15-digit first-generation number is `.firstGeneration`).
        case malformed
        /// A 15-digit first-generation number: no check character, invalid since 2013 (warn, do not refuse).
        case firstGeneration
        /// Digits 7–14 are not a real date.
        case impossibleBirthDate
        /// The check character does not match; `expected` is the right one.
        case checkCharacter(expected: Character)
    }

    static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    static let checkCharacters = Array("10X98765432")
    /// `checkCharacters` as `asciiDigits` reads them (X as 10).
    static let checkValues = [1, 0, 10, 9, 8, 7, 6, 5, 4, 3, 2]

    /// Validates `text`; throws the first `Problem` found.
    package init(_ text: String) throws(Problem) {
        if let digits = Self.asciiDigits(text) {
            // Nearly every number is 15 or 18 ASCII digits (the last maybe x/X): judged on its bytes, which
            // give the answers the Characters below give, at a hundredth of the cost (`uppercased()` and
            // `Character` go through Foundation on Linux).
            if digits.count == 15 { throw .firstGeneration }
            try self.init(digits: digits, text: text)
        } else {
            try self.init(judgingCharacters: text)
        }
    }

    /// The same judgement on the Characters of the upper-cased text, for any text (a test holds the two to
    /// the same answers on ASCII).
    init(judgingCharacters text: String) throws(Problem) {
        let chars = Array(text.uppercased())
        if chars.count == 15, chars.allSatisfy(\.isASCIIDigit) { throw .firstGeneration }
        guard chars.count == 18, chars.prefix(17).allSatisfy(\.isASCIIDigit),
              chars[17].isASCIIDigit || chars[17] == "X" else { throw .malformed }
        let digits = chars.prefix(17).map { $0.asciiValue.map { Int($0 - UInt8(ascii: "0")) } ?? Int(String($0))! }
        let year = digits[6...9].reduce(0) { $0 * 10 + $1 }
        let month = digits[10] * 10 + digits[11]
        let day = digits[12] * 10 + digits[13]
        guard CivilDate.isValid(year: year, month: month, day: day), year >= 1800 else { throw .impossibleBirthDate }
        let expected = Self.checkCharacter(for: digits)
        guard chars[17] == expected else { throw .checkCharacter(expected: expected) }
        self.text = String(chars)
        birthDate = CivilDate(year: year, month: month, day: day)!
        gender = digits[16] % 2 == 1 ? "男" : "女"
    }

    /// The values of `text`'s characters when it is 15 ASCII digits, or 17 and then a digit, `x` or `X`
    /// (as 10); `nil` for anything else, which the Characters path judges.
    private static func asciiDigits(_ text: String) -> [Int]? {
        let utf8 = text.utf8
        guard utf8.count == 15 || utf8.count == 18 else { return nil }
        var digits: [Int] = []
        digits.reserveCapacity(utf8.count)
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits.append(Int(byte - UInt8(ascii: "0")))
            case UInt8(ascii: "x") where digits.count == 17, UInt8(ascii: "X") where digits.count == 17: digits.append(10)
            default: return nil
            }
        }
        return digits
    }

    /// An 18-character number read by `asciiDigits`; `text` is the number as written.
    private init(digits: [Int], text: String) throws(Problem) {
        let year = digits[6...9].reduce(0) { $0 * 10 + $1 }
        let month = digits[10] * 10 + digits[11]
        let day = digits[12] * 10 + digits[13]
        guard CivilDate.isValid(year: year, month: month, day: day), year >= 1800 else { throw .impossibleBirthDate }
        let sum = zip(digits, Self.weights).reduce(0) { $0 + $1.0 * $1.1 }
        guard digits[17] == Self.checkValues[sum % 11] else { throw .checkCharacter(expected: Self.checkCharacters[sum % 11]) }
        self.text = digits[17] == 10 ? String(text.dropLast()) + "X" : text
        birthDate = CivilDate(year: year, month: month, day: day)!
        gender = digits[16] % 2 == 1 ? "男" : "女"
    }

    /// What a 15-digit first-generation number encodes (born 19YY, `YYMMDD` in digits 7–12, the last digit
    /// odd for men): `nil` when `text` is not 15 ASCII digits or its date is not real.
    package static func firstGeneration(_ text: String) -> (birthDate: CivilDate, gender: String)? {
        let chars = Array(text)
        guard chars.count == 15, chars.allSatisfy(\.isASCIIDigit) else { return nil }
        let digits = chars.map { Int($0.asciiValue! - UInt8(ascii: "0")) }
        guard let birth = CivilDate(year: 1900 + digits[6] * 10 + digits[7], month: digits[8] * 10 + digits[9],
                                    day: digits[10] * 10 + digits[11]) else { return nil }
        return (birth, digits[14] % 2 == 1 ? "男" : "女")
    }

    /// The check character for the first 17 digits.
    package static func checkCharacter(for digits: [Int]) -> Character {
        let sum = zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 }
        return checkCharacters[sum % 11]
    }

    /// The number with the birth date and sequence hidden, for display: `330106********1239`.
    package static func masked(_ text: String) -> String {
        // Printable ASCII (every well-formed number) is one Character a byte: masked on the bytes.
        if text.utf8.allSatisfy({ (0x20..<0x7F).contains($0) }) {
            let bytes = Array(text.utf8)
            guard bytes.count > 10 else { return String(repeating: "*", count: bytes.count) }
            return String(decoding: bytes.prefix(6), as: UTF8.self) + String(repeating: "*", count: bytes.count - 10)
                + String(decoding: bytes.suffix(4), as: UTF8.self)
        }
        let chars = Array(text)
        guard chars.count > 10 else { return String(repeating: "*", count: chars.count) }
        return String(chars.prefix(6)) + String(repeating: "*", count: chars.count - 10) + String(chars.suffix(4))
    }
}

extension Character {
    /// One of 0–9 alone: "1\u{301}" (a digit with a combining mark) is not, though it sorts between
    /// "0" and "9" as a Character, and reading it as a number would fail.
    var isASCIIDigit: Bool {
        guard let ascii = asciiValue, unicodeScalars.count == 1 else { return false }
        return (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(ascii)
    }
}
