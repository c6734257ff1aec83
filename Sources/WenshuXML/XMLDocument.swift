import CLibXML2
import Foundation

/// An XML document owned by Swift: parsed safely, or built node by node, freed when released.
///
/// A document is not thread-safe; use one per thread (each batch worker parses its own case).
public final class XMLDocument: @unchecked Sendable {
    let pointer: xmlDocPtr
    /// The file name errors and node locations are reported against.
    public let fileName: String?

    /// The largest input `parse` accepts unless told otherwise (10 MiB: a case file is a few KiB).
    public static let defaultSizeLimit = 10 * 1024 * 1024

    /// Parses `data` with no network, no DTD loading and no entity substitution.
    ///
    /// - Parameters:
    ///   - allowDoctype: when `false` (the default), any `<!DOCTYPE` is refused before parsing, which
    ///     closes every entity trick (XXE, billion laughs) at once.
    ///   - sizeLimit: inputs larger than this many bytes are refused unread.
    /// - Throws: the first `XMLIssue` (syntax errors carry line and column).
    public init(parsing data: Data, fileName: String?, allowDoctype: Bool = false,
                sizeLimit: Int = XMLDocument.defaultSizeLimit) throws {
        pointer = try Self.parse(data, fileName: fileName, allowDoctype: allowDoctype, sizeLimit: sizeLimit,
                                 droppingLayoutBlanks: false)
        self.fileName = fileName
        registerOwner()
    }

    /// Parses `data` as `init(parsing:fileName:allowDoctype:sizeLimit:)` does; `droppingLayoutBlanks` lets
    /// libxml2 leave out, as it parses, blank text that `XMLNode.removeLayout()` would remove
    /// (`XML_PARSE_NOBLANKS`), when the text from the root element on holds no comment, processing
    /// instruction, CDATA section or carriage return (`dropsOnlyLayoutBlanks(in:)`). The caller still calls
    /// `removeLayout()`, which then finds less to remove.
    package init(parsing data: Data, fileName: String?, allowDoctype: Bool, sizeLimit: Int,
                 droppingLayoutBlanks: Bool) throws {
        pointer = try Self.parse(data, fileName: fileName, allowDoctype: allowDoctype, sizeLimit: sizeLimit,
                                 droppingLayoutBlanks: droppingLayoutBlanks)
        self.fileName = fileName
        registerOwner()
    }

