import CLibXML2

/// An element of a libxml2 tree held by its pointer alone, without retaining its document: for a walk over
/// a whole file whose document the caller keeps alive (the schema outline's walks, at load and at check).
/// An `XMLNode` per child retained and released the document each time. Valid only while the document
/// lives and holds the element.
package struct ElementCursor {
    let pointer: xmlNodePtr

    /// The element `node` holds (the caller keeps `node.document` alive while the cursor is used).
    package init(_ node: XMLNode) { pointer = node.pointer }

    init(_ pointer: xmlNodePtr) { self.pointer = pointer }

    /// The element as an `XMLNode` of `document`, which must be the document holding it.
    package func node(in document: XMLDocument) -> XMLNode { XMLNode(pointer: pointer, document: document) }

    /// Follows `names` along the child elements while each child is named by the same or a later name
    /// than the one before it (a record's fields in the schema's order), calling `body` with each child and
    /// the position of its name. Returns `true` when every child was matched and `body` returned `true` for
    /// each; stops at the first child named by no remaining name, or refused by `body`. A child's name is
    /// matched whatever its namespace. `body` may reorder the child's own children, not this element's.
    package func forEachChildInOrder(_ names: ElementNames, _ body: (ElementCursor, Int) -> Bool) -> Bool {
        var position = 0
        var child = pointer.pointee.children
        while let node = child {
            child = node.pointee.next
            guard node.pointee.type == XML_ELEMENT_NODE else { continue }
            while position < names.count && !XMLNode.isNamed(node, names[position]) { position += 1 }
            guard position < names.count, body(ElementCursor(node), position) else { return false }
        }
        return true
    }

    /// Whether the element's value is byte for byte one of `values`: its one text child's text, or the empty
    /// value when it has no child. `false` for anything else, a value split over several text nodes too.
    /// A yes is RelaxNG's yes for a `<value>` of any type (libxml2 compares the bytes first); a no is not
    /// its no (`token` values compare with their whitespace collapsed).
    package func valueIsOne(of values: ElementNames) -> Bool {
        guard let child = pointer.pointee.children else { return (0..<values.count).contains { values[$0].pointee == 0 } }
        guard child.pointee.next == nil, child.pointee.type == XML_TEXT_NODE || child.pointee.type == XML_CDATA_SECTION_NODE,
              let content = child.pointee.content else { return false }
        return (0..<values.count).contains { xmlStrEqual(values[$0], content) != 0 }
    }
}

/// Element names as NUL-terminated C strings, made once and compared by `XMLNode.isNamed`'s byte loop:
/// the steps of a `ChildSteps` path, the fields of a schema record; also the values of a schema's choice
/// (`ElementCursor.valueIsOne(of:)`).
package final class ElementNames: @unchecked Sendable {
    /// Owned here, immutable after `init`.
    private let names: [UnsafeMutablePointer<xmlChar>]

    package convenience init(_ names: [String]) {
        self.init(names.map { name in
            var name = name  // `withUTF8` is mutating; a native string is not copied
            return name.withUTF8(Self.cString)
        })
    }

    init(_ names: [UnsafeMutablePointer<xmlChar>]) { self.names = names }

    deinit { for name in names { name.deallocate() } }

    package var count: Int { names.count }

    @inline(__always)
    subscript(index: Int) -> UnsafeMutablePointer<xmlChar> { names[index] }

    /// `bytes` as a NUL-terminated C string, owned by the caller.
    static func cString(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeMutablePointer<xmlChar> {
        let name = UnsafeMutablePointer<xmlChar>.allocate(capacity: bytes.count + 1)
        if let base = bytes.baseAddress { name.initialize(from: base, count: bytes.count) }
        name[bytes.count] = 0
        return name
    }
}
