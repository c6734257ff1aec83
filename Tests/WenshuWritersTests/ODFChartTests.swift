import Foundation
import XCTest
import WenshuTestSupport
import ZIPFoundation
import WenshuDocument
@testable import WenshuWriters
@testable import WenshuXML

/// A table's chart in ODF: an embedded chart object (`Object N/` in the `.odt`) that reads the table's
/// cells, drawn as a picture in the `.fodt`, valid ODF 1.3, byte-reproducible, drawn by LibreOffice; the other writers
/// print the table alone.
final class ODFChartTests: XCTestCase {
    static let chartMimeType = "application/vnd.oasis.opendocument.chart"

    func odt() throws -> ZipParts { try ZipParts(ODFWriter(flat: false).write(SampleDocuments.chartReport())) }

    func xpath(_ data: Data, _ name: String) throws -> XPathContext {
        let x = XPathContext.odf(try XMLDocument(parsing: data, fileName: name))
        for (prefix, uri) in [("draw", "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"),
                              ("xlink", "http://www.w3.org/1999/xlink"),
                              ("chart", "urn:oasis:names:tc:opendocument:xmlns:chart:1.0"),
                              ("manifest", "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"),
                              ("svg", "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0")] {
            x.registerNamespace(prefix: prefix, uri: uri)
        }
        return x
    }

    func strings(_ x: XPathContext, _ path: String) throws -> [String] {
        try x.evaluate(path).nodes.map(\.stringValue)
    }

    // MARK: The package

    func testPackageHoldsEachChartAsAnEmbeddedChartObject() throws {
        let parts = try odt()
        XCTAssertEqual(parts.names, ["mimetype", "content.xml", "styles.xml", "meta.xml", "Object 1/content.xml",
                                     "Object 2/content.xml", "META-INF/manifest.xml"])
        let manifest = try xpath(parts.data["META-INF/manifest.xml"]!, "manifest.xml")
        for object in ["Object 1", "Object 2"] {
            XCTAssertEqual(try manifest.evaluate("string(//manifest:file-entry[@manifest:full-path='\(object)/']/@manifest:media-type)").stringValue,
                           Self.chartMimeType)
            XCTAssertEqual(try manifest.evaluate("string(//manifest:file-entry[@manifest:full-path='\(object)/content.xml']/@manifest:media-type)").stringValue,
                           "text/xml")
        }

        // Each chart's frame stands in a centred paragraph right under its table and points to its object.
        let content = try xpath(parts.data["content.xml"]!, "content.xml")
        for (table, frame, object) in [("Table1", "Chart1", "./Object 1"), ("Table2", "Chart2", "./Object 2")] {
            let paragraph = "//table:table[@table:name='\(table)']/following-sibling::*[1][self::text:p]"
            XCTAssertEqual(try content.evaluate("string(\(paragraph)/draw:frame/@draw:name)").stringValue, frame)
            XCTAssertEqual(try content.evaluate("string(\(paragraph)/draw:frame/draw:object/@xlink:href)").stringValue, object)
            XCTAssertEqual(try content.evaluate("string(\(paragraph)/draw:frame/@text:anchor-type)").stringValue, "as-char")
            XCTAssertEqual(try content.evaluate("string(//style:style[@style:name = string(\(paragraph)/@text:style-name)]/style:paragraph-properties/@fo:text-align)").stringValue,
                           "center")
        }
        XCTAssertEqual(try strings(content, "//draw:frame/@svg:width"), ["160mm", "160mm"])
        // Bars get room by category (5 → 90 mm, the least); columns a fixed 90 mm.
        XCTAssertEqual(try strings(content, "//draw:frame/@svg:height"), ["90mm", "90mm"])
    }

