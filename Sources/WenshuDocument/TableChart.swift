/// A chart drawn from the cells of the table that carries it: one category per row, one series per value
/// column, the series named by the header row above the data.
///
/// Columns are positions on the table's grid and rows are indices into `Table.rows`, both counted from 0;
/// the rows the chart reads, and its header row, have no merged cells. A value cell holds a plain number
/// (`12`, `3.5`, `-2`, `1,200`); any other text (`—`, `85.7%`) is a gap in its series.
public struct TableChart: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// Horizontal bars, the categories listed down the side in the table's order: reads like the table
        /// and leaves room for long labels.
        case bar
        /// Vertical bars (columns), the categories along the bottom.
        case column
    }

    public var kind: Kind
    /// The chart's title, printed above it.
    public var title: String
    /// The grid column holding the category labels.
    public var categoryColumn: Int
    /// The grid columns holding the values, one series each, in this order.
    public var valueColumns: [Int]
    /// The rows that are categories; `nil`: every row after the header rows (a total row at the bottom is
    /// left out by giving the range without it).
    public var rows: Range<Int>?
    /// The category axis's title; `nil`: the category column's header.
    public var categoryAxisTitle: String?
    /// The value axis's title (e.g. `件数`); `nil`: none.
    public var valueAxisTitle: String?

    public init(kind: Kind = .bar, title: String, categoryColumn: Int, valueColumns: [Int], rows: Range<Int>? = nil,
                categoryAxisTitle: String? = nil, valueAxisTitle: String? = nil) {
        self.kind = kind
        self.title = title
        self.categoryColumn = categoryColumn
        self.valueColumns = valueColumns
        self.rows = rows
        self.categoryAxisTitle = categoryAxisTitle
        self.valueAxisTitle = valueAxisTitle
    }
}
