/// Whole numbers spelled in Chinese characters, four digits to a group (个, 万, 亿): the one walk behind
/// both 大写金额 (壹万贰仟) and ordinary numerals (一万二千, 第三条, 一式三份).
///
/// Zeros: one 零 for each run of zeros that lies between two non-zero digits; the group units 万 and 亿
/// neither break nor absorb a run, so 107000 is 拾万零柒仟 and 100010000 is 壹亿零壹万 (the People's
/// Bank's rule 2; we never use rule 3's licence to drop a 零 at the 万 or 元 place).
///
/// The spelling is written as UTF-8 bytes, every glyph three of them, and made a `String` once: appending
/// a `Character` and a unit's `String` for each figure cost about 400 instructions a number (binding the
/// agreement spells some forty numbers a document).
package struct ChineseNumberSpelling: Sendable {
    /// The UTF-8 of the glyphs, three bytes each: the digits 零 … 九 (0–9), the units inside a group of four
    /// (10–12: tens, hundreds, thousands) and the group units 万 and 亿 (13, 14).
    private let glyphs: [UInt8]

    private init(digits: String, units: String) {
        glyphs = Array((digits + units + "万亿").utf8)
        precondition(glyphs.count == 15 * 3, "every glyph is three bytes of UTF-8")
    }

    /// 零壹贰叁肆伍陆柒捌玖 with 拾佰仟: amounts on vouchers and agreements.
    package static let financial = ChineseNumberSpelling(digits: "零壹贰叁肆伍陆柒捌玖", units: "拾佰仟")
    /// 零一二三四五六七八九 with 十百千: ordinals, counts, dates.
    package static let ordinary = ChineseNumberSpelling(digits: "零一二三四五六七八九", units: "十百千")

    /// The largest number spelled: 9999亿9999万9999.
    package static let maximum: Int64 = 999_999_999_999

    /// Appends the digit `digit` (0–9).
    package func appendDigit(_ digit: Int, to bytes: inout [UInt8]) {
        appendGlyph(digit, to: &bytes)
    }

    @inline(__always)
    private func appendGlyph(_ index: Int, to bytes: inout [UInt8]) {
        bytes.append(glyphs[3 * index])
        bytes.append(glyphs[3 * index + 1])
        bytes.append(glyphs[3 * index + 2])
    }

    /// Appends `n` (1 ... `maximum`) spelled, as UTF-8, to `bytes`. Returns whether the number ends in a run
    /// of zeros that a following non-zero part (角 or 分 of an amount) must open with 零.
    package func spell(_ n: Int64, into bytes: inout [UInt8]) -> Bool {
        precondition(n > 0 && n <= Self.maximum, "spell(\(n)) is out of range")
        var count = 1  // figures in n
        while n >= Self.powersOfTen[count] { count += 1 }
        bytes.reserveCapacity(bytes.count + 6 * count + 6)  // a digit and a unit a figure, 万 and 亿
        var pendingZero = false
        for position in stride(from: count - 1, through: 0, by: -1) {
            let digit = Int((n / Self.powersOfTen[position]) % 10)
            if digit == 0 {
                pendingZero = true  // the first figure is never 0, so this zero follows a non-zero one
            } else {
                if pendingZero { appendGlyph(0, to: &bytes) }
                pendingZero = false
                appendGlyph(digit, to: &bytes)
                if position % 4 > 0 { appendGlyph(9 + position % 4, to: &bytes) }
            }
            // The group unit when the group of four figures it closes (4 for 万, 8 for 亿) holds a non-zero one.
            if position % 4 == 0, position > 0, (n / Self.powersOfTen[position]) % 10_000 != 0 {
                appendGlyph(12 + position / 4, to: &bytes)
            }
        }
        return pendingZero
    }

    /// 10⁰ … 10¹²: figures are read by division (a number's `String` and its `Character`s cost more than
    /// spelling it).
    private static let powersOfTen: [Int64] = (0...12).map { power in (0..<power).reduce(1) { product, _ in product * 10 } }
}

/// Ordinary Chinese numerals: 十, 十二, 一百零五, 一万零一十, 十万.
package enum ChineseNumerals {
    /// `n` in ordinary numerals; a leading ten is 十, not 一十 (十五, 十万), as Chinese writes it.
    /// A count before a measure word: two is 两 (一式两份, 两人), as Chinese says it; any other number as
    /// `spell` writes it (二十份, 十二份).
    package static func count(_ n: Int64) -> String {
        n == 2 ? "两" : spell(n)
    }

    package static func spell(_ n: Int64) -> String {
        var bytes: [UInt8] = []
        spell(n, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `spell(n)` appended to `bytes` as UTF-8.
    package static func spell(_ n: Int64, into bytes: inout [UInt8]) {
        if n == 0 { bytes.append(contentsOf: zero); return }
        let start = bytes.count
        _ = ChineseNumberSpelling.ordinary.spell(n, into: &bytes)
        if bytes[start...].starts(with: leadingTen) { bytes.removeSubrange(start..<start + 3) }
    }

    private static let zero = Array("零".utf8)
    /// 一十, written 十 at the start of a number.
    private static let leadingTen = Array("一十".utf8)

    /// 第三, or 第三条 with a unit.
    package static func ordinal(_ n: Int64, unit: String = "") -> String {
        "第" + spell(n) + unit
    }

    /// Each digit on its own, as years are read: 2026 → 二〇二六.
    package static func digitByDigit(_ n: Int) -> String {
        var bytes: [UInt8] = []
        digitByDigit(n, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `digitByDigit(n)` appended to `bytes` as UTF-8.
    package static func digitByDigit(_ n: Int, into bytes: inout [UInt8]) {
        forEachFigure(of: n) { figure in bytes.append(contentsOf: yearDigits[3 * figure ..< 3 * figure + 3]) }
    }

    /// Calls `body` with each decimal figure of `n`'s magnitude (0–9), the first figure first, as `"\(n)"`
    /// writes them, without making that `String`.
    package static func forEachFigure(of n: Int, _ body: (Int) -> Void) {
        var power: UInt = 1  // the place of n's first figure
        while n.magnitude / power >= 10 { power *= 10 }
        while power > 0 {
            body(Int(n.magnitude / power % 10))
            power /= 10
        }
    }

    /// The UTF-8 of 〇一二三四五六七八九, three bytes each.
    private static let yearDigits = Array("〇一二三四五六七八九".utf8)
}
