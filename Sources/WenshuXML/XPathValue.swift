/// The result of an XPath 1.0 expression, or an argument to an extension function.
package enum XPathValue: Sendable, Equatable {
    case nodes([XMLNode])
    case string(String)
    case number(Double)
    case boolean(Bool)

    /// The XPath `string()` of the value: a node set's first node's string value, numbers as XPath
    /// prints them (integers without ".0", NaN as "NaN").
    package var stringValue: String {
        switch self {
        case .nodes(let nodes): return nodes.first?.stringValue ?? ""
        case .string(let s): return s
        case .boolean(let b): return b ? "true" : "false"
        case .number(let n):
            if n.isNaN { return "NaN" }
            if n.isInfinite { return n < 0 ? "-Infinity" : "Infinity" }
            if n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
            return String(n)
        }
    }

    /// The XPath `boolean()` of the value.
    package var booleanValue: Bool {
        switch self {
        case .nodes(let nodes): return !nodes.isEmpty
        case .string(let s): return !s.isEmpty
        case .boolean(let b): return b
        case .number(let n): return n != 0 && !n.isNaN
        }
    }

    /// The node set, or `[]` for other kinds.
    package var nodes: [XMLNode] {
        if case .nodes(let nodes) = self { return nodes }
        return []
    }
}
