import Foundation
import WenshuCase
import WenshuDocument

/// One entry of a bound dossier's 卷内目录: a filled form, or a paper the case lists as an attachment.
/// Each starts on a new page of the volume, in a section named `sectionID` that the contents' page
/// references point to.
package struct DossierItem: Sendable, Equatable {
    /// 序号 in the 卷内目录, from 1 (the cover and the contents are not items).
    package var position: Int
    /// 文件名称 as the contents print it: a form's title (with its record's date for a form written per
    /// record), or the attachment's own title.
    package var title: String
    /// The section of the bound document that holds the item: `item-<position>`.
    package var sectionID: String
    /// The row of the dossier model the item fills.
    package var row: DossierModel.Row
    package var content: Content
    /// 备注 in the contents, when there is one.
    package var remark: String?
    /// 文号, 责任者 and 日期 of the contents (GB/T 9705): a filled form's own number and date and who made it;
    /// unknown for an attachment (the archivist writes them in).
    package var number: String?
    package var author: String?
    package var date: CivilDate?

    package enum Content: Sendable, Equatable {
        /// A form Wenshu filled.
        case form(FilledForm)
        /// A paper Wenshu does not write (ID copy, power of attorney, evidence, receipt): its scan when the
        /// case gives one, otherwise one placeholder page per page of paper.
        case attachment(Attachment)
    }

    /// A filled form of the dossier.
    package struct FilledForm: Sendable, Equatable {
        package var formID: String
        /// The name its file takes: the form id, with `-1`, `-2` … for a form written per record.
        package var stem: String
        /// One document each (a form's documents; one per record for a form written per record).
        package var documents: [Document]
    }

    /// An attachment as the case lists it.
    package struct Attachment: Sendable, Equatable {
        package var kind: String
        package var title: String
        /// Pages of paper.
        package var pages: Int
        /// The scan, read from the file the case names.
        package var scan: Scan?
    }

    /// A scanned page: an image bound as one page of its own. Only its header is read when the dossier is
    /// bound; its bytes are read from `file` when a document embeds it or the archive package copies it.
    package struct Scan: Sendable, Equatable {
        /// The file name the case gave, for the archive's part name.
        package var fileName: String
        /// The image file.
        package var file: URL
        /// `image/png` or `image/jpeg`, and the size in pixels, from the image's header.
        package var mediaType: String
        package var pixelWidth: Int
        package var pixelHeight: Int
    }

    /// The pages the item takes when it is known before printing: an attachment's placeholder pages or
    /// scan. A filled form's length is up to the word processor (or the text writer).
    package var knownPages: Int? {
        switch content {
        case .form: return nil
        case .attachment(let attachment): return attachment.scan == nil ? attachment.pages : 1
        }
    }

    static func sectionID(position: Int) -> String { "item-\(position)" }

    /// The parts of the archive package that hold this item on its own: a form's `documents/<NN>-<stem>.odt`
    /// and `.txt` (the dossier's own forms are not items: they belong to the volume), a scan's
    /// `scans/<NN>-<file name>`. The dossier index lists them, so `verify` notices one removed.
    package var archiveParts: [String] {
        let number = position < 10 ? "0\(position)" : String(position)
        switch content {
        case .form(let form):
            let stem = "documents/\(number)-\(CaseFolderName.safe(form.stem))"
            return form.documents.flatMap { _ in [stem + ".odt", stem + ".txt"] }
        case .attachment(let attachment):
            return attachment.scan.map { [Self.scanPart(number: number, scan: $0)] } ?? []
        }
    }

    /// Where the package keeps a scan: the bound volume refers to this part instead of holding the image.
    package var scanPart: String? {
        guard case .attachment(let attachment) = content, let scan = attachment.scan else { return nil }
        return Self.scanPart(number: position < 10 ? "0\(position)" : String(position), scan: scan)
    }

    private static func scanPart(number: String, scan: Scan) -> String {
        "scans/\(number)-\(CaseFolderName.safe(scan.fileName))"
    }
}
