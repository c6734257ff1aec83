import CLibXML2

/// A regular expression in XML Schema's syntax — the `pattern` facet of a RelaxNG `<data>` — compiled once by
/// libxml2, the engine that checks the facet during validation, and shared by all threads (matching does
/// not change it). As in XML Schema, a pattern matches the whole text (`\d{4}` does not match `20261`).
public final class SchemaPattern: @unchecked Sendable {
    let pointer: xmlRegexpPtr
    /// The pattern as written.
    public let source: String

    /// Compiles `source`; throws an `XMLIssue` of kind `.schema` when it is not a valid pattern.
    public init(_ source: String) throws {
        LibXML.ensureInitialized()
        self.source = source
        let (compiled, issues) = capturingErrors(kind: .schema, file: nil) {
            withXMLString(source) { xmlRegexpCompile($0) }
        }
        guard let compiled else {
            throw issues.first ?? XMLIssue(kind: .schema, file: nil, line: 0, message: "`\(source)` is not a valid pattern")
        }
        pointer = compiled
    }

    deinit { xmlRegFreeRegexp(pointer) }

    /// Whether the whole of `text` matches.
    public func matches(_ text: String) -> Bool {
        withXMLString(text) { xmlRegexpExec(pointer, $0) == 1 }
    }

    /// Whether the value of the element `node` matches, its value taken as RelaxNG's `<data>` takes it: the
    /// text of its direct text children, joined (no text is the empty value). Reads a single text child in
    /// place.
    public func matchesValue(of node: XMLNode) -> Bool {
        if let only = node.pointer.pointee.children, only.pointee.next == nil,
           only.pointee.type == XML_TEXT_NODE || only.pointee.type == XML_CDATA_SECTION_NODE {
            guard let content = only.pointee.content else { return matches("") }
            return xmlRegexpExec(pointer, content) == 1
        }
        var value: [xmlChar] = []
        var child = node.pointer.pointee.children
        while let c = child {
            if c.pointee.type == XML_TEXT_NODE || c.pointee.type == XML_CDATA_SECTION_NODE, var byte = c.pointee.content {
                while byte.pointee != 0 {
                    value.append(byte.pointee)
                    byte += 1
                }
            }
            child = c.pointee.next
        }
        value.append(0)
        return xmlRegexpExec(pointer, value) == 1
    }
}
