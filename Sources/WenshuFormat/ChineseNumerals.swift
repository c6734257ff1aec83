/// Whole numbers spelled in Chinese characters, four digits to a group (个, 万, 亿): the one walk behind
/// both 大写金额 (壹万贰仟) and ordinary numerals (一万二千, 第三条, 一式三份).
///
/// Zeros: one 零 for each run of zeros that lies between two non-zero digits; the group units 万 and 亿
/// neither break nor absorb a run, so 107000 is 拾万零柒仟 and 100010000 is 壹亿零壹万 (the People's
/// Bank's rule 2; we never use rule 3's licence to drop a 零 at the 万 or 元 place).
package struct ChineseNumberSpelling: Sendable {
    let digits: [Character]
    /// The units inside a group of four: ones, tens, hundreds, thousands.
    let units: [String]
    /// The group units: none, 万, 亿.
    let groups: [String]

    /// 零壹贰叁肆伍陆柒捌玖 with 拾佰仟: amounts on vouchers and agreements.
    package static let financial = ChineseNumberSpelling(
        digits: Array("零壹贰叁肆伍陆柒捌玖"), units: ["", "拾", "佰", "仟"], groups: ["", "万", "亿"])
    /// 零一二三四五六七八九 with 十百千: ordinals, counts, dates.
    package static let ordinary = ChineseNumberSpelling(
        digits: Array("零一二三四五六七八九"), units: ["", "十", "百", "千"], groups: ["", "万", "亿"])

    /// The largest number spelled: 9999亿9999万9999.
    package static let maximum: Int64 = 999_999_999_999

    /// Spells `n` (1 ... `maximum`). `endsInZeros` says the number ends in a run of zeros that a following
    /// non-zero part (角 or 分 of an amount) must open with 零.
    package func spell(_ n: Int64) -> (text: String, endsInZeros: Bool) {
        precondition(n > 0 && n <= Self.maximum, "spell(\(n)) is out of range")
        var count = 1  // figures in n
        while n >= Self.powersOfTen[count] { count += 1 }
        var text = ""
        text.reserveCapacity(6 * count)  // at most a digit and a unit a figure, three bytes each
        var pendingZero = false
        for position in stride(from: count - 1, through: 0, by: -1) {
            let digit = Int((n / Self.powersOfTen[position]) % 10)
            if digit == 0 {
                pendingZero = true  // the first figure is never 0, so this zero follows a non-zero one
            } else {
                if pendingZero { text.append(digits[0]) }
                pendingZero = false
                text.append(digits[digit])
                text += units[position % 4]
            }
            // The group unit when the group of four figures it closes (4 for 万, 8 for 亿) holds a non-zero one.
            if position % 4 == 0, position > 0, (n / Self.powersOfTen[position]) % 10_000 != 0 {
                text += groups[position / 4]
            }
        }
        return (text, pendingZero)
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
        if n == 0 { return "零" }
        let text = ChineseNumberSpelling.ordinary.spell(n).text
        return text.utf8.starts(with: "一十".utf8) ? String(text.dropFirst()) : text
    }

    /// 第三, or 第三条 with a unit.
    package static func ordinal(_ n: Int64, unit: String = "") -> String {
        "第" + spell(n) + unit
    }

    /// Each digit on its own, as years are read: 2026 → 二〇二六.
    package static func digitByDigit(_ n: Int) -> String {
        var text = ""
        for figure in String(n.magnitude).utf8 { text.unicodeScalars.append(yearDigits[Int(figure - 0x30)]) }
        return text
    }

    private static let yearDigits = Array("〇一二三四五六七八九".unicodeScalars)
}
