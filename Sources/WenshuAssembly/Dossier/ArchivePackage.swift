import Foundation
import WenshuXML

/// One XML file that holds a dossier's parts (case data, rendered documents) with a SHA-256 digest of each
/// part and one over the whole, so an archive can later prove nothing changed (in the spirit of DA/T 48).
///
/// Layout (docs/archive-package.md):
/// ```xml
/// <package xmlns="urn:wenshu:archive:1" version="1">
///   <part name="case.xml" type="application/xml" size="1234" sha256="…">BASE64…</part>
///   <digest algorithm="SHA-256">…</digest>
/// </package>
/// ```
/// Each part's digest is over its exact bytes; the package digest is the SHA-256 of the lines
/// `<part name> <hex digest>\n` of all parts in package order. The package itself is written by libxml2 in
/// one canonical layout, so `verify` also re-emits what it read and demands the same bytes: a change
/// anywhere, even in white space outside the parts, is found.
public struct ArchivePackage: Sendable, Equatable {
    public static let namespace = "urn:wenshu:archive:1"

    public struct Part: Sendable, Equatable {
        /// A relative name, unique in the package, e.g. `documents/agreement.odt`.
        public var name: String
        public var data: Data

        public init(name: String, data: Data) {
            self.name = name
            self.data = data
        }

        /// Media type, derived from the name's extension so it cannot be changed apart from the name.
        public var type: String { ArchivePackage.mediaType(forName: name) }

        public var digest: String { SHA256Digest.hex(of: data) }
    }

    public var parts: [Part]

    public init(parts: [Part]) { self.parts = parts }

    /// The digest over all parts: SHA-256 of `<name> <hex>\n` per part, in order.
    public var digest: String {
        SHA256Digest.hex(of: Data(parts.map { "\($0.name) \($0.digest)\n" }.joined().utf8))
    }

    /// The package as bytes.
    public func serialized() -> Data {
        let document = XMLDocument(rootName: "package", namespace: Self.namespace)
        let root = document.root!
        root.setAttribute("version", "1")
        for part in parts {
            let element = root.addElement("part",
                                          text: part.data.base64EncodedString(options: [.lineLength76Characters, .endLineWithLineFeed]))
            element.setAttribute("name", part.name)
            element.setAttribute("type", part.type)
            element.setAttribute("size", String(part.data.count))
            element.setAttribute("sha256", part.digest)
        }
        root.addElement("digest", text: digest).setAttribute("algorithm", "SHA-256")
        return document.serialized(indent: true)
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
        /// The file is not a readable package (not XML, wrong root, a part without name or digest).
        case unreadable(String)
        /// A part's bytes do not match its recorded digest (or its content is not valid base64).
        case partChanged(name: String)
        /// A part's recorded size differs from its bytes.
        case sizeChanged(name: String)
        /// The package digest does not match the parts' names and digests.
        case packageDigestChanged
        /// The parts are intact but the file differs from the canonical layout (first differing byte).
        case layoutChanged(offset: Int)

        public var description: String {
            switch self {
            case .unreadable(let why): return "not a Wenshu archive package: \(why)"
            case .partChanged(let name): return "part \(name) was changed: its SHA-256 no longer matches"
            case .sizeChanged(let name): return "part \(name) has a different size than recorded"
            case .packageDigestChanged: return "the package digest does not match its parts"
            case .layoutChanged(let offset): return "the package was changed outside its parts (first at byte \(offset))"
            }
        }
    }

    /// Reads a package and checks every digest and the layout; returns the parts and the problems found
    /// (empty when the package is intact).
    public static func verify(_ data: Data, fileName: String) -> (package: ArchivePackage?, problems: [Problem]) {
        let document: XMLDocument
        do {
            document = try XMLDocument(parsing: data, fileName: fileName, sizeLimit: 1 << 30)
        } catch {
            return (nil, [.unreadable("\(error)")])
        }
        guard let root = document.root, root.name == "package", root.namespaceURI == namespace else {
            return (nil, [.unreadable("the root element is not <package xmlns=\"\(namespace)\">")])
        }
        var problems: [Problem] = []
        var parts: [Part] = []
        for element in root.elements(named: "part") {
            guard let name = element.attribute("name"), let recorded = element.attribute("sha256") else {
                return (nil, [.unreadable("a <part> on line \(element.line) has no name or sha256")])
            }
            let bytes = Data(base64Encoded: element.stringValue, options: .ignoreUnknownCharacters)
            let part = Part(name: name, data: bytes ?? Data())
            if bytes == nil || part.digest != recorded {
                problems.append(.partChanged(name: name))
            } else if element.attribute("size") != String(part.data.count) {
                problems.append(.sizeChanged(name: name))
            }
            parts.append(part)
        }
        let package = ArchivePackage(parts: parts)
        let recordedDigest = root.element(named: "digest")?.stringValue
        // The package digest is over the recorded part digests, so a tampered digest attribute shows here too.
        let lines = root.elements(named: "part").map { "\($0.attribute("name") ?? "") \($0.attribute("sha256") ?? "")\n" }
        if recordedDigest != SHA256Digest.hex(of: Data(lines.joined().utf8)) {
            problems.append(.packageDigestChanged)
        }
        if problems.isEmpty {
            let canonical = package.serialized()
            if canonical != data {
                let offset = zip(canonical, data).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                    ?? min(canonical.count, data.count)
                problems.append(.layoutChanged(offset: offset))
            }
        }
        return (package, problems)
    }
}
