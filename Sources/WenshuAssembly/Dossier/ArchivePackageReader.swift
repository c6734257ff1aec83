import Foundation
import WenshuCase
import WenshuXML

/// Reads a package as a stream and accepts exactly its canonical layout (`ArchivePackageWriter`): every
/// part is decoded and hashed a buffer at a time, so a package of any size is verified in bounded memory,
/// and no XML parser sees the package (its only XML, the small dossier index, is parsed safely).
struct ArchivePackageReader {
    let input: PackageInput

    /// The largest dossier index the reader keeps to check the papers it lists.
    static let indexLimit = 16 << 20

    private static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    func verify(trust: ArchivePublicKey?) -> ArchivePackage.Verification {
        var result = ArchivePackage.Verification()
        let prolog = Self.bytes(ArchivePackageWriter.prolog)
        if let at = input.expect(prolog) {
            // A file that does not even start like a package is not one; a change later in the prolog is.
            let looksLikePackage = input.ensure(60) && input.buffer[input.start..<(input.start + 60)].elementsEqual(prolog.prefix(60))
            result.problems.append(looksLikePackage ? .layoutChanged(offset: at)
                                   : .unreadable("it does not begin with <package xmlns=\"\(ArchivePackage.namespace)\">"))
            return result
        }
        var index: Data?
        while input.expect(Self.bytes("  <part name=\"")) == nil {
            guard let part = readPart(into: &result, index: &index) else { return result }
            result.parts.append(part)
        }
        let computed = ArchivePackage.digest(over: result.parts.map { ($0.name, $0.sha256) })
        if let at = input.expect(Self.bytes("  <digest algorithm=\"SHA-256\">")) { return layout(at, &result) }
        let recorded = input.read(until: UInt8(ascii: "<"), limit: 64).map { String(decoding: $0, as: UTF8.self) }
        if let at = input.expect(Self.bytes("</digest>\n")) { return layout(at, &result) }
        result.digest = computed
        if recorded != computed { result.problems.append(.packageDigestChanged) }

        if input.expect(Self.bytes("  <signature algorithm=\"\(ArchiveSignature.algorithm)\" key=\"")) == nil {
            let keyStart = input.offset
            guard let key = input.read(until: UInt8(ascii: "\""), limit: 64).map({ String(decoding: $0, as: UTF8.self) }),
                  ArchiveSignature.isKeyID(key) else { return layout(keyStart, &result) }
            if let at = input.expect(Self.bytes("\">")) { return layout(at, &result) }
            let valueStart = input.offset
            guard let raw = input.read(until: UInt8(ascii: "<"), limit: 128), let value = Data(base64Encoded: Data(raw)),
                  value.base64EncodedData() == Data(raw) else { return layout(valueStart, &result) }
            if let at = input.expect(Self.bytes("</signature>\n")) { return layout(at, &result) }
            result.signature = ArchiveSignature(keyID: key, value: value)
        }
        if let at = input.expect(Self.bytes(ArchivePackageWriter.epilog)) { return layout(at, &result) }
        if input.ensure(1) { return layout(input.offset, &result) }

        if let index { result.problems += Self.missingPapers(index: index, parts: Set(result.parts.map(\.name))) }
        if let trust {
            if let signature = result.signature {
                if !trust.verify(signature, packageDigest: computed) { result.problems.append(.signatureInvalid) }
            } else {
                result.problems.append(.unsigned)
            }
        }
        return result
    }

    private func layout(_ offset: Int, _ result: inout ArchivePackage.Verification) -> ArchivePackage.Verification {
        result.problems.append(.layoutChanged(offset: offset))
        return result
    }

