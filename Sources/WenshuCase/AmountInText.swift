/// Where an amount is written in figures inside the mediator's own words, so its 大写 can stand right
/// after it: "…赔偿人民币318,640元（大写：人民币叁拾壹万捌仟陆佰肆拾元整），其中…".
///
/// A figure is a run of ASCII digits, with thousands separators (`318,640`) or without, and at most two
/// decimals (`20,300.50`), followed by 元 or preceded by ￥, read as yuan: `318640`, `318,640` and `318,640.00` all match 318,640.00. A figure
/// inside a longer number, one read in 万 (`31.864万元`) or one already followed by its 大写 (`（大写`) does
/// not count. The match runs to the end of the figure and of the 元 after it, if any. The first figure
/// with the amount's value is the one.
extension Amount {
    /// The figure as a mediator writes it in a sentence: `318,640` for a whole number of yuan, else `20,300.50`.
    package var writtenInText: String { fen % 100 == 0 ? String(grouped.dropLast(3)) : grouped }

    package func figureRange(in text: String) -> Range<String.Index>? {
        // Read on the UTF-8 bytes (a scalar walk with a String of digits cost ≈ 14 K instructions a term):
        // an ASCII byte is a whole scalar and no other scalar holds one, so digits, "," and "." are found as
        // the scalars were; the scalars around a figure are compared by their bytes.
        let utf8 = text.utf8
        let bytes = Array(utf8)
        func isDigit(_ i: Int) -> Bool { i < bytes.count && bytes[i] >= 0x30 && bytes[i] <= 0x39 }
        func has(_ sequence: [UInt8], at i: Int) -> Bool {
            i >= 0 && i + sequence.count <= bytes.count && bytes[i..<i + sequence.count].elementsEqual(sequence)
        }
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        var i = 0
        while i < bytes.count {
            guard isDigit(i) else {
                i += 1
                continue
            }
            // A figure starts here: runs are read whole, so it is never the tail of a longer number.
            let start = i
            let marked = has(Self.fullWidthYen, at: start - 3) || has(Self.yen, at: start - 2)
            var digits: [UInt8] = []
            var sawPoint = false
            while i < bytes.count {
                if isDigit(i) {
                    digits.append(bytes[i])
                } else if bytes[i] == UInt8(ascii: ","), !sawPoint, isDigit(i + 1) {
                    // a separator between digit groups
                } else if bytes[i] == UInt8(ascii: "."), !sawPoint, isDigit(i + 1) {
                    sawPoint = true
                    digits.append(bytes[i])
                } else {
                    break
                }
                i += 1
            }
            let end = i
            guard let figure = Amount(utf8: digits), figure == self else { continue }
            // A combining mark on the last digit makes it no digit (docs/development.md).
            if end < bytes.count, text.unicodeScalars[index(end)].properties.generalCategory == .nonspacingMark { continue }
            var after = end
            if has(Self.wan, at: after) || has(Self.yi, at: after) { continue }
            if has(Self.yuan, at: after) {
                after += Self.yuan.count
            } else if !marked {
                continue  // a figure that is no sum of money: a year, a count, a distance
            }
            let afterIndex = index(after)
            if text[afterIndex...].hasPrefix("（大写") || text[afterIndex...].hasPrefix("(大写") { continue }
            return index(start)..<afterIndex
        }
        return nil
    }

    private static let yen = Array("¥".utf8), fullWidthYen = Array("￥".utf8)
    private static let wan = Array("万".utf8), yi = Array("亿".utf8), yuan = Array("元".utf8)
}
