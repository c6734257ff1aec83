import WenshuDocument

/// Sets a paragraph's text into aligned lines of a given width.
package struct ParagraphLayout: Sendable {
    package let breaker: LineBreaker

    /// The first-line indent of Chinese body text: two full-width spaces.
    package static let indent = "\u{3000}\u{3000}"

    package init(width: DisplayWidth) {
        breaker = LineBreaker(width: width)
    }

    package var width: DisplayWidth { breaker.width }

    /// The lines of `text` (`\n` forces a break) in a field `columns` wide. An empty text is one empty line.
    /// A field too narrow for the indent and two characters after it (a narrow table cell) gets no indent.
    package func lines(_ text: String, alignment: Alignment, firstLineIndent: Bool = false, columns: Int) -> [MeasuredLine] {
        // U+3000 is East Asian wide whatever `ambiguous` is: the indent is 4 columns.
        let firstLineIndent = firstLineIndent && columns >= Self.indentWidth + 4
        let indentWidth = firstLineIndent ? Self.indentWidth : 0
        var lines = breaker.lines(text, columns: columns, firstLineIndent: indentWidth)
        // Left-aligned lines without an indent stay as the breaker made them; the others are aligned in place.
        guard firstLineIndent || !(alignment == .left || alignment == .justify) else { return lines }
        for index in lines.indices {
            lines[index] = index == 0 && firstLineIndent
                ? lines[index].aligned(alignment, in: columns, indent: Self.indent, indentWidth: indentWidth)
                : lines[index].aligned(alignment, in: columns)
        }
        return lines
    }

    /// The columns of `indent`.
    static let indentWidth = 4
}
