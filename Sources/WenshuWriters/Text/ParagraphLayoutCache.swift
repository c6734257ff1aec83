import Foundation
import WenshuDocument

/// Paragraph layouts already made, by everything a layout depends on: the same printable text set at the
/// same width, with the same indent, alignment and ambiguous width, gives the same lines (the label and
/// checkbox marking is read from the text itself). Most of a batch's fixed text is the same in every document
/// (the clauses, the labels, the headings), so a writer lays it out once.
///
/// Used by one document at a time (``ParagraphLayoutCaches`` lends it out), so a hit takes no lock. A fixed
/// number of slots, each holding the last layout whose key's hash chose it: memory is bounded (`slotCount`
/// texts of at most `longestText` bytes), and a case's own text, which never comes again, only ever takes
/// the place of one entry. No `Dictionary`: its generic metadata made the program's first document ask the
/// runtime for conformances, each a scan of all 8,400 conformance records (0.6 M instructions at start-up).
final class ParagraphLayoutCache: @unchecked Sendable {
    /// What a layout depends on. Text is compared on its UTF-8 bytes (two texts that differ only in their
    /// normal form are two keys).
    struct Key {
        let text: String
        let columns: Int
        let alignment: Alignment
        let firstLineIndent: Bool
        let ambiguousWidth: Int

        func isSame(as other: Key) -> Bool {
            columns == other.columns && alignment == other.alignment && firstLineIndent == other.firstLineIndent
                && ambiguousWidth == other.ambiguousWidth && text.utf8.count == other.text.utf8.count
                && withBytes { left in other.withBytes { right in left.count == 0 || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0 } }
        }

        /// Hashed on the text's length and at most its first and last 32 bytes, which tell a batch's
        /// paragraphs apart (hashing a `String` hashes its normal form, and hashing all its bytes cost about
        /// 350 instructions a paragraph), eight bytes at a time with a multiply-and-shift mix: `Hasher`'s
        /// SipHash over the same bytes cost about 300 instructions a key, and a hash here only picks a slot
        /// (keys are compared whole), so it need not resist chosen collisions.
        var hashValue: Int {
            let setting = UInt64(truncatingIfNeeded: columns << 8 | alignment.ordinal << 4 | (firstLineIndent ? 1 : 0) << 3
                                 | ambiguousWidth)
            return withBytes { bytes in
                let hash = Self.mix(setting, UInt64(bytes.count))
                guard bytes.count > 64 else { return Int(truncatingIfNeeded: Self.mix(hash, bytes)) }
                let head = Self.mix(hash, UnsafeRawBufferPointer(rebasing: bytes.prefix(32)))
                return Int(truncatingIfNeeded: Self.mix(head, UnsafeRawBufferPointer(rebasing: bytes.suffix(32))))
            }
        }

        /// `hash` with `word` mixed in.
        private static func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 {
            let product = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
            return product ^ product >> 29
        }

        /// `hash` with `bytes` mixed in, eight at a time.
        private static func mix(_ hash: UInt64, _ bytes: UnsafeRawBufferPointer) -> UInt64 {
            var hash = hash
            var offset = 0
            while offset + 8 <= bytes.count {
                hash = mix(hash, bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                offset += 8
            }
            var tail: UInt64 = 0
            while offset < bytes.count {
                tail = tail << 8 | UInt64(bytes[offset])
                offset += 1
            }
            return mix(hash, tail)
        }

        /// The text's UTF-8 bytes in place (a native string's always are contiguous), or copied if not.
        private func withBytes<T>(_ body: (UnsafeRawBufferPointer) -> T) -> T {
            if let result = text.utf8.withContiguousStorageIfAvailable({ body(UnsafeRawBufferPointer($0)) }) { return result }
            return Array(text.utf8).withUnsafeBytes(body)
        }
    }

    /// A layout, the key it was made for and the key's hash (compared first: a miss copies nothing).
    private struct Entry {
        let hash: Int
        let key: Key
        let lines: [MeasuredLine]
    }

    /// The slots: a power of two, several times the paragraphs of the longest form.
    static let slotCount = 1 << slotBits
    /// log2 of `slotCount`.
    private static let slotBits = 9
    /// A longer text (a case's account of the facts) is laid out every time: it does not come again.
    static let longestText = 1024

    /// The slots, `slotCount` of them, allocated with the cache: as a stored array every read and write of
    /// one was checked for exclusive access (`swift_beginAccess`, about 3 K instructions a document).
    private let slots: UnsafeMutablePointer<Entry?> = {
        let slots = UnsafeMutablePointer<Entry?>.allocate(capacity: slotCount)
        slots.initialize(repeating: nil, count: slotCount)
        return slots
    }()

    deinit {
        slots.deinitialize(count: Self.slotCount)
        slots.deallocate()
    }

    /// Room for the clusters of the paragraphs laid out with this cache, one at a time.
    let clusters = LineBreaker.ClusterStorage()

    /// The number of layouts kept.
    var count: Int { UnsafeBufferPointer(start: slots, count: Self.slotCount).reduce(0) { $0 + ($1 == nil ? 0 : 1) } }

    /// The lines for `key`: kept ones, or those `layOut` makes, then kept in the key's slot.
    func lines(_ key: Key, layOut: () -> [MeasuredLine]) -> [MeasuredLine] {
        guard key.text.utf8.count <= Self.longestText else { return layOut() }
        let hash = key.hashValue
        // The top bits: the multiply in the hash mixes every byte into them.
        let slot = Int(truncatingIfNeeded: UInt64(truncatingIfNeeded: hash) >> (64 - Self.slotBits))
        // The slot's fields are read in place: binding its entry (`if let entry = slots[slot]`) copied it, a
        // retain and a release of its text and lines even on a miss.
        if slots[slot]?.hash == hash, slots[slot]!.key.isSame(as: key) { return slots[slot]!.lines }
        let lines = layOut()
        slots[slot] = Entry(hash: hash, key: key, lines: lines)
        return lines
    }
}

/// One writer's paragraph layout caches: a document borrows one for its layout and gives it back, so
/// documents written at the same time on several threads each have their own, and the lock is taken twice a
/// document, never for a paragraph. There are at most as many caches as documents ever written at once.
final class ParagraphLayoutCaches: @unchecked Sendable {
    private var idle: [ParagraphLayoutCache] = []
    private let lock = NSLock()

    /// Runs `body` with a cache no other document uses meanwhile.
    func withCache<T>(_ body: (ParagraphLayoutCache) throws -> T) rethrows -> T {
        let cache = lock.withLock { idle.popLast() } ?? ParagraphLayoutCache()
        defer { lock.withLock { idle.append(cache) } }
        return try body(cache)
    }
}
