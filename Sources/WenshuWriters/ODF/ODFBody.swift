import Foundation
import WenshuDocument

/// Lays a document's blocks out as ODF text: the children of `office:text` and the automatic styles
/// they use.
///
/// Pages: the first paragraph or table names the document's master page; a section, a page break or the
/// return from a section on another kind of page names one again, which makes LibreOffice start a page
/// there. Page references: each section gets a bookmark `start:<id>` at the start of its first paragraph
/// and `end:<id>` at the end of its last, and `Inline.pageRef` becomes a `text:bookmark-ref` showing that
/// bookmark's page, so the word processor computes the numbers.
///
/// Numbering: unnumbered sections use master pages without a footer. The word processor still counts their
/// pages, so the first numbered page after unnumbered ones at the front (a dossier's cover and contents) is
/// set to 1; an unnumbered section between numbered ones is counted, unless the next section restarts.
/// `Inline.pageCount` is `text:page-count` when every page is numbered from 1, and otherwise the number of
/// the last page (a reference to a bookmark at the document's end). A section id used twice is a reference
/// target only the first time.
struct ODFBody {
    private(set) var out = Markup(capacity: 16 * 1024)
    private(set) var styles = ODFAutomaticStyles()
    /// The tables' charts, each with the offset in `out` where its `draw:object` belongs (inside its
    /// frame): the flat and the zipped form write different objects there. End bookmarks are only ever
    /// inserted at the end of the last paragraph, after every frame, so the offsets stay true.
    private(set) var charts: [(offset: Int, chart: ODFChart)] = []

    /// Sections a page reference may name.
    private let sectionIDs: Set<String>
    /// Whether `Inline.pageCount` is the last page's number (when some pages are unnumbered or numbering
    /// restarts) rather than the word processor's page count.
    private let pageCountFromLastPage: Bool
    private var bookmarked: Set<String> = []

    /// The page now being filled, and the one the next top-level paragraph or table must start, if any.
    private var current: ODFPage
    /// How many sections the block being written is inside (0: the document's own blocks).
    private var sectionDepth = 0
    private var pendingPageStart: ODFPageStart?
    /// Bookmarks waiting for the next paragraph.
    private var pendingBookmarks: [String] = []
    /// Where the last paragraph's content ends (just before its closing tag): end bookmarks go there.
    private var lastParagraphEnd: Int?
    private var paragraphCount = 0
    /// Whether a numbered page has been started: a numbered section after only unnumbered ones (a
    /// dossier's cover and contents) starts its numbering at 1.
    private var numberedPageStarted = false
    private var tableCount = 0
    private var pictureCount = 0

    static let documentEndBookmark = "document-end"

    init(document: Document) {
        var ids: [String] = []
        var special = false
        document.blocks.forEachSection { section in
            if let id = section.id { ids.append(id) }
            if section.numbering != .continues { special = true }
        }
        sectionIDs = Set(ids)
        pageCountFromLastPage = special
        current = ODFPage(style: document.pageStyle, numbered: true)
        pendingPageStart = ODFPageStart(page: current, number: nil)
    }

    /// Writes every block; call once.
    mutating func write(_ document: Document) throws {
        try blocks(document.blocks, page: current)
        if let last = document.blocks.last, Self.isTable(last) {
            // LibreOffice ends a document that ends with a table with an empty paragraph of the body's
            // size, which pushed a full one-sheet form onto a second, empty page: end it with a tiny one.
            openParagraph("Wenshu_20_Table_20_End", topLevel: true)
            closeParagraph("text:p")
        }
        if pendingPageStart != nil && paragraphCount == 0 {
            // An empty document is still one page of the right kind.
            openParagraph("Standard", topLevel: true)
            closeParagraph("text:p")
        }
        if pageCountFromLastPage { placeEndBookmark(Self.documentEndBookmark) }
        if !pendingBookmarks.isEmpty {
            openParagraph("Standard", topLevel: true)
            closeParagraph("text:p")
        }
    }

    // MARK: Blocks

