import Foundation
import WenshuCase
import WenshuDiagnostics

/// One XML file that holds a dossier's parts (case data, rendered documents, scans) with a SHA-256 digest of
/// each part and one over the whole, so an archive can later prove nothing changed (in the spirit of
/// DA/T 48), optionally signed with the office's Ed25519 key.
///
/// Layout (docs/archive-package.md), one canonical byte sequence for the same parts:
/// ```xml
/// <?xml version="1.0" encoding="UTF-8"?>
/// <package xmlns="urn:wenshu:archive:1" version="1">
///   <part name="case.xml" type="application/xml" size="1234" sha256="…">BASE64…</part>
///   <digest algorithm="SHA-256">…</digest>
///   <signature algorithm="Ed25519" key="…">…</signature>      (only in a signed package)
/// </package>
/// ```
/// Each part's digest is over its exact bytes; the package digest is the SHA-256 of the lines
/// `<part name> <hex digest>\n` of all parts in package order. The package is written and read as a stream
/// (`ArchivePackageWriter`, `ArchivePackageReader`): a part of hundreds of megabytes costs a buffer, not its
/// size, and `verify` accepts exactly the canonical bytes, so a change anywhere is found.
public struct ArchivePackage: Sendable, Equatable {
    public static let namespace = "urn:wenshu:archive:1"

    public struct Part: Sendable, Equatable {
        /// A relative name, unique in the package, e.g. `documents/agreement.odt`.
        public var name: String
        public var content: Content

        /// Where a part's bytes come from: memory, or a file read (twice: digest, then content) while the
        /// package is written, so a scan of any size is never held whole.
        public enum Content: Sendable, Equatable {
            case bytes(Data)
            case file(URL)
        }

        public init(name: String, data: Data) {
            self.name = name
            self.content = .bytes(data)
        }

        public init(name: String, file: URL) {
            self.name = name
            self.content = .file(file)
        }

        /// Media type, derived from the name's extension so it cannot be changed apart from the name.
        public var type: String { ArchivePackage.mediaType(forName: name) }

        /// The part's bytes (read from its file if it has one; meant for small parts and tests).
        public var data: Data {
            switch content {
            case .bytes(let data): return data
            case .file(let url): return (try? Data(contentsOf: url)) ?? Data()
            }
        }
    }

    public var parts: [Part]
    /// The office's signature over the package digest, if the package is signed.
    package var signature: ArchiveSignature?

    package init(parts: [Part], signature: ArchiveSignature? = nil) {
        self.parts = parts
        self.signature = signature
    }

    /// The digest over all parts: SHA-256 of `<name> <hex>\n` per part, in order.
    public static func digest(over parts: [(name: String, sha256: String)]) -> String {
        SHA256Digest.hex(of: Data(parts.map { "\($0.name) \($0.sha256)\n" }.joined().utf8))
    }

