import Foundation
import WenshuDocument

/// One document's ODF, as the pieces both forms share: the flat `.fodt` strings them together in one
/// `office:document`; the `.odt` wraps the same pieces in `content.xml`, `styles.xml` and `meta.xml`.
struct ODFParts {
    /// The children of `office:meta`.
    var meta: [UInt8]
    /// The content's automatic styles (children of `office:automatic-styles`).
    var automaticStyles: [UInt8]
    /// The children of `office:text`, without the charts' `draw:object`s (see `withBody(flat:_:)`).
    var body: Markup
    /// The tables' charts and where their objects go in `body`.
    var charts: [(offset: Int, chart: ODFChart)]

    init(_ document: Document) throws {
        meta = try ODFParts.meta(document.metadata)
        var builder = ODFBody(document: document)
        try builder.write(document)
        automaticStyles = builder.styles.bytes
        body = builder.out
        charts = builder.charts
    }

    /// The children of `office:text` for one form: each chart's frame gets the chart drawn as a picture in
    /// the flat document (``ODFChartDrawing``), a `draw:object` referring to its sub-document in the package.
    /// Without charts, the body's bytes in place.
    func withBody<R>(flat: Bool, _ write: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        guard !charts.isEmpty else { return try body.withBytes(write) }
        var out: [UInt8] = []
        out.reserveCapacity(body.count + charts.reduce(0) { $0 + $1.chart.document.count + 512 })
        body.withBytes { body in
            var start = 0
            for (offset, chart) in charts {
                out += UnsafeBufferPointer(rebasing: body[start..<offset])
                out += flat ? chart.drawing.image : chart.linkedObject
                start = offset
            }
            out += UnsafeBufferPointer(rebasing: body[start...])
        }
        return try out.withUnsafeBufferPointer(write)
    }

    /// The root element's namespace declarations: a document with a chart also declares draw, xlink and chart.
    private var rootNamespaces: String {
        charts.isEmpty ? ODFParts.namespaces : ODFParts.namespaces + " " + ODFChart.namespaces
    }

    /// `content.xml`'s: without dc and meta, which only the metadata uses (every declared byte is deflated
    /// for every document).
    private var contentNamespaces: String {
        charts.isEmpty ? ODFParts.contentNamespaces : ODFParts.contentNamespaces + " " + ODFChart.namespaces
    }

    static let mimeType = "application/vnd.oasis.opendocument.text"

    static let namespaces = #"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.3""#

    static let contentNamespaces = #"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3""#

    static let metaNamespaces = #"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.3""#

    static let declaration = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"

    /// The flat document (`.fodt`): the fixed markup around the document's own parts is bytes made once per
    /// process (``ODFStaticParts/flat``), and every piece is copied once, into the `Data` returned.
    var flat: Data {
        let fixed = ODFStaticParts.flat
        let head = charts.isEmpty ? fixed.head : ODFParts.flatHead(namespaces: rootNamespaces)
        return withBody(flat: true) { body in
            var out = ByteWriter(capacity: head.count + meta.count + fixed.middle.count + automaticStyles.count
                                 + fixed.bodyStart.count + body.count + fixed.end.count)
            out.bytes(head)
            out.bytes(meta)
            out.bytes(fixed.middle)
            out.bytes(automaticStyles)
            out.bytes(fixed.bodyStart)
            out.bytes(body)
            out.bytes(fixed.end)
            return out.data()
        }
    }

    /// The flat document's start, to its `office:meta`'s children.
    static func flatHead(namespaces: String) -> [UInt8] {
        Array((ODFParts.declaration + #"<office:document \#(namespaces) office:mimetype="\#(ODFParts.mimeType)">"#
               + "\n<office:meta>\n").utf8)
    }

    /// `content.xml`, as the bytes to deflate.
    var content: Markup {
        withBody(flat: false) { body in contentXML(body: body) }
    }

    private func contentXML(body: UnsafeBufferPointer<UInt8>) -> Markup {
        var m = Markup(capacity: automaticStyles.count + body.count + 1024)
        m.raw(ODFParts.declaration)
        m.raw("<office:document-content \(contentNamespaces)>\n")
        // No font declarations: the content's automatic styles name no font (they derive from named styles).
        m.raw("<office:automatic-styles>\n"); m.raw(automaticStyles); m.raw("</office:automatic-styles>\n")
        m.raw("<office:body>\n<office:text>\n"); m.raw(body); m.raw("</office:text>\n</office:body>\n")
        m.raw("</office:document-content>\n")
        return m
    }

    /// `meta.xml`, as the bytes to deflate.
    var metaPart: [UInt8] {
        var m = Markup(capacity: meta.count + 512)
        m.raw(ODFParts.declaration)
        m.raw("<office:document-meta \(ODFParts.metaNamespaces)>\n")
        m.raw("<office:meta>\n"); m.raw(meta); m.raw("</office:meta>\n")
        m.raw("</office:document-meta>\n")
        return m.bytes
    }