    private mutating func blocks(_ blocks: [Block], page: ODFPage) throws {
        let holds = Self.holds(blocks)
        for (index, block) in blocks.enumerated() {
            if current != page {
                // Back from a section printed on another kind of page.
                startPage(ODFPageStart(page: page, number: nil))
            }
            try self.block(block, page: page, previous: index > 0 ? blocks[index - 1] : nil,
                           next: index + 1 < blocks.count ? blocks[index + 1] : nil, hold: holds[index])
        }
    }

    /// How a block holds on to the next: its last line is kept with the next block's first; a signature
    /// block may also let a page end between its middle rows.
    struct Hold {
        var keepWithNext = false
        var splits = false
        /// A signature block's signatories measured (``signatoryWidths(_:)``): once, for its height here and
        /// its rows when it is written.
        var widths: [SignatoryWidth] = []
    }

    /// A signatory's label and name as printed: its columns, and whether it holds a line feed (then it shares
    /// no row).
    typealias SignatoryWidth = (columns: Int, breaks: Bool)

    /// Nothing signs alone (``SignatureRows``): the signature blocks that follow one another (or with a
    /// one-line paragraph between them) are one group, every line kept with the next, and the paragraphs
    /// before it hold on to it until they give it at least two lines of text. A group too tall for a page
    /// with those two lines may break between the parties' middle rows (LibreOffice would otherwise break
    /// the chain at the page's foot, wherever that falls). Heights are estimated in whole grid lines.
    static func holds(_ blocks: [Block]) -> [Hold] {
        var holds = [Hold](repeating: Hold(), count: blocks.count)
        // A paragraph introducing a table (分期履行如下：) stays on the table's page, and a one-line lead-in
        // (履行方式、时限：) on its paragraph's.
        for index in blocks.indices.dropLast() {
            if case .paragraph(let paragraph) = blocks[index], paragraph.staysWith(blocks[index + 1]) {
                holds[index].keepWithNext = true
            }
        }
        for index in blocks.indices {
            if case .signatures(let block) = blocks[index] { holds[index].widths = signatoryWidths(block) }
        }
        let prose = PageStyle.prose.geometry
        var index = 0
        while index < blocks.count {
            guard case .signatures = blocks[index] else {
                index += 1
                continue
            }
            var end = index, height = 0.0
            while end < blocks.count {
                if case .signatures(let block) = blocks[end] {
                    height += estimatedHeight(block, widths: holds[end].widths)
                } else if let lines = joiningLines(blocks, at: end) {
                    height += Double(lines) * prose.gridLineHeight
                } else {
                    break
                }
                end += 1
            }
            let fits = height + 2 * prose.gridLineHeight <= prose.textHeight - prose.gridLineHeight
            for member in index..<end {
                holds[member].keepWithNext = member < end - 1
                holds[member].splits = !fits
            }
            var carried = 0, before = index - 1
            while before >= 0, carried < 2, case .paragraph(let paragraph) = blocks[before] {
                holds[before].keepWithNext = true
                carried += estimatedLines(paragraph)
                before -= 1
            }
            index = end
        }
        return holds
    }

    /// The lines of a paragraph of one line between two signature blocks (告知书's 以上内容已告知，本人已知悉。
    /// between the committee's seal and the parties): it joins them into one group, as it is too short to
    /// stand as the text the second signs.
    static func joiningLines(_ blocks: [Block], at index: Int) -> Int? {
        guard index > 0, index + 1 < blocks.count, case .signatures = blocks[index - 1], case .signatures = blocks[index + 1],
              case .paragraph(let paragraph) = blocks[index] else { return nil }
        let lines = estimatedLines(paragraph)
        return lines < 2 ? lines : nil
    }

    /// The lines a paragraph takes on a prose page: its display width (with a first-line indent of two
    /// characters) over the line's 28 characters.
    static func estimatedLines(_ paragraph: Paragraph) -> Int {
        let text = InlineText(numbers: PageNumbers()).text(paragraph.inlines)
        let width = DisplayWidth()
        // Split on the line feed's byte: splitting on Characters cost 37 K instructions a paragraph, and the
        // printable text holds no carriage return that would make a line feed part of a CR LF Character.
        // Most paragraphs hold none: the generic split of the UTF-8 view alone cost 7 K.
        let breaks = text.utf8.withContiguousStorageIfAvailable { $0.contains(0x0A) } ?? true
        let pieces = breaks ? text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { Substring($0) }
            : [text[...]]
        // A closing mark at a line's end hangs past it (style:punctuation-wrap="hanging").
        return pieces.reduce(0) { lines, piece in
            let hangs = piece.last.map { "，。、；：？！）」』》”".contains($0) } ?? false
            let columns = width.of(piece) + (paragraph.firstLineIndent && lines == 0 ? 4 : 0) - (hangs ? 2 : 0)
            return lines + max((columns + ODFStyleSheet.bodyColumns - 1) / ODFStyleSheet.bodyColumns, 1)
        }
    }

