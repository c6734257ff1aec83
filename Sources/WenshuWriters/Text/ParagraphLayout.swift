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
        let firstLineIndent = firstLineIndent && columns >= width.of(Self.indent) + 4
        let indentWidth = firstLineIndent ? width.of(Self.indent) : 0
        return breaker.lines(text, columns: columns, firstLineIndent: indentWidth).enumerated().map { index, line in
            index == 0 && firstLineIndent
                ? line.aligned(alignment, in: columns, indent: Self.indent, indentWidth: indentWidth)
                : line.aligned(alignment, in: columns)
        }
    }
}