    /// The zipped package (`.odt`): `mimetype` first and stored, the fixed parts compressed once per process;
    /// each chart a sub-document `Object N/`, which the manifest then lists.
    func package() throws -> Data {
        let fixed = try ODFStaticParts.entries()
        var entries: [ZipContainer.Entry] = []
        entries.reserveCapacity(5 + charts.count)
        entries += [fixed.mimetype, try content.withBytes { try ZipContainer.Entry.deflated("content.xml", $0, effort: .everyDocument) },
                    fixed.styles, try .deflated("meta.xml", metaPart, effort: .everyDocument)]
        for (_, chart) in charts {
            entries.append(try .deflated(chart.objectName + "/content.xml", chart.contentPart, effort: .everyDocument))
        }
        entries.append(charts.isEmpty ? fixed.manifest
                       : try .deflated("META-INF/manifest.xml", ODFParts.manifest(objects: charts.map(\.chart.objectName)),
                                        effort: .everyDocument))
        return ZipContainer.archive(entries)
    }

    /// `META-INF/manifest.xml`: the document's parts, then each chart sub-document (`Object 1/`) and its
    /// `content.xml`.
    static func manifest(objects: [String]) -> [UInt8] {
        var xml = ODFParts.declaration + """
            <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
            <manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="\(ODFParts.mimeType)"/>
            <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
            <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
            <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>

            """
        for name in objects {
            let path = Markup.escaped(name, inAttribute: true)
            xml += #"<manifest:file-entry manifest:full-path="\#(path)/" manifest:version="1.3" manifest:media-type="\#(ODFChart.mimeType)"/>"# + "\n"
            xml += #"<manifest:file-entry manifest:full-path="\#(path)/content.xml" manifest:media-type="text/xml"/>"# + "\n"
        }
        return Array((xml + "</manifest:manifest>\n").utf8)
    }

    /// `meta:generator`, the title, the document's own date (never the clock), and the case's identifiers as
    /// user-defined properties (LibreOffice shows them under File ▸ Properties ▸ Custom Properties).
    static func meta(_ metadata: DocumentMetadata) throws -> [UInt8] {
        var m = Markup(capacity: 1024)    // about 600 bytes: growing from empty reallocated on most elements
        m.element("meta:generator", text: WenshuVersion.generator); m.newline()
        m.element("dc:title", text: metadata.title); m.newline()
        m.element("dc:language", text: "zh-CN"); m.newline()
        if let date = try ISODate.metadata(metadata.date) {
            let dateTime = date.text + "T00:00:00"    // made once: ISODate.text formats on every read
            m.element("meta:creation-date", text: dateTime); m.newline()
            m.element("dc:date", text: dateTime); m.newline()
        }
        // A property at a time: a list of (name, value) tuples, like a list of attributes, is destroyed through
        // the runtime's generic `tuple_destroy`.
        func property(_ name: String, _ value: String?) {
            guard let value else { return }
            m.open("meta:user-defined")
            m.attribute("meta:name", name)
            m.attribute("meta:value-type", "string")
            m.closeStart()
            m.text(value)
            m.end("meta:user-defined")
            m.newline()
        }
        property("form-id", metadata.formID)
        property("document-number", metadata.number)
        property("case-number", metadata.caseNumber)
        property("template-version", metadata.templateVersion)
        return m.bytes
    }
}

/// The fixed parts every document shares, each built once per process at its first use (a `static let` is
/// initialised lazily and once, from whichever thread asks first): a run of `.fodt` never deflates the
/// package's parts (1.3 M instructions of its start), a run of `.odt` never builds the flat pieces.
enum ODFStaticParts {
    /// The flat document's fixed pieces.
    struct Flat: Sendable {
        /// Its start (without charts) to `office:meta`'s children.
        let head: [UInt8]
        /// From `</office:meta>` (fonts, named styles, page layouts) to the automatic styles.
        let middle: [UInt8]
        /// From the automatic styles' end (master pages) to `office:text`'s children.
        let bodyStart: [UInt8]
        let end: [UInt8]
    }

    static let flat = Flat(
        head: ODFParts.flatHead(namespaces: ODFParts.namespaces),
        middle: Array(("</office:meta>\n" + ODFStyleSheet.fontFaces
            + "<office:styles>\n" + ODFStyleSheet.namedStyles + "</office:styles>\n"
            + "<office:automatic-styles>\n" + ODFStyleSheet.pageLayouts).utf8),
        bodyStart: Array(("</office:automatic-styles>\n" + ODFStyleSheet.masterStyles
            + "<office:body>\n<office:text>\n").utf8),
        end: Array("</office:text>\n</office:body>\n</office:document>\n".utf8))

    /// `META-INF/manifest.xml` of a document without charts.
    static let manifest = ODFParts.manifest(objects: [])

    struct Entries: Sendable {
        let mimetype: ZipContainer.Entry
        let styles: ZipContainer.Entry
        let manifest: ZipContainer.Entry
    }

    /// The package's fixed entries, `styles.xml` and the manifest deflated.
    private static let packaged = Result<Entries, Error> {
        let styles = Array((ODFParts.declaration
            + "<office:document-styles \(ODFParts.namespaces)>\n"
            + ODFStyleSheet.fontFaces
            + "<office:styles>\n" + ODFStyleSheet.namedStyles + "</office:styles>\n"
            + "<office:automatic-styles>\n" + ODFStyleSheet.pageLayouts + "</office:automatic-styles>\n"
            + ODFStyleSheet.masterStyles
            + "</office:document-styles>\n").utf8)
        return Entries(mimetype: .stored("mimetype", Array(ODFParts.mimeType.utf8)),
                       styles: try .deflated("styles.xml", styles, effort: .oncePerProcess),
                       manifest: try .deflated("META-INF/manifest.xml", manifest, effort: .oncePerProcess))
    }

    static func entries() throws -> Entries { try packaged.get() }
}
