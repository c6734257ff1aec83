import WenshuDocument

/// Where a new page begins: the master page it uses and, when numbering starts afresh, its number.
struct ODFPageStart: Hashable {
    var page: ODFPage
    /// `nil` continues the numbering.
    var number: Int?
}

/// The automatic styles a document's body needs beyond the fixed style sheet, named in order of first use
/// (`P1`, `Tbl1`, …) so the same document always gets the same names.
struct ODFAutomaticStyles {
    struct ParagraphKey: Hashable {
        var parent: String
        var alignment: Alignment?
        var indent: String?
        var keepWithNext: Bool
        var pageStart: ODFPageStart?

        /// Hashes the names' lengths, not their bytes, and the alignment's case, not its name (a
        /// `String`-backed enum's own hash hashes its raw value): a document looks a paragraph style up
        /// about 50 times. Keys that differ only in a name's letters share a hash, and `==` tells them apart.
        func hash(into hasher: inout Hasher) {
            hasher.combine(parent.utf8.count)
            hasher.combine(alignment?.ordinal)
            hasher.combine(indent?.utf8.count)
            hasher.combine(keepWithNext)
            hasher.combine(pageStart)
        }
    }

    struct TableKey: Hashable {
        var width: Double
        var pageStart: ODFPageStart?
        var joinsAbove: Bool
        var joinsBelow: Bool
        var keepsTogether = false
    }

    struct ColumnsKey: Hashable {
        var width: Double
        var weights: [Int]
    }

    /// Made with room (an agreement has eight paragraph styles): the first insert into an empty `Dictionary`
    /// cost about 6 K instructions, and each growth rehashed every key.
    private var paragraphs = [ParagraphKey: String](minimumCapacity: 16)
    private var tables = [TableKey: String](minimumCapacity: 4)
    private var columns = [ColumnsKey: [String]](minimumCapacity: 4)
    private var rows = [Int: String](minimumCapacity: 4)
    /// The cell styles used, as `ODFCellStyle.bit`s.
    private var cells: UInt8 = 0
    /// An agreement's automatic styles are about 2 KB: growing from empty copied them eight times.
    private var markup = Markup(capacity: 2048)

    /// A table cell's style: the fixed ones (`ODFStyleSheet.cellStyles`), of which a document carries only
    /// those it uses — the part deflated for every document is smaller.
    mutating func cell(_ style: ODFCellStyle) -> String {
        cells |= style.bit
        return style.rawValue
    }

    /// The style for a paragraph with `parent` and these overrides; `parent` itself when there are none.
    mutating func paragraph(_ parent: String, alignment: Alignment? = nil, indent: String? = nil,
                            keepWithNext: Bool = false, pageStart: ODFPageStart? = nil) -> String {
        if alignment == nil && indent == nil && !keepWithNext && pageStart == nil { return parent }
        let key = ParagraphKey(parent: parent, alignment: alignment, indent: indent, keepWithNext: keepWithNext,
                               pageStart: pageStart)
        if let name = paragraphs[key] { return name }
        let name = "P\(paragraphs.count + 1)"
        paragraphs[key] = name
        // Attribute by attribute (`Markup.open`): a list of pairs costs an array for each tag.
        markup.open("style:style")
        markup.attribute("style:name", name)
        markup.attribute("style:family", "paragraph")
        markup.attribute("style:parent-style-name", parent)
        markup.attribute("style:master-page-name", pageStart?.page.masterName)
        markup.closeStart()
        markup.open("style:paragraph-properties")
        markup.attribute("fo:text-align", alignment?.odfValue)
        markup.attribute("fo:text-indent", indent)
        markup.attribute("fo:keep-with-next", keepWithNext ? "always" : nil)
        markup.attribute("style:page-number", pageStart?.number.map(String.init))
        markup.closeEmpty()
        markup.end("style:style")
        markup.newline()
        return name
    }

