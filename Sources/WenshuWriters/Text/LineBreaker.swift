import WenshuDocument

/// Breaks text into lines of a fixed display width with the Chinese line-breaking rules (禁则):
/// no line starts with closing punctuation, none ends with opening punctuation, Latin words and numbers
/// (`34,020.00`, `13805712345`, `￥1,409.02`) stay whole, and Chinese may break between any two characters
/// otherwise. A character that would break a rule moves to the next line with its neighbour (推出), since
/// fixed-width output cannot squeeze punctuation into the margin.
package struct LineBreaker: Sendable {
    package let width: DisplayWidth

    package init(width: DisplayWidth) {
        self.width = width
    }

    /// Characters that must not begin a line: closing brackets and quotes, sentence and clause punctuation,
    /// ellipsis and dashes, iteration marks, postfix signs.
    package static let noLineStart: Set<Character> = Set(
        "，。、；：？！）」』》〉】〕〗〙〛｝］’”…‥—―–～·・％‰℃°′″々〻ゝゞヽヾーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"
            + "．｡､！？：；,.;:?!)]}%"
    )

    /// Characters that must not end a line: opening brackets and quotes, prefix currency signs, and the
    /// checkbox glyphs that belong to the label after them.
    package static let noLineEnd: Set<Character> = Set("（「『《〈【〔〖〘〚｛［‘“([{￥＄$£￡□☑☐■")

    /// May a line break fall between `before` and `after`?
    package static func canBreak(between before: Character, and after: Character, width: DisplayWidth) -> Bool {
        canBreak(between: before, width.of(before), and: after, width.of(after))
    }

    /// `canBreak(between:and:width:)` with the two characters' widths already measured.
    static func canBreak(between before: Character, _ beforeWidth: Int, and after: Character, _ afterWidth: Int) -> Bool {
        if isScalar(after, 0x20) { return false }          // spaces hang at the end of the line they follow
        if isScalar(before, 0x20) { return !isNoLineStart(after) }
        if isNoLineStart(after) || isNoLineEnd(before) { return false }
        if isScalar(before, 0x200B) { return true }    // a zero width space is a break opportunity by definition
        // A run of narrow characters is a Latin word or a number.
        return !(beforeWidth <= 1 && afterWidth <= 1)
    }

    /// Is `character` the one code point `value`? (Cheaper than comparing `Character`s.)
    private static func isScalar(_ character: Character, _ value: UInt32) -> Bool {
        let scalars = character.unicodeScalars
        return scalars.first?.value == value && scalars.index(after: scalars.startIndex) == scalars.endIndex
    }

    /// A CJK unified ideograph or an ASCII letter or digit: in neither rule set, so most characters of a
    /// form skip the sets' hashing.
    private static func isPlain(_ character: Character) -> Bool {
        let scalars = character.unicodeScalars
        guard let scalar = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex else { return false }
        let value = scalar.value
        return (0x4E00...0x9FFF).contains(value) || (0x30...0x39).contains(value)
            || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
    }

    private static func isNoLineStart(_ character: Character) -> Bool {
        !isPlain(character) && noLineStart.contains(character)
    }

    private static func isNoLineEnd(_ character: Character) -> Bool {
        !isPlain(character) && noLineEnd.contains(character)
    }

    /// Lays out one paragraph's text (`\n` forces a break) into lines no wider than `columns`; the first
    /// line is `firstLineIndent` columns narrower. Lines carry no leading indent and no trailing spaces.
    package func lines(_ text: String, columns: Int, firstLineIndent: Int = 0) -> [MeasuredLine] {
        var result: [MeasuredLine] = []
        for (index, hardLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let indent = index == 0 ? firstLineIndent : 0
            result += fill(units(Array(hardLine)), firstColumns: columns - indent, columns: columns)
        }
        return result
    }

    /// An unbreakable piece of text: its characters, and its width with and without trailing spaces.
    /// Most units are one Chinese character, which a `String` holds without allocating.
    struct Unit {
        var text: String
        var width: Int
        var visibleWidth: Int
    }

    func units(_ characters: [Character]) -> [Unit] {
        var result: [Unit] = []
        var current = ""
        var last: Character?
        // Each character is measured once: its width, the unit's width, the unit's trailing spaces.
        var lastWidth = 0, currentWidth = 0, trailingSpaces = 0
        for character in characters {
            let characterWidth = width.of(character)
            if let last, Self.canBreak(between: last, lastWidth, and: character, characterWidth) {
                result.append(Unit(text: current, width: currentWidth, visibleWidth: currentWidth - trailingSpaces))
                current = ""
                currentWidth = 0
                trailingSpaces = 0
            }
            current.append(character)
            currentWidth += characterWidth
            trailingSpaces = Self.isScalar(character, 0x20) ? trailingSpaces + 1 : 0
            lastWidth = characterWidth
            last = character
        }
        if last != nil {
            result.append(Unit(text: current, width: currentWidth, visibleWidth: currentWidth - trailingSpaces))
        }
        return result
    }

    /// Greedy filling: a unit goes on the current line if its visible part fits, otherwise it starts the
    /// next one; a unit wider than a whole line is cut (`cut`).
    private func fill(_ units: [Unit], firstColumns: Int, columns: Int) -> [MeasuredLine] {
        var lines: [MeasuredLine] = []
        var line = MeasuredLine()
        var limit = max(firstColumns, 1)
        func finish() {
            lines.append(line.trimmed(width: width))
            line = MeasuredLine()
            limit = max(columns, 1)
        }
        for unit in units {
            if line.width + unit.visibleWidth <= limit {
                line.text += unit.text
                line.width += unit.width
                continue
            }
            if !line.isEmptyOrBlank { finish() }
            if unit.visibleWidth <= limit {
                line = MeasuredLine(text: unit.text, width: unit.width)
                continue
            }
            var pieces = cut(Array(unit.text), firstColumns: limit, columns: max(columns, 1))
            let last = pieces.removeLast()
            for piece in pieces {
                line = MeasuredLine()
                line.append(piece, width: piece.reduce(0) { $0 + width.of($1) })
                finish()
            }
            line = MeasuredLine()
            line.append(last, width: last.reduce(0) { $0 + width.of($1) })
        }
        lines.append(line.trimmed(width: width))
        return lines
    }

    /// Cuts an over-long unit (a URL, a run of blanks) into pieces that fit, still keeping closing
    /// punctuation off the start and opening punctuation off the end of a piece where the piece has room
    /// to give a character away.
    private func cut(_ characters: [Character], firstColumns: Int, columns: Int) -> [[Character]] {
        var pieces: [[Character]] = []
        var piece: [Character] = []
        var pieceWidth = 0
        var limit = firstColumns
        for character in characters {
            let w = width.of(character)
            if pieceWidth + w > limit && !piece.isEmpty {
                var carried: [Character] = []
                while piece.count > 1,
                      Self.noLineStart.contains(carried.first ?? character) || Self.noLineEnd.contains(piece.last!) {
                    carried.insert(piece.removeLast(), at: 0)
                }
                pieces.append(piece)
                piece = carried
                pieceWidth = carried.reduce(0) { $0 + width.of($1) }
                limit = columns
            }
            piece.append(character)
            pieceWidth += w
        }
        pieces.append(piece)
        return pieces
    }
}

