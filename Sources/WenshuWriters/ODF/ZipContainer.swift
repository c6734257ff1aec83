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
        let payload: [UInt8]

        /// An entry stored as is (`mimetype` must be).
        static func stored(_ name: String, _ bytes: [UInt8]) -> Entry {
            Entry(name: name, method: 0, crc32: ZipContainer.crc32(bytes), uncompressedSize: bytes.count, payload: bytes)
        }

        /// An entry compressed with deflate, at the level `effort` calls for. The part's bytes as the writer
        /// built them: no `Data` made of them first (a copy of every byte of `content.xml`).
        static func deflated(_ name: String, _ bytes: UnsafeBufferPointer<UInt8>, effort: Effort) throws -> Entry {
            Entry(name: name, method: 8, crc32: ZipContainer.crc32(bytes), uncompressedSize: bytes.count,
                  payload: try DeflateStreams.for(effort).deflate(bytes))
        }

        static func deflated(_ name: String, _ bytes: [UInt8], effort: Effort) throws -> Entry {
            try bytes.withUnsafeBufferPointer { try deflated(name, $0, effort: effort) }
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
    static func crc32(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        UInt32(CSystemZlib.crc32(0, bytes.baseAddress, uInt(bytes.count)))
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { crc32($0) }
    }

    /// MS-DOS date 1980-01-01, time 00:00:00.
    static let dosDate: UInt16 = (0 << 9) | (1 << 5) | 1
    static let dosTime: UInt16 = 0

    /// The archive holding `entries` in this order, written once into memory of its exact size that the
    /// returned `Data` takes over (no copy into `Data` afterwards): appending to `Data` costs about 800
    /// instructions an append, and building a `[UInt8]` then making `Data` of it copied the whole archive.
    static func archive(_ entries: [Entry]) -> Data {
        let central = entries.reduce(0) { $0 + 46 + $1.name.utf8.count }
        let size = entries.reduce(central + 22) { $0 + 30 + $1.name.utf8.count + $1.payload.count }
        var out = ByteWriter(capacity: size)
        var offsets: [UInt32] = []
        offsets.reserveCapacity(entries.count)
        for entry in entries {
            offsets.append(UInt32(out.count))
            // Local file header.
            out.le(UInt32(0x0403_4B50))
            out.le(UInt16(20))                              // version needed: 2.0 (deflate)
            out.le(UInt16(0))                               // flags
            sharedFields(of: entry, into: &out)
            out.bytes(entry.name)
            out.bytes(entry.payload)
        }
        let centralOffset = UInt32(out.count)
        for (entry, offset) in zip(entries, offsets) {
            // Central directory record.
            out.le(UInt32(0x0201_4B50))
            out.le(UInt16(0x0314))                          // made by: Unix, 2.0
            out.le(UInt16(20))
            out.le(UInt16(0))
            sharedFields(of: entry, into: &out)
            out.le(UInt16(0))                               // comment length
            out.le(UInt16(0))                               // disk number
            out.le(UInt16(0))                               // internal attributes
            out.le(UInt32(0o100644) << 16)                  // external attributes: a regular file, rw-r--r--
            out.le(offset)
            out.bytes(entry.name)
        }
        // End of central directory record.
        out.le(UInt32(0x0605_4B50))
        out.le(UInt16(0))
        out.le(UInt16(0))
        out.le(UInt16(entries.count))
        out.le(UInt16(entries.count))
        out.le(UInt32(central))
        out.le(centralOffset)
        out.le(UInt16(0))                                   // comment length
        return out.data()
    }

    /// The fields a local header and its central directory record both hold, from the method to the extra
    /// field's length.
    private static func sharedFields(of entry: Entry, into out: inout ByteWriter) {
        out.le(entry.method)
        out.le(dosTime)
        out.le(dosDate)
        out.le(entry.crc32)
        out.le(UInt32(entry.payload.count))
        out.le(UInt32(entry.uncompressedSize))
        out.le(UInt16(entry.name.utf8.count))
        out.le(UInt16(0))                                   // extra field length
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

    /// `bytes` deflated raw (this pool's level, memLevel 8, default strategy), as zip's method 8 stores it.
    /// The output is written into an array's uninitialised room (`Data(count:)` zeroed the bound first).
    func deflate(_ bytes: UnsafeBufferPointer<UInt8>) throws -> [UInt8] {
        let stream = try take()
        defer { putBack(stream) }
        var status: Int32 = Z_OK
        let output = [UInt8](unsafeUninitializedCapacity: Int(deflateBound(stream, uLong(bytes.count)))) { out, count in
            stream.pointee.next_in = UnsafeMutablePointer(mutating: bytes.baseAddress)
            stream.pointee.avail_in = uInt(bytes.count)
            stream.pointee.next_out = out.baseAddress
            stream.pointee.avail_out = uInt(out.count)
            status = CSystemZlib.deflate(stream, Z_FINISH)
            count = status == Z_STREAM_END ? Int(stream.pointee.total_out) : 0
        }
        guard status == Z_STREAM_END else { throw WriterError.compressionFailed }
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
