import CLibXML2

/// An extension function callable from XPath: receives the evaluated arguments, returns a value.
/// Throwing `XPathFunctionError` makes the evaluation fail with that message.
package typealias XPathFunction = @Sendable ([XPathValue]) throws -> XPathValue

/// An error an extension function raises; the evaluation fails with its reason.
package struct XPathFunctionError: Error, Sendable, Equatable {
    /// Why the function refused, in the catalogue's words (either language).
    package var reason: DiagnosticArgument
    package init(_ reason: DiagnosticArgument) { self.reason = reason }
    /// The reason in English, as libxml2-level messages carry it.
    package var message: String { reason.render(in: .en) }
}

/// A table of extension functions in one namespace, built once and shared by every context.
package struct XPathFunctionTable: Sendable {
    package let namespaceURI: String
    package let prefix: String
    package private(set) var functions: [String: XPathFunction] = [:]

    package init(prefix: String, namespaceURI: String) {
        self.prefix = prefix
        self.namespaceURI = namespaceURI
    }

    package mutating func register(_ name: String, _ function: @escaping XPathFunction) {
        functions[name] = function
    }

    package var names: [String] { functions.keys.sorted() }
}

/// Per-thread evaluation state for one document: namespaces, variables, extension functions.
///
/// Not thread-safe: each thread (each binding run) makes its own; compiled expressions are shared.
package final class XPathContext {
    let pointer: xmlXPathContextPtr
    package let document: XMLDocument
    private let state: State

    final class State {
        unowned let document: XMLDocument
        init(document: XMLDocument) { self.document = document }
        /// The registered functions by local name (names are unique across the tables of one context).
        var functions: [String: XPathFunction] = [:]
        /// The namespaces of the registered tables.
        var namespaceURIs: [String] = []
        /// The first error a function raised during the current evaluation.
        var functionError: (function: String, reason: DiagnosticArgument)?
    }

    package init(document: XMLDocument) {
        LibXML.ensureInitialized()
        self.document = document
        pointer = xmlXPathNewContext(document.pointer)
        state = State(document: document)
        pointer.pointee.userData = Unmanaged.passUnretained(state).toOpaque()
    }

    deinit { xmlXPathFreeContext(pointer) }

    /// Binds a prefix to a namespace for expressions evaluated in this context.
    package func registerNamespace(prefix: String, uri: String) {
        xmlXPathRegisterNs(pointer, prefix, uri)
    }

    /// Makes every function of `table` callable as `prefix:name(...)`.
    ///
    /// Local names must be unique across the tables registered in one context: the trampoline finds a
    /// function by its local name only (see `xpathTrampoline` for why it cannot use the namespace).
    ///
    /// libxml2 asks one lookup function for the functions (no per-context hash of them to build): a binding
    /// makes a context per form and case.
    package func register(_ table: XPathFunctionTable) {
        registerNamespace(prefix: table.prefix, uri: table.namespaceURI)
        if state.functions.isEmpty {
            state.functions = table.functions  // shares the table's storage
        } else {
            for (name, function) in table.functions {
                precondition(state.functions[name] == nil, "two registered XPath functions are named \(name)")
                state.functions[name] = function
            }
        }
        state.namespaceURIs.append(table.namespaceURI)
        xmlXPathRegisterFuncLookup(pointer, xpathFunctionLookup, pointer.pointee.userData)
    }

    /// Sets `$name` to a value (loop items, parameters). Replaces any earlier value.
    package func setVariable(_ name: String, _ value: XPathValue) {
        xmlXPathRegisterVariable(pointer, name, nil)  // frees the previous value
        xmlXPathRegisterVariable(pointer, name, xpathObject(from: value))
    }

    /// Evaluates `expression` with `node` as the context node (the root element when `nil`).
    /// - Throws: `XMLIssue` of kind `.xpath` naming the expression and the reason.
    package func evaluate(_ expression: XPathExpression, at node: XMLNode? = nil) throws -> XPathValue {
        pointer.pointee.node = node?.pointer ?? xmlDocGetRootElement(document.pointer)
        state.functionError = nil
        let (object, issues) = capturingErrors(kind: .xpath, file: document.fileName) {
            xmlXPathCompiledEval(expression.pointer, pointer)
        }
        defer { if let object { xmlXPathFreeObject(object) } }
        if let (function, reason) = state.functionError {
            let english = reason.render(in: .en)
            var issue = XMLIssue(kind: .xpath, file: document.fileName, line: node?.line ?? 0,
                                 message: "\(function)(): \(english) in XPath `\(expression.source)`",
                                 libxml2: issues.first?.libxml2)
            issue.xpath = XMLIssue.XPathFailure(expression: expression.source, reason: english, function: function,
                                                explanation: reason)
            throw issue
        }
        guard let object else {
            let reason = issues.first?.message ?? "evaluation failed"
            var issue = XMLIssue(kind: .xpath, file: document.fileName, line: node?.line ?? 0,
                                 message: "\(reason) in XPath `\(expression.source)`", libxml2: issues.first?.libxml2)
            issue.xpath = XMLIssue.XPathFailure(expression: expression.source, reason: reason, function: nil)
            throw issue
        }
        return xpathValue(from: object, document: document)
    }

    /// Compiles and evaluates in one step (for one-off queries; templates compile once instead).
    package func evaluate(_ source: String, at node: XMLNode? = nil) throws -> XPathValue {
        try evaluate(XPathExpression(source), at: node)
    }

}

