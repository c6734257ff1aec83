/// Questions about eight bytes at once, a `UInt64` loaded from a byte string: the scans over every byte of
/// every value of a case (`SchemaPattern`'s "not only whitespace") look at a word, and at its bytes one by one
/// only when it may hold what they look for.
enum ByteWords {
    /// `byte` in each of the eight bytes.
    @inline(__always)
    static func repeating(_ byte: UInt8) -> UInt64 { 0x0101_0101_0101_0101 &* UInt64(byte) }

    /// Whether some byte of `word` is below `limit` (at most 0x80). Exact: with no byte below the limit
    /// nothing borrows, and the lowest byte below it turns its top bit on, which `~word` keeps.
    @inline(__always)
    static func hasByte(below limit: UInt8, _ word: UInt64) -> Bool {
        (word &- repeating(limit)) & ~word & repeating(0x80) != 0
    }

    /// Whether some byte of `word` is `byte`.
    @inline(__always)
    static func hasByte(_ byte: UInt8, _ word: UInt64) -> Bool {
        hasByte(below: 1, word ^ repeating(byte))
    }
}
