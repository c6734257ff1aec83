import Foundation
import WenshuXML

/// What a command does to give PDFs: the files it is about to write, with a PDF printed from each `.odt`.
///
/// Wenshu's writers make the `.odt`; LibreOffice prints it. The PDF takes the `.odt`'s place, or joins it
/// when the `.odt` was asked for too (`keepODF`).
public struct PDFPrinting: Sendable {
    public let converter: PDFConverter
    public let keepODF: Bool

    public init(converter: PDFConverter, keepODF: Bool) {
        self.converter = converter
        self.keepODF = keepODF
    }

    /// A file about to be written, and the source (a case file, an output folder) findings about it point to.
    public struct PlannedFile: Sendable {
        public var url: URL
        public var data: Data
        public var source: String
        public init(url: URL, data: Data, source: String) {
            self.url = url
            self.data = data
            self.source = source
        }
    }

    /// `files` with each `.odt` printed to a `.pdf` beside it, all in one batch through the pool. A document
    /// LibreOffice fails on gets no PDF and a finding (`print.conversion-failed`); the others are unaffected.
    public func adding(to files: [PlannedFile]) -> (files: [PlannedFile], findings: [Diagnostic]) {
        let odfs = files.indices.filter { files[$0].url.pathExtension == "odt" }
        let pdfURLs = odfs.map { files[$0].url.deletingPathExtension().appendingPathExtension("pdf") }
        let results = converter.convert(zip(odfs, pdfURLs).map { (files[$0].source, $1.lastPathComponent, files[$0].data) })
        var pdfs: [Int: PlannedFile] = [:]
        var findings: [Diagnostic] = []
        for ((index, url), result) in zip(zip(odfs, pdfURLs), results) {
            switch result {
            case .success(let data): pdfs[index] = PlannedFile(url: url, data: data, source: files[index].source)
            case .failure(let finding): findings.append(finding)
            }
        }
        let printed = Set(odfs)
        var out: [PlannedFile] = []
        for (index, file) in files.enumerated() {
            if keepODF || !printed.contains(index) { out.append(file) }
            if let pdf = pdfs[index] { out.append(pdf) }
        }
        return (out, findings)
    }
}

extension PDFConverter {
    /// The fontconfig file Wenshu prints with: `fonts/fonts.conf` in the templates folder in use, else in
    /// `fallback` (the bundled templates), else none.
    public static func fontsConf(templates: URL?, fallback: URL?) -> URL? {
        for folder in [templates, fallback].compactMap({ $0 }) {
            let conf = folder.appendingPathComponent("fonts/fonts.conf")
            if FileManager.default.fileExists(atPath: conf.path) { return conf }
        }
        return nil
    }
}
