import WenshuDocument

/// What the paginator places, in order: the document's blocks already set into lines.
package enum FlowItem: Sendable {
    /// Lines of text and how they may be split across pages.
    case lines([MeasuredLine], Keep)
    /// An empty line that separates blocks; it is dropped at the top of a page and never doubled.
    case spacer
    /// A signature block's lines row by row (each row with the empty lines before it), and after which
    /// rows a page may end when its group is too tall for one page (``SignatureRows``).
    case signatures([[MeasuredLine]], mayBreakAfter: [Bool])
    /// A table, drawn a group of rows at a time.
    case table(TextTable)
    case pageBreak
    case sectionStart(id: String?, startsNewPage: Bool, numbering: PageNumbering)
    case sectionEnd

    package enum Keep: Sendable {
        /// May break between any two lines (body paragraphs).
        case breakable
        /// Stays on the page of the first lines of what follows (title, number line, headings).
        case withNext
    }
}

/// Sets a document's blocks into flow items for a page `columns` wide.
///
/// Titles are centred and followed by an empty line (after the number line when there is one); headings
/// and body paragraphs are indented by two full-width characters where the model asks for a first-line
/// indent (headings always, as GB/T 9704 sets 一、 and （一） headings); signature blocks get an empty
/// line before them.
package struct TextFlow: Sendable {
    package let columns: Int
    package let layout: ParagraphLayout
    package let text: InlineText
    /// The lines a seal takes, its own included (``SignatureLayout``).
    package let sealLines: Int
    /// A printed line's height on paper in millimetres, which sets how many lines a table row of
    /// handwriting lines takes (``TextTable``); `nil` counts each handwriting line as a printed line.
    package let linePitch: Double?

    package init(columns: Int, width: DisplayWidth, numbers: PageNumbers, sealLines: Int = 5, linePitch: Double? = nil) {
        self.init(columns: columns, width: width, numbers: numbers, sealLines: sealLines, linePitch: linePitch, layouts: nil)
    }

    /// A flow that takes the layouts of paragraphs set before from `layouts` and keeps those it makes there.
    init(columns: Int, width: DisplayWidth, numbers: PageNumbers, sealLines: Int, linePitch: Double?,
         layouts: ParagraphLayoutCache?) {
        self.columns = columns
        layout = ParagraphLayout(width: width, cache: layouts)
        text = InlineText(numbers: numbers)
        self.sealLines = sealLines
        self.linePitch = linePitch
    }

    package func items(_ blocks: [Block]) throws -> [FlowItem] {
        var items: [FlowItem] = []
        for index in blocks.indices { try append(blocks, at: index, to: &items) }
        return items
    }

    /// The items of one of `blocks` (the block after it decides whether a title is followed by an empty line).
    package func items(_ blocks: [Block], at index: Int) throws -> [FlowItem] {
        var items: [FlowItem] = []
        try append(blocks, at: index, to: &items)
        return items
    }

    /// Appends the items of one of `blocks` to `items`: an array of its own for each block cost its allocation
    /// and a copy (about 10 K instructions an agreement).
    func append(_ blocks: [Block], at index: Int, to items: inout [FlowItem]) throws {
        let nextIsSubtitle: Bool
        if index + 1 < blocks.count, case .subtitle = blocks[index + 1] { nextIsSubtitle = true } else { nextIsSubtitle = false }
        switch blocks[index] {
        case .title(let inlines):
            items.append(.lines(layout.lines(text.text(inlines), alignment: .center, columns: columns), .withNext))
            if !nextIsSubtitle { items.append(.spacer) }
        case .subtitle(let inlines, let alignment):
            items.append(.lines(layout.lines(text.text(inlines), alignment: alignment, columns: columns), .withNext))
            if !nextIsSubtitle { items.append(.spacer) }
        case .heading(_, let inlines):
            items.append(.lines(layout.lines(text.text(inlines), alignment: .left, firstLineIndent: true,
                                             columns: columns), .withNext))
        case .paragraph(let paragraph):
            // A paragraph introducing a table (分期履行如下：) stays on the table's page, and a one-line lead-in
            // (履行方式、时限：) on its paragraph's.
            let keepsWithNext = index + 1 < blocks.count && paragraph.staysWith(blocks[index + 1])
            items.append(.lines(layout.lines(text.text(paragraph.inlines), alignment: paragraph.alignment,
                                             firstLineIndent: paragraph.firstLineIndent, columns: columns),
                                keepsWithNext ? .withNext : .breakable))
        case .table(let table):
            if !table.rows.isEmpty {
                items.append(.table(try TextTable(table, columns: columns, layout: layout, text: text, linePitch: linePitch)))
            }
        case .signatures(let block):
            items.append(.spacer)
            let rows = SignatureLayout(layout: layout, text: text, sealLines: sealLines).rows(block, columns: columns)
            items.append(.signatures(rows.lines, mayBreakAfter: rows.mayBreakAfter))
        case .pageBreak:
            items.append(.pageBreak)
        case .picture(let picture):
            // A text printer prints no images: what the picture shows, bracketed, on a line of its own.
            items.append(.lines(layout.lines(text.text([.text("［图像：\(picture.description)］")]), alignment: .center,
                                             columns: columns), .breakable))
        case .section(let section):
            items.append(.sectionStart(id: section.id, startsNewPage: section.startsNewPage, numbering: section.numbering))
            for inner in section.blocks.indices { try append(section.blocks, at: inner, to: &items) }
            items.append(.sectionEnd)
        }
    }
}
