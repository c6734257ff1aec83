import CLibXML2

/// An XPath 1.0 expression compiled once, evaluated many times (on any thread, with its own context).
package final class XPathExpression: @unchecked Sendable {
    let pointer: xmlXPathCompExprPtr
    /// The source text, for messages.
    package let source: String

    /// Compiles `source`; namespace prefixes and functions are resolved at evaluation time.
    /// - Throws: `XMLIssue` of kind `.xpath` naming the expression.
    package init(_ source: String) throws {
        LibXML.ensureInitialized()
        let (compiled, issues) = capturingErrors(kind: .xpath, file: nil) { xmlXPathCompile(Self.unstreamed(source)) }
        guard let compiled else {
            let reason = issues.first?.message ?? "invalid expression"
            var issue = XMLIssue(kind: .xpath, file: nil, line: 0, message: "\(reason) in XPath `\(source)`",
                                 libxml2: issues.first?.libxml2)
            issue.xpath = XMLIssue.XPathFailure(expression: source, reason: reason, function: nil)
            throw issue
        }
        self.pointer = compiled
        self.source = source
    }

    deinit { xmlXPathFreeCompExpr(pointer) }

    /// `source` in parentheses when libxml2 would compile it to a streaming pattern (a plain path: no `[`,
    /// `(` or `@`), which is the same expression (XPath 1.0's `( Expr )`). A streamed path is evaluated by
    /// pushing every node of the context's subtree, to the path's depth, through a pattern automaton — on
    /// a tree already in memory that cost binding a form twice the plain evaluation's time.
    static func unstreamed(_ source: String) -> String {
        source.contains(where: { $0 == "[" || $0 == "(" || $0 == "@" }) ? source : "(" + source + ")"
    }
}
