import WenshuDocument

/// A table laid out for fixed-width text and drawn with box-drawing characters (┌─┬─┐ │ ├┼┤ └┴┘).
///
/// The table fills the text width. Box-drawing characters are East Asian ambiguous, so a border takes
/// `unit` columns (2 in Chinese printing, 1 on a Western terminal) and every column is a whole number of
/// units wide, which keeps every line of the table — border or text — exactly the same width. Cells wrap
/// their paragraphs with the same line-breaking rules as body text; a cell spanning columns or rows takes
/// the borders between them. The paginator draws the table a group of rows at a time (`render(rows:)`),
/// repeating the header rows on each page and never splitting rows that a row span ties together.
package struct TextTable: Sendable {
    /// A cell placed on the grid, with its text already set to its width.
    struct PlacedCell: Sendable {
        var row: Int
        var column: Int
        var rowSpan: Int
        var columnSpan: Int
        var lines: [MeasuredLine] = []
    }

    let bordered: Bool
    /// The columns one border character takes.
    let unit: Int
    /// Spaces between a border and a cell's text (none where the border itself is full-width).
    let padding: Int
    /// The width of each column between its borders, in display columns (a multiple of `unit`).
    let columnWidths: [Int]
    let cells: [PlacedCell]
    /// The cell covering each row and column.
    let owner: [[Int]]
    /// Text lines per row.
    let rowHeights: [Int]
    /// The leading rows printed again at the top of each page.
    let headerRows: Range<Int>
    /// The body rows in groups that must stay on one page (rows joined by a row span).
    private(set) var bodyGroups: [Range<Int>]

    /// The display width of every line of the table.
    package var width: Int {
        columnWidths.reduce(0, +) + (columnWidths.count + 1) * unit
    }

    /// - Parameter linePitch: a printed line's height in millimetres: a row of `minLines` handwriting lines
    ///   (``TableRow/handwritingLine``, 8 mm) takes the printed lines that make about that height, so
    ///   the 备考表's box of 8 mm lines is as tall in text as on paper instead of a line of 10.2 mm each;
    ///   `nil` counts each handwriting line as a printed line.
    package init(_ table: Table, columns: Int, layout: ParagraphLayout, text: InlineText, linePitch: Double? = nil) throws {
        bordered = table.bordered
        unit = max(layout.width.of("─" as Character), 1)
        padding = unit == 1 ? 1 : 0
        let grid: TableGrid
        do { grid = try TableGrid.validated(table) } catch { throw WriterError.invalidTable(error) }
        let columnCount = grid.columnCount
        let weights = grid.weights(table)
        let minimumUnits = (2 + 2 * padding + unit - 1) / unit
        let available = columns / unit - (columnCount + 1)
        guard columnCount > 0, available >= columnCount * minimumUnits else {
            throw WriterError.tableTooWide(columns: columnCount, pageColumns: columns)
        }
        let unit = self.unit
        let columnWidths = Self.distribute(available, weights: weights, minimum: minimumUnits).map { $0 * unit }
        self.columnWidths = columnWidths
        let padding = self.padding

        let placed = grid.placements.map { placement in
            var placedCell = PlacedCell(row: placement.row, column: placement.column, rowSpan: placement.rowSpan,
                                        columnSpan: placement.columnSpan)
            if let cell = grid.cell(placement, in: table) {
                let contentWidth = Self.span(columnWidths, placement.column, placement.columnSpan, unit: unit) - 2 * padding
                func lines(_ paragraph: Paragraph) -> [MeasuredLine] {
                    layout.lines(text.text(paragraph.inlines), alignment: paragraph.alignment,
                                 firstLineIndent: paragraph.firstLineIndent, columns: contentWidth)
                }
                // Most cells hold one paragraph: its lines as they are (`flatMap` copied them, 4 K a document).
                placedCell.lines = cell.paragraphs.count == 1 ? lines(cell.paragraphs[0]) : cell.paragraphs.flatMap(lines)
            }
            return placedCell
        }
        cells = placed
        owner = grid.owner

        var heights = table.rows.map { Self.lines(handwriting: $0.minLines, pitch: linePitch) }
        for cell in placed where cell.rowSpan == 1 {
            heights[cell.row] = max(heights[cell.row], cell.lines.count)
        }
        for cell in placed where cell.rowSpan > 1 {
            let rows = cell.row..<(cell.row + cell.rowSpan)
            let room = rows.reduce(0) { $0 + heights[$1] } + (bordered ? cell.rowSpan - 1 : 0)
            if cell.lines.count > room { heights[rows.upperBound - 1] += cell.lines.count - room }
        }
        rowHeights = heights

        // Groups of rows that row spans tie together.
        var reachFrom = Array(repeating: 0, count: table.rows.count)
        for cell in placed { reachFrom[cell.row] = max(reachFrom[cell.row], cell.row + cell.rowSpan) }
        var groups: [Range<Int>] = []
        var start = 0
        var reach = 0
        for r in table.rows.indices {
            reach = max(reach, reachFrom[r])
            if reach <= r + 1 {
                groups.append(start..<(r + 1))
                start = r + 1
            }
        }
        let leadingHeaders = table.rows.prefix { $0.isHeader }.count
        if leadingHeaders > 0, leadingHeaders < table.rows.count, groups.contains(where: { $0.upperBound == leadingHeaders }) {
            headerRows = 0..<leadingHeaders
            bodyGroups = groups.filter { $0.lowerBound >= leadingHeaders }
        } else {
            headerRows = 0..<0
            bodyGroups = groups
        }
        // A table kept together is one piece: the paginator moves it whole.
        if table.keepsTogether, let first = bodyGroups.first, let last = bodyGroups.last {
            bodyGroups = [first.lowerBound..<last.upperBound]
        }
    }

    /// The printed lines of `pitch` millimetres nearest in height to `count` handwriting lines (16 lines of
    /// 8 mm: 13 of 10.2 mm); a row of one line is one printed line, as high as its text.
    static func lines(handwriting count: Int, pitch: Double?) -> Int {
        guard count > 1, let pitch, pitch > 0 else { return max(count, 1) }
        return max(Int((Double(count) * TableRow.handwritingLine / pitch).rounded()), 1)
    }

    /// Splits `total` units in proportion to `weights` (largest remainder), each at least `minimum`.
    static func distribute(_ total: Int, weights: [Int], minimum: Int) -> [Int] {
        let weights = weights.map { max($0, 1) }
        let sum = weights.reduce(0, +)
        var shares = weights.map { max(total * $0 / sum, minimum) }
        while shares.reduce(0, +) > total {
            let widest = shares.indices.max { shares[$0] < shares[$1] || (shares[$0] == shares[$1] && $0 > $1) }!
            shares[widest] -= 1
        }
        while shares.reduce(0, +) < total {
            // The column furthest below its exact share: total·w/sum − share, compared as total·w − share·sum.
            let neediest = shares.indices.max {
                let a = total * weights[$0] - shares[$0] * sum, b = total * weights[$1] - shares[$1] * sum
                return a < b || (a == b && $0 > $1)
            }!
            shares[neediest] += 1
        }
        return shares
    }

    /// The width of `count` columns from `first`, with the borders between them.
    static func span(_ widths: [Int], _ first: Int, _ count: Int, unit: Int) -> Int {
        widths[first..<(first + count)].reduce(0, +) + (count - 1) * unit
    }

    /// The lines `render(rows:)` draws for these rows: what they add, and the piece's top border.
    package func height(rows: some Collection<Int>) -> Int {
        addedHeight(rows) + (bordered ? 1 : 0)
    }

    /// The lines `rows` add to a piece below rows already in it: their text lines and, bordered, a rule each;
    /// `height(rows: before + rows)` is `height(rows: before) + addedHeight(rows)`.
    func addedHeight(_ rows: some Collection<Int>) -> Int {
        rows.reduce(0) { $0 + rowHeights[$1] } + (bordered ? rows.count : 0)
    }

    /// Draws the given rows (whole row-span groups, in order) as one piece of table with its own top and
    /// bottom border.
    package func render(rows: [Int]) -> [MeasuredLine] {
        // What each text line of the piece shows in each column: a cell, or a horizontal rule (`Self.rule`). Cell
        // lines share their row's `owner` array: as `[[Int?]]` each was converted, a new array and a dynamic cast
        // an element (about 7 K instructions a document).
        let rule = Self.rule
        var grid: [[Int]] = []
        grid.reserveCapacity(height(rows: rows))
        for (k, r) in rows.enumerated() {
            if bordered {
                let previous = k > 0 ? rows[k - 1] : nil
                grid.append((0..<columnWidths.count).map { c in
                    guard let previous, previous + 1 == r, owner[previous][c] == owner[r][c] else { return rule }
                    return owner[r][c]
                })
            }
            for _ in 0..<rowHeights[r] { grid.append(owner[r]) }
        }
        if bordered { grid.append(Array(repeating: rule, count: columnWidths.count)) }

        // Where each cell's area starts and ends on this piece, to find its line of text.
        var firstLine = Array(repeating: -1, count: cells.count)
        var lastLine = Array(repeating: -1, count: cells.count)
        for (y, line) in grid.enumerated() {
            for cell in line where cell != rule {
                if firstLine[cell] < 0 { firstLine[cell] = y }
                lastLine[cell] = y
            }
        }

        let n = columnWidths.count
        func isBorder(_ y: Int, _ p: Int) -> Bool {
            if p == 0 || p == n { return true }
            let left = grid[y][p - 1]
            return left == rule || left != grid[y][p]
        }
        // Each line is gathered as UTF-8 bytes and made a `String` once: appending a junction, a rule or a
        // cell's text to a `String` cost about 350 instructions each, some 90 a table.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(3 * width)    // no character takes more than 3 UTF-8 bytes a column
        return grid.indices.map { y in
            bytes.removeAll(keepingCapacity: true)
            var c = 0
            var p = 0
            while p <= n {
                if isBorder(y, p) {
                    if bordered {
                        bytes.appendThreeByteUTF8(Self.junction(up: y > 0 && isBorder(y - 1, p), down: y < grid.count - 1 && isBorder(y + 1, p),
                                                                left: p > 0 && grid[y][p - 1] == rule, right: p < n && grid[y][p] == rule))
                    } else {
                        bytes.append(contentsOf: repeatElement(0x20, count: unit))
                    }
                }
                guard c < n else { break }
                let cell = grid[y][c]
                if cell != rule {
                    let placed = cells[cell]
                    let area = Self.span(columnWidths, c, placed.columnSpan, unit: unit)
                    appendCellLine(placed, index: y - firstLine[cell], height: lastLine[cell] - firstLine[cell] + 1,
                                   width: area, to: &bytes)
                    c += placed.columnSpan
                } else {
                    // A rule's ─ a unit at a time as its three bytes (an array of them appended cost about 90 instructions).
                    for _ in 0..<(columnWidths[c] / unit) { bytes.appendThreeByteUTF8("─") }
                    c += 1
                }
                p = c
            }
            return MeasuredLine(text: String(decoding: bytes, as: UTF8.self), width: width)
        }
    }

    /// In `render(rows:)`'s grid, a column of a line that is a horizontal rule rather than a cell (cells are
    /// numbered from 0).
    private static let rule = -1


    /// Appends line `index` of a cell's area `height` lines tall: its text at the top, or in the middle for a cell
    /// spanning rows (a label beside several lines of particulars), padded to the area's width.
    private func appendCellLine(_ cell: PlacedCell, index: Int, height: Int, width: Int, to bytes: inout [UInt8]) {
        let offset = cell.rowSpan > 1 ? max((height - cell.lines.count) / 2, 0) : 0
        let i = index - offset
        let line = cell.lines.indices.contains(i) ? cell.lines[i] : MeasuredLine()
        bytes.append(contentsOf: repeatElement(0x20, count: padding))
        bytes += line.text.utf8
        bytes.append(contentsOf: repeatElement(0x20, count: max(width - padding - line.width, 0)))
    }

    /// One rule for a table's bottom border (`└──┴──┘`) and the top border of the table right under it
    /// (`┌─┬───┐`), so that two tables print as one grid (`├─┼┴──┤`); `nil` unless both are whole borders
    /// of the same width.
    package static func joinedRule(_ bottom: String, _ top: String) -> String? {
        let lower = Array(top), upper = Array(bottom)
        guard upper.count == lower.count, upper.count >= 2,
              upper.allSatisfy({ "└┴┘─".contains($0) }), lower.allSatisfy({ "┌┬┐─".contains($0) }) else { return nil }
        var rule = ""
        rule.unicodeScalars.append(contentsOf: upper.indices.map { index in
            junction(up: upper[index] != "─", down: lower[index] != "─", left: index > 0, right: index < upper.count - 1)
        })
        return rule
    }

    /// The box-drawing character where lines meet from these directions.
    private static func junction(up: Bool, down: Bool, left: Bool, right: Bool) -> Unicode.Scalar {
        switch (up, down, left, right) {
        case (true, true, true, true): return "┼"
        case (true, true, true, false): return "┤"
        case (true, true, false, true): return "├"
        case (false, true, true, true): return "┬"
        case (true, false, true, true): return "┴"
        case (false, true, false, true): return "┌"
        case (false, true, true, false): return "┐"
        case (true, false, false, true): return "└"
        case (true, false, true, false): return "┘"
        case (_, _, false, false): return "│"
        default: return "─"
        }
    }
}

extension Array where Element == UInt8 {
    /// Appends the UTF-8 of a code point from U+0800 to U+FFFF (three bytes: box drawing, dashes, CJK), written
    /// out: appending a scalar's `utf8` view went through a generic append and a dynamic cast, about 200
    /// instructions.
    mutating func appendThreeByteUTF8(_ scalar: Unicode.Scalar) {
        let value = scalar.value
        assert((0x800...0xFFFF).contains(value))
        append(0xE0 | UInt8(truncatingIfNeeded: value >> 12))
        append(0x80 | UInt8(truncatingIfNeeded: value >> 6 & 0x3F))
        append(0x80 | UInt8(truncatingIfNeeded: value & 0x3F))
    }
}
