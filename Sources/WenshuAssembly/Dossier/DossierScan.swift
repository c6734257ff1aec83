import Foundation
import WenshuDocument

/// Scanned attachments: where the case's `scan` path leads, the image's size, and its page.
enum DossierScan {
    /// The file a relative `path` names inside `folder` (or below it); `nil` for an absolute path or one
    /// that leaves the folder (`../x.png`), so a case file cannot pull arbitrary files into an archive.
    static func resolve(_ path: String, in folder: URL) -> URL? {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.hasPrefix("\\"), !path.contains(":") else { return nil }
        let components = path.split(whereSeparator: { $0 == "/" || $0 == "\\" })
        guard !components.contains(where: { $0 == ".." }) else { return nil }
        return components.reduce(folder) { $0.appendingPathComponent(String($1)) }
    }

    /// The first megabyte of a scan file (a PNG's or JPEG's size is in its first bytes; a scan of hundreds
    /// of megabytes is never read whole to bind it); `nil` if it is not a readable regular file.
    static func header(of url: URL) -> Data? {
        var status = stat()
        guard stat(url.path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG,
              let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: 1 << 20)) ?? Data()
    }

    /// The image's media type and size in pixels, read from its header: PNG (IHDR) or JPEG (the first
    /// start-of-frame marker). `nil` for anything else.
    static func imageSize(_ data: Data) -> (mediaType: String, width: Int, height: Int)? {
        let bytes = [UInt8](data)
        func big(_ at: Int, _ count: Int) -> Int {
            (at..<(at + count)).reduce(0) { $0 << 8 | Int(bytes[$1]) }
        }
        if bytes.count >= 24, bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
           bytes[12..<16].elementsEqual(Array("IHDR".utf8)) {
            let width = big(16, 4), height = big(20, 4)
            return width > 0 && height > 0 ? ("image/png", width, height) : nil
        }
        guard bytes.count > 4, bytes[0] == 0xFF, bytes[1] == 0xD8 else { return nil }
        var offset = 2
        while offset + 9 < bytes.count {
            guard bytes[offset] == 0xFF else { return nil }
            let marker = bytes[offset + 1]
            if marker == 0xFF { offset += 1; continue }  // fill byte
            if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) { offset += 2; continue }
            let length = big(offset + 2, 2)
            // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC).
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                let height = big(offset + 5, 2), width = big(offset + 7, 2)
                return width > 0 && height > 0 ? ("image/jpeg", width, height) : nil
            }
            if marker == 0xD9 || marker == 0xDA || length < 2 { return nil }
            offset += 2 + length
        }
        return nil
    }

    /// The scan's page: the image, as large as the page allows, and under it what it is and where it
    /// belongs, as a placeholder page says it.
    static func page(_ scan: DossierItem.Scan, attachment: DossierItem.Attachment, position: Int, row: DossierModel.Row) -> [Block] {
        let picture = Picture(image: .file(path: scan.file.path), mediaType: scan.mediaType, pixelWidth: scan.pixelWidth,
                              pixelHeight: scan.pixelHeight, description: "\(attachment.title)（扫描件）")
        return [.picture(picture),
                .paragraph(Paragraph([.text(picture.description)], alignment: .center)),
                .paragraph(Paragraph([.text("（卷内目录第\(position)项，\(row.title)）")], alignment: .center))]
    }
}
