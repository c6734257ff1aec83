/// A table's cells placed on its grid of rows and columns, computed once and shared by every writer and by
/// the template check, so that a table means the same thing on every kind of paper.
///
/// Cells fill a row left to right, skipping positions covered by a span from a row above (the model lists
/// only the cells that start in a row). A span reaching past the right edge or the last row is cut there;
/// positions no cell covers are empty cells of their own, so every border is drawn. A row with more cells
/// than the table has columns, a span running into another cell or past the table's edge, and a table
/// without columns are `problems`: the template check reports every one of them, writers refuse all but
/// the span past the edge (`validated`).
public struct TableGrid: Sendable, Equatable {
    /// One cell of the model at its place on the grid.
    public struct Placement: Sendable, Equatable {
        /// The row the cell starts in, and the cell's index among that row's `cells`; `nil` for an empty
        /// position no cell covers.
        public var row: Int
        public var cell: Int?
        public var column: Int
        public var rowSpan: Int
        public var columnSpan: Int
    }

    /// Why a table has no grid.
    public enum Problem: Error, Sendable, Equatable {
        /// The row (0-based) holds more cells than there are columns left for them.
        case tooManyCells(row: Int, columns: Int)
        /// Two cells cover the same position (0-based row and column): a span runs into another cell.
        case overlap(row: Int, column: Int)
        /// A cell of the row (0-based) spans past the table's last column.
        case spanPastEdge(row: Int, columns: Int)
        /// The table has no columns.
        case noColumns
    }

    public let columnCount: Int
    public let rowCount: Int
    /// Every placement, in row order then column order: the model's cells and the empty positions.
    public let placements: [Placement]
    /// The placement covering each row and column.
    public let owner: [[Int]]
    /// The leading header rows (repeated at the top of each page).
    public let headerRows: Int
    /// How many of its columns each row's own cells and the spans from above fill (a template's rows must
    /// fill all of them).
    public let filledColumns: [Int]
    /// What makes the table no table, in row order; empty for a sound one.
    public let problems: [Problem]

    /// Places `table`'s cells; the column count is the table's `columnWidths`, or the first row's cells
    /// when it gives none. Cells that do not fit are left off the grid and recorded in `problems`.
    public init(_ table: Table) {
        let columnCount = table.columnWidths.isEmpty
            ? (table.rows.first?.cells.reduce(0) { $0 + max($1.columnSpan, 1) } ?? 0)
            : table.columnWidths.count
        var problems: [Problem] = columnCount > 0 ? [] : [.noColumns]
        var placements: [Placement] = []
        var owner = Array(repeating: Array(repeating: -1, count: columnCount), count: table.rows.count)
        var filled: [Int] = []
        for (r, row) in table.rows.enumerated() {
            var c = 0
            for (index, cell) in row.cells.enumerated() {
                while c < columnCount && owner[r][c] >= 0 { c += 1 }
                guard c < columnCount else {
                    if columnCount > 0 { problems.append(.tooManyCells(row: r, columns: columnCount)) }
                    break
                }
                if c + max(cell.columnSpan, 1) > columnCount { problems.append(.spanPastEdge(row: r, columns: columnCount)) }
                let columnSpan = min(max(cell.columnSpan, 1), columnCount - c)
                let rowSpan = min(max(cell.rowSpan, 1), table.rows.count - r)
                for rr in r..<(r + rowSpan) {
                    for cc in c..<(c + columnSpan) {
                        if owner[rr][cc] >= 0 { problems.append(.overlap(row: rr, column: cc)) } else { owner[rr][cc] = placements.count }
                    }
                }
                placements.append(Placement(row: r, cell: index, column: c, rowSpan: rowSpan, columnSpan: columnSpan))
                c += columnSpan
            }
            filled.append(owner[r].filter { $0 >= 0 }.count)
            for cc in 0..<columnCount where owner[r][cc] < 0 {
                owner[r][cc] = placements.count
                placements.append(Placement(row: r, cell: nil, column: cc, rowSpan: 1, columnSpan: 1))
            }
        }
        self.columnCount = columnCount
        rowCount = table.rows.count
        self.placements = placements
        self.owner = owner
        filledColumns = filled
        headerRows = table.rows.prefix { $0.isHeader }.count
        self.problems = problems
    }

    /// The grid of a table writers can draw; the first problem that stops them otherwise. A span past
    /// the edge is cut there (a template check reports it; a document drawn from it is still sound).
    public static func validated(_ table: Table) throws(Problem) -> TableGrid {
        let grid = TableGrid(table)
        for problem in grid.problems {
            if case .spanPastEdge = problem { continue }
            throw problem
        }
        return grid
    }

    /// The model cell a placement stands for (`nil` for an empty position).
    public func cell(_ placement: Placement, in table: Table) -> TableCell? {
        placement.cell.map { table.rows[placement.row].cells[$0] }
    }

    /// Relative column widths, one per column: the table's own, each at least 1, or equal widths.
    public func weights(_ table: Table) -> [Int] {
        table.columnWidths.isEmpty ? Array(repeating: 1, count: columnCount) : table.columnWidths.map { max($0, 1) }
    }
}
