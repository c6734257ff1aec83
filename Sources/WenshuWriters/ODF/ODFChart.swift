import Foundation
import WenshuDocument

/// A table's chart as an embedded ODF chart object (ODF 1.3 part 3 §10.4.6.2, §11): LibreOffice draws it,
/// and double-clicking it opens LibreOffice's chart editor.
///
/// The chart reads the cells of the table it belongs to (`xlink:href=".."`; ranges such as
/// `Table3.B2:Table3.B17`, grid positions named as Writer names them), so a figure corrected in the table
/// redraws the chart. It also carries the same figures in its own `local-table`, as LibreOffice's charts
/// do, for readers that do not resolve the ranges. (A chart with only its own data was tried first:
/// LibreOffice 7.4 loses its category labels when it reads such a chart from a `.fodt`.)
///
/// The `.odt` holds the chart as the sub-document `Object N/` (its `content.xml`, listed in the manifest
/// with the chart media type) and the frame points to it. The `.fodt` holds the same chart drawn as a
/// picture (``ODFChartDrawing``): LibreOffice 7.4 printed a flat file's inline chart object as an empty
/// frame. No replacement image is written for the object: LibreOffice draws the chart from its markup. Fonts are the document's own names (仿宋_GB2312 labels, 黑体 title), which the shipped
/// fontconfig file maps on machines without them.
struct ODFChart {
    static let mimeType = "application/vnd.oasis.opendocument.chart"
    /// The namespaces a document holding a chart declares beyond `ODFParts.namespaces`.
    static let namespaces = #"xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:chart="urn:oasis:names:tc:opendocument:xmlns:chart:1.0""#

    /// `Object N`: the sub-document's folder in the package.
    let objectName: String
    /// The frame's size in millimetres.
    let width: Double
    let height: Double
    /// The host table's cells the chart reads (`draw:notify-on-update-of-ranges`).
    let ranges: String
    /// The chart document's `office:automatic-styles` and `office:body`.
    let document: [UInt8]
    /// The same chart as a picture, for the flat document.
    let drawing: ODFChartDrawing

    /// - Parameters:
    ///   - tableName: the host table's `table:name`.
    ///   - number: the chart's number in the document, from 1 (`Object 1`).
    /// - Throws: `WriterError.invalidChart` when the chart names a column or row the table does not have.
    init(_ chart: TableChart, table: Table, grid: ODFTableGrid, tableName: String, number: Int,
         page: ODFPageGeometry) throws {
        let data = try ODFChartData(chart, table: table, grid: grid)
        func cell(_ column: Int, _ row: Int) -> String {
            "\(tableName).\(ODFChartData.columnName(column))\(row + 1)"
        }
        func range(_ column: Int, _ rows: ClosedRange<Int>) -> String {
            cell(column, rows.lowerBound) + ":" + cell(column, rows.upperBound)
        }
        let body = data.rows.lowerBound...(data.rows.upperBound - 1)
        let withHeader = (data.headerRow ?? body.lowerBound)...body.upperBound

        objectName = "Object \(number)"
        width = min(160, page.textWidth)
        // Horizontal bars get 6 mm a category (two bars and a label line) and room for title, axis and legend.
        height = chart.kind == .bar
            ? min(max(30 + 6 * Double(data.categories.count), 90), (page.textHeight * 0.9).rounded())
            : min(90, page.textHeight)
        ranges = ([chart.categoryColumn] + chart.valueColumns).map { range($0, withHeader) }.joined(separator: " ")

        let values = data.series.flatMap(\.values).compactMap { $0 }
        var m = Markup(capacity: 4096)
        ODFChart.styles(chart, seriesCount: data.series.count, into: &m,
                        nonNegative: values.allSatisfy { $0 >= 0 },
                        smallCounts: values.allSatisfy { $0 == $0.rounded() } && (values.max() ?? 0) <= 10)
        m.raw("<office:body><office:chart>\n")
        m.start("chart:chart", ["svg:width": mm(width), "svg:height": mm(height), "xlink:href": "..",
                                "xlink:type": "simple", "chart:class": "chart:bar", "chart:style-name": "Chart"])
        m.newline()
        m.start("chart:title", ["chart:style-name": "Title"]); m.element("text:p", text: chart.title); m.end("chart:title")
        m.newline()
        if data.series.count > 1 {
            m.empty("chart:legend", ["chart:legend-position": "bottom", "chart:style-name": "Legend"])
            m.newline()
        }
        m.start("chart:plot-area", ["chart:style-name": "PlotArea", "table:cell-range-address": ranges,
                                    "chart:data-source-has-labels": data.headerRow == nil ? "column" : "both"])
        m.newline()
        // The category axis stands upright in a bar chart, the value axis in a column chart: the upright
        // one's title is set in stacked characters, as Chinese is written vertically.
        let upright = chart.kind == .bar ? "x" : "y"
        for (dimension, title) in [("x", chart.categoryAxisTitle ?? data.categoryHeader), ("y", chart.valueAxisTitle)] {
            m.start("chart:axis", ["chart:dimension": dimension, "chart:name": "primary-" + dimension,
                                   "chart:style-name": dimension == "x" ? "CategoryAxis" : "ValueAxis"])
            if let title, !title.isEmpty {
                m.start("chart:title", ["chart:style-name": dimension == upright ? "UprightAxisTitle" : "AxisTitle"])
                m.element("text:p", text: title)
                m.end("chart:title")
            }
            if dimension == "x" {
                m.empty("chart:categories", ["table:cell-range-address": range(chart.categoryColumn, body)])
            } else {
                m.empty("chart:grid", ["chart:class": "major", "chart:style-name": "Grid"])
            }
            m.end("chart:axis")
            m.newline()
        }
        for (index, series) in data.series.enumerated() {
            m.empty("chart:series", [
                "chart:style-name": "Series\(index + 1)",
                "chart:values-cell-range-address": range(series.column, body),
                "chart:label-cell-address": data.headerRow.map { cell(series.column, $0) },
                "chart:class": "chart:bar",
            ])
            m.newline()
        }
        m.empty("chart:wall", ["chart:style-name": "Wall"])
        m.newline()
        m.end("chart:plot-area")
        m.newline()
        data.localTable(into: &m)
        m.end("chart:chart")
        m.raw("\n</office:chart></office:body>\n")
        document = m.bytes
        drawing = ODFChartDrawing(chart: chart, data: data, width: width, height: height)
    }

