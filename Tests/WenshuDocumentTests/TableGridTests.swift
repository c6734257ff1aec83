import WenshuDocument
import XCTest

/// The one grid every writer and the template check place cells on.
final class TableGridTests: XCTestCase {
    private func cell(_ columnSpan: Int = 1, _ rowSpan: Int = 1) -> TableCell {
        TableCell([Paragraph([.text("x")])], columnSpan: columnSpan, rowSpan: rowSpan)
    }

    func testCellsSkipPositionsCoveredFromAbove() {
        // ┌─┬───┐   row 0: a (rowspan 2), b (colspan 2)
        // │a├─┬─┤   row 1: c, d — placed right of a
        // └─┴─┴─┘
        let table = Table(columnWidths: [1, 1, 1], rows: [
            TableRow(cells: [cell(1, 2), cell(2, 1)]),
            TableRow(cells: [cell(), cell()]),
        ])
        let grid = TableGrid(table)
        XCTAssertEqual(grid.problems, [])
        XCTAssertEqual(grid.placements.map { [$0.row, $0.column, $0.columnSpan, $0.rowSpan] },
                       [[0, 0, 1, 2], [0, 1, 2, 1], [1, 1, 1, 1], [1, 2, 1, 1]])
        XCTAssertEqual(grid.owner, [[0, 1, 1], [0, 2, 3]])
        XCTAssertEqual(grid.filledColumns, [3, 3])
    }

    func testShortRowsAreFilledWithEmptyCells() {
        let grid = TableGrid(Table(columnWidths: [1, 2, 3], rows: [TableRow(cells: [cell()])]))
        XCTAssertEqual(grid.filledColumns, [1])
        XCTAssertEqual(grid.placements.map(\.cell), [0, nil, nil])
        XCTAssertEqual(grid.weights(Table(columnWidths: [1, 2, 3], rows: [])), [1, 2, 3])
    }

    func testEveryProblemIsRecordedAndOnlyTheFatalOnesRefuse() throws {
        let table = Table(columnWidths: [1, 1], rows: [
            TableRow(cells: [cell(3, 1)]),               // past the edge: cut
            TableRow(cells: [cell(), cell(), cell()]),   // one cell too many
            TableRow(cells: [cell(), cell(1, 2)]),
            TableRow(cells: [cell(2, 1)]),               // runs into the span reaching down on the right
        ])
        let grid = TableGrid(table)
        XCTAssertEqual(grid.problems, [.spanPastEdge(row: 0, columns: 2), .tooManyCells(row: 1, columns: 2),
                                       .overlap(row: 3, column: 1)])
        XCTAssertThrowsError(try TableGrid.validated(table)) { XCTAssertEqual($0 as? TableGrid.Problem, .tooManyCells(row: 1, columns: 2)) }
        XCTAssertNoThrow(try TableGrid.validated(Table(columnWidths: [1, 1], rows: [TableRow(cells: [cell(3, 1)])])))
        XCTAssertEqual(TableGrid(Table(columnWidths: [], rows: [])).problems, [.noColumns])
    }
}
