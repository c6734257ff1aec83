import CLibXML2
@_exported import WenshuDiagnostics

/// A problem libxml2 reported, with where it was found.
package struct XMLIssue: Error, Sendable, Equatable, CustomStringConvertible {
    package enum Kind: String, Sendable {
        /// The text is not well-formed XML.
        case syntax
        /// A DOCTYPE was found where none is allowed (no DTDs, no entities: no XXE, no entity bombs).
        case doctype
        /// The input is larger than allowed.
        case tooLarge
        /// A RelaxNG schema rejected the document.
        case validity
        /// A schema itself could not be read.
        case schema
        /// An XPath expression failed to compile or to evaluate.
        case xpath
        /// An XInclude failed.
        case include
    }

    package var kind: Kind
    package var file: String?
    /// 1-based; 0 when libxml2 gave none.
    package var line: Int
    /// 1-based; 0 when libxml2 gave none (libxml2 gives columns only for syntax errors).
    package var column: Int
    package var message: String
    /// The element name a validity error is about, when libxml2 names one.
    package var element: String?
    /// The element a validity error is about (for a text node, its parent element), when libxml2 names one.
    /// Lets a caller that keeps its own locations (a case loaded from YAML) find line, column and field.
    package var node: XMLNode?
    /// libxml2's domain and code (`xmlError.domain`, `.code`; e.g. `XML_FROM_RELAXNGV` and an
    /// `XML_RELAXNG_ERR_…` value) when libxml2 reported the issue; nil for issues Wenshu found itself.
    package var libxml2: LibXML2Code?
    /// libxml2's string arguments of the error (`xmlError.str1`, `.str2`): for a RelaxNG error, the names
    /// it is about, e.g. `["cell", "text"]` for extra content in a cell that is text.
    package var libxml2Arguments: [String] = []
    /// For an XPath that failed: the parts of `message` as values, so nobody has to take the text apart.
    package var xpath: XPathFailure?

    /// What failed in an XPath: the expression, the reason alone, and the extension function that raised
    /// it (`nil` when libxml2 itself failed).
    package struct XPathFailure: Sendable, Equatable {
        package var expression: String
        package var reason: String
        package var function: String?
        /// An extension function's reason in the catalogue's words (either language).
        package var explanation: DiagnosticArgument?

        package init(expression: String, reason: String, function: String?, explanation: DiagnosticArgument? = nil) {
            self.expression = expression
            self.reason = reason
            self.function = function
            self.explanation = explanation
        }
    }

    /// The reason alone: for an XPath failure without " in XPath `…`", otherwise the message.
    package var reason: String { xpath?.reason ?? message }

    package init(kind: Kind, file: String?, line: Int, column: Int = 0, message: String, element: String? = nil,
                node: XMLNode? = nil, libxml2: LibXML2Code? = nil) {
        self.libxml2 = libxml2
        self.kind = kind
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.element = element
        self.node = node
    }

    package var description: String {
        var location = file ?? "<input>"
        if line > 0 { location += ":\(line)" }
        if column > 0 { location += ":\(column)" }
        return "\(location): \(message)"
    }
}

extension Diagnostic {
    /// A libxml2 issue as the catalogue entry's finding, at the issue's place, with libxml2's code and its
    /// text as the `{detail}` argument.
    package init(entry: DiagnosticEntry, issue: XMLIssue, subject: String? = nil, wording: Phrase? = nil,
                _ arguments: [String: DiagnosticArgument] = [:]) {
        var arguments = arguments
        arguments["detail"] = arguments["detail"] ?? issue.libxml2.map { $0.detail(issue.message) } ?? .text(issue.message)
        self.init(entry: entry, at: SourceLocation(file: issue.file ?? "<input>", line: issue.line, column: issue.column),
                  subject: subject, arguments, wording: wording, libxml2: issue.libxml2)
    }

    /// A libxml2 issue under an id not yet in the catalogue (its message kept as it is).
    package init(_ id: String, issue: XMLIssue, subject: String? = nil) {
        self.init(id, .error, at: SourceLocation(file: issue.file ?? "<input>", line: issue.line, column: issue.column),
                  subject: subject, issue.message)
        libxml2 = issue.libxml2
    }
}

