import WenshuDocument

/// Why a writer could not write a document.
public enum WriterError: Error, Sendable, Equatable {
    /// The text cannot be encoded in the requested encoding (e.g. a character GB18030 lacks).
    case unencodable(character: String, encoding: String)
    /// The system has no converter for the encoding (a C library without its iconv modules).
    case encodingUnavailable(String)
    /// A page reference names a section the document does not have.
    case unknownPageTarget(String)
    /// A table has more columns than the text page can draw (each needs a border and one character).
    case tableTooWide(columns: Int, pageColumns: Int)
    /// A table's rows do not fit its columns (too many cells in a row, or two cells covering one place).
    case invalidTable(TableGrid.Problem)
    /// A table's chart names a column or rows the table does not have, or has no value column.
    case invalidChart(String)
    /// The document's date is not a calendar date written `YYYY-MM-DD`.
    case invalidDate(String)
    /// zlib could not deflate a part of a zipped document (out of memory).
    case compressionFailed
    /// A picture's image file cannot be read.
    case unreadableImage(path: String)
}