    /// `draw:object` pointing to the sub-document, for the `.odt`.
    var linkedObject: [UInt8] {
        var m = Markup()
        m.empty("draw:object", ["draw:notify-on-update-of-ranges": ranges, "xlink:href": "./" + objectName,
                                "xlink:type": "simple", "xlink:show": "embed", "xlink:actuate": "onLoad"])
        return m.bytes
    }

    /// The sub-document's `content.xml`.
    var contentPart: [UInt8] {
        var m = Markup(capacity: document.count + 1024)
        m.raw(ODFParts.declaration)
        m.raw("<office:document-content \(ODFParts.namespaces) \(Self.namespaces)>\n")
        m.raw(document)
        m.raw("</office:document-content>\n")
        return m.bytes
    }

    // MARK: Styles

    /// Dark and light shades taking turns, so neighbouring series stay apart on a grey-scale printer.
    static let seriesColours = ["#1f4e79", "#9dc3e6", "#843c0c", "#f4b183", "#385723", "#a9d18e"]

    /// Text properties naming one font at one size for all three scripts.
    static func font(_ name: String, _ size: String) -> String {
        #"fo:font-family="\#(name)" fo:font-size="\#(size)" style:font-family-asian="\#(name)" style:font-size-asian="\#(size)" style:font-family-complex="\#(name)" style:font-size-complex="\#(size)""#
    }