    /// The style of a table as wide as the text block, a little apart from the text around it — but not
    /// from a table right above or below it (`joinsAbove`, `joinsBelow`): a form's tables that follow one
    /// another print as one grid, as on the printed form.
    mutating func table(width: Double, pageStart: ODFPageStart?, joinsAbove: Bool = false, joinsBelow: Bool = false,
                        keepsTogether: Bool = false) -> String {
        let key = TableKey(width: width, pageStart: pageStart, joinsAbove: joinsAbove, joinsBelow: joinsBelow,
                           keepsTogether: keepsTogether)
        if let name = tables[key] { return name }
        let name = "Tbl\(tables.count + 1)"
        tables[key] = name
        markup.open("style:style")
        markup.attribute("style:name", name)
        markup.attribute("style:family", "table")
        markup.attribute("style:master-page-name", pageStart?.page.masterName)
        markup.closeStart()
        markup.open("style:table-properties")
        markup.attribute("style:width", mm(width))
        markup.attribute("table:align", "margins")
        markup.attribute("fo:margin-top", joinsAbove ? "0mm" : "2mm")
        markup.attribute("fo:margin-bottom", joinsBelow ? "0mm" : "2mm")
        markup.attribute("style:page-number", pageStart?.number.map(String.init))
        markup.attribute("style:may-break-between-rows", keepsTogether ? "false" : nil)
        markup.closeEmpty()
        markup.end("style:style")
        markup.newline()
        return name
    }

    /// One style per column, scaling `weights` to `width` (the last column takes the rounding).
    mutating func columns(width: Double, weights: [Int]) -> [String] {
        let key = ColumnsKey(width: width, weights: weights)
        if let names = columns[key] { return names }
        let prefix = "Col\(columns.count + 1)."
        let total = weights.reduce(0, +)
        var names: [String] = []
        var used = 0.0
        for (index, weight) in weights.enumerated() {
            let name = prefix + String(index + 1)
            let share = index == weights.count - 1 ? width - used
                : (width * Double(weight) / Double(total) * 100).rounded() / 100
            used += share
            names.append(name)
            markup.open("style:style")
            markup.attribute("style:name", name)
            markup.attribute("style:family", "table-column")
            markup.closeStart()
            // Absolute widths only: LibreOffice misreads small relative weights ("3*") and draws the columns
            // at the wrong widths (a 10,000-row register took 23 pages instead of 8).
            markup.empty("style:table-column-properties", "style:column-width", mm(share))
            markup.end("style:style")
            markup.newline()
        }
        columns[key] = names
        return names
    }

    /// A row at least `lines` handwriting lines high (one: as high as its text), kept whole on one page: a
    /// register's row split over two pages read as two rows, and a row's text broke at the page's foot.
    mutating func row(minLines lines: Int) -> String {
        if let name = rows[lines] { return name }
        let name = "Row\(rows.count + 1)"
        rows[lines] = name
        markup.open("style:style")
        markup.attribute("style:name", name)
        markup.attribute("style:family", "table-row")
        markup.closeStart()
        markup.open("style:table-row-properties")
        markup.attribute("style:min-row-height", lines > 1 ? mm(Double(lines) * Self.handwritingLine) : nil)
        markup.attribute("fo:keep-together", "always")
        markup.closeEmpty()
        markup.end("style:style")
        markup.newline()
        return name
    }

    /// The height of one line of a cell left for handwriting.
    static let handwritingLine = TableRow.handwritingLine

    /// The styles defined so far, as children of `office:automatic-styles`: the cell styles used, in a
    /// fixed order, then the others in order of first use.
    var bytes: [UInt8] {
        // Into one array made with room (`filter`, `flatMap` and `+` made three, each grown as it went).
        var out: [UInt8] = []
        out.reserveCapacity(markup.count + 2048)
        for style in ODFStyleSheet.cellStyles where cells & style.bit != 0 { out += style.markup }
        markup.withBytes { out.append(contentsOf: $0) }
        return out
    }
}

extension Alignment {
    var odfValue: String {
        switch self {
        case .left: return "start"
        case .center: return "center"
        case .right: return "end"
        case .justify: return "justify"
        }
    }
}
