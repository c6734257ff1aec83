import Foundation
import WenshuDiagnostics

/// An amount of money in integer 分 (hundredths of a yuan), read from a decimal string and never from a
/// binary floating-point value (19.99 × 100 is 1998.999… as a double).
package struct Amount: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The amount in 分.
    package let fen: Int

    package init(fen: Int) { self.fen = fen }

    /// Reads `14020.00`, `10000`, `0.07`, `100000000.01`: digits, at most two decimals, no sign and no
    /// separators (the case schema's `money` type); `nil` for anything else.
    package init?(_ text: String) {
        self.init(utf8: text.utf8)
    }

    /// The same from UTF-8 bytes (a case's values are read in place).
    package init?<Bytes: Sequence<UInt8>>(utf8: Bytes) {
        // Read on the UTF-8 bytes: amounts are parsed for every figure of every form, and Character
        // splitting cost more than the rest of a binding.
        var whole = 0, wholeDigits = 0, cents = 0, centDigits = 0
        var seenPoint = false, leadingZero = false
        for byte in utf8 {
            if byte == UInt8(ascii: ".") {
                guard !seenPoint else { return nil }
                seenPoint = true
            } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                let digit = Int(byte - UInt8(ascii: "0"))
                if seenPoint {
                    centDigits += 1
                    guard centDigits <= 2 else { return nil }
                    cents = cents * 10 + digit
                } else {
                    if wholeDigits == 0 { leadingZero = digit == 0 }
                    wholeDigits += 1
                    guard wholeDigits <= 13 else { return nil }
                    whole = whole * 10 + digit
                }
            } else {
                return nil
            }
        }
        guard wholeDigits >= 1, !(leadingZero && wholeDigits > 1), !seenPoint || centDigits > 0 else { return nil }
        fen = whole * 100 + (centDigits == 1 ? cents * 10 : cents)
    }

    /// Plain decimal with two places: `34020.00`.
    package var description: String {
        let cents = fen % 100
        return "\(fen / 100)." + (cents < 10 ? "0" : "") + "\(cents)"
    }

    /// With thousands separators, as figures print beside their capitals: `34,020.00`.
    ///
    /// Written as ASCII bytes from the last digit back (splitting `String(yuan)` into `Character`s and
    /// joining groups cost about 10 K instructions an amount, and every 大写 amount prints its figures).
    package var grouped: String {
        // 13 whole digits at most (`maximum`), 4 separators, the point and two cents: 20 bytes; 27 leaves room.
        String(unsafeUninitializedCapacity: 27) { buffer in
            var end = buffer.count
            func put(_ byte: UInt8) {
                end -= 1
                buffer[end] = byte
            }
            let cents = fen % 100
            put(UInt8(ascii: "0") + UInt8(cents % 10))
            put(UInt8(ascii: "0") + UInt8(cents / 10))
            put(UInt8(ascii: "."))
            var yuan = fen / 100, digits = 0
            repeat {
                if digits > 0 && digits % 3 == 0 { put(UInt8(ascii: ",")) }
                put(UInt8(ascii: "0") + UInt8(yuan % 10))
                yuan /= 10
                digits += 1
            } while yuan > 0
            let count = buffer.count - end
            for i in 0..<count { buffer[i] = buffer[end + i] }
            return count
        }
    }

    /// Canonical decimal text with two places: `34020.00` (the same as `description`).
    package var decimal: String { description }

    /// `¥34,020.00`: the figures beside a 大写 amount, with the yuan sign U+00A5 and thousands separators.
    /// Not the full-width U+FFE5: the free faces documents print in without the official fonts (every
    /// Fandol face) draw U+FFE5 as a full-width dollar sign, while every face draws U+00A5 as ¥. The text
    /// output, for GB2312 printers, which lack U+00A5, prints it as ￥ (`InlineText.printable`).
    package var figures: String { "¥" + grouped }

    /// The largest amount Wenshu prints, 999,999,999,999.99 (the capitals' 仟亿 range).
    package static let maximum = Amount(fen: 999_999_999_999_99)

    /// Reads an amount as templates receive it — surrounding ASCII spaces ignored, leading zeros allowed —
    /// and says precisely what is wrong otherwise (negative, too many decimals, too large, not a number).
    package init(validating text: String) throws(AmountError) {
        if let amount = Amount(text), amount <= .maximum {  // the usual case: already canonical
            self = amount
            return
        }
        let trimmed = text.trimmingCharacters(in: CharacterSet(charactersIn: " \t\r\n"))
        if trimmed.hasPrefix("-"), Amount(String(trimmed.dropFirst()).droppingLeadingZeros) != nil { throw .negative(trimmed) }
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 2, parts[1].count > 2, parts[1].allSatisfy(\.isASCIIDigit), parts[0].allSatisfy(\.isASCIIDigit) {
            throw .tooManyDecimals(trimmed)
        }
        let significant = trimmed.droppingLeadingZeros
        if let whole = significant.split(separator: ".").first, whole.count > 12, whole.allSatisfy(\.isASCIIDigit) {
            throw .tooLarge(trimmed)
        }
        guard let amount = Amount(significant) else { throw .notAnAmount(trimmed) }
        self = amount
    }

    /// The exact sum; throws when it passes `maximum`.
    package static func sum(_ amounts: [Amount]) throws(AmountError) -> Amount {
        let total = amounts.sum()
        guard total <= maximum else { throw .tooLarge(total.decimal) }
        return total
    }

    package static func + (a: Amount, b: Amount) -> Amount { Amount(fen: a.fen + b.fen) }
    package static func < (a: Amount, b: Amount) -> Bool { a.fen < b.fen }
    package static let zero = Amount(fen: 0)
}

extension Sequence where Element == Amount {
    /// The sum, exactly.
    package func sum() -> Amount { reduce(.zero, +) }
}

/// Why a text is not an amount Wenshu can print; `message` says it for a clerk.
package enum AmountError: Error, Equatable, Sendable {
    case notAnAmount(String)
    case negative(String)
    case tooManyDecimals(String)
    case tooLarge(String)

    /// The refusal in the catalogue's words, for either language.
    package var explanation: DiagnosticArgument {
        switch self {
        case .notAnAmount(let text): return .phrase(FunctionWording.notAnAmount, ["text": "\(text)"])
        case .negative(let text): return .phrase(FunctionWording.negativeAmount, ["text": "\(text)"])
        case .tooManyDecimals(let text): return .phrase(FunctionWording.tooManyDecimals, ["text": "\(text)"])
        case .tooLarge(let text): return .phrase(FunctionWording.amountTooLarge, ["text": "\(text)"])
        }
    }

    package var message: String { explanation.render(in: .current) }
}

extension String {
    /// `007.50` → `7.50`, `0.07` stays, `000` → `0`.
    fileprivate var droppingLeadingZeros: String {
        var s = Substring(self)
        while s.count > 1, s.first == "0", s.dropFirst().first != "." { s = s.dropFirst() }
        return String(s)
    }
}
