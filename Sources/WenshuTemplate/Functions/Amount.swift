/// An amount of money in 分 (hundredths of a yuan), read from its decimal text and never through a
/// binary floating-point number: 19.99 is 1999 分 exactly (as a Double, 19.99 × 100 = 1998.999…).
package struct Amount: Sendable, Hashable, Comparable {
    package let fen: Int64

    /// The largest amount written in capitals: 玖仟玖佰玖拾玖亿…玖元玖角玖分.
    package static let maximum = Amount(fen: ChineseNumberSpelling.maximum * 100 + 99)

    package init(fen: Int64) {
        self.fen = fen
    }

    /// Reads `14020.00`, `10000`, `0.07`: digits, optionally a point and one or two decimals; no sign, no
    /// separators, surrounding spaces ignored.
    package init(_ text: String) throws(AmountError) {
        let trimmed = text.trimmingASCIIWhitespace
        let bytes = Array(trimmed.utf8)
        let isDigit = { (b: UInt8) in b >= 0x30 && b <= 0x39 }
        if bytes.first == UInt8(ascii: "-"), (try? Amount(String(trimmed.dropFirst()))) != nil {
            throw .negative(trimmed)
        }
        let point = bytes.firstIndex(of: UInt8(ascii: ".")) ?? bytes.count
        let whole = bytes[..<point]
        let decimals = point < bytes.count ? bytes[(point + 1)...] : []
        guard !whole.isEmpty, whole.allSatisfy(isDigit), decimals.allSatisfy(isDigit),
              point == bytes.count || !decimals.isEmpty else { throw .notAnAmount(trimmed) }
        guard decimals.count <= 2 else { throw .tooManyDecimals(trimmed) }
        let significant = whole.drop { $0 == UInt8(ascii: "0") }
        guard significant.count <= String(ChineseNumberSpelling.maximum).count else { throw .tooLarge(trimmed) }
        let yuan = significant.reduce(Int64(0)) { $0 * 10 + Int64($1 - 0x30) }
        let cents = (decimals + Array(repeating: UInt8(ascii: "0"), count: 2 - decimals.count))
            .reduce(Int64(0)) { $0 * 10 + Int64($1 - 0x30) }
        fen = yuan * 100 + cents
    }

    /// The exact sum; throws when it passes `maximum`.
    package static func sum(_ amounts: [Amount]) throws(AmountError) -> Amount {
        let total = amounts.reduce(Int64(0)) { $0 + $1.fen }
        guard total <= maximum.fen else { throw .tooLarge(Amount(fen: total).decimal) }
        return Amount(fen: total)
    }

    package static func < (a: Amount, b: Amount) -> Bool { a.fen < b.fen }

    /// `34020.00`: the canonical decimal text, two decimals.
    package var decimal: String {
        "\(fen / 100).\(twoDigits(fen % 100))"
    }

    /// `￥34,020.00`: the figures beside a 大写 amount, with the full-width yen sign U+FFE5 (the form
    /// GB2312/GBK printers have) and thousands separators.
    package var figures: String {
        var whole = Array(String(fen / 100))
        var grouped = ""
        while whole.count > 3 {
            grouped = "," + String(whole.suffix(3)) + grouped
            whole.removeLast(3)
        }
        return "￥" + String(whole) + grouped + "." + twoDigits(fen % 100)
    }

    /// 大写金额 by the People's Bank rules for vouchers (domain.md §4):
    /// `人民币壹仟肆佰零玖元零贰分`, `人民币壹万贰仟元整`, `人民币柒分`.
    ///
    /// - 整 follows 元 when there are no 角 and 分; none after 角 (the rules allow either; we follow their
    ///   own example ￥1,409.50 → 壹仟肆佰零玖元伍角) and never after 分.
    /// - One 零 per run of zeros between non-zero digits, the run read through 万, 亿 and 元: 1,680.32 →
    ///   壹仟陆佰捌拾元零叁角贰分, 1,409.02 → …玖元零贰分, 107,000.53 → 壹拾万零柒仟元零伍角叁分. Of the
    ///   spellings the rules allow, this is the one we keep.
    /// - A leading ten is 壹拾 (financial use).
    /// - Nothing before 元 when the amount is under one yuan: 0.07 → 人民币柒分; zero is 人民币零元整.
    ///
    /// Precondition: `self <= .maximum` (construction from text guarantees it).
    package var capitals: String {
        let spelling = ChineseNumberSpelling.financial
        let yuan = fen / 100, jiao = Int((fen / 10) % 10), cent = Int(fen % 10)
        if fen == 0 { return "人民币零元整" }
        var text = "人民币"
        var pendingZero = false
        if yuan > 0 {
            let spelled = spelling.spell(yuan)
            text += spelled.text + "元"
            pendingZero = spelled.endsInZeros
            if jiao == 0 && cent == 0 { return text + "整" }
        }
        if jiao > 0 {
            if pendingZero { text.append(spelling.digits[0]) }
            text += String(spelling.digits[jiao]) + "角"
            pendingZero = false
        } else if yuan > 0 {
            pendingZero = true  // 元 and 分 present, 角 zero: the run of zeros reaches the 分
        }
        if cent > 0 {
            if pendingZero { text.append(spelling.digits[0]) }
            text += String(spelling.digits[cent]) + "分"
        }
        return text
    }

    private func twoDigits(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

/// Why a text is not an amount Wenshu can print; `message` says it for a clerk.
package enum AmountError: Error, Equatable, Sendable {
    case notAnAmount(String)
    case negative(String)
    case tooManyDecimals(String)
    case tooLarge(String)

    package var message: String {
        switch self {
        case .notAnAmount(let text):
            return "“\(text)” is not an amount: write digits with at most two decimals and no separators, e.g. 14020.00"
        case .negative(let text):
            return "\(text) is negative: an amount to pay is written as a positive number"
        case .tooManyDecimals(let text):
            return "\(text) has more than two decimals: amounts are kept to the 分 (0.01)"
        case .tooLarge(let text):
            return "\(text) is more than 999999999999.99, the largest amount written in capitals"
        }
    }
}

extension String {
    /// The text without leading and trailing ASCII spaces, tabs and line breaks (the ideographic space
    /// U+3000 is content in Chinese text and stays). Works on UTF-8 bytes: every case value passes here.
    package var trimmingASCIIWhitespace: String {
        let bytes = utf8
        let isSpace = { (b: UInt8) in b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first..<bytes.index(after: last)])  // both ends sit next to ASCII: scalar boundaries
    }
}
