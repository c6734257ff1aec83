import Foundation
import WenshuDocument

/// Placeholder until the ODF writer lands (issue 4).
public struct ODFWriter: DocumentWriter {
    public var flat: Bool
    public init(flat: Bool) { self.flat = flat }
    public func write(_ document: Document) throws -> Data { throw WriterError.notYetAvailable("ODF") }
}
