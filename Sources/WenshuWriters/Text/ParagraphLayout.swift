import WenshuDocument

/// Sets a paragraph's text into aligned lines of a given width.
package struct ParagraphLayout: Sendable {
    package let breaker: LineBreaker
    /// Layouts made before, in this document or an earlier one of the writer's; `nil` lays out every time.
    let cache: ParagraphLayoutCache?

    /// The first-line indent of Chinese body text: two full-width spaces.
    package static let indent = "\u{3000}\u{3000}"

    package init(width: DisplayWidth) {
        self.init(width: width, cache: nil)
    }

    init(width: DisplayWidth, cache: ParagraphLayoutCache?) {
        breaker = LineBreaker(width: width)
        self.cache = cache
    }

    package var width: DisplayWidth { breaker.width }

    /// The lines of `text` (`\n` forces a break) in a field `columns` wide. An empty text is one empty line.
    /// A field too narrow for the indent and two characters after it (a narrow table cell) gets no indent.
    package func lines(_ text: String, alignment: Alignment, firstLineIndent: Bool = false, columns: Int) -> [MeasuredLine] {
        guard let cache else { return layOut(text, alignment: alignment, firstLineIndent: firstLineIndent, columns: columns) }
        let key = ParagraphLayoutCache.Key(text: text, columns: columns, alignment: alignment,
                                           firstLineIndent: firstLineIndent, ambiguousWidth: width.ambiguous)
        return cache.lines(key) { layOut(text, alignment: alignment, firstLineIndent: firstLineIndent, columns: columns) }
    }

    /// `lines(_:alignment:firstLineIndent:columns:)` made afresh.
    func layOut(_ text: String, alignment: Alignment, firstLineIndent: Bool, columns: Int) -> [MeasuredLine] {
        // U+3000 is East Asian wide whatever `ambiguous` is: the indent is 4 columns.
        let firstLineIndent = firstLineIndent && columns >= Self.indentWidth + 4
        let indentWidth = firstLineIndent ? Self.indentWidth : 0
        var lines = breaker.lines(text, columns: columns, firstLineIndent: indentWidth,
                                  storage: cache?.clusters ?? LineBreaker.ClusterStorage())
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