    private static func isTable(_ block: Block) -> Bool {
        if case .table(let table) = block { return !table.rows.isEmpty }
        return false
    }

    /// One block; its neighbours decide how it holds on to them.
    private mutating func block(_ block: Block, page: ODFPage, previous: Block?, next: Block?, hold: Hold) throws {
        let keepWithNext = hold.keepWithNext
        switch block {
        case .title(let inlines):
            try paragraph("Title", inlines)
        case .subtitle(let inlines, let alignment):
            try paragraph("Subtitle", inlines, alignment: alignment == .center ? nil : alignment)
        case .heading(let level, let inlines):
            let level = min(max(level, 1), 4)
            openParagraph("Heading_20_\(level)", element: "text:h", outlineLevel: level, topLevel: true)
            try self.inlines(inlines)
            closeParagraph("text:h")
        case .paragraph(let p):
            let parent = p.firstLineIndent ? "First_20_line_20_indent" : "Text_20_body"
            try paragraph(parent, p.inlines, alignment: p.alignment == .justify ? nil : p.alignment,
                          keepWithNext: keepWithNext)
        case .table(let table):
            // Tables that follow one another join into one grid.
            // The document's last table has no space under it (the tiny paragraph that ends the document
            // follows it).
            try self.table(table, page: page, joinsAbove: previous.map(Self.isTable) ?? false,
                           joinsBelow: next.map(Self.isTable) ?? (sectionDepth == 0))
        case .signatures(let block):
            try signatures(block, widths: hold.widths, keepWithNext: keepWithNext, splits: hold.splits)
        case .pageBreak:
            startPage(ODFPageStart(page: current, number: nil))
        case .picture(let picture):
            try self.picture(picture, page: page)
        case .section(let section):
            try self.section(section, enclosing: page)
        }
    }

    private mutating func paragraph(_ parent: String, _ inlines: [Inline], alignment: Alignment? = nil,
                                    keepWithNext: Bool = false) throws {
        openParagraph(parent, alignment: alignment, keepWithNext: keepWithNext, topLevel: true)
        try self.inlines(inlines)
        closeParagraph("text:p")
    }

    private mutating func section(_ section: Section, enclosing: ODFPage) throws {
        let page = ODFPage(style: section.pageStyle ?? enclosing.style,
                           numbered: section.numbering == .unnumbered ? false
                               : section.numbering == .continues ? enclosing.numbered : true)
        var number: Int?
        if case .restart(let first) = section.numbering { number = max(first, 0) }
        if section.startsNewPage || page != current || number != nil {
            startPage(ODFPageStart(page: page, number: number))
        }
        let id = section.id.flatMap { bookmarked.insert($0).inserted ? $0 : nil }
        if let id { pendingBookmarks.append("start:" + id) }
        sectionDepth += 1
        try blocks(section.blocks, page: page)
        sectionDepth -= 1
        if let id { placeEndBookmark("end:" + id) }
    }