    /// The chart document's automatic styles.
    /// - Parameters:
    ///   - nonNegative: no value is below zero, so the value axis starts at 0.
    ///   - smallCounts: every value is a whole number no greater than 10, so the value axis counts in ones
    ///     (LibreOffice would otherwise mark halves: 0.5 件).
    private static func styles(_ chart: TableChart, seriesCount: Int, into m: inout Markup,
                               nonNegative: Bool, smallCounts: Bool) {
        let label = font(ODFStyleSheet.body, "10.5pt")
        let line = ##"<style:graphic-properties draw:stroke="solid" svg:stroke-color="#000000"/>"##
        let bar = chart.kind == .bar
        var categoryAxis = #"chart:display-label="true""#
        // Bars list the categories from the top, in the table's order; the value axis then moves to the
        // bottom edge, where the reader expects it.
        categoryAxis += bar ? #" chart:reverse-direction="true" chart:text-overlap="true""# : #" text:line-break="true""#
        var valueAxis = #"chart:display-label="true""#
        if nonNegative { valueAxis += #" chart:minimum="0""# }
        if smallCounts { valueAxis += #" chart:interval-major="1""# }
        if bar { valueAxis += #" chart:axis-position="end""# }

        var xml = "<office:automatic-styles>\n"
        func style(_ name: String, _ properties: String) {
            xml += #"<style:style style:name="\#(name)" style:family="chart">\#(properties)</style:style>"# + "\n"
        }
        style("Chart", #"<style:graphic-properties draw:stroke="none" draw:fill="none"/>"#)
        style("Title", "<style:text-properties \(font(ODFStyleSheet.heading1, "12pt"))/>")
        style("Legend", "<style:text-properties \(label)/>")
        style("PlotArea", #"<style:chart-properties chart:vertical="\#(bar)"/>"#)
        style("CategoryAxis", "<style:chart-properties \(categoryAxis)/>\(line)<style:text-properties \(label)/>")
        style("ValueAxis", "<style:chart-properties \(valueAxis)/>\(line)<style:text-properties \(label)/>")
        style("AxisTitle", "<style:text-properties \(label)/>")
        style("UprightAxisTitle", #"<style:chart-properties style:direction="ttb" style:rotation-angle="0"/>"#
            + "<style:text-properties \(label)/>")
        style("Grid", ##"<style:graphic-properties draw:stroke="solid" svg:stroke-color="#c0c0c0"/>"##)
        style("Wall", #"<style:graphic-properties draw:stroke="none" draw:fill="none"/>"#)
        for index in 0..<seriesCount {
            let colour = seriesColours[index % seriesColours.count]
            style("Series\(index + 1)", #"<style:graphic-properties draw:stroke="none" draw:fill="solid" draw:fill-color="\#(colour)"/>"#)
        }
        m.raw(xml + "</office:automatic-styles>\n")
    }
}

/// What a chart shows, read from its table: category labels, and per value column the series name and
/// numbers.
struct ODFChartData {
    struct Series {
        var column: Int
        var name: String?
        var values: [Double?]
    }

    /// The header row the series names come from (the last header row), if the table has one.
    let headerRow: Int?
    let rows: Range<Int>
    let categoryHeader: String?
    let categories: [String]
    let series: [Series]

    /// - Throws: `WriterError.invalidChart` when a column or row is outside the table, there is no value
    ///   column or no row, or a row the chart reads (or its header row) has merged cells.
    init(_ chart: TableChart, table: Table, grid: ODFTableGrid) throws {
        let rows = chart.rows ?? grid.headerRows..<table.rows.count
        guard !rows.isEmpty, rows.lowerBound >= 0, rows.upperBound <= table.rows.count else {
            throw WriterError.invalidChart("rows \(rows.lowerBound)..<\(rows.upperBound) of a table with \(table.rows.count) rows")
        }
        guard !chart.valueColumns.isEmpty else { throw WriterError.invalidChart("no value column") }
        for column in [chart.categoryColumn] + chart.valueColumns where !(0..<grid.columnCount).contains(column) {
            throw WriterError.invalidChart("column \(column) of a table with \(grid.columnCount) columns")
        }
        let header = grid.headerRows > 0 ? grid.headerRows - 1 : nil
        // Writer names a row's cells in order, so cell names match grid positions only in rows without
        // merged cells.
        for row in [header].compactMap({ $0 }) + Array(rows) {
            let merged = grid.slots[row].contains {
                if case .cell(_, 1, 1, _) = $0 { return false }
                return true
            }
            if merged { throw WriterError.invalidChart("row \(row) has merged cells") }
        }
        func text(_ row: Int, _ column: Int) -> String {
            guard case .cell(let cell?, _, _, _) = grid.slots[row][column] else { return "" }
            return cell.paragraphs.map { $0.inlines.compactMap(\.plainText).joined() }.joined()
        }
        headerRow = header
        self.rows = rows
        categoryHeader = header.map { text($0, chart.categoryColumn) }
        categories = rows.map { text($0, chart.categoryColumn) }
        series = chart.valueColumns.map { column in
            Series(column: column, name: header.map { text($0, column) },
                   values: rows.map { Self.number(text($0, column)) })
        }
    }

    /// The chart's own copy of the figures (`table:table` named `local-table`): a header row of series
    /// names, then one row per category.
    func localTable(into m: inout Markup) {
        m.start("table:table", ["table:name": "local-table"])
        m.raw("<table:table-header-columns><table:table-column/></table:table-header-columns>")
        m.raw(#"<table:table-columns><table:table-column table:number-columns-repeated="\#(series.count)"/></table:table-columns>"#)
        m.newline()
        m.raw("<table:table-header-rows><table:table-row><table:table-cell><text:p/></table:table-cell>")
        for s in series {
            m.start("table:table-cell", ["office:value-type": "string"]); m.element("text:p", text: s.name ?? ""); m.end("table:table-cell")
        }
        m.raw("</table:table-row></table:table-header-rows>\n<table:table-rows>\n")
        for (index, category) in categories.enumerated() {
            m.start("table:table-row")
            m.start("table:table-cell", ["office:value-type": "string"]); m.element("text:p", text: category); m.end("table:table-cell")
            for s in series {
                if let value = s.values[index] {
                    let text = Self.odfNumber(value)
                    m.start("table:table-cell", ["office:value-type": "float", "office:value": text])
                    m.element("text:p", text: text)
                    m.end("table:table-cell")
                } else {
                    m.empty("table:table-cell")
                }
            }
            m.end("table:table-row")
            m.newline()
        }
        m.raw("</table:table-rows>\n")
        m.end("table:table")
        m.newline()
    }

    /// A cell's number: digits with an optional sign, decimal point and thousands commas (`12`, `-3.5`,
    /// `1,200`); anything else (`—`, `85.7%`, empty) is no number.
    static func number(_ text: String) -> Double? {
        let digits = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "")
        guard !digits.isEmpty, digits.allSatisfy({ "0123456789.+-".contains($0) }),
              let value = Double(digits), value.isFinite else { return nil }
        return value
    }

    /// A number as `office:value` writes it: whole numbers without a decimal point.
    static func odfNumber(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    /// A spreadsheet-style column name: 0 → `A`, 25 → `Z`, 26 → `AA`.
    static func columnName(_ index: Int) -> String {
        var n = index + 1
        var name = ""
        while n > 0 {
            n -= 1
            name = String(UnicodeScalar(UInt8(65 + n % 26))) + name
            n /= 26
        }
        return name
    }
}