    /// One part, after `  <part name="`: its attributes, then its content decoded and hashed. `nil` when
    /// the layout is broken (the problem is recorded); a part whose content is not canonical base64 is
    /// reported as changed and reading goes on after its end tag.
    private func readPart(into result: inout ArchivePackage.Verification, index: inout Data?) -> ArchivePackage.Verification.PartRecord? {
        func attribute(_ limit: Int) -> (raw: [UInt8], at: Int)? {
            let at = input.offset
            guard let raw = input.read(until: UInt8(ascii: "\""), limit: limit) else {
                result.problems.append(.layoutChanged(offset: at))
                return nil
            }
            return (raw, at)
        }
        func expect(_ text: String) -> Bool {
            guard let at = input.expect(Self.bytes(text)) else { return true }
            result.problems.append(.layoutChanged(offset: at))
            return false
        }
        guard let rawName = attribute(4096) else { return nil }
        guard let name = PackageEscaping.canonicalValue(rawName.raw) else {
            result.problems.append(.layoutChanged(offset: rawName.at))
            return nil
        }
        guard expect("\" type=\""), let type = attribute(256) else { return nil }
        let mediaType = ArchivePackage.mediaType(forName: name)
        guard type.raw == Self.bytes(PackageEscaping.attribute(mediaType)) else {
            result.problems.append(.layoutChanged(offset: type.at))
            return nil
        }
        guard expect("\" size=\""), let rawSize = attribute(20) else { return nil }
        let sizeText = String(decoding: rawSize.raw, as: UTF8.self)
        guard let recordedSize = Int(sizeText), recordedSize >= 0, String(recordedSize) == sizeText else {
            result.problems.append(.layoutChanged(offset: rawSize.at))
            return nil
        }
        guard expect("\" sha256=\""), let rawDigest = attribute(128) else { return nil }
        let recordedDigest = String(decoding: rawDigest.raw, as: UTF8.self)

        let keep = name == "dossier-index.xml" && recordedSize <= Self.indexLimit
        var content: Content
        if input.expect(Self.bytes("\"/>\n")) == nil {
            content = Content(size: 0, sha256: SHA256Digest.hex(of: Data()), kept: keep ? Data() : nil, canonical: true)
        } else {
            guard expect("\">") else { return nil }
            content = readContent(keep: keep)
            guard expect("</part>\n") else { return nil }
        }
        if !content.canonical || content.sha256 != recordedDigest {
            result.problems.append(.partChanged(name: name))
        } else if content.size != recordedSize {
            result.problems.append(.sizeChanged(name: name))
        } else if keep {
            index = content.kept
        }
        return .init(name: name, type: mediaType, size: recordedSize, sha256: recordedDigest)
    }

    private struct Content {
        var size = 0
        var sha256 = ""
        var kept: Data?
        var canonical = true
    }

    /// Base64 in 76-character lines up to `</part>`, decoded a batch of lines at a time. Leaves the input at
    /// the `<` of the end tag (or of whatever stopped a broken content).
    private func readContent(keep: Bool) -> Content {
        let hasher = SHA256Digest.Hasher()
        var content = Content(kept: keep ? Data() : nil)
        var batch = [UInt8]()
        batch.reserveCapacity(Self.batchSize + 80)
        func decode(final: Bool) {
            guard !batch.isEmpty else { return }
            let encoded = Data(batch)
            batch.removeAll(keepingCapacity: true)
            // Strict decoding, then re-encoding: only the one canonical spelling of the bytes is accepted
            // (no stray characters, padding only at the very end, zero padding bits).
            guard let decoded = Data(base64Encoded: encoded), decoded.base64EncodedData() == encoded,
                  final || encoded.last != UInt8(ascii: "=") else {
                content.canonical = false
                return
            }
            hasher.update(decoded)
            content.size += decoded.count
            if content.kept != nil { content.kept!.append(decoded) }
        }
        var finished = false, lines = 0
        while !finished {
            let atEnd = !input.ensure(Self.batchSize)  // everything left is in the buffer
            finished = input.consume { unread -> (consumed: Int, result: Bool) in
                var position = 0
                while true {
                    let limit = min(position + 77, unread.count)
                    var end = position
                    while end < limit && unread[end] != 0x0A && unread[end] != 0x3C { end += 1 }  // "\n", "<"
                    if end == limit {
                        // No line end within a line's length: too long a line, or the buffer ran out.
                        if limit - position == 77 || atEnd { content.canonical = false; return (position, true) }
                        return (position, false)
                    }
                    let length = end - position
                    if unread[end] == 0x3C {  // the last line, then the end tag
                        if length == 0 || length > 76 { content.canonical = false }
                        batch.append(contentsOf: unread[position..<end])
                        return (end, true)
                    }
                    if length != 76 { content.canonical = false }
                    batch.append(contentsOf: unread[position..<end])
                    lines += 1
                    position = end + 1
                    if batch.count >= Self.batchSize { return (position, false) }
                }
            }
            if !finished { decode(final: false) }
        }
        decode(final: true)
        if !content.canonical {
            // Resynchronise on the end tag so the parts after this one are still checked.
            while input.peek() != nil, !input.continues(with: Self.bytes("</part>\n")) {
                input.skip(1)
                input.skip(until: UInt8(ascii: "<"))
            }
        }
        content.sha256 = hasher.finalize()
        return content
    }

    /// Base64 characters decoded at a time: whole lines (76 characters each).
    static let batchSize = 76 * 4096

    /// The papers the dossier index lists (`items/item/parts/part`) that are not parts of the package.
    static func missingPapers(index: Data, parts: Set<String>) -> [ArchivePackage.Problem] {
        guard let document = try? XMLDocument(parsing: index, fileName: "dossier-index.xml"), let root = document.root else {
            return [.partChanged(name: "dossier-index.xml")]
        }
        var problems: [ArchivePackage.Problem] = []
        for item in root.element(named: "items")?.elements(named: "item") ?? [] {
            for part in item.element(named: "parts")?.elements(named: "part") ?? [] where !parts.contains(part.stringValue) {
                problems.append(.paperMissing(name: part.stringValue))
            }
        }
        return problems
    }
}