    func testChartReadsTheTablesCellsAndCarriesTheirFigures() throws {
        let parts = try odt()
        let bars = try xpath(parts.data["Object 1/content.xml"]!, "Object 1/content.xml")
        let chart = "/office:document-content/office:body/office:chart/chart:chart"
        XCTAssertEqual(try bars.evaluate("string(\(chart)/@chart:class)").stringValue, "chart:bar")
        // `..`: the data come from the document holding the chart, its table's cells.
        XCTAssertEqual(try bars.evaluate("string(\(chart)/@xlink:href)").stringValue, "..")
        XCTAssertEqual(try bars.evaluate("string(\(chart)/chart:title)").stringValue, "各类纠纷受理与调解成功件数")
        XCTAssertEqual(try bars.evaluate("string(//style:style[@style:name = string(\(chart)/chart:plot-area/@chart:style-name)]/style:chart-properties/@chart:vertical)").stringValue,
                       "true")
        XCTAssertEqual(try bars.evaluate("string(\(chart)/chart:plot-area/@table:cell-range-address)").stringValue,
                       "Table1.A1:Table1.A6 Table1.B1:Table1.B6 Table1.C1:Table1.C6")
        XCTAssertEqual(try bars.evaluate("string(\(chart)/chart:plot-area/@chart:data-source-has-labels)").stringValue, "both")
        XCTAssertEqual(try bars.evaluate("string(//chart:categories/@table:cell-range-address)").stringValue, "Table1.A2:Table1.A6")
        XCTAssertEqual(try strings(bars, "//chart:series/@chart:values-cell-range-address"), ["Table1.B2:Table1.B6", "Table1.C2:Table1.C6"])
        XCTAssertEqual(try strings(bars, "//chart:series/@chart:label-cell-address"), ["Table1.B1", "Table1.C1"])
        XCTAssertEqual(try strings(bars, "//chart:axis/chart:title"), ["纠纷类型", "件数"])
        XCTAssertEqual(try bars.evaluate("count(\(chart)/chart:legend)"), .number(1))
        // The chart's own copy of the figures: series names, then one row per type (合计 left out).
        let local = "\(chart)/table:table[@table:name='local-table']"
        XCTAssertEqual(try strings(bars, "\(local)/table:table-header-rows/table:table-row/table:table-cell"), ["", "受理", "调解成功"])
        XCTAssertEqual(try strings(bars, "\(local)/table:table-rows/table:table-row/table:table-cell[1]"),
                       SampleDocuments.chartTypes.map(\.type))
        XCTAssertEqual(try strings(bars, "\(local)/table:table-rows/table:table-row/table:table-cell[2]/@office:value"),
                       SampleDocuments.chartTypes.map { String($0.accepted) })
        XCTAssertEqual(try strings(bars, "\(local)/table:table-rows/table:table-row/table:table-cell[3]/@office:value"),
                       SampleDocuments.chartTypes.map { String($0.successful) })

        let columns = try xpath(parts.data["Object 2/content.xml"]!, "Object 2/content.xml")
        XCTAssertEqual(try columns.evaluate("string(//style:style[@style:name = string(\(chart)/chart:plot-area/@chart:style-name)]/style:chart-properties/@chart:vertical)").stringValue,
                       "false")
        XCTAssertEqual(try columns.evaluate("string(//chart:categories/@table:cell-range-address)").stringValue, "Table2.A2:Table2.A4")
        XCTAssertEqual(try strings(columns, "//chart:series/@chart:values-cell-range-address"), ["Table2.B2:Table2.B4"])
        // One series needs no legend; with no category axis title given, the column's header names the axis.
        XCTAssertEqual(try columns.evaluate("count(\(chart)/chart:legend)"), .number(0))
        XCTAssertEqual(try strings(columns, "//chart:axis/chart:title"), ["纠纷来源"])
    }

