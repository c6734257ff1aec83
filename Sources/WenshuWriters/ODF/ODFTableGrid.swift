import WenshuDocument

/// A table's grid as ODF lists it: every position of every row, a spanning cell once and
/// `table:covered-table-cell` for each position it covers. The placing itself is `TableGrid`'s, shared
/// with the text writer and the template check.
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

    init(_ table: Table) throws {
        let grid: TableGrid
        do { grid = try TableGrid.validated(table) } catch { throw WriterError.invalidTable(error) }
        columnCount = grid.columnCount
        weights = grid.weights(table)
        headerRows = grid.headerRows
        slots = (0..<grid.rowCount).map { r in
            (0..<grid.columnCount).map { c in
                let placement = grid.placements[grid.owner[r][c]]
                guard placement.row == r, placement.column == c else { return .covered }
                return .cell(grid.cell(placement, in: table), columnSpan: placement.columnSpan,
                             rowSpan: placement.rowSpan, column: c)
            }
        }
    }
}
