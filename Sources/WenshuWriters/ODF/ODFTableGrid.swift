import WenshuDocument

/// A table's cells placed on its grid: ODF lists every grid position of every row, a spanning cell once
/// and `table:covered-table-cell` for each position it covers.
///
/// Cells fill a row left to right, skipping positions covered by a span from a row above (the model lists
/// only the cells that start in a row). A row with fewer cells than columns is completed with empty cells
/// so its borders are drawn; a span reaching past the table's edge is cut at the edge; a row with more
/// cells than columns widens the table, the new columns weighing as much as the average column.
struct ODFTableGrid {
    enum Slot {
        /// A cell starts here (`nil`: an empty filler cell).
        case cell(TableCell?, columnSpan: Int, rowSpan: Int, column: Int)
        case covered
    }

    let columnCount: Int
    /// Relative column widths, one per column.
    let weights: [Int]
    /// Each row's slots, `columnCount` of them.
    let slots: [[Slot]]
    /// How many rows at the top are header rows (repeated on each page).
    let headerRows: Int

    init(_ table: Table) {
        let rowCount = table.rows.count
        // Positions covered by spans from above: covered[row][column].
        var covered: [[Bool]] = []
        var placed: [[(cell: TableCell?, column: Int, columnSpan: Int, rowSpan: Int)]] = []
        var width = max(table.columnWidths.count, 1)

        func ensure(_ row: Int, _ columns: Int) {
            while covered.count <= row { covered.append([]) }
            if covered[row].count < columns { covered[row] += Array(repeating: false, count: columns - covered[row].count) }
        }

        for (r, row) in table.rows.enumerated() {
            ensure(r, width)
            var column = 0
            var cells: [(TableCell?, Int, Int, Int)] = []
            for cell in row.cells {
                while column < covered[r].count && covered[r][column] { column += 1 }
                if column >= width {
                    width = column + 1
                }
                ensure(r, width)
                let rowSpan = min(max(cell.rowSpan, 1), rowCount - r)
                cells.append((cell, column, max(cell.columnSpan, 1), rowSpan))
                let span = max(cell.columnSpan, 1)
                for rr in r..<(r + rowSpan) {
                    ensure(rr, column + span)
                    for c in column..<(column + span) { covered[rr][c] = true }
                }
                column += span
            }
            placed.append(cells)
        }
        // A span reaching past the last column is cut at the edge.
        let columnCount = width
        let emptyRow = (0..<columnCount).map { Slot.cell(nil, columnSpan: 1, rowSpan: 1, column: $0) }
        var slots = Array(repeating: emptyRow, count: rowCount)
        for (r, cells) in placed.enumerated() {
            for (cell, column, columnSpan, rowSpan) in cells where column < columnCount {
                let span = min(columnSpan, columnCount - column)
                for rr in r..<(r + rowSpan) {
                    for c in column..<(column + span) { slots[rr][c] = .covered }
                }
                slots[r][column] = .cell(cell, columnSpan: span, rowSpan: rowSpan, column: column)
            }
        }
        self.columnCount = columnCount
        self.slots = slots

        var weights = table.columnWidths.map { max($0, 1) }
        if weights.isEmpty { weights = [1] }
        let average = max(weights.reduce(0, +) / weights.count, 1)
        while weights.count < columnCount { weights.append(average) }
        self.weights = Array(weights.prefix(columnCount))
        headerRows = table.rows.prefix { $0.isHeader }.count
    }
}