    /// A picture in a centred paragraph of its own, in a frame as large as the text block allows (less a
    /// few lines for what follows it) with its proportions kept. The image travels inside the document
    /// (`office:binary-data`), so `.fodt` and `.odt` hold it alike, unless it is stored beside the document
    /// (an archive package's scan), which the frame then refers to: ODF resolves `../` from the package.
    private mutating func picture(_ picture: Picture, page: ODFPage) throws {
        let geometry = page.geometry
        let size = Self.fit(picture, width: geometry.textWidth, height: geometry.textHeight - Self.pictureCaptionRoom)
        pictureCount += 1
        openParagraph("Standard", alignment: .center, topLevel: true)
        out.start("draw:frame", ["xmlns:draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
                                 "draw:name": "Picture\(pictureCount)", "text:anchor-type": "as-char",
                                 "svg:width": mm(size.width), "svg:height": mm(size.height)])
        if case .beside(let path) = picture.image {
            out.empty("draw:image", ["xmlns:xlink": "http://www.w3.org/1999/xlink", "xlink:href": "../" + path,
                                     "xlink:type": "simple", "xlink:show": "embed", "xlink:actuate": "onLoad"])
        } else {
            out.start("draw:image")
            out.start("office:binary-data")
            out.raw(try PictureBytes.read(picture).base64EncodedString(options: [.lineLength76Characters, .endLineWithLineFeed]))
            out.end("office:binary-data")
            out.end("draw:image")
        }
        out.end("draw:frame")
        closeParagraph("text:p")
    }

    /// Millimetres kept free under a picture on its page (a caption line or two).
    static let pictureCaptionRoom = 20.0

    /// The largest size with the picture's proportions inside `width` × `height` millimetres.
    static func fit(_ picture: Picture, width: Double, height: Double) -> (width: Double, height: Double) {
        let ratio = Double(max(picture.pixelWidth, 1)) / Double(max(picture.pixelHeight, 1))
        let fittedWidth = min(width, height * ratio)
        return (fittedWidth, fittedWidth / ratio)
    }

    /// Signature lines: the role (with any printed name) and the date line under it, every line kept with
    /// the next so the block never splits across pages (nor from a signature block that follows it), unless
    /// `splits`: then a page may end after a middle row (``SignatureRows/mayBreak(after:rows:in:)``).
    /// Two signatories that share a row (``SignatureRows``) are one paragraph with a tab stop at the middle.
    private mutating func signatures(_ block: SignatureBlock, widths: [SignatoryWidth], keepWithNext: Bool = false,
                                     splits: Bool = false) throws {
        let alignment: Alignment? = block.alignment == .right ? nil : block.alignment
        let rows = SignatureRows.rows(block, columns: ODFStyleSheet.bodyColumns,
                                      widths: widths.map { $0.breaks ? nil : $0.columns })
        // Each line is written as it is made (a list of (style, inlines, break) tuples was destroyed through the
        // runtime's generic `tuple_destroy`); how many there are is known from the rows.
        let lineCount = rows.reduce(0) { $0 + ($1.count == 2 || block.signatures[$1[0]].date == nil ? 1 : 2) }
        var written = 0
        func line(_ style: String, _ inlines: [Inline], breakAfter: Bool) throws {
            written += 1
            try paragraph(style, inlines, alignment: alignment.map { $0 == .justify ? .left : $0 },
                          keepWithNext: written < lineCount ? !breakAfter : keepWithNext)
        }
        for (rowIndex, row) in rows.enumerated() {
            let signature = block.signatures[row[0]]
            let breakAfter = splits && SignatureRows.mayBreak(after: rowIndex, rows: rows, in: block)
            if row.count == 2 {
                try line("Wenshu_20_Signature_20_Pair", signature.label + signature.name + [.text("\t")]
                         + block.signatures[row[1]].label + block.signatures[row[1]].name, breakAfter: breakAfter)
                continue
            }
            try line(signature.seal ? "Wenshu_20_Seal" : "Wenshu_20_Signature", signature.label + signature.name,
                     breakAfter: breakAfter && signature.date == nil)
            if let date = signature.date {
                try line(signature.seal ? "Wenshu_20_Seal_20_Date" : "Wenshu_20_Signature_20_Date", date, breakAfter: breakAfter)
            }
        }
    }

    /// A signature block's height on a prose page, in millimetres, from the styles: the page's line grid
    /// gives each paragraph whole grid lines, so a row (5 mm of space and its line) takes two, a seal's
    /// line and its date the seal's room besides.
    static func estimatedHeight(_ block: SignatureBlock, widths: [SignatoryWidth]) -> Double {
        let rows = SignatureRows.rows(block, columns: ODFStyleSheet.bodyColumns, widths: widths.map { Optional($0.columns) })
        let line = PageStyle.prose.geometry.gridLineHeight
        let sealRoom = (Signature.sealDiameter - 2 * line) / 2
        func gridLines(_ millimetres: Double) -> Double { (millimetres / line - 0.01).rounded(.up) * line }
        var height = 0.0
        for row in rows {
            let signature = block.signatures[row[0]]
            let lines = Double(max((widths[row[0]].columns + ODFStyleSheet.bodyColumns - 1) / ODFStyleSheet.bodyColumns, 1))
            height += gridLines((signature.seal ? sealRoom : ODFStyleSheet.signatureSpace) + lines * line)
            if signature.date != nil { height += gridLines(line + (signature.seal ? sealRoom : 0)) }
        }
        return height
    }

