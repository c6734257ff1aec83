import WenshuCase

extension Amount {
    /// 大写金额 by the People's Bank rules for filling vouchers:
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
        let yuan = Int64(fen / 100), jiao = (fen / 10) % 10, cent = fen % 10
        if fen == 0 { return "人民币零元整" }
        // Written as UTF-8 and made a `String` once (a string append per glyph cost more than the spelling).
        var bytes: [UInt8] = []
        bytes.reserveCapacity(112)  // 人民币, twelve figures with their units, 万 and 亿, 元, 角 and 分 with their 零
        bytes.append(contentsOf: CapitalsGlyphs.renminbi)
        var pendingZero = false
        if yuan > 0 {
            pendingZero = spelling.spell(yuan, into: &bytes)
            bytes.append(contentsOf: CapitalsGlyphs.yuan)
            if jiao == 0 && cent == 0 {
                bytes.append(contentsOf: CapitalsGlyphs.whole)
                return String(decoding: bytes, as: UTF8.self)
            }
        }
        if jiao > 0 {
            if pendingZero { spelling.appendDigit(0, to: &bytes) }
            spelling.appendDigit(jiao, to: &bytes)
            bytes.append(contentsOf: CapitalsGlyphs.jiao)
            pendingZero = false
        } else if yuan > 0 {
            pendingZero = true  // 元 and 分 present, 角 zero: the run of zeros reaches the 分
        }
        if cent > 0 {
            if pendingZero { spelling.appendDigit(0, to: &bytes) }
            spelling.appendDigit(cent, to: &bytes)
            bytes.append(contentsOf: CapitalsGlyphs.fen)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

}

/// The UTF-8 of what `capitals` writes besides the figures.
private enum CapitalsGlyphs {
    static let renminbi = Array("人民币".utf8)
    static let yuan = Array("元".utf8)
    static let jiao = Array("角".utf8)
    static let fen = Array("分".utf8)
    static let whole = Array("整".utf8)
}

extension Amount {
    /// `text` with the amount's 大写 right after the figure that writes it (``figureRange(in:)``):
    /// `…赔偿人民币318,640元（大写：人民币叁拾壹万捌仟陆佰肆拾元整），其中…`. A text that writes no such
    /// figure gets both at its end, `（本项金额¥318,640.00，大写：人民币叁拾壹万捌仟陆佰肆拾元整）`, which
    /// cannot be read as the 大写 of another figure (`check` warns: `case.term-amount-figure`).
    package func spelled(in text: String) -> String {
        guard let range = figureRange(in: text) else {
            return text + "（本项金额" + figures + "，大写：" + capitals + "）"
        }
        // Appended into one string reserved at once: each `+` made a new one.
        var spelled = ""
        spelled.reserveCapacity(text.utf8.count + 128)  // the 大写 of the largest amount with its brackets
        spelled += text[..<range.upperBound]
        spelled += "（大写："
        spelled += capitals
        spelled += "）"
        spelled += text[range.upperBound...]
        return spelled
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
        let end = bytes.index(after: last)
        if first == bytes.startIndex && end == bytes.endIndex { return self }  // nothing to trim: no copy
        return String(self[first..<end])  // both ends sit next to ASCII: scalar boundaries
    }
}
