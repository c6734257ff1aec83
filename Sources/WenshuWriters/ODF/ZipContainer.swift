import Foundation
import ZIPFoundation

/// A zip file written in one go from entries that may be compressed ahead of time.
///
/// ZIPFoundation's `Archive` cannot take an entry that is already deflated, and deflating the fixed style
/// part is most of an `.odt`'s cost (facts.md), so the ODF writer deflates its fixed parts once with
/// ZIPFoundation's own deflate and lays out the container here. The layout is the plain one every reader
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
            Entry(name: name, method: 0, crc32: data.crc32(checksum: 0), uncompressedSize: data.count, payload: data)
        }

        /// An entry compressed with deflate.
        static func deflated(_ name: String, _ data: Data) throws -> Entry {
            var compressed = Data()
            // A buffer about the size of the part: ZIPFoundation allocates (and clears) one per call.
            let crc = try Data.compress(size: Int64(data.count), bufferSize: min(max(data.count, 4096), 64 * 1024), provider: { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }, consumer: { compressed.append($0) })
            return Entry(name: name, method: 8, crc32: crc, uncompressedSize: data.count, payload: compressed)
        }
    }

    /// MS-DOS date 1980-01-01, time 00:00:00.
    static let dosDate: UInt16 = (0 << 9) | (1 << 5) | 1
    static let dosTime: UInt16 = 0

    /// The archive holding `entries` in this order.
    static func archive(_ entries: [Entry]) -> Data {
        var data = Data(capacity: entries.reduce(512) { $0 + $1.payload.count + 2 * $1.name.utf8.count + 80 })
        var central = Data()
        for entry in entries {
            let offset = UInt32(data.count)
            let name = Data(entry.name.utf8)
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
            data.append(name)
            data.append(entry.payload)
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
            central.append(name)
        }
        let centralOffset = UInt32(data.count)
        data.append(central)
        // End of central directory record.
        data.appendLE(UInt32(0x0605_4B50))
        data.appendLE(UInt16(0))
        data.appendLE(UInt16(0))
        data.appendLE(UInt16(entries.count))
        data.appendLE(UInt16(entries.count))
        data.appendLE(UInt32(central.count))
        data.appendLE(centralOffset)
        data.appendLE(UInt16(0))                            // comment length
        return data
    }
}

private extension Data {
    mutating func appendLE<T: FixedWidthInteger>(_ value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}