    /// Counts of at most 10 are marked in whole numbers from 0; bigger or fractional figures are left to the
    /// word processor's own steps.
    func testValueAxisCountsInOnesForSmallCounts() throws {
        func valueAxis(_ values: [String]) throws -> (minimum: String, interval: String) {
            let table = Table(columnWidths: [1, 1], rows: [TableRow(isHeader: true, cells: [SampleDocuments.cell("类"), SampleDocuments.cell("数")])]
                + values.enumerated().map { TableRow(cells: [SampleDocuments.cell("类\($0.offset)"), SampleDocuments.cell($0.element)]) },
                              chart: TableChart(title: "图", categoryColumn: 0, valueColumns: [1]))
            let document = Document(metadata: DocumentMetadata(formID: "t", title: "t"), blocks: [.table(table)])
            let chart = try xpath(ZipParts(ODFWriter(flat: false).write(document)).data["Object 1/content.xml"]!, "chart")
            let style = "//style:style[@style:name = string(//chart:axis[@chart:dimension='y']/@chart:style-name)]/style:chart-properties"
            return (try chart.evaluate("string(\(style)/@chart:minimum)").stringValue,
                    try chart.evaluate("string(\(style)/@chart:interval-major)").stringValue)
        }
        XCTAssertTrue(try valueAxis(["0", "3", "10"]) == ("0", "1"))
        XCTAssertTrue(try valueAxis(["0", "3", "11"]) == ("0", ""))
        XCTAssertTrue(try valueAxis(["0.5", "3"]) == ("0", ""))
        XCTAssertTrue(try valueAxis(["-2", "3"]) == ("", "1"))
        XCTAssertTrue(try valueAxis(["—", "3"]) == ("0", "1"))
    }

    // MARK: The flat document

    /// The flat document holds each chart drawn as an SVG picture in the frame the `.odt` gives its object
    /// (LibreOffice 7.4 prints a flat file's chart object blank): the title, each category, each figure.
    func testFlatDocumentHoldsEachChartAsAPicture() throws {
        let fodt = try xpath(ODFWriter(flat: true).write(SampleDocuments.chartReport()), "charts.fodt")
        XCTAssertEqual(try fodt.evaluate("count(//draw:object)"), .number(0))
        let images = try fodt.evaluate("//draw:frame/draw:image[@draw:mime-type='image/svg+xml']/office:binary-data").nodes
        XCTAssertEqual(images.count, 2)
        let content = try xpath(try odt().data["content.xml"]!, "content.xml")
        for (index, image) in images.enumerated() {
            for size in ["svg:width", "svg:height"] {
                XCTAssertEqual(try fodt.evaluate("string((//draw:frame[draw:image])[\(index + 1)]/@\(size))").stringValue,
                               try content.evaluate("string((//draw:frame[draw:object])[\(index + 1)]/@\(size))").stringValue)
            }
            let svg = String(decoding: try XCTUnwrap(Data(base64Encoded: image.stringValue)), as: UTF8.self)
            let drawing = try XMLDocument(parsing: Data(svg.utf8), fileName: "chart\(index + 1).svg")
            let texts = try XPathContext(document: drawing).evaluate("//*[local-name()='text']").nodes.map(\.stringValue)
            let categories = index == 0 ? SampleDocuments.chartTypes.map(\.type) : SampleDocuments.chartSources.map(\.source)
            XCTAssertEqual(texts.first, index == 0 ? "各类纠纷受理与调解成功件数" : "各来源受理件数")
            for category in categories { XCTAssertTrue(texts.contains(category), category) }
            if index == 0 { XCTAssertTrue(texts.contains("件数"), "the value axis title") }
            let bars = try XPathContext(document: drawing).evaluate("count(//*[local-name()='rect'][@width > 0])")
            guard case .number(let count) = bars else { return XCTFail("no count") }
            XCTAssertGreaterThanOrEqual(count, Double(categories.count), "a bar a category at least")
        }
    }

    // MARK: Validity and reproducibility

