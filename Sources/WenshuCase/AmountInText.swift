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
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        func isDigit(_ i: String.UnicodeScalarView.Index) -> Bool {
            i < scalars.endIndex && scalars[i].value >= 0x30 && scalars[i].value <= 0x39
        }
        while index < scalars.endIndex {
            guard isDigit(index) else {
                index = scalars.index(after: index)
                continue
            }
            // A figure starts here: runs are read whole, so it is never the tail of a longer number.
            let start = index
            let marked = start > scalars.startIndex && ["￥", "¥"].contains(scalars[scalars.index(before: start)])
            var digits = ""
            var end = index
            var sawPoint = false
            while end < scalars.endIndex {
                let scalar = scalars[end]
                if isDigit(end) {
                    digits.unicodeScalars.append(scalar)
                } else if scalar == ",", !sawPoint, isDigit(scalars.index(after: end)) {
                    // a separator between digit groups
                } else if scalar == ".", !sawPoint, isDigit(scalars.index(after: end)) {
                    sawPoint = true
                    digits.unicodeScalars.append(scalar)
                } else {
                    break
                }
                end = scalars.index(after: end)
            }
            index = end
            guard let figure = Amount(digits), figure == self else { continue }
            // A combining mark on the last digit makes it no digit (docs/development.md).
            if end < scalars.endIndex, scalars[end].properties.generalCategory == .nonspacingMark { continue }
            var after = end
            if after < scalars.endIndex, scalars[after] == "万" || scalars[after] == "亿" { continue }
            if after < scalars.endIndex, scalars[after] == "元" {
                after = scalars.index(after: after)
            } else if !marked {
                continue  // a figure that is no sum of money: a year, a count, a distance
            }
            if text[after...].hasPrefix("（大写") || text[after...].hasPrefix("(大写") { continue }
            return start..<after
        }
        return nil
    }
}
