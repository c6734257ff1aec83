/// A unified social credit code (统一社会信用代码, GB 32100-2015) of an organisation: 18 characters from
/// `0123456789ABCDEFGHJKLMNPQRTUWXY`, the last a check character.
package struct CreditCode: Sendable, Equatable {
    package let text: String

    package enum Problem: Error, Sendable, Equatable {
        /// Not 18 characters from the code's alphabet (I, O, Z, S, V are never used).
        case malformed
        case checkCharacter(expected: Character)
    }

    static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    package init(_ text: String) throws(Problem) {
        let chars = Array(text.uppercased())
        let values = chars.map { Self.alphabet.firstIndex(of: $0) }
        guard chars.count == 18, values.allSatisfy({ $0 != nil }) else { throw .malformed }
        let expected = Self.checkCharacter(for: values.prefix(17).map { $0! })
        guard chars[17] == expected else { throw .checkCharacter(expected: expected) }
        self.text = String(chars)
    }

    /// The check character for the first 17 characters' values: 31 − (Σ value × weight mod 31), 31 read as 0.
    package static func checkCharacter(for values: [Int]) -> Character {
        let sum = zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 }
        let check = 31 - sum % 31
        return alphabet[check == 31 ? 0 : check]
    }
}
