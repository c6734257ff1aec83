import Foundation

/// Bytes written once into memory of a size known in advance, then handed to `Data` without a copy.
///
/// A writer returns `Data`; making it of a `[UInt8]` copies every byte again (24 KB for a `.fodt`), and
/// appending to `Data` costs about 800 instructions an append. The pieces of an `.odt` and a `.fodt` are
/// known before they are put together, so their sum is the size. Writing past `capacity` is a programming
/// error and stops the program.
struct ByteWriter {
    private let base: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    /// The bytes written so far.
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = capacity
        // malloc, since `Data` frees it (`.free`); at least one byte, as malloc(0) may return no pointer.
        guard let memory = malloc(max(capacity, 1)) else { fatalError("out of memory") }
        base = memory.bindMemory(to: UInt8.self, capacity: max(capacity, 1))
    }

    /// `value`, low byte first, whatever the machine's order.
    mutating func le<T: FixedWidthInteger>(_ value: T) {
        let size = MemoryLayout<T>.size
        precondition(count + size <= capacity, "ByteWriter: more bytes than its capacity")
        UnsafeMutableRawPointer(base + count).storeBytes(of: value.littleEndian, as: T.self)
        count += size
    }

    mutating func bytes(_ buffer: UnsafeBufferPointer<UInt8>) {
        precondition(count + buffer.count <= capacity, "ByteWriter: more bytes than its capacity")
        guard let source = buffer.baseAddress, !buffer.isEmpty else { return }
        (base + count).update(from: source, count: buffer.count)
        count += buffer.count
    }

    mutating func bytes(_ array: [UInt8]) {
        array.withUnsafeBufferPointer { bytes($0) }
    }

    /// A string's UTF-8 (a native string's bytes in place).
    mutating func bytes(_ string: String) {
        var string = string
        string.withUTF8 { bytes($0) }
    }

    /// The bytes written, as `Data` that owns (and frees) the memory: call once, as the writer's last use.
    consuming func data() -> Data {
        precondition(count == capacity, "ByteWriter: fewer bytes than its capacity")
        return Data(bytesNoCopy: base, count: count, deallocator: .free)
    }
}
