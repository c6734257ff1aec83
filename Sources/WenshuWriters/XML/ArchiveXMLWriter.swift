import Foundation
import WenshuDocument

/// Writes the archival copy of a filled document: Wenshu's own XML vocabulary (namespace
/// `urn:wenshu:archive:1`, described in `docs/archive-xml.md`, schema `docs/wenshu-archive.rng`).
///
/// It carries the form id, template version, case number and the document's own metadata, and the text
/// exactly as printed: the string value of a block is what the paper shows (checkbox glyphs and the
/// ideographic spaces of a blank included); values from the case are marked `<field>`, and the
/// structure (headings, tables with their spans, signature blocks, sections and their pagination) is kept.
/// Only page numbers are absent, since they exist only once a word processor lays the document out.
/// The output is byte-reproducible: no clock, attributes in a fixed order, defaults left out.
public struct ArchiveXMLWriter: DocumentWriter {
    public init() {}

    /// The vocabulary's namespace.
    public static let namespace = "urn:wenshu:archive:1"

    /// - Throws: `WriterError.invalidDate` for a metadata date that is not `YYYY-MM-DD`,
    ///   `WriterError.unknownPageTarget` for a page reference to a section the document lacks.
    public func write(_ document: Document) throws -> Data {
        var writer = ArchiveXMLBuilder(document: document)
        try writer.write(document)
        return writer.out.data
    }
}

/// Walks the document once, writing elements as it goes.
private struct ArchiveXMLBuilder {
    var out = Markup(capacity: 8 * 1024)
    let sectionIDs: Set<String>

    init(document: Document) {
        sectionIDs = document.blocks.sectionIDs
    }

