/// A table with real borders and column widths.
public struct Table: Sendable, Equatable {
    /// Relative column widths (e.g. `[1, 3, 2]`); writers scale them to the text width.
    public var columnWidths: [Int]
    public var rows: [TableRow]
    /// Draw borders (forms and ledgers do; a layout table for a signature block would not).
    public var bordered: Bool
    /// A chart of the table's own figures, drawn under it by writers that draw charts (ODF); the others
    /// print the table alone.
    public var chart: TableChart?
    /// Set the cells in 五号 (10.5 pt), as ledgers are, on a page whose tables are otherwise 14 pt: a table
    /// of many columns whose long values would wrap line after line at 14 pt (the dossier's 卷内目录).
    /// Writers with one text size (plain text) ignore it.
    public var smallText: Bool
    /// Never split over a page: a table form's last rows (what the parties sign and the signature rows)
    /// move to the next page together rather than leave the signatures alone on it.
    public var keepsTogether: Bool

    public init(columnWidths: [Int], rows: [TableRow], bordered: Bool = true, chart: TableChart? = nil,
                smallText: Bool = false, keepsTogether: Bool = false) {
        self.columnWidths = columnWidths
        self.rows = rows
        self.bordered = bordered
        self.chart = chart
        self.smallText = smallText
        self.keepsTogether = keepsTogether
    }
}

public struct TableRow: Sendable, Equatable {
    /// Header rows repeat at the top of each page.
    public var isHeader: Bool
    /// The cells that start in this row; cells covered by a span from the left or above are not listed.
    public var cells: [TableCell]
    /// Minimum height in handwriting lines of ``handwritingLine`` (a blank form's cell for a handwritten
    /// account wants several); a text layout gives such a row the printed lines that make the same height.
    public var minLines: Int

    /// The height of one handwritten line in a table cell, in millimetres.
    public static let handwritingLine = 8.0

    public init(isHeader: Bool = false, cells: [TableCell], minLines: Int = 1) {
        self.isHeader = isHeader
        self.cells = cells
        self.minLines = minLines
    }
}

public struct TableCell: Sendable, Equatable {
    public var paragraphs: [Paragraph]
    public var columnSpan: Int
    public var rowSpan: Int

    public init(_ paragraphs: [Paragraph], columnSpan: Int = 1, rowSpan: Int = 1) {
        self.paragraphs = paragraphs
        self.columnSpan = columnSpan
        self.rowSpan = rowSpan
    }
}