    /// Each signatory of a block measured.
    static func signatoryWidths(_ block: SignatureBlock) -> [SignatoryWidth] {
        let measure = InlineText(numbers: PageNumbers()), width = DisplayWidth()
        return block.signatures.map {
            let text = measure.text($0.label + $0.name)
            // Over the contiguous bytes: `utf8.contains` walks the view generically (≈ 1,400 instructions a
            // label); not Foundation's contains(_: String), a search.
            let breaks = text.utf8.withContiguousStorageIfAvailable { $0.contains(0x0A) } ?? text.utf8.contains(0x0A)
            return (width.of(text), breaks)
        }
    }

    // MARK: Tables

    private mutating func table(_ table: Table, page: ODFPage, joinsAbove: Bool, joinsBelow: Bool) throws {
        // A table without rows prints nothing (and ODF has no empty table).
        guard !table.rows.isEmpty else { return }
        let grid = try ODFTableGrid(table)
        let width = page.geometry.textWidth
        tableCount += 1
        let start = takePageStart()
        // A table that starts a page (a new section) stands apart from what was above it.
        let tableStyle = styles.table(width: width, pageStart: start, joinsAbove: joinsAbove && start == nil,
                                      joinsBelow: joinsBelow, keepsTogether: table.keepsTogether)
        let columnStyles = styles.columns(width: width, weights: grid.weights)
        // Ledger text (10.5 pt) on the landscape page and in a table that asks for it; handwriting lines
        // of 8 mm stay the form's, wherever a blank is left to fill in.
        let ledger = page.style == .landscape || table.smallText
        let handwriting = page.style != .landscape
        out.open("table:table")
        out.attribute("table:name", "Table\(tableCount)")
        out.attribute("table:style-name", tableStyle)
        out.closeStart()
        out.newline()
        for name in columnStyles {
            out.empty("table:table-column", "table:style-name", name)
        }
        out.newline()
        for (rowIndex, row) in table.rows.enumerated() {
            if rowIndex == 0 && grid.headerRows > 0 { out.start("table:table-header-rows") }
            out.start("table:table-row", "table:style-name", styles.row(minLines: max(row.minLines, 1)))
            for slot in grid.slots[rowIndex] {
                switch slot {
                case .covered:
                    out.empty("table:covered-table-cell")
                case .cell(let cell, let columnSpan, let rowSpan, let column):
                    let style = styles.cell(table.bordered
                        ? ODFCellStyle.bordered(touchesRight: column + columnSpan == grid.columnCount, touchesTop: rowIndex == 0)
                        : .none)
                    out.open("table:table-cell")
                    out.attribute("table:style-name", style)
                    out.attribute("table:number-columns-spanned", columnSpan > 1 ? String(columnSpan) : nil)
                    out.attribute("table:number-rows-spanned", rowSpan > 1 ? String(rowSpan) : nil)
                    out.attribute("office:value-type", "string")
                    out.closeStart()
                    let parent = row.isHeader ? (ledger ? "Wenshu_20_Ledger_20_Heading" : "Table_20_Heading")
                        : (ledger ? "Wenshu_20_Ledger_20_Contents" : "Table_20_Contents")
                    let cellIndent = ledger ? ODFStyleSheet.twoLedgerCharacters : ODFStyleSheet.twoTableCharacters
                    let paragraphs = cell?.paragraphs ?? []
                    // A line left for handwriting (an empty box, a blank to fill in) is a handwriting line
                    // high (8 mm), not a printed line (4.9 mm at 14 pt); a row of several handwriting lines
                    // has its height already.
                    let writeIn = !handwriting || row.isHeader || row.minLines > 1 ? parent : "Wenshu_20_Write_20_In"
                    if paragraphs.isEmpty {
                        openParagraph(writeIn, topLevel: false)
                        closeParagraph("text:p")
                    }
                    for p in paragraphs {
                        let alignment: Alignment? = p.alignment == .justify || (row.isHeader && p.alignment == .center)
                            ? nil : p.alignment
                        let hasBlank = p.inlines.isEmpty || p.inlines.contains { if case .blank = $0 { true } else { false } }
                        openParagraph(hasBlank ? writeIn : parent, alignment: alignment, indent: p.firstLineIndent ? cellIndent : nil,
                                      topLevel: false)
                        try inlines(p.inlines)
                        closeParagraph("text:p")
                    }
                    out.end("table:table-cell")
                }
            }
            out.end("table:table-row")
            out.newline()
            if rowIndex == grid.headerRows - 1 { out.end("table:table-header-rows"); out.newline() }
        }
        out.end("table:table")
        out.newline()
        if let chart = table.chart {
            try self.chart(chart, of: table, grid: grid, name: "Table\(tableCount)", page: page)
        }
    }

