/// Why a writer could not write a document.
public enum WriterError: Error, Sendable, Equatable {
    case notYetAvailable(String)
    /// The text cannot be encoded in the requested encoding (e.g. a character GB18030 lacks).
    case unencodable(character: String, encoding: String)
    /// A page reference names a section the document does not have.
    case unknownPageTarget(String)
    /// The document's date is not a calendar date written `YYYY-MM-DD`.
    case invalidDate(String)
}
