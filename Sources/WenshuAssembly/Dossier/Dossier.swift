import Foundation
import WenshuCase
import WenshuDocument
import WenshuWriters

/// A bound dossier: the volume as one document (cover, 卷内目录, the items, 备考表, 封底), what it holds,
/// and what the archive package keeps beside it.
public struct Dossier: Sendable {
    public var caseNumber: String
    /// The bound volume; every writer prints it (`Writers.writer(for:)`).
    public var document: Document
    /// The 卷内目录's entries, in binding order.
    package var items: [DossierItem]
    /// Required rows of the model that had nothing in them (non-empty only when forced).
    package var missingRows: [DossierModel.Row]
    /// The `$dossier` tree the dossier's forms read (`DossierIndex`), as XML bytes.
    public var index: Data
    /// The case file exactly as given.
    public var caseFile: DossierAssembler.CaseSource
    /// The case's canonical XML tree (docs/case-format.md), whatever format it was written in.
    public var canonicalCase: Data

    /// The bound volume in `format`.
    public func write(_ format: OutputFormat, options: WriterOptions = WriterOptions()) throws -> Data {
        try Writers.writer(for: format, options: options).write(document)
    }

    /// The archive package (docs/archive-package.md): the case file as given, its canonical XML, the item
    /// list, the bound volume (ODF, text and the archival XML copy), every form of the case on its own
    /// (ODF and text) and every scan, in this order:
    ///
    /// | part | holds |
    /// |---|---|
    /// | `case/<file name>` | the case file as given (name made safe) |
    /// | `case.xml` | the case's canonical XML |
    /// | `dossier-index.xml` | the item list (`$dossier`) |
    /// | `dossier.odt`, `dossier.txt`, `dossier.xml` | the bound volume |
    /// | `documents/<NN>-<form>[-n].odt`, `.txt` | item NN's form alone (not the 备考表 and 封底, which belong to the volume) |
    /// | `scans/<NN>-<file name>` | item NN's scan as given |
    ///
    /// `options` sets the text parts' page and encoding. Each scan is stored once: the bound volume's
    /// `dossier.odt` and `dossier.xml` refer to its `scans/` part instead of holding the image again, and
    /// the scan is read from its file only while the package is written (`ArchivePackage.write(to:)`).
    public func archivePackage(options: WriterOptions = WriterOptions()) throws -> ArchivePackage {
        let odt = Writers.writer(for: .odt, options: options), text = Writers.writer(for: .txt, options: options)
        let volume = documentReferringToScans()
        var parts: [ArchivePackage.Part] = [
            .init(name: "case/" + CaseFolderName.safe(caseFile.fileName), data: caseFile.data),
            .init(name: "case.xml", data: canonicalCase),
            .init(name: "dossier-index.xml", data: index),
            .init(name: "dossier.odt", data: try odt.write(volume)),
            .init(name: "dossier.txt", data: try text.write(document)),
            .init(name: "dossier.xml", data: try Writers.writer(for: .xml, options: options).write(volume)),
        ]
        for item in items {
            switch item.content {
            case .form(let form):
                let names = item.archiveParts
                for (index, document) in form.documents.enumerated() {
                    parts.append(.init(name: names[2 * index], data: try odt.write(document)))
                    parts.append(.init(name: names[2 * index + 1], data: try text.write(document)))
                }
            case .attachment(let attachment):
                if let scan = attachment.scan, let name = item.scanPart {
                    parts.append(.init(name: name, file: scan.file))
                }
            }
        }
        return ArchivePackage(parts: parts)
    }

    /// The bound volume with every scan's picture pointing at its part of the package.
    func documentReferringToScans() -> Document {
        var scanParts: [String: String] = [:]
        for item in items {
            if case .attachment(let attachment) = item.content, let scan = attachment.scan, let part = item.scanPart {
                scanParts[scan.file.path] = part
            }
        }
        func refer(_ blocks: [Block]) -> [Block] {
            blocks.map { block in
                switch block {
                case .picture(var picture):
                    if case .file(let path) = picture.image, let part = scanParts[path] { picture.image = .beside(path: part) }
                    return .picture(picture)
                case .section(var section):
                    section.blocks = refer(section.blocks)
                    return .section(section)
                default:
                    return block
                }
            }
        }
        var volume = document
        volume.blocks = refer(document.blocks)
        return volume
    }
}
