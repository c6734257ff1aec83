import Foundation
import WenshuCase

/// Writes a package in its canonical layout, part by part, as a stream: a file part is read once for its
/// digest and once for its content, a megabyte at a time.
struct ArchivePackageWriter {
    let output: PackageOutput

    /// Bytes encoded at a time: a multiple of 57, so every chunk but the last fills whole 76-character lines.
    static let chunk = 57 * 16_384

    static let prolog = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<package xmlns=\"\(ArchivePackage.namespace)\" version=\"1\">\n"
    static let epilog = "</package>\n"

    /// Writes the whole package; returns its digest.
    @discardableResult
    func write(_ package: ArchivePackage, signingKey: ArchiveSigningKey?) throws -> String {
        try output.append(Self.prolog)
        var records: [(name: String, sha256: String)] = []
        for part in package.parts {
            let (size, sha256) = try Self.measure(part.content)
            try output.append(Self.partHeader(name: part.name, type: part.type, size: size, sha256: sha256))
            if size == 0 {
                try output.append("/>\n")
            } else {
                try output.append(">")
                let copied = try copyBase64(part.content)
                if copied != sha256, case .file(let url) = part.content {
                    throw ArchivePackageError.changedWhileWriting(path: url.path)
                }
                try output.append("</part>\n")
            }
            records.append((part.name, sha256))
        }
        let digest = ArchivePackage.digest(over: records)
        try output.append("  <digest algorithm=\"SHA-256\">\(digest)</digest>\n")
        let signature = try signingKey.map { try $0.sign(packageDigest: digest) } ?? package.signature
        if let signature { try output.append(Self.signatureElement(signature)) }
        try output.append(Self.epilog)
        return digest
    }

    /// `  <part name="…" type="…" size="…" sha256="…"` (the tag is closed by the caller).
    static func partHeader(name: String, type: String, size: Int, sha256: String) -> String {
        "  <part name=\"\(PackageEscaping.attribute(name))\" type=\"\(PackageEscaping.attribute(type))\" size=\"\(size)\" sha256=\"\(sha256)\""
    }

    static func signatureElement(_ signature: ArchiveSignature) -> String {
        "  <signature algorithm=\"\(ArchiveSignature.algorithm)\" key=\"\(signature.keyID)\">\(signature.value.base64EncodedString())</signature>\n"
    }

    /// Size and SHA-256 of a part's bytes.
    static func measure(_ content: ArchivePackage.Part.Content) throws -> (Int, String) {
        let hasher = SHA256Digest.Hasher()
        var size = 0
        try forEachChunk(of: content) { chunk in
            hasher.update(chunk)
            size += chunk.count
        }
        return (size, hasher.finalize())
    }

    /// Writes the bytes in base64, 76 characters a line; returns the digest of what it copied.
    private func copyBase64(_ content: ArchivePackage.Part.Content) throws -> String {
        let hasher = SHA256Digest.Hasher()
        var first = true
        try Self.forEachChunk(of: content) { chunk in
            hasher.update(chunk)
            if !first { try output.append("\n") }
            first = false
            try output.append(Array(chunk.base64EncodedString(options: [.lineLength76Characters, .endLineWithLineFeed]).utf8))
        }
        return hasher.finalize()
    }

    /// Calls `body` with the content's bytes, `chunk` at a time.
    static func forEachChunk(of content: ArchivePackage.Part.Content, _ body: (Data) throws -> Void) throws {
        switch content {
        case .bytes(let data):
            var offset = data.startIndex
            while offset < data.endIndex {
                let end = min(offset + chunk, data.endIndex)
                try body(data[offset..<end])
                offset = end
            }
        case .file(let url):
            let handle: FileHandle
            do { handle = try FileHandle(forReadingFrom: url) } catch {
                throw ArchivePackageError.cannotRead(path: url.path, reason: "\(error.localizedDescription)")
            }
            defer { try? handle.close() }
            var atEnd = false
            while !atEnd {
                // Whole chunks only (a short read would break the 76-character lines).
                var data = Data()
                while data.count < chunk {
                    let more: Data
                    do { more = try handle.read(upToCount: chunk - data.count) ?? Data() } catch {
                        throw ArchivePackageError.cannotRead(path: url.path, reason: "\(error.localizedDescription)")
                    }
                    if more.isEmpty { atEnd = true; break }
                    data.append(more)
                }
                if !data.isEmpty { try body(data) }
            }
        }
    }
}
