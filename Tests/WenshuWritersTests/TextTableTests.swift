import WenshuDocument
import XCTest
@testable import WenshuWriters

final class TextTableTests: XCTestCase {
    /// A (two columns) and B; C spans two rows beside D, E and F, G.
    let spans = Table(columnWidths: [1, 1, 1], rows: [
        TableRow(cells: [TextSamples.cell("甲", columnSpan: 2), TextSamples.cell("乙")]),
        TableRow(cells: [TextSamples.cell("丙", rowSpan: 2), TextSamples.cell("丁"), TextSamples.cell("戊")]),
        TableRow(cells: [TextSamples.cell("己"), TextSamples.cell("庚")]),
    ])

    func render(_ table: Table, columns: Int, ambiguous: Int) throws -> [String] {
        let width = DisplayWidth(ambiguous: ambiguous)
        let text = try TextTable(table, columns: columns, layout: ParagraphLayout(width: width), text: InlineText(numbers: PageNumbers()))
        return text.render(rows: Array(table.rows.indices)).map(\.text)
    }

    /// Column and row spans take the borders between their columns and rows; the row-spanning cell's
    /// text sits in the middle of its area. Full-width borders in Chinese printing.
    func testSpansWithFullWidthBorders() throws {
        XCTAssertEqual(try render(spans, columns: 20, ambiguous: 2), [
            "┌─────┬──┐",
            "│甲        │乙  │",
            "├──┬──┼──┤",
            "│    │丁  │戊  │",
            "│丙  ├──┼──┤",
            "│    │己  │庚  │",
            "└──┴──┴──┘",
        ])
    }

    /// A table right under another shares its rule, with the junctions of both grids.
    func testTablesThatFollowOneAnotherShareARule() throws {
        XCTAssertEqual(TextTable.joinedRule("└──┴──┴──┘", "┌─────┬──┐"), "├──┴──┼──┤")
        XCTAssertEqual(TextTable.joinedRule("└─────┴──┘", "┌──┬──┬──┐"), "├──┬──┼──┤")
        XCTAssertNil(TextTable.joinedRule("└──┘", "┌──┬──┐"), "borders of different widths")
        XCTAssertNil(TextTable.joinedRule("│甲│", "┌──┐"), "not a bottom border")
        let one = Table(columnWidths: [1, 1], rows: [TableRow(cells: [TextSamples.cell("甲"), TextSamples.cell("乙")])])
        let two = Table(columnWidths: [1], rows: [TableRow(cells: [TextSamples.cell("丙")])])
        let document = Document(metadata: DocumentMetadata(formID: "t", title: "t"), pageStyle: .form,
                                blocks: [.table(one), .table(two)])
        let text = String(decoding: try TextWriter(options: WriterOptions(textColumns: 12, textLines: 22)).write(document), as: UTF8.self)
        let rules = text.split(separator: "\n").filter { $0.hasPrefix("┌") || $0.hasPrefix("├") || $0.hasPrefix("└") }
        XCTAssertEqual(rules, ["┌──┬─┐", "├──┴─┤", "└────┘"])
    }

    /// The same table on a Western terminal: one-column borders, a space of padding in each cell.
    func testSpansWithNarrowBorders() throws {
        XCTAssertEqual(try render(spans, columns: 20, ambiguous: 1), [
            "┌────────────┬─────┐",
            "│ 甲         │ 乙  │",
            "├──────┬─────┼─────┤",
            "│      │ 丁  │ 戊  │",
            "│ 丙   ├─────┼─────┤",
            "│      │ 己  │ 庚  │",
            "└──────┴─────┴─────┘",
        ])
    }

    /// Cells wrap with the line-breaking rules, and every line of the table has the same width.
    func testCellsWrapAndRowsKeepOneWidth() throws {
        let table = Table(columnWidths: [1, 4], rows: [
            TableRow(cells: [TextSamples.cell("事由"), TextSamples.cell("乙方驾驶员负事故全部责任，甲方无责任。甲方要求赔偿34,020.00元。")]),
        ])
        for ambiguous in [1, 2] {
            let lines = try render(table, columns: 30, ambiguous: ambiguous)
            let width = DisplayWidth(ambiguous: ambiguous)
            XCTAssertEqual(Set(lines.map { width.of($0) }), [30], "\(lines)")
            XCTAssertGreaterThan(lines.count, 4)
            for line in lines {
                for shown in TextOutput.texts(of: line) {
                    XCTAssertFalse(TextOutput.closing.contains(shown.first!), line)
                }
            }
            XCTAssertTrue(lines.contains { $0.contains("34,020.00") })
        }
    }

    /// A paragraph with a first-line indent in a column too narrow for it drops the indent rather than
    /// push the table out of shape.
    func testIndentDoesNotBreakANarrowColumn() throws {
        let table = Table(columnWidths: [1, 12], rows: [
            TableRow(cells: [TableCell([Paragraph([.text("甲乙丙")], firstLineIndent: true)]),
                             TableCell([Paragraph([.text("正文段落首行缩进两个字符。")], firstLineIndent: true)])]),
        ])
        let lines = try render(table, columns: 30, ambiguous: 2)
        XCTAssertEqual(Set(lines.map { DisplayWidth().of($0) }), [30])
        XCTAssertEqual(lines[1], "│甲│　　正文段落首行缩进两│")
    }

