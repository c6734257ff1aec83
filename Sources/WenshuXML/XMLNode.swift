import CLibXML2

/// A node of an `XMLDocument`. It keeps its document alive, so it may outlive the variable that held it.
public struct XMLNode: @unchecked Sendable, Hashable {
    let pointer: xmlNodePtr
    /// The owning document.
    public let document: XMLDocument

    init(pointer: xmlNodePtr, document: XMLDocument) {
        self.pointer = pointer
        self.document = document
    }

    public static func == (a: XMLNode, b: XMLNode) -> Bool { a.pointer == b.pointer }
    public func hash(into hasher: inout Hasher) { hasher.combine(pointer) }

    public var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }
    public var isText: Bool { pointer.pointee.type == XML_TEXT_NODE || pointer.pointee.type == XML_CDATA_SECTION_NODE }
    public var isAttribute: Bool { pointer.pointee.type == XML_ATTRIBUTE_NODE }

    /// The local name of an element or attribute.
    public var name: String { String(xmlString: pointer.pointee.name) ?? "" }

    /// The namespace URI of an element or attribute, if any.
    public var namespaceURI: String? { pointer.pointee.ns.flatMap { String(xmlString: $0.pointee.href) } }

    /// The source line (1-based), or 0 for nodes built in memory.
    public var line: Int { Int(xmlGetLineNo(pointer)) }

    /// The string value (text content of an element and its descendants, or an attribute's value).
    public var stringValue: String {
        guard let content = xmlNodeGetContent(pointer) else { return "" }
        defer { wenshu_xmlFree(content) }
        return String(cString: content)
    }

    /// An XPath-like path to this node for messages, e.g. `/case/parties/party[2]/name`.
    public var path: String {
        guard let p = xmlGetNodePath(pointer) else { return "" }
        defer { wenshu_xmlFree(p) }
        return String(cString: p)
    }

    public var parent: XMLNode? {
        guard let p = pointer.pointee.parent, p.pointee.type == XML_ELEMENT_NODE else { return nil }
        return XMLNode(pointer: p, document: document)
    }

    /// All child nodes, in order.
    public var children: [XMLNode] {
        var result: [XMLNode] = []
        var child = pointer.pointee.children
        while let c = child {
            result.append(XMLNode(pointer: c, document: document))
            child = c.pointee.next
        }
        return result
    }

    /// Child elements, in order.
    public var elements: [XMLNode] {
        var result: [XMLNode] = []
        var child = pointer.pointee.children
        while let c = child {
            if c.pointee.type == XML_ELEMENT_NODE { result.append(XMLNode(pointer: c, document: document)) }
            child = c.pointee.next
        }
        return result
    }

    /// Child elements with the given local name. Walks libxml2's child list directly: the case checks call
    /// this for every field of every case, so it builds no intermediate arrays.
    public func elements(named name: String) -> [XMLNode] {
        var result: [XMLNode] = []
        withXMLString(name) { wanted in
            var child = pointer.pointee.children
            while let c = child {
                if c.pointee.type == XML_ELEMENT_NODE, xmlStrEqual(c.pointee.name, wanted) != 0 {
                    result.append(XMLNode(pointer: c, document: document))
                }
                child = c.pointee.next
            }
        }
        return result
    }

    /// The first child element with the given local name.
    public func element(named name: String) -> XMLNode? {
        withXMLString(name) { wanted in
            var child = pointer.pointee.children
            while let c = child {
                if c.pointee.type == XML_ELEMENT_NODE, xmlStrEqual(c.pointee.name, wanted) != 0 {
                    return XMLNode(pointer: c, document: document)
                }
                child = c.pointee.next
            }
            return nil
        }
    }

    /// The value of an attribute without namespace (or in `namespace`).
    public func attribute(_ name: String, namespace: String? = nil) -> String? {
        let value = namespace.map { xmlGetNsProp(pointer, name, $0) } ?? xmlGetNoNsProp(pointer, name)
        guard let value else { return nil }
        defer { wenshu_xmlFree(value) }
        return String(cString: value)
    }

    /// The attributes as (name, namespace, value), in document order.
    public var attributes: [(name: String, namespace: String?, value: String)] {
        var result: [(String, String?, String)] = []
        var attr = pointer.pointee.properties
        while let a = attr {
            let node = XMLNode(pointer: UnsafeMutableRawPointer(a).assumingMemoryBound(to: xmlNode.self),
                               document: document)
            result.append((node.name, node.namespaceURI, node.stringValue))
            attr = a.pointee.next
        }
        return result
    }

    // MARK: Building

    /// Appends a child element (in this element's namespace unless `namespace` names another) and returns it.
    @discardableResult
    public func addElement(_ name: String, text: String? = nil, namespace: String? = nil) -> XMLNode {
        var ns = pointer.pointee.ns
        if let namespace {
            ns = xmlSearchNsByHref(document.pointer, pointer, namespace) ?? xmlNewNs(pointer, namespace, nil)
        }
        let child = xmlNewChild(pointer, ns, name, nil)!
        if let text { xmlNodeAddContent(child, text) }
        return XMLNode(pointer: child, document: document)
    }

    /// Appends text (escaped when serialised).
    public func addText(_ text: String) {
        xmlNodeAddContent(pointer, text)
    }

    /// Sets an attribute, replacing any with the same name.
    public func setAttribute(_ name: String, _ value: String) {
        xmlSetProp(pointer, name, value)
    }

    /// Sets the line number of a node built in memory (the case loader records YAML/JSON lines this way).
    public func setLine(_ line: Int) {
        pointer.pointee.line = UInt16(clamping: line)
        if line > 65535 {
            // libxml2 keeps long line numbers in psvi for text-free elements; a clamp is honest enough.
            pointer.pointee.line = 65535
        }
    }

    /// Moves `element` (a node of the same document, anywhere in it) to the end of this element's children.
    /// Used to put fields in a canonical order; elements only, since libxml2 merges adjacent text nodes.
    public func appendChild(_ element: XMLNode) {
        precondition(element.isElement && element.document === document, "appendChild moves elements within one document")
        xmlUnlinkNode(element.pointer)
        xmlAddChild(pointer, element.pointer)
    }

    /// Removes this node from its document (and frees it).
    public func remove() {
        xmlUnlinkNode(pointer)
        xmlFreeNode(pointer)
    }
}