    /// Writes the package to `url` as a stream: to a temporary file in the same folder first, renamed over
    /// `url` once complete, so a reader never sees half a package. `signingKey` adds the signature.
    /// - Returns: the package digest.
    @discardableResult
    public func write(to url: URL, signingKey: ArchiveSigningKey? = nil) throws -> String {
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            let output = try PackageOutput(path: temporary.path)
            let digest = try ArchivePackageWriter(output: output).write(self, signingKey: signingKey)
            try output.close()
            if rename(temporary.path, url.path) != 0 {
                throw ArchivePackageError.cannotWrite(path: url.path, reason: String(cString: strerror(errno)))
            }
            return digest
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    /// The package as bytes in memory (small packages and tests; `write(to:)` for real ones).
    public func serialized(signingKey: ArchiveSigningKey? = nil) throws -> Data {
        let output = PackageOutput()
        try ArchivePackageWriter(output: output).write(self, signingKey: signingKey)
        try output.close()
        return output.collected
    }

    /// The media type for a part's name, by extension.
    public static func mediaType(forName name: String) -> String {
        switch (name as NSString).pathExtension.lowercased() {
        case "odt": return "application/vnd.oasis.opendocument.text"
        case "fodt": return "application/vnd.oasis.opendocument.text-flat-xml"
        case "xml": return "application/xml"
        case "txt": return "text/plain"
        case "csv": return "text/csv"
        case "yaml", "yml": return "application/yaml"
        case "json": return "application/json"
        case "pdf": return "application/pdf"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "tif", "tiff": return "image/tiff"
        default: return "application/octet-stream"
        }
    }

    /// What `verify` found wrong with a package.
    public enum Problem: Sendable, Equatable, CustomStringConvertible {
        /// The file is not a readable package (not a Wenshu package at all, or cannot be read).
        case unreadable(String)
        /// A part's bytes do not match its recorded digest (or its content is not canonical base64).
        case partChanged(name: String)
        /// A part's recorded size differs from its bytes.
        case sizeChanged(name: String)
        /// The package digest does not match the parts' names and digests.
        case packageDigestChanged
        /// The parts are intact but the file differs from the canonical layout (first differing byte).
        case layoutChanged(offset: Int)
        /// The package's dossier index lists a paper whose part is not in the package.
        case paperMissing(name: String)
        /// `--trust` was given but the package carries no signature.
        case unsigned
        /// The signature was not made by the trusted key over this package's digest.
        case signatureInvalid

        /// The problem in the catalogue's words, in either language.
        public var message: DiagnosticArgument {
            switch self {
            case .unreadable(let why): return .phrase(ArchiveWording.unreadable, ["reason": "\(why)"])
            case .partChanged(let name): return .phrase(ArchiveWording.partChanged, ["name": "\(name)"])
            case .sizeChanged(let name): return .phrase(ArchiveWording.sizeChanged, ["name": "\(name)"])
            case .packageDigestChanged: return .phrase(ArchiveWording.packageDigestChanged)
            case .layoutChanged(let offset): return .phrase(ArchiveWording.layoutChanged, ["offset": "\(offset)"])
            case .paperMissing(let name): return .phrase(ArchiveWording.paperMissing, ["name": "\(name)"])
            case .unsigned: return .phrase(ArchiveWording.unsigned)
            case .signatureInvalid: return .phrase(ArchiveWording.signatureInvalid)
            }
        }

        public var description: String { message.render(in: .en) }
    }

    /// What `verify` read: each part's name, type, size and digest, the package digest, the signature.
    public struct Verification: Sendable, Equatable {
        public struct PartRecord: Sendable, Equatable {
            public var name: String
            public var type: String
            public var size: Int
            public var sha256: String
        }
        public var parts: [PartRecord] = []
        public var digest: String?
        package var signature: ArchiveSignature?
        /// Empty when the package is intact (and, with a trusted key, signed by it).
        public var problems: [Problem] = []
    }

    /// Reads a package file as a stream and checks every digest, the layout, the papers its dossier index
    /// lists and, given `trust`, its signature.
    public static func verify(fileAt url: URL, trust: ArchivePublicKey? = nil) -> Verification {
        let input: PackageInput
        do { input = try PackageInput(path: url.path) } catch {
            return Verification(problems: [.unreadable("\(error)")])
        }
        var verification = ArchivePackageReader(input: input).verify(trust: trust)
        if let failure = input.failure {
            verification.problems = [.unreadable("cannot read \(url.path): \(failure)")]
        }
        return verification
    }

    /// `verify(fileAt:trust:)` for a package in memory.
    public static func verify(_ data: Data, trust: ArchivePublicKey? = nil) -> Verification {
        ArchivePackageReader(input: PackageInput(data: data)).verify(trust: trust)
    }
}

/// Why a package could not be written.
package enum ArchivePackageError: Error, Sendable, Equatable, CustomStringConvertible {
    case cannotWrite(path: String, reason: String)
    case cannotRead(path: String, reason: String)
    /// A file changed between its digest and its copy into the package.
    case changedWhileWriting(path: String)

    package var description: String {
        switch self {
        case .cannotWrite(let path, let reason): return "cannot write \(path): \(reason)"
        case .cannotRead(let path, let reason): return "cannot read \(path): \(reason)"
        case .changedWhileWriting(let path): return "\(path) changed while the package was being written; write it again"
        }
    }
}
