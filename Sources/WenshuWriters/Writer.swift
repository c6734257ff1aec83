import Foundation
import WenshuDocument

/// The formats a document can be written in.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// ODF text document, zipped (LibreOffice, WPS).
    case odt
    /// ODF text document, one flat XML file.
    case fodt
    /// The archival copy in Wenshu's own vocabulary.
    case xml
    /// Fixed-width plain text for any printer.
    case txt
    /// PDF, printed from the `.odt` by LibreOffice (`WenshuPrint`): an external program, so no
    /// `DocumentWriter` makes it; a command writes the `.odt` (`formatsWritten`) and prints it.
    case pdf

    public var fileExtension: String { rawValue }

    /// Every format a `DocumentWriter` makes (all but pdf).
    public static var writtenFormats: [OutputFormat] { allCases.filter { $0 != .pdf } }

    /// The formats Wenshu's writers make for the formats asked for: each itself, pdf as the `.odt`
    /// LibreOffice prints it from (once, in the place of the first of them).
    public static func formatsWritten(for formats: [OutputFormat]) -> [OutputFormat] {
        var written: [OutputFormat] = []
        for format in formats.map({ $0 == .pdf ? .odt : $0 }) where !written.contains(format) { written.append(format) }
        return written
    }
}

/// Settings writers share; each writer reads the ones that concern it.
public struct WriterOptions: Sendable, Equatable {
    /// Plain-text page: columns per line and lines per page (28 CJK characters = 56 columns, 22 lines by
    /// default, after GB/T 9704; `80 × 66` for a line printer). The page-number footer counts among the
    /// lines: a text page is never longer than `textLines`.
    public var textColumns: Int
    public var textLines: Int
    /// Plain-text encoding.
    public var textEncoding: TextEncoding
    /// Columns an East Asian *ambiguous*-width character takes (2 in Chinese printing, 1 on Western terminals).
    public var ambiguousWidth: Int

    public init(textColumns: Int = 56, textLines: Int = 22, textEncoding: TextEncoding = .utf8, ambiguousWidth: Int = 2) {
        self.textColumns = textColumns
        self.textLines = textLines
        self.textEncoding = textEncoding
        self.ambiguousWidth = ambiguousWidth
    }
}

public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case gb18030 = "gb18030"
}

/// Turns a document into the bytes of one file.
public protocol DocumentWriter: Sendable {
    func write(_ document: Document) throws -> Data
}

/// The writer table: one entry per format (as pandoc's writer list). Adding a format is adding a folder
/// and a case here.
public enum Writers {
    public static func writer(for format: OutputFormat, options: WriterOptions = WriterOptions()) -> any DocumentWriter {
        switch format {
        case .odt: return ODFWriter(flat: false)
        case .fodt: return ODFWriter(flat: true)
        case .xml: return ArchiveXMLWriter()
        case .txt: return TextWriter(options: options)
        case .pdf: preconditionFailure("a PDF is printed from the .odt by WenshuPrint: write OutputFormat.formatsWritten(for:)")
        }
    }
}

extension Alignment {
    /// The case's place, for hashing: a `String`-backed enum's own hash hashes its raw value's bytes, and
    /// both writers hash alignments in their lookups (the ODF paragraph styles, the text layouts).
    var ordinal: Int {
        switch self {
        case .left: return 0
        case .center: return 1
        case .right: return 2
        case .justify: return 3
        }
    }
}