    private static func parse(_ data: Data, fileName: String?, allowDoctype: Bool, sizeLimit: Int,
                              droppingLayoutBlanks: Bool) throws -> xmlDocPtr {
        LibXML.ensureInitialized()
        if data.count > sizeLimit {
            throw XMLIssue(kind: .tooLarge, file: fileName, line: 0,
                           message: "file is \(data.count) bytes, more than the \(sizeLimit)-byte limit")
        }
        if !allowDoctype, let line = XMLDocument.doctypeLine(in: data) {
            throw XMLIssue(kind: .doctype, file: fileName, line: line,
                           message: "a DOCTYPE declaration is not allowed here (no DTDs or entities)")
        }
        // NONET: never fetch; BIG_LINES: line numbers past 65535; NOCDATA: CDATA reads as text.
        // Deliberately absent: NOENT (turns entity substitution ON), DTDLOAD, DTDATTR, XINCLUDE, and COMPACT
        // (8% off the parse, but libxml2 forbids changing such a tree, and the loader moves and removes nodes).
        var options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOCDATA.rawValue)
        if droppingLayoutBlanks && dropsOnlyLayoutBlanks(in: data) { options |= Int32(XML_PARSE_NOBLANKS.rawValue) }
        let (doc, issues) = capturingErrors(kind: .syntax, file: fileName) { () -> xmlDocPtr? in
            data.withUnsafeBytes { raw -> xmlDocPtr? in
                guard let base = raw.baseAddress else { return nil }
                return xmlReadMemory(base.assumingMemoryBound(to: CChar.self), Int32(raw.count),
                                     fileName, "UTF-8", options)
            }
        }
        if let first = issues.first {
            if let doc { xmlFreeDoc(doc) }
            throw first
        }
        guard let doc else {
            throw XMLIssue(kind: .syntax, file: fileName, line: 1, message: "the document is empty")
        }
        return doc
    }

    /// Parses a file from disk, naming it in errors.
    public convenience init(contentsOf url: URL, displayName: String? = nil, allowDoctype: Bool = false,
                            sizeLimit: Int = XMLDocument.defaultSizeLimit) throws {
        let name = displayName ?? url.path
        let data: Data
        switch FileBytes.read(url, limit: sizeLimit) {
        case .read(let bytes)?:
            data = bytes
        case .tooLarge(let size)?:
            throw XMLIssue(kind: .tooLarge, file: name, line: 0,
                           message: "file is \(size) bytes, more than the \(sizeLimit)-byte limit")
        case nil:  // not a plain file, or unreadable: Foundation says why
            data = try Data(contentsOf: url)
        }
        try self.init(parsing: data, fileName: name, allowDoctype: allowDoctype, sizeLimit: sizeLimit)
    }

    /// A new, empty document whose root element is `rootName` (in `namespace`, if given).
    public init(rootName: String, namespace: String? = nil, fileName: String? = nil) {
        LibXML.ensureInitialized()
        pointer = xmlNewDoc("1.0")
        self.fileName = fileName
        let root = xmlNewDocNode(pointer, nil, rootName, nil)!
        if let namespace {
            let ns = xmlNewNs(root, namespace, nil)
            xmlSetNs(root, ns)
        }
        xmlDocSetRootElement(pointer, root)
        registerOwner()
    }

    /// Lets a node found through XPath in any document (a variable may hold another document's nodes) be
    /// wrapped with the Swift object that owns it: libxml2's `_private` slot points back here, unretained.
    private func registerOwner() {
        pointer.pointee._private = Unmanaged.passUnretained(self).toOpaque()
    }

    /// The Swift document that owns `node`, if it was parsed or built through `XMLDocument`.
    static func owner(of node: xmlNodePtr) -> XMLDocument? {
        guard let doc = node.pointee.doc, let owner = doc.pointee._private else { return nil }
        return Unmanaged<XMLDocument>.fromOpaque(owner).takeUnretainedValue()
    }

    deinit { xmlFreeDoc(pointer) }

    /// The root element.
    public var root: XMLNode? {
        xmlDocGetRootElement(pointer).map { XMLNode(pointer: $0, document: self) }
    }

    /// The document as UTF-8 XML text with an XML declaration; `indent` pretty-prints.
    public func serialized(indent: Bool = false) -> Data {
        var buffer: UnsafeMutablePointer<xmlChar>?
        var size: Int32 = 0
        xmlDocDumpFormatMemoryEnc(pointer, &buffer, &size, "UTF-8", indent ? 1 : 0)
        defer { wenshu_xmlFree(buffer) }
        guard let buffer else { return Data() }
        return Data(bytes: buffer, count: Int(size))
    }

    /// The attribute `name` (no namespace) of the root element of `data`, read by libxml2's streaming reader,
    /// which stops at the root's start tag instead of building the whole tree: a command that needs one form
    /// reads the others' ids this way. `nil` when the root lacks it, the bytes up to the root are not
    /// well-formed, or they hold a DOCTYPE (refused as `init(parsing:)` refuses it).
    public static func rootAttribute(_ name: String, in data: Data) -> String? {
        LibXML.ensureInitialized()
        if data.count > defaultSizeLimit || doctypeLine(in: data) != nil { return nil }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        return data.withUnsafeBytes { raw -> String? in
            guard let base = raw.baseAddress,
                  let reader = xmlReaderForMemory(base.assumingMemoryBound(to: CChar.self), Int32(raw.count), nil, "UTF-8", options)
            else { return nil }
            defer { xmlFreeTextReader(reader) }
            while xmlTextReaderRead(reader) == 1 {
                guard xmlTextReaderNodeType(reader) == Int32(XML_READER_TYPE_ELEMENT.rawValue) else { continue }
                guard let value = xmlTextReaderGetAttribute(reader, name) else { return nil }
                defer { wenshu_xmlFree(value) }
                return String(cString: value)
            }
            return nil
        }
    }

    /// The line of the first `<!DOCTYPE`, if the bytes before the root element hold one.
    /// Whether libxml2's `XML_PARSE_NOBLANKS` drops only blank text that `removeLayout()` removes: true when
    /// there is no carriage return and, from the root element's start tag on, no `<!` (comment, CDATA) and
    /// no `<?` (processing instruction).
    ///
    /// libxml2 (2.9) drops a run of blanks (space, tab, LF, CR) that ends at a `<` when the element holds no
    /// text before it (its last child is not text, nor its first) and, at an end tag, some child already.
    /// Before a start tag the run is a text node of its own in an element with an element child: layout.
    /// Before an end tag the element's earlier children are then elements only (there are no others):
    /// layout too. What it gets wrong is a run before or after a comment (`<a>  <!--c-->x</a>` would read
    /// `x`, not `  x`), hence the scan; a run it keeps is left to `removeLayout()` as before. A carriage
    /// return takes another path through its code (line ends normalised), not followed here.
    /// `XMLDocumentTests.testDroppingLayoutBlanksGivesTheSameTree` holds the two to the same trees.
    static func dropsOnlyLayoutBlanks(in data: Data) -> Bool {
        data.withUnsafeBytes { raw -> Bool in
            guard let base = raw.baseAddress, memchr(base, 0x0D, raw.count) == nil else { return false }
            let bytes = raw.bindMemory(to: UInt8.self)
            /// The offset of the first `byte` at or after `start`, if any (`memchr` reads many bytes a step).
            func find(_ byte: Int32, from start: Int) -> Int? {
                guard start < raw.count, let found = memchr(base + start, byte, raw.count - start) else { return nil }
                return base.distance(to: UnsafeRawPointer(found))
            }
            // The root's start tag: the first "<" not followed by "!" or "?". Without one (not XML, or
            // nothing but a prolog) there is nothing to drop: the parse reports what is wrong.
            var root = 0
            var hasRoot = false
            while let open = find(0x3C, from: root) {
                root = open + 1
                if root < bytes.count && bytes[root] != 0x21 && bytes[root] != 0x3F { hasRoot = true; break }
            }
            guard hasRoot else { return false }
            // After it, a "!" or "?" just after a "<" (both are rare in text, which writes ！ and ？). Every
            // one found is at `root` or later, so the byte before it is in the data.
            for mark: Int32 in [0x21, 0x3F] {
                var from = root
                while let found = find(mark, from: from) {
                    if bytes[found - 1] == 0x3C { return false }
                    from = found + 1
                }
            }
            return true
        }
    }

    static func doctypeLine(in data: Data) -> Int? {
        let needle = Array("<!DOCTYPE".utf8)
        return data.withUnsafeBytes { raw -> Int? in
            let bytes = raw.bindMemory(to: UInt8.self)
            var line = 1
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b == 0x0A { line += 1 }
                if b == 0x3C, i + needle.count <= bytes.count {  // "<"
                    if zip(needle.indices, needle).allSatisfy({ bytes[i + $0] == $1 }) { return line }
                    // Past the prolog (an element start) no DOCTYPE may follow; stop scanning.
                    let next = i + 1 < bytes.count ? bytes[i + 1] : 0
                    if next != 0x3F && next != 0x21 { return nil }  // not "<?" or "<!"
                }
                i += 1
            }
            return nil
        }
    }
}
