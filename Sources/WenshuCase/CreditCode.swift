/// A unified social credit code (统一社会信用代码, GB 32100-2015) of an organisation: 18 characters from
/// `0123456789ABCDEFGHJKLMNPQRTUWXY`, the last a check character.
package struct CreditCode: Sendable, Equatable {
    package let text: String

    package enum Problem: Error, Sendable, Equatable {
        /// Not 18 characters from the code's alphabet (I, O, Z, S, V are never used).
        case malformed
        case checkCharacter(expected: Character)
    }

    private static let alphabetText = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    static let alphabet = Array(alphabetText)
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    /// The alphabet's bytes, an ASCII character's value being the index of its byte. (A table of every
    /// byte's value, an `[Int?]`, cost 0.2 M instructions at start-up, its type's metadata made at run time.)
    private static let alphabetBytes = Array(alphabetText.utf8)

    package init(_ text: String) throws(Problem) {
        let upper = text.uppercased()
        // An ASCII text (nearly every code) is looked up by byte: a `Character` lookup compares through
        // CFString, about 15 K instructions a code. A byte is a character there but for "\r\n", which the
        // alphabet does not hold, so both ways call the same texts malformed.
        guard upper.utf8.allSatisfy({ $0 < 0x80 }) else { try self.init(judgingCharacters: text); return }
        try self.init(upper: upper, values: upper.utf8.map { Self.alphabetBytes.firstIndex(of: $0) })
    }

    /// The same judged on `Character`s, as a text that is not ASCII is; a test holds the two to the same answers.
    init(judgingCharacters text: String) throws(Problem) {
        let upper = text.uppercased()
        try self.init(upper: upper, values: upper.map { Self.alphabet.firstIndex(of: $0) })
    }

    /// The code `upper` whose characters have `values` in the alphabet (`nil`: not in it).
    private init(upper: String, values: [Int?]) throws(Problem) {
        guard values.count == 18, values.allSatisfy({ $0 != nil }) else { throw .malformed }
        let check = Self.checkValue(for: values.prefix(17).map { $0! })
        guard values[17] == check else { throw .checkCharacter(expected: Self.alphabet[check]) }
        text = upper
    }

    /// The check character for the first 17 characters' values.
    package static func checkCharacter(for values: [Int]) -> Character { alphabet[checkValue(for: values)] }

    /// The check character's value: 31 − (Σ value × weight mod 31), 31 read as 0.
    static func checkValue(for values: [Int]) -> Int {
        let sum = zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 }
        let check = 31 - sum % 31
        return check == 31 ? 0 : check
    }
}