    /// A table without borders sets its cells side by side with no box-drawing characters.
    func testBorderlessTable() throws {
        let table = Table(columnWidths: [1, 1], rows: [
            TableRow(cells: [TextSamples.cell("甲方：张三"), TextSamples.cell("乙方：李四")]),
        ], bordered: false)
        let lines = try render(table, columns: 30, ambiguous: 2)
        XCTAssertEqual(lines.map { $0.replacingOccurrences(of: " +$", with: "", options: .regularExpression) },
                       ["  甲方：张三    乙方：李四"])
    }

    /// Relative widths become whole columns, the largest remainders first, never below the minimum.
    func testColumnWidthsFromRelativeWidths() {
        let table: [(Int, [Int], Int, [Int])] = [
            (23, [2, 3, 2, 3], 1, [5, 7, 4, 7]),
            (6, [1, 1, 1], 1, [2, 2, 2]),
            (16, [1, 1, 1], 4, [6, 5, 5]),
            (10, [1, 20], 2, [2, 8]),
            (10, [0, -3], 1, [5, 5]),
        ]
        for (total, weights, minimum, expected) in table {
            XCTAssertEqual(TextTable.distribute(total, weights: weights, minimum: minimum), expected, "\(weights)")
        }
    }

    /// A long table breaks between rows, each page's piece closed by its own borders and opened with the
    /// header rows again.
    func testHeaderRowsRepeatOnEachPage() throws {
        var rows = [TableRow(isHeader: true, cells: [TextSamples.cell("序号"), TextSamples.cell("事项")])]
        for i in 1...30 { rows.append(TableRow(cells: [TextSamples.cell("\(i)"), TextSamples.cell("第\(i)项")])) }
        let document = Document(metadata: DocumentMetadata(formID: "t", title: "t"), blocks: [.table(Table(columnWidths: [1, 3], rows: rows))])
        let options = WriterOptions(textColumns: 40, textLines: 22)
        let text = try TextWriter(options: options).text(document)
        let pages = TextOutput.pages(text)
        XCTAssertGreaterThan(pages.count, 2)
        for page in pages {
            XCTAssertTrue(page[0].hasPrefix("┌"))
            XCTAssertTrue(page[1].contains("序号"), "header repeated: \(page[1])")
        }
        let bodyRows = pages.flatMap { $0 }.filter { $0.hasPrefix("│") && !$0.contains("序号") }
        XCTAssertEqual(bodyRows.count, 30, "every row printed once")
        XCTAssertEqual(TextOutput.violations(in: text, options: options), [])
    }

    /// Rows a row span ties together move to the next page together.
    func testRowSpanGroupsAreNotSplit() throws {
        var rows: [TableRow] = []
        for i in 1...12 {
            rows.append(TableRow(cells: [TextSamples.cell("组\(i)", rowSpan: 2), TextSamples.cell("上")]))
            rows.append(TableRow(cells: [TextSamples.cell("下")]))
        }
        let document = Document(metadata: DocumentMetadata(formID: "t", title: "t"), blocks: [.table(Table(columnWidths: [1, 1], rows: rows))])
        let options = WriterOptions(textColumns: 20, textLines: 22)
        let text = try TextWriter(options: options).text(document)
        for page in TextOutput.pages(text) {
            let lines = page.filter { TextOutput.isTableLine($0) }
            XCTAssertEqual(lines.filter { $0.contains("上") }.count, lines.filter { $0.contains("下") }.count)
            XCTAssertTrue(lines.last!.hasPrefix("└"))
        }
        XCTAssertEqual(TextOutput.violations(in: text, options: options), [])
    }

    func testTablesThatCannotBeDrawn() {
        let wide = Table(columnWidths: Array(repeating: 1, count: 10), rows: [TableRow(cells: [])])
        XCTAssertThrowsError(try render(wide, columns: 20, ambiguous: 2)) {
            XCTAssertEqual($0 as? WriterError, .tableTooWide(columns: 10, pageColumns: 20))
        }
        // A row with more cells than columns is refused by every writer alike, through the one grid.
        let crowded = Table(columnWidths: [1, 1], rows: [TableRow(cells: [TextSamples.cell("a"), TextSamples.cell("b"), TextSamples.cell("c")])])
        XCTAssertThrowsError(try render(crowded, columns: 20, ambiguous: 2)) {
            XCTAssertEqual($0 as? WriterError, .invalidTable(.tooManyCells(row: 0, columns: 2)))
        }
        let document = Document(metadata: DocumentMetadata(formID: "crowded", title: "表"), pageStyle: .form, blocks: [.table(crowded)])
        for flat in [true, false] {
            XCTAssertThrowsError(try ODFWriter(flat: flat).write(document)) {
                XCTAssertEqual($0 as? WriterError, .invalidTable(.tooManyCells(row: 0, columns: 2)))
            }
        }
    }
}
