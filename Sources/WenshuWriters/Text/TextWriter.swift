import Foundation
import WenshuDocument

/// Placeholder until the text writer lands (issue 4).
public struct TextWriter: DocumentWriter {
    public var options: WriterOptions
    public init(options: WriterOptions) { self.options = options }
    public func write(_ document: Document) throws -> Data { throw WriterError.notYetAvailable("text") }
}
