import Foundation
import WenshuDocument

/// Placeholder until the archival XML writer lands (issue 4).
public struct ArchiveXMLWriter: DocumentWriter {
    public init() {}
    public func write(_ document: Document) throws -> Data { throw WriterError.notYetAvailable("XML") }
}
