import CLibXML2

/// An XPath 1.0 expression compiled once, evaluated many times (on any thread, with its own context).
public final class XPathExpression: @unchecked Sendable {
    let pointer: xmlXPathCompExprPtr
    /// The source text, for messages.
    public let source: String

    /// Compiles `source`; namespace prefixes and functions are resolved at evaluation time.
    /// - Throws: `XMLIssue` of kind `.xpath` naming the expression.
    public init(_ source: String) throws {
        LibXML.ensureInitialized()
        let (compiled, issues) = capturingErrors(kind: .xpath, file: nil) { xmlXPathCompile(source) }
        guard let compiled else {
            let reason = issues.first?.message ?? "invalid expression"
            throw XMLIssue(kind: .xpath, file: nil, line: 0, message: "\(reason) in XPath `\(source)`")
        }
        self.pointer = compiled
        self.source = source
    }

    deinit { xmlXPathFreeCompExpr(pointer) }
}
