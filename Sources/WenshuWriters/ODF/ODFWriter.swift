import Foundation
import WenshuDocument

/// Writes a document as an ODF text document laid out after GB/T 9704-2012, for LibreOffice and WPS.
///
/// The flat form (`.fodt`, one XML file) is built first; the zipped form (`.odt`) packages the very same
/// pieces, with `mimetype` first and stored. Both are byte-reproducible: no clock (dates come from the
/// document's metadata), fixed zip timestamps, styles named in order of use. Page references and page
/// counts are ODF fields, so the word processor fills in the numbers.
public struct ODFWriter: DocumentWriter {
    /// `true` writes `.fodt`, `false` writes `.odt`.
    public var flat: Bool

    public init(flat: Bool) { self.flat = flat }

    /// - Throws: `WriterError.unknownPageTarget` for a page reference to a section the document lacks,
    ///   `WriterError.invalidDate` for a metadata date that is not `YYYY-MM-DD`.
    public func write(_ document: Document) throws -> Data {
        let parts = try ODFParts(document)
        return flat ? parts.flat : try parts.package()
    }
}

extension ODFWriter {
    /// Builds the fixed parts every document of `format` shares (for `.odt` the style sheet, deflated once),
    /// so that a command can have it done on another core before its first document needs them.
    public static func prepare(flat: Bool) {
        if flat { _ = ODFStaticParts.flat } else { _ = try? ODFStaticParts.entries() }
    }
}
