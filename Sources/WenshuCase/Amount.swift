/// An amount of money in integer 分 (hundredths of a yuan), read from a decimal string and never from a
/// binary floating-point value (domain.md §4: 19.99 × 100 is 1998.999… as a double).
public struct Amount: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The amount in 分.
    public let fen: Int

    public init(fen: Int) { self.fen = fen }

    /// Reads `14020.00`, `10000`, `0.07`, `100000000.01`: digits, at most two decimals, no sign and no
    /// separators (the case schema's `money` type); `nil` for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, (1...13).contains(whole.count),
              whole.allSatisfy(\.isASCIIDigit), !(whole.count > 1 && whole.first == "0") else { return nil }
        var fraction = parts.count == 2 ? Array(parts[1]) : []
        guard fraction.count <= 2, fraction.allSatisfy(\.isASCIIDigit), parts.count == 1 || !fraction.isEmpty else { return nil }
        while fraction.count < 2 { fraction.append("0") }
        fen = Int(whole)! * 100 + Int(String(fraction))!
    }

    /// Plain decimal with two places: `34020.00`.
    public var description: String {
        let cents = fen % 100
        return "\(fen / 100)." + (cents < 10 ? "0" : "") + "\(cents)"
    }

    /// With thousands separators, as figures print beside their capitals: `34,020.00`.
    public var grouped: String {
        var digits = Array(String(fen / 100))
        var groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(String(digits), at: 0)
        let cents = fen % 100
        return groups.joined(separator: ",") + "." + (cents < 10 ? "0" : "") + "\(cents)"
    }

    public static func + (a: Amount, b: Amount) -> Amount { Amount(fen: a.fen + b.fen) }
    public static func < (a: Amount, b: Amount) -> Bool { a.fen < b.fen }
    public static let zero = Amount(fen: 0)
}

extension Sequence where Element == Amount {
    /// The sum, exactly.
    public func sum() -> Amount { reduce(.zero, +) }
}
