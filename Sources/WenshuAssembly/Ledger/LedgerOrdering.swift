/// The order a clerk files case numbers in: by year, then series, then number as an integer, so
/// `（2026）西交调字第9号` comes before `（2026）西交调字第37号` and both after `（2025）西交调字第120号`.
///
/// A number is read as runs of digits and runs of other characters; digit runs compare as integers (of any
/// length), other runs character by character, and a digit run comes before text at the same place. Before
/// comparing, the bracket styles offices use around the year — （）, (), 〔〕, [], 【】, ［］ — count as one,
/// and full-width digits as ASCII ones, so `〔2026〕…第３号` files with `（2026）…第3号`. Numbers that still
/// compare equal (`第037号` and `第37号`) fall back to their exact text, so the order is total and stable.
package enum CaseNumberOrder {
    /// True when case number `a` files before `b`.
    package static func precedes(_ a: String, _ b: String) -> Bool {
        let (x, y) = (segments(a), segments(b))
        for (p, q) in zip(x, y) where p != q {
            return p < q
        }
        if x.count != y.count { return x.count < y.count }
        return a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
    }

    /// The facts sorted by case number (and by file name for two cases that share one).
    package static func sorted(_ facts: [CaseFacts]) -> [CaseFacts] {
        facts.sorted { a, b in
            if a.number != b.number { return precedes(a.number, b.number) }
            return a.file.unicodeScalars.lexicographicallyPrecedes(b.file.unicodeScalars)
        }
    }

    /// The facts in the order a register lists them: by acceptance date (受理日期), then by case number, then
    /// by file name — the order the cases came in, as a register written by hand runs. Cases without an
    /// acceptance date (never in a register) come last.
    public static func byAcceptance(_ facts: [CaseFacts]) -> [CaseFacts] {
        facts.sorted { a, b in
            let (p, q) = (a.accepted?.dayNumber ?? .max, b.accepted?.dayNumber ?? .max)
            if p != q { return p < q }
            if a.number != b.number { return precedes(a.number, b.number) }
            return a.file.unicodeScalars.lexicographicallyPrecedes(b.file.unicodeScalars)
        }
    }

    enum Segment: Comparable {
        /// Digits without leading zeros ("" for zero).
        case number(String)
        case text([Unicode.Scalar])

        static func < (a: Segment, b: Segment) -> Bool {
            switch (a, b) {
            case (.number(let p), .number(let q)):
                return p.count != q.count ? p.count < q.count : p < q
            case (.number, .text): return true
            case (.text, .number): return false
            case (.text(let p), .text(let q)):
                return p.lexicographicallyPrecedes(q) { $0.value < $1.value }
            }
        }
    }

    static func segments(_ text: String) -> [Segment] {
        var result: [Segment] = []
        var digits = ""
        var other: [Unicode.Scalar] = []
        func flushDigits() {
            guard !digits.isEmpty else { return }
            result.append(.number(String(digits.drop { $0 == "0" })))
            digits = ""
        }
        func flushText() {
            guard !other.isEmpty else { return }
            result.append(.text(other))
            other = []
        }
        for scalar in text.unicodeScalars {
            let s = normalized(scalar)
            if ("0"..."9").contains(s) {
                flushText()
                digits.unicodeScalars.append(s)
            } else {
                flushDigits()
                other.append(s)
            }
        }
        flushDigits()
        flushText()
        return result
    }

    private static func normalized(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar {
        case "(", "〔", "[", "【", "［": return "（"
        case ")", "〕", "]", "】", "］": return "）"
        case "０"..."９": return Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!
        default: return scalar
        }
    }
}
