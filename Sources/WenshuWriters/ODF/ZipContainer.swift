import CSystemZlib
import Foundation

/// A zip file written in one go from entries that may be compressed ahead of time.
///
/// ZIPFoundation's `Archive` cannot take an entry that is already deflated, and deflating the fixed style
/// part is most of an `.odt`'s cost (docs/development.md), so the ODF writer deflates its fixed parts once and lays out
/// the container here. Parts are deflated with zlib directly (raw deflate, zlib's default memLevel 8:
/// ZIPFoundation's memLevel 9 doubles the hash table every reset clears, for no gain on parts of a few KB) at
/// one of two levels (`Effort`); ZIPFoundation's per-call stream (about 400 KB allocated, cleared and freed for every part) is
/// replaced by streams kept for reuse. The layout is the plain one every reader
/// knows (local headers, central directory, end record; no extra fields, no data descriptors) with a fixed
/// timestamp (1980-01-01 00:00, the earliest a zip can hold), so the bytes depend only on the entries.
struct ZipContainer {
    /// One file of the archive, ready to be written.
    struct Entry: Sendable {
        let name: String
        let method: UInt16
        let crc32: UInt32
        let uncompressedSize: Int
        let payload: Data

        /// An entry stored as is (`mimetype` must be).
        static func stored(_ name: String, _ data: Data) -> Entry {
            Entry(name: name, method: 0, crc32: ZipContainer.crc32(data), uncompressedSize: data.count, payload: data)
        }

        /// An entry compressed with deflate, at the level `effort` calls for.
        static func deflated(_ name: String, _ data: Data, effort: Effort) throws -> Entry {
            Entry(name: name, method: 8, crc32: ZipContainer.crc32(data), uncompressedSize: data.count,
                  payload: try DeflateStreams.for(effort).deflate(data))
        }
    }

    /// How hard to compress a part.
    enum Effort {
        /// A part written for every document (`content.xml`, `meta.xml`): zlib level 3, the last of its fast
        /// levels. On an agreement's `content.xml` (9.8 KB) it takes 29 µs against level 6's 49 µs and
        /// writes 2,336 bytes against 2,210 — deflate was a fifth of an `.odt`'s time (docs/development.md).
        case everyDocument
        /// A part compressed once per process and reused (`styles.xml`, the manifest): zlib's default level 6.
        case oncePerProcess

        var level: Int32 {
            switch self {
            case .everyDocument: 3
            case .oncePerProcess: 6
            }
        }
    }

    /// The CRC-32 a zip entry carries (zlib's).
    static func crc32(_ data: Data) -> UInt32 {
        data.withUnsafeBytes { raw in
            guard let base = raw.bindMemory(to: UInt8.self).baseAddress else { return 0 }
            return UInt32(CSystemZlib.crc32(0, base, uInt(raw.count)))
        }
    }

    /// MS-DOS date 1980-01-01, time 00:00:00.
    static let dosDate: UInt16 = (0 << 9) | (1 << 5) | 1
    static let dosTime: UInt16 = 0

