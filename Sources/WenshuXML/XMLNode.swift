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
        // Nearly every value is an element holding one text node (or nothing): read in place, without the
        // buffer `xmlNodeGetContent` allocates and frees — the same string, at a third of the cost.
        if pointer.pointee.type == XML_ELEMENT_NODE {
            guard let child = pointer.pointee.children else { return "" }
            if child.pointee.next == nil, child.pointee.type == XML_TEXT_NODE || child.pointee.type == XML_CDATA_SECTION_NODE {
                return child.pointee.content.map { String(cString: $0) } ?? ""
            }
        }
        guard let content = xmlNodeGetContent(pointer) else { return "" }
        defer { wenshu_xmlFree(content) }
        return String(cString: content)
    }

    /// Calls `body` with the UTF-8 bytes of `stringValue`: for an element holding one text node (nearly
    /// every value), libxml2's bytes in place, with no `String` made; else the string's.
    package func withStringValueBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if pointer.pointee.type == XML_ELEMENT_NODE, let child = pointer.pointee.children, child.pointee.next == nil,
           child.pointee.type == XML_TEXT_NODE || child.pointee.type == XML_CDATA_SECTION_NODE, let content = child.pointee.content {
            return try body(UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
        }
        var value = stringValue
        return try value.withUTF8(body)
    }

    /// Whether `stringValue == text` (Swift's comparison, by canonical equivalence), judged on the bytes in
    /// place when they decide it: equal bytes are equal strings, and two ASCII texts are equal only if
    /// their bytes are.
    package func hasStringValue(_ text: String) -> Bool {
        // Both sides as buffers: comparing with `text.utf8` went through the view's generic iterator.
        var text = text  // `withUTF8` is mutating; a native string is not copied
        let decided: Bool? = text.withUTF8 { wanted in
            withStringValueBytes { bytes in
                if bytes.elementsEqual(wanted) { return true }
                return bytes.allSatisfy { $0 < 0x80 } && wanted.allSatisfy { $0 < 0x80 } ? false : nil
            }
        }
        return decided ?? (stringValue == text)
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

    /// The first child node (element, text, comment…), if any.
    public var firstChild: XMLNode? {
        pointer.pointee.children.map { XMLNode(pointer: $0, document: document) }
    }

    /// The next node with the same parent, if any.
    public var nextSibling: XMLNode? {
        pointer.pointee.next.map { XMLNode(pointer: $0, document: document) }
    }

    /// Child elements, in order.
    public var elements: [XMLNode] { Array(childElements) }

    /// Child elements, in order, walked in place: unlike `elements`, no array is built, so a loop over
    /// every element of a case costs no allocation. Removing the element just returned is safe.
    public var childElements: ChildElements { ChildElements(first: pointer.pointee.children, document: document) }

    /// The child elements of a node, as a sequence that follows libxml2's child list.
    public struct ChildElements: Sequence {
        let first: xmlNodePtr?
        let document: XMLDocument

        public struct Iterator: IteratorProtocol {
            var upcoming: xmlNodePtr?
            let document: XMLDocument

            public mutating func next() -> XMLNode? {
                while let node = upcoming {
                    upcoming = node.pointee.next
                    if node.pointee.type == XML_ELEMENT_NODE { return XMLNode(pointer: node, document: document) }
                }
                return nil
            }
        }

        public func makeIterator() -> Iterator { Iterator(upcoming: first, document: document) }
    }

    /// Whether the node has at least one child element.
    public var hasElements: Bool {
        var elements = childElements.makeIterator()
        return elements.next() != nil
    }

    /// Whether the local name is `name`, compared in place (no `String` is made of the node's name).
    public func isNamed(_ name: String) -> Bool {
        // On the string's UTF-8 in place (a C string made for `xmlStrEqual` cost 15% more; iterating the
        // UTF-8 view, 75% more).
        var name = name  // `withUTF8` is mutating; a native string is not copied
        return name.withUTF8 { Self.name(pointer.pointee.name, equals: $0) }
    }

    /// For a text node: whether its text is empty or only whitespace, judged as `Character.isWhitespace`
    /// judges it. Reads libxml2's UTF-8 bytes in place; only text with non-ASCII bytes is decoded.
    public var isWhitespaceText: Bool {
        isText && Self.isWhitespace(pointer.pointee.content)
    }

    /// Whether any direct child text node holds more than whitespace (`isWhitespaceText`): an element
    /// written with a value, as opposed to one that only has layout between its child elements.
    public var hasNonWhitespaceText: Bool {
        var child = pointer.pointee.children
        while let c = child {
            if c.pointee.type == XML_TEXT_NODE || c.pointee.type == XML_CDATA_SECTION_NODE,
               !Self.isWhitespace(c.pointee.content) { return true }
            child = c.pointee.next
        }
        return false
    }

    /// Whether every byte of the UTF-8 text of the node's direct text children satisfies `predicate`, read
    /// in place. For an element without child elements that is every byte of `stringValue`.
    public func textBytesAllSatisfy(_ predicate: (UInt8) -> Bool) -> Bool {
        var child = pointer.pointee.children
        while let c = child {
            if c.pointee.type == XML_TEXT_NODE || c.pointee.type == XML_CDATA_SECTION_NODE, var byte = c.pointee.content {
                while byte.pointee != 0 {
                    if !predicate(byte.pointee) { return false }
                    byte += 1
                }
            }
            child = c.pointee.next
        }
        return true
    }

    /// Removes, at and below this element, what carries no data: every node that is neither an element nor
    /// text (comments, processing instructions), and whitespace-only text (`isWhitespaceText`) in an element
    /// that has child elements — the indentation between them. Walks libxml2's tree by pointer, making no
    /// `XMLNode`: the case loader does this to every XML file.
    package func removeLayout() {
        Self.removeLayout(below: pointer)
    }

    private static func removeLayout(below element: xmlNodePtr) {
        var hasElements = false
        var child = element.pointee.children
        while let node = child, !hasElements {
            hasElements = node.pointee.type == XML_ELEMENT_NODE
            child = node.pointee.next
        }
        child = element.pointee.children
        while let node = child {
            child = node.pointee.next
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                removeLayout(below: node)
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if hasElements && isWhitespace(node.pointee.content) {
                    xmlUnlinkNode(node)
                    xmlFreeNode(node)
                }
            default:
                xmlUnlinkNode(node)
                xmlFreeNode(node)
            }
        }
    }

    /// The elements at and below this one that have no child element and one of whose text nodes `flagged`
    /// is true for (given its UTF-8 bytes), in document order. Walks libxml2's tree by pointer, making a node
    /// only for the elements it returns: a check of every value of a file costs a pointer walk and a look at
    /// each byte.
    package func leafElements(withText flagged: (UnsafeBufferPointer<UInt8>) -> Bool) -> [XMLNode] {
        var found: [XMLNode] = []
        func visit(_ element: xmlNodePtr) {
            var hasElements = false
            var child = element.pointee.children
            while let node = child {
                if node.pointee.type == XML_ELEMENT_NODE {
                    hasElements = true
                    visit(node)
                }
                child = node.pointee.next
            }
            guard !hasElements else { return }
            child = element.pointee.children
            while let node = child {
                if node.pointee.type == XML_TEXT_NODE || node.pointee.type == XML_CDATA_SECTION_NODE, let content = node.pointee.content,
                   flagged(UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content)))) {
                    found.append(XMLNode(pointer: element, document: document))
                    return
                }
                child = node.pointee.next
            }
        }
        visit(pointer)
        return found
    }

    /// Whether the NUL-terminated UTF-8 text is all whitespace. ASCII whitespace is tab, LF, VT, FF, CR and
    /// space, exactly the ASCII characters `Character.isWhitespace` accepts; text with any other byte above
    /// 0x7F is decoded and judged character by character, so the answer is always `Character.isWhitespace`'s.
    static func isWhitespace(_ text: UnsafePointer<xmlChar>?) -> Bool {
        guard let text else { return true }
        var byte = text
        while byte.pointee != 0 {
            switch byte.pointee {
            case 0x09...0x0D, 0x20: byte += 1
            case 0x80...: return String(cString: text).allSatisfy(\.isWhitespace)
            default: return false
            }
        }
        return true
    }

    /// Whether `node`'s name is the NUL-terminated `wanted`, compared here byte by byte: most names differ
    /// in their first byte, and a call to `xmlStrEqual` for each child cost more than the walk. Every walk
    /// of this module that matches names by pointer asks this (`ChildSteps` too).
    @inline(__always)
    static func isNamed(_ node: xmlNodePtr, _ wanted: UnsafePointer<xmlChar>) -> Bool {
        guard var name = node.pointee.name else { return false }
        var wanted = wanted
        while name.pointee == wanted.pointee {
            if name.pointee == 0 { return true }
            name += 1
            wanted += 1
        }
        return false
    }

    /// Whether the NUL-terminated `name` has exactly the bytes of `step`.
    private static func name(_ name: UnsafePointer<xmlChar>?, equals step: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let name else { return step.isEmpty }
        for (index, byte) in step.enumerated() where name[index] != byte { return false }
        return name[step.count] == 0
    }

    /// Child elements with the given local name. Walks libxml2's child list directly: the case checks call
    /// this for every field of every case, so it builds no intermediate arrays.
    public func elements(named name: String) -> [XMLNode] {
        var result: [XMLNode] = []
        withXMLString(name) { wanted in
            var child = pointer.pointee.children
            while let c = child {
                if c.pointee.type == XML_ELEMENT_NODE, Self.isNamed(c, wanted) {
                    result.append(XMLNode(pointer: c, document: document))
                }
                child = c.pointee.next
            }
        }
        return result
    }

    /// This element and every element below it with the given local name, in document order. Walks
    /// libxml2's tree in place, making a node only for the elements it returns: a rule over the whole file
    /// (every `phone`, wherever it is) then costs a pointer walk, not a node and an array per element.
    public func descendants(named name: String) -> [XMLNode] {
        var result: [XMLNode] = []
        withXMLString(name) { wanted in
            var current = pointer
            while true {
                if current.pointee.type == XML_ELEMENT_NODE {
                    if Self.isNamed(current, wanted) {
                        result.append(XMLNode(pointer: current, document: document))
                    }
                    if let child = current.pointee.children {
                        current = child
                        continue
                    }
                }
                while current != pointer, current.pointee.next == nil, let parent = current.pointee.parent {
                    current = parent
                }
                guard current != pointer, let next = current.pointee.next else { return }
                current = next
            }
        }
        return result
    }

    /// The first child element with the given local name.
    public func element(named name: String) -> XMLNode? {
        withXMLString(name) { wanted in
            var child = pointer.pointee.children
            while let c = child {
                if c.pointee.type == XML_ELEMENT_NODE, Self.isNamed(c, wanted) {
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

    /// Puts a new empty element named `name`, in this node's namespace, in this node's place, frees this node
    /// and returns the new element.
    @discardableResult
    package func replace(withElement name: String) -> XMLNode {
        let element = xmlNewDocNode(document.pointer, pointer.pointee.ns, name, nil)!
        xmlReplaceNode(pointer, element)
        xmlFreeNode(pointer)
        return XMLNode(pointer: element, document: document)
    }

    /// Removes this node from its document (and frees it).
    public func remove() {
        xmlUnlinkNode(pointer)
        xmlFreeNode(pointer)
    }
}