    mutating func write(_ document: Document) throws {
        let metadata = document.metadata
        let date = try ISODate.metadata(metadata.date)
        out.raw(#"<?xml version="1.0" encoding="UTF-8"?>"# + "\n")
        out.start("document", ["xmlns": ArchiveXMLWriter.namespace, "version": "1", "generator": WenshuVersion.generator])
        out.newline()
        out.start("metadata")
        out.newline()
        out.empty("form", ["id": metadata.formID, "template-version": metadata.templateVersion])
        out.newline()
        out.element("title", text: metadata.title)
        out.newline()
        if let number = metadata.number { out.element("number", text: number); out.newline() }
        if let caseNumber = metadata.caseNumber { out.element("case-number", text: caseNumber); out.newline() }
        if let date { out.element("date", text: date.text); out.newline() }
        out.end("metadata")
        out.newline()
        out.start("body", ["page-style": document.pageStyle.rawValue])
        out.newline()
        try blocks(document.blocks)
        out.end("body")
        out.newline()
        out.end("document")
        out.newline()
    }

    mutating func blocks(_ blocks: [Block]) throws {
        for block in blocks { try self.block(block) }
    }

    mutating func block(_ block: Block) throws {
        switch block {
        case .title(let inlines):
            try line("title", [:], inlines)
        case .subtitle(let inlines, let alignment):
            try line("subtitle", ["align": alignment.rawValue], inlines)
        case .heading(let level, let inlines):
            try line("heading", ["level": String(level)], inlines)
        case .paragraph(let p):
            try paragraph(p)
            out.newline()
        case .table(let table):
            try self.table(table)
        case .signatures(let block):
            out.start("signatures", ["align": block.alignment == .right ? nil : block.alignment.rawValue])
            out.newline()
            for signature in block.signatures {
                out.start("signature", ["seal": signature.seal ? "true" : nil])
                try line("label", [:], signature.label, newline: false)
                if !signature.name.isEmpty { try line("name", [:], signature.name, newline: false) }
                if let date = signature.date { try line("date", [:], date, newline: false) }
                out.end("signature")
                out.newline()
            }
            out.end("signatures")
            out.newline()
        case .pageBreak:
            out.empty("page-break")
            out.newline()
        case .picture(let picture):
            // The image itself, in base64, so the archival copy is complete; or, inside an archive package,
            // the path of the part that holds it (each scan is stored once).
            let (width, height) = (String(picture.pixelWidth), String(picture.pixelHeight))
            if case .beside(let path) = picture.image {
                out.empty("picture", ["type": picture.mediaType, "width": width, "height": height,
                                      "description": picture.description, "href": path])
            } else {
                out.element("picture", ["type": picture.mediaType, "width": width, "height": height,
                                        "description": picture.description],
                            text: try PictureBytes.read(picture).base64EncodedString())
            }
            out.newline()
        case .section(let section):
            var numbering = "continues", start: String?
            switch section.numbering {
            case .continues: break
            case .unnumbered: numbering = "unnumbered"
            case .restart(let first): numbering = "restart"; start = String(first)
            }
            out.start("section", ["id": section.id, "new-page": section.startsNewPage ? nil : "false",
                                  "numbering": numbering == "continues" ? nil : numbering, "start": start,
                                  "page-style": section.pageStyle?.rawValue])
            out.newline()
            try blocks(section.blocks)
            out.end("section")
            out.newline()
        }
    }

    mutating func paragraph(_ p: Paragraph) throws {
        try line("p", ["align": p.alignment == .justify ? nil : p.alignment.rawValue,
                       "indent": p.firstLineIndent ? "true" : nil], p.inlines, newline: false)
    }

    mutating func table(_ table: Table) throws {
        out.start("table", ["borders": table.bordered ? nil : "false"])
        out.newline()
        for width in table.columnWidths {
            out.empty("column", ["width": String(width)])
        }
        out.newline()
        for row in table.rows {
            out.start("row", ["header": row.isHeader ? "true" : nil, "min-lines": row.minLines == 1 ? nil : String(row.minLines)])
            for cell in row.cells {
                out.start("cell", ["colspan": cell.columnSpan == 1 ? nil : String(cell.columnSpan),
                                   "rowspan": cell.rowSpan == 1 ? nil : String(cell.rowSpan)])
                for p in cell.paragraphs { try paragraph(p) }
                out.end("cell")
            }
            out.end("row")
            out.newline()
        }
        if let chart = table.chart { self.chart(chart, table: table) }
        out.end("table")
        out.newline()
    }

    /// The table's chart settings; columns and rows counted from 1, as XPath counts `row` elements.
    mutating func chart(_ chart: TableChart, table: Table) {
        let headerRows = table.rows.prefix { $0.isHeader }.count
        let rows = chart.rows ?? headerRows..<table.rows.count
        out.empty("chart", [
            "kind": chart.kind.rawValue,
            "title": chart.title,
            "category-column": String(chart.categoryColumn + 1),
            "value-columns": chart.valueColumns.map { String($0 + 1) }.joined(separator: " "),
            "first-row": String(rows.lowerBound + 1),
            "last-row": String(rows.upperBound),
            "category-axis-title": chart.categoryAxisTitle,
            "value-axis-title": chart.valueAxisTitle,
        ])
        out.newline()
    }

    /// An element holding runs.
    mutating func line(_ name: StaticString, _ attributes: KeyValuePairs<StaticString, String?>, _ inlines: [Inline],
                       newline: Bool = true) throws {
        out.start(name, attributes)
        try self.inlines(inlines)
        out.end(name)
        if newline { out.newline() }
    }

    mutating func inlines(_ runs: [Inline]) throws {
        for run in runs {
            switch run {
            case .text(let s): out.text(s)
            case .field(let s): out.element("field", text: s)
            case .strong(let s): out.element("strong", text: s)
            case .blank(let width):
                out.element("blank", ["width": String(max(width, 0))],
                            text: String(repeating: "\u{3000}", count: max(width, 0)))
            case .checkbox(let label, let checked):
                out.element("checkbox", ["checked": checked ? "true" : "false"], text: (checked ? "☑" : "□") + label)
            case .pageRef(let target, let end):
                guard sectionIDs.contains(target) else { throw WriterError.unknownPageTarget(target) }
                out.empty("page-ref", ["target": target, "end": end ? "true" : nil])
            case .pageCount: out.empty("page-count")
            case .lineBreak: out.empty("br")
            }
        }
    }
}
