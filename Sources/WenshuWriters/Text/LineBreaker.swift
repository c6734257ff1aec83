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
        if after == " " { return false }          // spaces hang at the end of the line they follow
        if before == " " { return !noLineStart.contains(after) }
        if noLineStart.contains(after) || noLineEnd.contains(before) { return false }
        if before == "\u{200B}" { return true }    // a zero width space is a break opportunity by definition
        // A run of narrow characters is a Latin word or a number.
        return !(width.of(before) <= 1 && width.of(after) <= 1)
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
    struct Unit {
        var characters: [Character]
        var width: Int
        var visibleWidth: Int
    }

    func units(_ characters: [Character]) -> [Unit] {
        var result: [Unit] = []
        var current: [Character] = []
        for character in characters {
            if let last = current.last, Self.canBreak(between: last, and: character, width: width) {
                result.append(unit(current))
                current = []
            }
            current.append(character)
        }
        if !current.isEmpty { result.append(unit(current)) }
        return result
    }

    private func unit(_ characters: [Character]) -> Unit {
        let total = characters.reduce(0) { $0 + width.of($1) }
        let trailing = characters.reversed().prefix { $0 == " " }.count
        return Unit(characters: characters, width: total, visibleWidth: total - trailing)
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
                line.append(unit.characters, width: unit.width)
                continue
            }
            if !line.isEmptyOrBlank { finish() }
            if unit.visibleWidth <= limit {
                line = MeasuredLine()
                line.append(unit.characters, width: unit.width)
                continue
            }
            var pieces = cut(unit.characters, firstColumns: limit, columns: max(columns, 1))
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