    /// The chart's frame, centred in a paragraph of its own under the table, drawn as one big character.
    private mutating func chart(_ chart: TableChart, of table: Table, grid: ODFTableGrid, name: String,
                                page: ODFPage) throws {
        let object = try ODFChart(chart, table: table, grid: grid, tableName: name, number: charts.count + 1,
                                  page: page.geometry)
        openParagraph("Standard", alignment: .center, topLevel: true)
        out.start("draw:frame", ["draw:name": "Chart\(charts.count + 1)", "text:anchor-type": "as-char",
                                 "svg:width": mm(object.width), "svg:height": mm(object.height)])
        charts.append((out.count, object))
        out.end("draw:frame")
        closeParagraph("text:p")
    }

    // MARK: Paragraph plumbing

    /// Opens a paragraph (or heading); a top-level one takes any pending page start, and every one takes
    /// the bookmarks waiting for the next paragraph.
    private mutating func openParagraph(_ parent: String, element: StaticString = "text:p", outlineLevel: Int? = nil,
                                        alignment: Alignment? = nil, indent: String? = nil, keepWithNext: Bool = false,
                                        topLevel: Bool) {
        let start = topLevel ? takePageStart() : nil
        let style = styles.paragraph(parent, alignment: alignment, indent: indent, keepWithNext: keepWithNext,
                                     pageStart: start)
        out.open(element)
        out.attribute("text:style-name", style)
        out.attribute("text:outline-level", outlineLevel.map(String.init))
        out.closeStart()
        for name in pendingBookmarks {
            out.empty("text:bookmark", "text:name", name)
        }
        pendingBookmarks.removeAll()
    }

    private mutating func closeParagraph(_ element: StaticString) {
        lastParagraphEnd = out.count
        paragraphCount += 1
        out.end(element)
        out.newline()
    }

    /// Puts a bookmark at the end of the last paragraph written (or, if none yet, at the next one).
    private mutating func placeEndBookmark(_ name: String) {
        guard let offset = lastParagraphEnd else {
            pendingBookmarks.append(name)
            return
        }
        var tag = Markup()
        tag.empty("text:bookmark", ["text:name": name])
        out.insert(String(decoding: tag.bytes, as: UTF8.self), at: offset)
        lastParagraphEnd = offset + tag.count
    }

    private mutating func startPage(_ start: ODFPageStart) {
        var start = start
        // Two page starts before any content (a section opening with a section) are one page: the inner
        // page style wins, and a restart asked by the outer one is kept.
        if start.number == nil, let pending = pendingPageStart { start.number = pending.number }
        if start.page.numbered && !numberedPageStarted && start.number == nil && paragraphCount > 0 {
            start.number = 1
        }
        pendingPageStart = start
        current = start.page
    }

    /// The page start the next top-level element must carry, if any (and records it as done).
    private mutating func takePageStart() -> ODFPageStart? {
        guard let start = pendingPageStart else { return nil }
        pendingPageStart = nil
        if start.page.numbered { numberedPageStarted = true }
        return start
    }

    // MARK: Inlines

