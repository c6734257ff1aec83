import Foundation

/// Where a package's bytes go: a file (written through a buffer) or memory.
final class PackageOutput {
    private let descriptor: Int32?
    private let path: String
    private var buffer: [UInt8] = []
    private(set) var collected = Data()
    private static let flushSize = 1 << 20

    /// Bytes collected in memory.
    init() {
        descriptor = nil
        path = "(memory)"
    }

    /// A new file at `path` (replacing one there).
    init(path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw ArchivePackageError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
        }
        self.descriptor = descriptor
        self.path = path
        buffer.reserveCapacity(Self.flushSize)
    }

    deinit { if let descriptor { Foundation.close(descriptor) } }

    func append(_ text: String) throws { try append(Array(text.utf8)) }

    func append<Bytes: Collection>(_ bytes: Bytes) throws where Bytes.Element == UInt8 {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.flushSize { try flush() }
    }

    func flush() throws {
        guard let descriptor else {
            collected.append(contentsOf: buffer)
            buffer.removeAll(keepingCapacity: true)
            return
        }
        try buffer.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Foundation.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw ArchivePackageError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
                }
                offset += written
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws { try flush() }
}

/// Where a package's bytes come from, read forward through a buffer: a file or memory. `offset` is the
/// position in the whole input of the next unread byte.
final class PackageInput {
    private let descriptor: Int32?
    private var source: Data
    private var sourceOffset = 0
    private(set) var buffer: [UInt8] = []
    private(set) var start = 0
    private(set) var atEnd = false
    /// Why reading stopped early, if it did (a folder, an I/O error).
    private(set) var failure: String?
    /// Bytes consumed before `buffer[start]`.
    private var consumedBefore = 0
    private static let chunk = 1 << 20

    init(data: Data) {
        descriptor = nil
        source = data
    }

    init(path: String) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw ArchivePackageError.cannotRead(path: path, reason: String(cString: strerror(errno)))
        }
        self.descriptor = descriptor
        source = Data()
    }

    deinit { if let descriptor { Foundation.close(descriptor) } }

    var offset: Int { consumedBefore + start }
    var available: Int { buffer.count - start }

    /// Makes at least `count` unread bytes available, unless the input ends first; returns whether it did.
    @discardableResult
    func ensure(_ count: Int) -> Bool {
        while available < count && !atEnd { fill() }
        return available >= count
    }

    private func fill() {
        if start > 0 {
            consumedBefore += start
            buffer.removeFirst(start)
            start = 0
        }
        if let descriptor {
            var chunk = [UInt8](repeating: 0, count: Self.chunk)
            var got = -1
            while got < 0 {
                got = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, Self.chunk) }
                if got < 0 && errno != EINTR {
                    failure = String(cString: strerror(errno))
                    got = 0
                }
            }
            if got == 0 { atEnd = true } else { buffer.append(contentsOf: chunk[0..<got]) }
        } else {
            let end = min(source.count, sourceOffset + Self.chunk)
            if end == sourceOffset { atEnd = true } else {
                buffer.append(contentsOf: source[(source.startIndex + sourceOffset)..<(source.startIndex + end)])
                sourceOffset = end
            }
        }
    }

    /// Calls `body` with the unread bytes in the buffer; it returns how many of them it consumed.
    func consume<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> (consumed: Int, result: Result)) -> Result {
        let (consumed, result) = buffer.withUnsafeBufferPointer { all in
            body(UnsafeBufferPointer(rebasing: all[start...]))
        }
        start += consumed
        return result
    }

    /// Consumes bytes up to (not including) the next `byte`, or to the end, a buffer at a time.
    func skip(until byte: UInt8) {
        while ensure(1) {
            let found: Bool = consume { unread in
                if let index = unread.firstIndex(of: byte) { return (index, true) }
                return (unread.count, false)
            }
            if found { return }
        }
    }

    /// The unread byte `ahead` places on, if there is one.
    func peek(_ ahead: Int = 0) -> UInt8? {
        ensure(ahead + 1) ? buffer[start + ahead] : nil
    }

    func skip(_ count: Int) { start += count }

    /// Whether the input continues with `literal` (nothing consumed).
    func continues(with literal: [UInt8]) -> Bool {
        ensure(literal.count) && buffer[start..<(start + literal.count)].elementsEqual(literal)
    }

    /// Consumes `literal` if the input continues with it; otherwise consumes nothing and returns the
    /// offset of the first byte that differs.
    func expect(_ literal: [UInt8]) -> Int? {
        ensure(literal.count)
        for (index, byte) in literal.enumerated() where start + index >= buffer.count || buffer[start + index] != byte {
            return offset + index
        }
        start += literal.count
        return nil
    }

    /// Consumes bytes up to (not including) `terminator`, at most `limit` of them; `nil` if it is not found
    /// within the limit (nothing consumed).
    func read(until terminator: UInt8, limit: Int) -> [UInt8]? {
        var index = 0
        while index <= limit, ensure(index + 1) {
            if buffer[start + index] == terminator {
                let bytes = Array(buffer[start..<(start + index)])
                start += index
                return bytes
            }
            index += 1
        }
        return nil
    }
}

/// The characters the canonical layout escapes in an attribute value (as libxml2 wrote the first
/// packages, so they verify unchanged).
enum PackageEscaping {
    static func attribute(_ value: String) -> String {
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The value an escaped attribute stands for, if it is exactly how `attribute(_:)` would write it.
    static func canonicalValue(_ raw: [UInt8]) -> String? {
        let text = String(decoding: raw, as: UTF8.self)
        guard Array(text.utf8) == raw else { return nil }  // not UTF-8
        let value = text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#10;", with: "\n")
            .replacingOccurrences(of: "&#13;", with: "\r").replacingOccurrences(of: "&#9;", with: "\t")
            .replacingOccurrences(of: "&amp;", with: "&")
        return attribute(value) == text ? value : nil
    }
}
