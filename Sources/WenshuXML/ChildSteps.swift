import CLibXML2

/// A path of plain child steps (`agreement/terms/term`), each an unprefixed XPath name test: the child
/// elements in no namespace with that local name. Made once (when a template compiles, or as a rule's
/// `static let`) and walked over libxml2's tree in place, so that the questions a template asks most — the
/// first node's text, whether there is a node, whether a node's text is a given word — make no `XMLNode` and
/// no array, and a rule's walk makes a node only for each element it reaches.
package final class ChildSteps: @unchecked Sendable {
    /// Each step's name.
    private let names: ElementNames

    package convenience init(_ steps: [String]) {
        self.init(names: ElementNames(steps))
    }

    /// A slash-separated path (`agreement/instalments/instalment`). Empty steps are skipped (`/a//b/` is
    /// `a/b`); the empty path reaches the node it starts from. Split by hand, on the bytes: splitting the
    /// `String` cost 8 K instructions a path, and a generic `split` of the bytes as much the first time,
    /// its types' metadata being made at run time.
    package convenience init(path: String) {
        var path = path
        self.init(names: ElementNames(path.withUTF8 { bytes in
            var names: [UnsafeMutablePointer<xmlChar>] = []
            var start = 0
            for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: "/") {
                if end > start { names.append(ElementNames.cString(UnsafeBufferPointer(rebasing: bytes[start..<end]))) }
                start = end + 1
            }
            return names
        }))
    }

    private init(names: ElementNames) { self.names = names }

    package var isEmpty: Bool { names.count == 0 }

    /// Whether `node` is an element in no namespace named `name` (a step's name, taken out of `names` once
    /// per walk of a node's children rather than for each child: a bounds check and two loads fewer each).
    @inline(__always)
    private static func matches(_ node: xmlNodePtr, _ name: UnsafeMutablePointer<xmlChar>) -> Bool {
        node.pointee.type == XML_ELEMENT_NODE && node.pointee.ns == nil && XMLNode.isNamed(node, name)
    }

    /// The first element the steps from `step` on reach below `node`, in document order: depth first, since
    /// the nodes reached through an earlier child all come before those reached through a later one.
    /// The last step answers with the child itself, without a call that would only return it.
    private func first(below node: xmlNodePtr, step: Int) -> xmlNodePtr? {
        if step == names.count { return node }
        let name = names[step]
        let isLast = step + 1 == names.count
        var child = node.pointee.children
        while let c = child {
            if Self.matches(c, name) {
                if isLast { return c }
                if let found = first(below: c, step: step + 1) { return found }
            }
            child = c.pointee.next
        }
        return nil
    }

    /// Whether some element the steps from `step` on reach below `node` satisfies `predicate`.
    private func any(below node: xmlNodePtr, step: Int, _ predicate: (xmlNodePtr) -> Bool) -> Bool {
        if step == names.count { return predicate(node) }
        let name = names[step]
        var child = node.pointee.children
        while let c = child {
            if Self.matches(c, name), any(below: c, step: step + 1, predicate) { return true }
            child = c.pointee.next
        }
        return false
    }

    /// XPath's `a/b/c` from each of `nodes` (disjoint subtrees, in document order): every element reached,
    /// in document order.
    package func elements(from nodes: [XMLNode]) -> [XMLNode] {
        guard names.count > 0 else { return nodes }
        var found: [XMLNode] = []
        for node in nodes {
            collect(below: node.pointer, step: 0, document: node.document, into: &found)
        }
        return found
    }

    /// XPath's `a/b/c` from `node`: every element reached, in document order.
    package func elements(from node: XMLNode) -> [XMLNode] {
        var found: [XMLNode] = []
        collect(below: node.pointer, step: 0, document: node.document, into: &found)
        return found
    }

    private func collect(below node: xmlNodePtr, step: Int, document: XMLDocument, into found: inout [XMLNode]) {
        if step == names.count {
            // Room for a few at the first: a loop's items or a list's values grew 1 → 2 → 4, one
            // allocation each; a single node costs the same one allocation either way.
            if found.isEmpty { found.reserveCapacity(4) }
            found.append(XMLNode(pointer: node, document: document))
            return
        }
        let name = names[step]
        var child = node.pointee.children
        while let c = child {
            if Self.matches(c, name) { collect(below: c, step: step + 1, document: document, into: &found) }
            child = c.pointee.next
        }
    }

    /// Calls `body` with each element reached from `node`, in document order, collecting none: a rule that
    /// keeps only some of them (the dated ones) makes no array of the rest.
    package func forEachElement(from node: XMLNode, _ body: (XMLNode) -> Void) {
        _ = any(below: node.pointer, step: 0) { found in
            body(XMLNode(pointer: found, document: node.document))
            return false
        }
    }

    /// The first element reached from `node`, in document order (XPath's `(a/b/c)[1]`).
    package func firstElement(from node: XMLNode) -> XMLNode? {
        first(below: node.pointer, step: 0).map { XMLNode(pointer: $0, document: node.document) }
    }

    /// Whether any element is reached from `node` (XPath's `boolean(a/b/c)`).
    package func reachesElement(from node: XMLNode) -> Bool {
        first(below: node.pointer, step: 0) != nil
    }

    /// The first reached element's string value (`string(a/b/c)`) handed to `body` as UTF-8 bytes, or
    /// `nil` when no element is reached.
    package func withFirstStringValue<R>(from node: XMLNode, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        guard let found = first(below: node.pointer, step: 0) else { return nil }
        return XMLNode.withStringValue(of: found, body)
    }

    /// Whether the string value of some element reached from `node` satisfies `predicate` (XPath's
    /// comparison of a node set with a string).
    package func reachesElement(from node: XMLNode, whoseStringValue predicate: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        any(below: node.pointer, step: 0) { XMLNode.withStringValue(of: $0, predicate) }
    }
}

extension XMLNode {
    /// `stringValue`'s UTF-8 bytes handed to `body`: read in place for the usual field (an element with one
    /// text child, or none), copied out by libxml2 otherwise.
    package func withStringValue<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        Self.withStringValue(of: pointer, body)
    }

    static func withStringValue<R>(of node: xmlNodePtr, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if node.pointee.type == XML_ELEMENT_NODE {
            guard let child = node.pointee.children else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
            if child.pointee.next == nil, child.pointee.type == XML_TEXT_NODE, let text = child.pointee.content {
                return body(UnsafeBufferPointer(start: text, count: Int(xmlStrlen(text))))
            }
        }
        guard let content = xmlNodeGetContent(node) else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        defer { wenshu_xmlFree(content) }
        return body(UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
    }
}
