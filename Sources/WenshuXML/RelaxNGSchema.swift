import CLibXML2
import Foundation

/// A RelaxNG schema compiled by libxml2, shareable across threads for validation.
package final class RelaxNGSchema: @unchecked Sendable {
    let pointer: xmlRelaxNGPtr
    /// The name messages use for the schema.
    package let name: String

    /// Compiles a schema from a file; `include`/`externalRef` are resolved relative to it.
    package init(contentsOf url: URL) throws {
        LibXML.ensureInitialized()
        name = url.lastPathComponent
        let (schema, issues) = capturingErrors(kind: .schema, file: url.path) { () -> xmlRelaxNGPtr? in
            guard let parser = xmlRelaxNGNewParserCtxt(url.path) else { return nil }
            defer { xmlRelaxNGFreeParserCtxt(parser) }
            return xmlRelaxNGParse(parser)
        }
        guard let schema else {
            throw issues.first ?? XMLIssue(kind: .schema, file: url.path, line: 0, message: "cannot read the schema")
        }
        pointer = schema
    }

    /// Compiles a schema held in memory.
    package init(data: Data, name: String) throws {
        LibXML.ensureInitialized()
        self.name = name
        let (schema, issues) = capturingErrors(kind: .schema, file: name) { () -> xmlRelaxNGPtr? in
            data.withUnsafeBytes { raw -> xmlRelaxNGPtr? in
                guard let base = raw.baseAddress,
                      let parser = xmlRelaxNGNewMemParserCtxt(base.assumingMemoryBound(to: CChar.self), Int32(raw.count))
                else { return nil }
                defer { xmlRelaxNGFreeParserCtxt(parser) }
                return xmlRelaxNGParse(parser)
            }
        }
        guard let schema else {
            throw issues.first ?? XMLIssue(kind: .schema, file: name, line: 0, message: "cannot read the schema")
        }
        pointer = schema
    }

    /// Compiles a schema built or changed in memory; `include`/`externalRef` are resolved relative to the
    /// document's file name (pass the schema file's path when parsing it). The document is not changed.
    package init(document: XMLDocument, name: String) throws {
        LibXML.ensureInitialized()
        self.name = name
        let (schema, issues) = capturingErrors(kind: .schema, file: name) { () -> xmlRelaxNGPtr? in
            // libxml2 compiles a copy: compiling changes the document it is given.
            guard let parser = xmlRelaxNGNewDocParserCtxt(document.pointer) else { return nil }
            defer { xmlRelaxNGFreeParserCtxt(parser) }
            return xmlRelaxNGParse(parser)
        }
        guard let schema else {
            throw issues.first ?? XMLIssue(kind: .schema, file: name, line: 0, message: "cannot read the schema")
        }
        pointer = schema
    }

    deinit { xmlRelaxNGFree(pointer) }

    /// Validates `document`; returns every problem found (empty when valid), each with its line.
    ///
    /// libxml2's messages are terse ("Expecting an element name, got nothing"); callers translate them
    /// for their readers, keeping the location, `element` and `node`.
    package func validate(_ document: XMLDocument) -> [XMLIssue] {
        let (status, issues) = capturingErrors(kind: .validity, file: document.fileName, document: document) { () -> Int32 in
            guard let context = xmlRelaxNGNewValidCtxt(pointer) else { return -1 }
            defer { xmlRelaxNGFreeValidCtxt(context) }
            return xmlRelaxNGValidateDoc(context, document.pointer)
        }
        if status != 0 && issues.isEmpty {
            return [XMLIssue(kind: .validity, file: document.fileName, line: 0,
                             message: "the document does not match the schema \(name)")]
        }
        return status == 0 ? [] : issues
    }
}
