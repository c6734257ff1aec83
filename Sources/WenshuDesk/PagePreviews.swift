import Foundation
import WenshuCase

/// Pictures of a paper's first pages for the papers page: the `.odt` printed to PDF (LibreOffice, through the
/// desk's converter) and the first pages drawn by `pdftoppm` as PNG, in a temporary folder of the desk's own,
/// kept by the content of the `.odt` (the same paper is drawn once, a changed case draws again). Without
/// LibreOffice or pdftoppm there is no such thing and the page previews the text layout only.
package struct PagePreviews: Sendable {
    /// Pages drawn per paper (a form is one or two pages; a packet's first pages show what it is).
    package static let pages = 2
    /// 70 dpi: an A4 page is 579 × 819 pixels, readable on a screen, small to send.
    static let resolution = "70"

    let convert: @Sendable (Data) throws -> Data
    let pdftoppm: String
    let cache: URL

    /// Nil unless both the PDF converter and `pdftoppm` are there.
    package init?(pdfConverter: (@Sendable (Data) throws -> Data)?, pdftoppm: String? = PagePreviews.executable(named: "pdftoppm")) {
        guard let pdfConverter, let pdftoppm else { return nil }
        convert = pdfConverter
        self.pdftoppm = pdftoppm
        cache = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-desk-previews-\(ProcessInfo.processInfo.processIdentifier)",
                                                                             isDirectory: true)
    }

    /// The first program named `name` on PATH.
    package static func executable(named name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    package enum Failure: Error, CustomStringConvertible {
        case pdftoppm(String)
        package var description: String {
            switch self { case .pdftoppm(let reason): return "pdftoppm: \(reason)" }
        }
    }

    /// The PNG of page `page` (1-based, at most `pages`) of the paper whose `.odt` is `odt`; nil when the paper
    /// has fewer pages.
    package func png(odt: Data, page: Int) throws -> Data? {
        guard (1...PagePreviews.pages).contains(page) else { return nil }
        let key = SHA256Digest.hex(of: odt)
        let done = cache.appendingPathComponent("\(key)-done")
        if !FileManager.default.fileExists(atPath: done.path) { try draw(odt, key: key, marking: done) }
        return try? Data(contentsOf: cache.appendingPathComponent("\(key)-\(page).png"))
    }

    /// Removes the pictures drawn by this desk (its folder is named by the process, so it is nobody else's);
    /// called when the desk stops.
    package func discard() {
        try? FileManager.default.removeItem(at: cache)
    }

    private func draw(_ odt: Data, key: String, marking done: URL) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: cache, withIntermediateDirectories: true)
        let work = cache.appendingPathComponent("work-\(UUID().uuidString)", isDirectory: true)
        try fm.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: work) }
        let pdf = work.appendingPathComponent("paper.pdf")
        try convert(odt).write(to: pdf)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: pdftoppm)
        process.arguments = ["-png", "-r", PagePreviews.resolution, "-f", "1", "-l", "\(PagePreviews.pages)", pdf.path,
                             work.appendingPathComponent("page").path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure.pdftoppm(String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        // pdftoppm numbers its pictures page-1.png or page-01.png as the page count needs: in order, they are pages 1, 2 ….
        let drawn = try fm.contentsOfDirectory(atPath: work.path).filter { $0.hasPrefix("page") && $0.hasSuffix(".png") }.sorted()
        for (index, name) in drawn.enumerated() {
            let target = cache.appendingPathComponent("\(key)-\(index + 1).png")
            try? fm.removeItem(at: target)
            try fm.moveItem(at: work.appendingPathComponent(name), to: target)
        }
        try Data().write(to: done)
    }
}