    /// The archive holding `entries` in this order. Built as bytes and made `Data` once: appending a few
    /// bytes at a time to `Data` costs about 800 instructions an append (its generic `append(contentsOf:)`),
    /// which was 0.15 M instructions a document for the 37 header fields of an `.odt`'s five entries.
    static func archive(_ entries: [Entry]) -> Data {
        var data: [UInt8] = []
        data.reserveCapacity(entries.reduce(512) { $0 + $1.payload.count + 2 * $1.name.utf8.count + 80 })
        var central: [UInt8] = []
        central.reserveCapacity(entries.reduce(0) { $0 + $1.name.utf8.count + 46 })
        for entry in entries {
            let offset = UInt32(data.count)
            let name = Array(entry.name.utf8)
            // Local file header.
            data.appendLE(UInt32(0x0403_4B50))
            data.appendLE(UInt16(20))                       // version needed: 2.0 (deflate)
            data.appendLE(UInt16(0))                        // flags
            data.appendLE(entry.method)
            data.appendLE(dosTime)
            data.appendLE(dosDate)
            data.appendLE(entry.crc32)
            data.appendLE(UInt32(entry.payload.count))
            data.appendLE(UInt32(entry.uncompressedSize))
            data.appendLE(UInt16(name.count))
            data.appendLE(UInt16(0))                        // extra field length
            data += name
            entry.payload.withUnsafeBytes { data.append(contentsOf: $0) }
            // Central directory record.
            central.appendLE(UInt32(0x0201_4B50))
            central.appendLE(UInt16(0x0314))                // made by: Unix, 2.0
            central.appendLE(UInt16(20))
            central.appendLE(UInt16(0))
            central.appendLE(entry.method)
            central.appendLE(dosTime)
            central.appendLE(dosDate)
            central.appendLE(entry.crc32)
            central.appendLE(UInt32(entry.payload.count))
            central.appendLE(UInt32(entry.uncompressedSize))
            central.appendLE(UInt16(name.count))
            central.appendLE(UInt16(0))                     // extra field length
            central.appendLE(UInt16(0))                     // comment length
            central.appendLE(UInt16(0))                     // disk number
            central.appendLE(UInt16(0))                     // internal attributes
            central.appendLE(UInt32(0o100644) << 16)        // external attributes: a regular file, rw-r--r--
            central.appendLE(offset)
            central += name
        }
        let centralOffset = UInt32(data.count)
        data += central
        // End of central directory record.
        data.appendLE(UInt32(0x0605_4B50))
        data.appendLE(UInt16(0))
        data.appendLE(UInt16(0))
        data.appendLE(UInt16(entries.count))
        data.appendLE(UInt16(entries.count))
        data.appendLE(UInt32(central.count))
        data.appendLE(centralOffset)
        data.appendLE(UInt16(0))                            // comment length
        return Data(data)
    }
}

private extension Array where Element == UInt8 {
    mutating func appendLE<T: FixedWidthInteger>(_ value: T) {
        var value = value    // low byte first, whatever the machine's order
        for _ in 0..<MemoryLayout<T>.size {
            append(UInt8(truncatingIfNeeded: value))
            value >>= 8
        }
    }
}

/// Raw-deflate streams kept for reuse: a stream is taken for one part, reset and put back, so its buffers
/// are allocated once per thread rather than once per part.
final class DeflateStreams: @unchecked Sendable {
    private static let everyDocument = DeflateStreams(level: ZipContainer.Effort.everyDocument.level)
    private static let oncePerProcess = DeflateStreams(level: ZipContainer.Effort.oncePerProcess.level)

    /// The streams of one level.
    static func `for`(_ effort: ZipContainer.Effort) -> DeflateStreams {
        switch effort {
        case .everyDocument: everyDocument
        case .oncePerProcess: oncePerProcess
        }
    }

    private let level: Int32
    private var idle: [UnsafeMutablePointer<z_stream>] = []
    private let lock = NSLock()

    private init(level: Int32) {
        self.level = level
    }

    /// `data` deflated raw (this pool's level, memLevel 8, default strategy), as zip's method 8 stores it.
    func deflate(_ data: Data) throws -> Data {
        let stream = try take()
        defer { putBack(stream) }
        var output = Data(count: Int(deflateBound(stream, uLong(data.count))))
        let status = data.withUnsafeBytes { input -> Int32 in
            output.withUnsafeMutableBytes { out -> Int32 in
                stream.pointee.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
                stream.pointee.avail_in = uInt(input.count)
                stream.pointee.next_out = out.bindMemory(to: Bytef.self).baseAddress
                stream.pointee.avail_out = uInt(out.count)
                return CSystemZlib.deflate(stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw WriterError.compressionFailed }
        output.count = Int(stream.pointee.total_out)
        return output
    }

    private func take() throws -> UnsafeMutablePointer<z_stream> {
        if let stream = lock.withLock({ idle.popLast() }) { return stream }
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = deflateInit2_(stream, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY,
                                   ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            stream.deallocate()
            throw WriterError.compressionFailed
        }
        return stream
    }

    private func putBack(_ stream: UnsafeMutablePointer<z_stream>) {
        deflateReset(stream)
        lock.withLock { idle.append(stream) }
    }
}