/// libxml2's question "which C function is `ns_uri:name`?": the trampoline, for a registered function in
/// a registered namespace; `nil` (an unknown function) otherwise.
private func xpathFunctionLookup(_ data: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?,
                                 _ namespaceURI: UnsafePointer<xmlChar>?) -> xmlXPathFunction? {
    guard let data, let name = String(xmlString: name), let uri = String(xmlString: namespaceURI) else { return nil }
    let state = Unmanaged<XPathContext.State>.fromOpaque(data).takeUnretainedValue()
    guard state.functions[name] != nil, state.namespaceURIs.contains(uri) else { return nil }
    return xpathTrampoline
}

/// The one C entry point for every extension function: finds the Swift function by the name libxml2 is
/// calling, pops the arguments, pushes the result.
///
/// It must not read `ctxt->functionURI`: libxml2 (2.9) caches the looked-up function *and the namespace
/// URI pointer* in the compiled expression on its first evaluation, and that pointer belongs to the first
/// context's namespace table — dangling once that context is freed. Every later evaluation of the same
/// compiled expression, in another context, would read freed memory. The local name (`ctxt->function`)
/// points into the compiled expression itself and stays valid.
private func xpathTrampoline(_ parser: xmlXPathParserContextPtr?, _ nargs: Int32) {
    guard let parser, let ctxt = parser.pointee.context, let userData = ctxt.pointee.userData else { return }
    let state = Unmanaged<XPathContext.State>.fromOpaque(userData).takeUnretainedValue()
    let name = String(xmlString: ctxt.pointee.function) ?? ""
    guard let function = state.functions[name] else {
        xmlXPathErr(parser, Int32(XPATH_UNKNOWN_FUNC_ERROR.rawValue))
        return
    }
    // Arguments come off the stack last first.
    var args: [XPathValue] = []
    for _ in 0..<nargs {
        guard let object = valuePop(parser) else { break }
        args.append(xpathValue(from: object, document: state.document))
        xmlXPathFreeObject(object)
    }
    args.reverse()
    do {
        valuePush(parser, xpathObject(from: try function(args)))
    } catch {
        state.functionError = (name, (error as? XPathFunctionError)?.reason ?? .text("\(error)"))
        xmlXPathErr(parser, Int32(XPATH_EXPR_ERROR.rawValue))
    }
}

/// A Swift value as a new libxml2 object (the caller, or libxml2, frees it).
private func xpathObject(from value: XPathValue) -> xmlXPathObjectPtr {
    switch value {
    case .string(let s): return xmlXPathWrapString(xmlStrdup(s))
    case .number(let n): return xmlXPathNewFloat(n)
    case .boolean(let b): return xmlXPathNewBoolean(b ? 1 : 0)
    case .nodes(let nodes):
        let set = xmlXPathNodeSetCreate(nil)
        for n in nodes { xmlXPathNodeSetAdd(set, n.pointer) }
        return xmlXPathWrapNodeSet(set)
    }
}

/// A libxml2 object as a Swift value; nodes belong to `document`.
private func xpathValue(from object: xmlXPathObjectPtr, document: XMLDocument) -> XPathValue {
    switch object.pointee.type {
    case XPATH_NODESET, XPATH_XSLT_TREE:
        var nodes: [XMLNode] = []
        if let set = object.pointee.nodesetval, let table = set.pointee.nodeTab {
            nodes.reserveCapacity(Int(set.pointee.nodeNr))
            for i in 0..<Int(set.pointee.nodeNr) {
                // A variable may hold nodes of another document (the office profile beside the case).
                if let n = table[i] { nodes.append(XMLNode(pointer: n, document: XMLDocument.owner(of: n) ?? document)) }
            }
        }
        return .nodes(nodes)
    case XPATH_BOOLEAN: return .boolean(object.pointee.boolval != 0)
    case XPATH_NUMBER: return .number(object.pointee.floatval)
    case XPATH_STRING: return .string(String(xmlString: object.pointee.stringval) ?? "")
    default: return .string("")
    }
}