/// A line of text with its display width.
package struct MeasuredLine: Sendable, Equatable {
    package var text: String = ""
    package var width: Int = 0

    package init(text: String = "", width: Int = 0) {
        self.text = text
        self.width = width
    }

    mutating func append(_ characters: [Character], width: Int) {
        text.append(contentsOf: characters)
        self.width += width
    }

    var isEmptyOrBlank: Bool { text.allSatisfy { $0 == " " } }

    /// The line without trailing spaces (ASCII and ideographic).
    package func trimmed(width measure: DisplayWidth) -> MeasuredLine {
        var text = Substring(self.text)
        var width = self.width
        while let last = text.last, last == " " || last == "\u{3000}" {
            width -= measure.of(last)
            text = text.dropLast()
        }
        return MeasuredLine(text: String(text), width: width)
    }

    /// The line placed in a field `columns` wide: left, centred or right (justified text is set left, as a
    /// fixed-width page cannot stretch Chinese), after `indent` columns of leading text.
    package func aligned(_ alignment: Alignment, in columns: Int, indent: String = "", indentWidth: Int = 0) -> MeasuredLine {
        let room = max(columns - indentWidth - width, 0)
        let lead: Int
        switch alignment {
        case .left, .justify: lead = 0
        case .center: lead = room / 2
        case .right: lead = room
        }
        return MeasuredLine(text: indent + String(repeating: " ", count: lead) + text, width: indentWidth + lead + width)
    }
}