    func testBothFormsValidateAgainstODF13() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-chart-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for flat in [true, false] {
            let file = folder.appendingPathComponent(flat ? "charts.fodt" : "charts.odt")
            try ODFWriter(flat: flat).write(SampleDocuments.chartReport()).write(to: file)
            // For the .odt: content, styles, meta, both objects' content.xml and the manifest.
            XCTAssertEqual(try ODFSchemas.problems(inFile: file), [], file.lastPathComponent)
        }
    }

    func testSameDocumentGivesSameBytes() throws {
        for flat in [true, false] {
            XCTAssertEqual(try ODFWriter(flat: flat).write(SampleDocuments.chartReport()),
                           try ODFWriter(flat: flat).write(SampleDocuments.chartReport()), flat ? "fodt" : "odt")
        }
    }

    /// A document without a chart is written exactly as before: no chart namespaces, no objects, the fixed
    /// manifest.
    func testDocumentsWithoutChartsAreUnchanged() throws {
        let parts = try ZipParts(ODFWriter(flat: false).write(SampleDocuments.agreement()))
        XCTAssertEqual(parts.names, ["mimetype", "content.xml", "styles.xml", "meta.xml", "META-INF/manifest.xml"])
        XCTAssertEqual(parts.data["META-INF/manifest.xml"], Data(ODFStaticParts.manifest))
        for data in [parts.data["content.xml"]!, try ODFWriter(flat: true).write(SampleDocuments.agreement())] {
            XCTAssertFalse(String(decoding: data, as: UTF8.self).contains("xmlns:chart"))
        }
    }

    // MARK: Errors

    func testChartNamingWhatTheTableLacksIsRefused() {
        func write(_ chart: TableChart) throws {
            var table = Table(columnWidths: [1, 1], rows: [TableRow(isHeader: true, cells: [SampleDocuments.cell("类"), SampleDocuments.cell("数")]),
                                                           TableRow(cells: [SampleDocuments.cell("甲"), SampleDocuments.cell("1")])])
            table.chart = chart
            _ = try ODFWriter(flat: true).write(Document(metadata: DocumentMetadata(formID: "t", title: "t"), blocks: [.table(table)]))
        }
        let cases: [(TableChart, WriterError)] = [
            (TableChart(title: "图", categoryColumn: 0, valueColumns: [2]), .invalidChart("column 2 of a table with 2 columns")),
            (TableChart(title: "图", categoryColumn: -1, valueColumns: [1]), .invalidChart("column -1 of a table with 2 columns")),
            (TableChart(title: "图", categoryColumn: 0, valueColumns: []), .invalidChart("no value column")),
            (TableChart(title: "图", categoryColumn: 0, valueColumns: [1], rows: 1..<3), .invalidChart("rows 1..<3 of a table with 2 rows")),
            (TableChart(title: "图", categoryColumn: 0, valueColumns: [1], rows: 1..<1), .invalidChart("rows 1..<1 of a table with 2 rows")),
        ]
        for (chart, error) in cases {
            XCTAssertThrowsError(try write(chart)) { XCTAssertEqual($0 as? WriterError, error) }
        }
        XCTAssertNoThrow(try write(TableChart(title: "图", categoryColumn: 0, valueColumns: [1])))

        // Writer names a row's cells in order: in a row with merged cells names and grid positions part.
        var merged = Table(columnWidths: [1, 1, 1], rows: [
            TableRow(isHeader: true, cells: [SampleDocuments.cell("类"), SampleDocuments.cell("数"), SampleDocuments.cell("注")]),
            TableRow(cells: [SampleDocuments.cell("甲"), SampleDocuments.cell("1"), SampleDocuments.cell("注")]),
            TableRow(cells: [TableCell([], columnSpan: 2), SampleDocuments.cell("注")]),
        ], chart: TableChart(title: "图", categoryColumn: 0, valueColumns: [1]))
        let document = { Document(metadata: DocumentMetadata(formID: "t", title: "t"), blocks: [.table(merged)]) }
        XCTAssertThrowsError(try ODFWriter(flat: false).write(document())) {
            XCTAssertEqual($0 as? WriterError, .invalidChart("row 2 has merged cells"))
        }
        merged.chart?.rows = 1..<2
        XCTAssertNoThrow(try ODFWriter(flat: false).write(document()))
    }

    // MARK: Small rules

    /// What counts as a number in a value cell: the table is the specification.
    func testCellNumbers() {
        let cases: [(String, Double?)] = [
            ("12", 12), ("0", 0), ("-3.5", -3.5), ("+2", 2), ("1,200", 1200), (" 7 ", 7),
            ("—", nil), ("85.7%", nil), ("", nil), ("3/5", nil), ("nan", nil), ("inf", nil), ("1e3", nil), ("十二", nil),
        ]
        for (text, number) in cases {
            XCTAssertEqual(ODFChartData.number(text), number, text)
        }
        XCTAssertEqual([3, 3.5, -2, 0].map(ODFChartData.odfNumber), ["3", "3.5", "-2", "0"])
    }

    func testColumnNamesAreSpreadsheetLetters() {
        let cases: [(Int, String)] = [(0, "A"), (1, "B"), (25, "Z"), (26, "AA"), (27, "AB"), (51, "AZ"), (52, "BA"), (701, "ZZ"), (702, "AAA")]
        for (index, name) in cases {
            XCTAssertEqual(ODFChartData.columnName(index), name, String(index))
        }
    }

    // MARK: Writers that draw no chart

    func testTextWriterPrintsTheTableAlone() throws {
        let text = String(decoding: try TextWriter(options: WriterOptions()).write(SampleDocuments.chartReport()), as: UTF8.self)
        for expected in ["纠纷类型", "道路交通事故", "合计", "86.7%", "纠纷来源", "移送"] {
            XCTAssertTrue(text.contains(expected), expected)
        }
        XCTAssertFalse(text.contains("各类纠纷受理与调解成功件数"))
    }

    func testArchivalCopyRecordsTheChartsSettings() throws {
        let archive = try ArchiveXMLWriter().write(SampleDocuments.chartReport())
        let x = XPathContext(document: try XMLDocument(parsing: archive, fileName: "charts.xml"))
        x.registerNamespace(prefix: "w", uri: ArchiveXMLWriter.namespace)
        let charts = try x.evaluate("//w:table/w:chart").nodes
        XCTAssertEqual(charts.count, 2)
        XCTAssertEqual(charts.map { $0.attributes.map { "\($0.name)=\($0.value)" } }, [
            ["kind=bar", "title=各类纠纷受理与调解成功件数", "category-column=1", "value-columns=2 3", "first-row=2",
             "last-row=6", "value-axis-title=件数"],
            ["kind=column", "title=各来源受理件数", "category-column=1", "value-columns=2", "first-row=2", "last-row=4"],
        ])
        // The table's printed text is unchanged by it.
        XCTAssertFalse(try x.evaluate("string(//w:table[1])").stringValue.contains("各类纠纷"))
    }

    // MARK: LibreOffice

    /// The chart's words printed by LibreOffice: its title, its value-axis title, and every category a second
    /// time (the table prints them once), so the PDF shows a chart, not only the table.
    func assertChartsDrawn(_ pdf: URL, _ label: String) throws {
        let text = try LibreOffice.text(pdf).replacingOccurrences(of: "\n", with: "")
        func count(_ word: String) -> Int { text.components(separatedBy: word).count - 1 }
        XCTAssertEqual(count("各类纠纷受理与调解成功件数"), 1, label)
        XCTAssertEqual(count("各来源受理件数"), 1, label)
        XCTAssertGreaterThanOrEqual(count("件数"), 3, label)
        for category in SampleDocuments.chartTypes.map(\.type) + SampleDocuments.chartSources.map(\.source) {
            XCTAssertGreaterThanOrEqual(count(category), 2, "\(label): \(category) only in the table")
        }
    }

    func testLibreOfficeDrawsTheChartsOfTheODT() throws {
        let pdf = try LibreOffice.convertToPDF(ODFWriter(flat: false).write(SampleDocuments.chartReport()), name: "charts.odt")
        try assertChartsDrawn(pdf, "odt")
        // The charts' labels are in the document's fonts (the GB fonts fontconfig maps them to).
        XCTAssertFalse(try LibreOffice.fonts(pdf).contains { $0.contains("JP") })
    }

    /// Printed as a user prints it (`soffice --convert-to pdf`), the flat document shows its charts: an
    /// embedded chart object printed as an empty frame there (LibreOffice 7.4), the drawn picture prints.
    func testLibreOfficePrintsTheFlatDocumentsCharts() throws {
        let pdf = try LibreOffice.convertToPDF(ODFWriter(flat: true).write(SampleDocuments.chartReport()), name: "charts.fodt")
        try assertChartsDrawn(pdf, "fodt")
        XCTAssertFalse(try LibreOffice.fonts(pdf).contains { $0.contains("JP") })
    }
}