    private mutating func inlines(_ runs: [Inline]) throws {
        var afterSpace = true  // a paragraph's leading spaces would be dropped: write them as text:s
        for (index, run) in runs.enumerated() {
            switch run {
            case .text(let s), .field(let s):
                text(s, afterSpace: &afterSpace)
            case .strong(let s):
                out.start("text:span", "text:style-name", "Strong_20_Emphasis")
                text(s, afterSpace: &afterSpace)
                out.end("text:span")
            case .blank(let width):
                guard width > 0 else { continue }
                // Underlined ideographic spaces. LibreOffice lets spaces hang unseen past a line's end, so a
                // blank followed by a closing mark (，。) ends in a fullwidth low line (＿), which is text and
                // keeps the mark on its line. (A word joiner after each space did that too, but any character
                // outside the CJK grid's class made LibreOffice set the line two grid lines tall.)
                let next = index + 1 < runs.count ? runs[index + 1].plainText?.first : nil
                let closes = next.map { "，。、；：？！）」』》".contains($0) } ?? false
                out.start("text:span", "text:style-name", "Wenshu_20_Blank")
                var blank = String(Repeated.ideographicSpaces(closes ? width - 1 : width))
                if closes { blank += "\u{FF3F}" }
                out.text(blank)
                out.end("text:span")
                afterSpace = false
            case .checkbox(let label, let checked):
                text((checked ? "☑" : "□") + label, afterSpace: &afterSpace)
            case .pageRef(let target, let end):
                guard sectionIDs.contains(target) else { throw WriterError.unknownPageTarget(target) }
                out.start("text:bookmark-ref", ["text:reference-format": "page",
                                                "text:ref-name": (end ? "end:" : "start:") + target])
                out.text("?")
                out.end("text:bookmark-ref")
                afterSpace = false
            case .pageCount:
                if pageCountFromLastPage {
                    out.start("text:bookmark-ref", ["text:reference-format": "page",
                                                    "text:ref-name": Self.documentEndBookmark])
                    out.text("?")
                    out.end("text:bookmark-ref")
                } else {
                    out.element("text:page-count", text: "?")
                }
                afterSpace = false
            case .lineBreak:
                out.empty("text:line-break")
                afterSpace = true
            }
        }
    }

    /// Text with ODF's white-space rules undone: a run of spaces after the first, or at the start, is
    /// `text:s`; tabs are `text:tab`; line feeds are `text:line-break`. (The bytes looked at are ASCII,
    /// which never occurs inside a multi-byte UTF-8 sequence, so the runs between them are whole characters.)
    private mutating func text(_ string: String, afterSpace: inout Bool) {
        var string = string
        var after = afterSpace
        string.withUTF8 { utf8 in
            var runStart = 0
            var spaces = 0
            func flush(_ out: inout Markup, upTo end: Int) {
                if spaces > 0 {
                    out.empty("text:s", ["text:c": spaces > 1 ? String(spaces) : nil])
                    spaces = 0
                } else if runStart < end {
                    out.text(utf8: UnsafeBufferPointer(rebasing: utf8[runStart..<end]))
                }
            }
            var i = 0
            while i < utf8.count {
                switch utf8[i] {
                case 0x20 where after:
                    if spaces == 0 { flush(&out, upTo: i) }
                    spaces += 1
                    runStart = i + 1
                case 0x20:
                    after = true
                case 0x09, 0x0A, 0x0D:
                    flush(&out, upTo: i)
                    if utf8[i] != 0x0D { out.empty(utf8[i] == 0x09 ? "text:tab" : "text:line-break") }
                    runStart = i + 1
                    after = true
                default:
                    if spaces > 0 { flush(&out, upTo: i) }
                    after = false
                    // The rest of a run of other bytes (most of a paragraph's) changes nothing here: whole words
                    // of it are passed (`Markup.plainWords`), then the bytes of a word that may end it.
                    var next = i + 1
                    while next < utf8.count {
                        next = Markup.plainWords(utf8, from: next)
                        let end = min(next + 10, utf8.count)
                        while next < end && utf8[next] > 0x20 { next += 1 }
                        if next < end { break }
                    }
                    i = next - 1
                }
                i += 1
            }
            flush(&out, upTo: utf8.count)
        }
        afterSpace = after
    }
}