/// Collects the structured errors libxml2 reports on this thread while `body` runs.
///
/// libxml2 keeps its error handler per thread, so concurrent captures on different threads do not mix.
/// With `document`, each issue also carries the node of that document it is about.
func capturingErrors<R>(kind: XMLIssue.Kind, file: String?, document: XMLDocument? = nil,
                        _ body: () throws -> R) rethrows -> (R, [XMLIssue]) {
    LibXML.ensureInitialized()
    let box = IssueCollector(kind: kind, file: file, document: document)
    let unmanaged = Unmanaged.passRetained(box)
    defer { unmanaged.release() }
    xmlSetStructuredErrorFunc(unmanaged.toOpaque()) { context, error in
        guard let context, let error else { return }
        let box = Unmanaged<IssueCollector>.fromOpaque(context).takeUnretainedValue()
        let e = error.pointee
        var message = e.message.map { String(cString: $0) } ?? "error"
        while message.last == "\n" || message.last == " " { message.removeLast() }
        var element: String?
        if let node = e.node?.assumingMemoryBound(to: xmlNode.self), node.pointee.type == XML_ELEMENT_NODE {
            element = String(xmlString: node.pointee.name)
        }
        var line = Int(e.line)
        if line == 0, let node = e.node?.assumingMemoryBound(to: xmlNode.self) {
            line = Int(xmlGetLineNo(node))
        }
        let file = box.file ?? e.file.map { String(cString: $0) }
        var issueNode: XMLNode?
        if let document = box.document, var node = e.node?.assumingMemoryBound(to: xmlNode.self),
           node.pointee.doc == document.pointer {
            if node.pointee.type != XML_ELEMENT_NODE, let parent = node.pointee.parent { node = parent }
            if node.pointee.type == XML_ELEMENT_NODE { issueNode = XMLNode(pointer: node, document: document) }
        }
        var issue = XMLIssue(kind: box.kind, file: file, line: max(line, 0), column: Int(e.int2),
                             message: message, element: element, node: issueNode,
                             libxml2: LibXML2Code(domain: Int(e.domain), code: Int(e.code)))
        issue.libxml2Arguments = [e.str1, e.str2].compactMap { $0.map { String(cString: $0) } }
        box.issues.append(issue)
    }
    defer { xmlSetStructuredErrorFunc(nil, nil) }
    // A few libxml2 paths print through the generic handler instead; keep them off standard error.
    xmlSetGenericErrorFunc(nil, wenshu_silentGenericErrorFunc())
    let result = try body()
    return (result, box.issues)
}

/// Where `capturingErrors` gathers the issues of one capture.
private final class IssueCollector {
    var issues: [XMLIssue] = []
    let kind: XMLIssue.Kind
    let file: String?
    let document: XMLDocument?
    init(kind: XMLIssue.Kind, file: String?, document: XMLDocument?) {
        self.kind = kind
        self.file = file
        self.document = document
    }
}

extension XMLIssue {
    /// What a RelaxNG validity issue complains of, read from libxml2's error code (never from its wording).
    package enum RelaxNGComplaint: Sendable {
        /// A value its datatype, enumeration or pattern refuses (`XML_RELAXNG_ERR_TYPE`, `…_DATATYPE`, `…_VALUE` …).
        case value
        /// An element whose content failed as a whole (`XML_RELAXNG_ERR_CONTENTVALID`).
        case content
        /// An element not expected there (`…_ELEMWRONG`, `…_ELEMEXTRANS`).
        case unexpectedElement
        /// Text where none is allowed (`…_TEXTWRONG`).
        case unexpectedText
        /// Content left over after the element's pattern was satisfied (`…_EXTRACONTENT`).
        case extraContent
        /// Required content missing, or something else where it belongs (`…_NOELEM`, `…_ELEMNAME`, `…_NOTELEM`).
        case missingElement
        /// An element's attributes failed (`…_ATTRVALID`, `…_INVALIDATTR`).
        case attributes
        case other
    }

    /// For extra content (`RelaxNGComplaint.extraContent`): whether what is extra is text, which libxml2
    /// names by the name of its text nodes.
    package var extraContentIsText: Bool {
        relaxNGComplaint == .extraContent && libxml2Arguments.count == 2
            && libxml2Arguments[1] == "text"  // libxml2's name for text nodes (`xmlStringText`, not imported)
    }

    /// For a RelaxNG validity issue libxml2 reported, what it complains of; nil for any other issue.
    package var relaxNGComplaint: RelaxNGComplaint? {
        guard let libxml2, libxml2.domain == Int(XML_FROM_RELAXNGV.rawValue) else { return nil }
        switch xmlRelaxNGValidErr(rawValue: UInt32(libxml2.code)) {
        case XML_RELAXNG_ERR_TYPE, XML_RELAXNG_ERR_TYPEVAL, XML_RELAXNG_ERR_TYPECMP, XML_RELAXNG_ERR_DATATYPE,
             XML_RELAXNG_ERR_VALUE, XML_RELAXNG_ERR_LIST, XML_RELAXNG_ERR_DATAELEM, XML_RELAXNG_ERR_VALELEM,
             XML_RELAXNG_ERR_LISTELEM:
            return .value
        case XML_RELAXNG_ERR_CONTENTVALID: return .content
        case XML_RELAXNG_ERR_ELEMWRONG, XML_RELAXNG_ERR_ELEMEXTRANS: return .unexpectedElement
        case XML_RELAXNG_ERR_TEXTWRONG: return .unexpectedText
        case XML_RELAXNG_ERR_EXTRACONTENT: return .extraContent
        case XML_RELAXNG_ERR_NOELEM, XML_RELAXNG_ERR_ELEMNAME, XML_RELAXNG_ERR_NOTELEM: return .missingElement
        case XML_RELAXNG_ERR_ATTRVALID, XML_RELAXNG_ERR_INVALIDATTR: return .attributes
        default: return .other
        }
    }
}
