/// How many columns a character takes on a fixed-width printer or terminal.
///
/// From the Unicode data (`DisplayWidthTable.swift`, generated from East Asian Width and General Category):
/// wide and fullwidth characters take 2 columns, combining marks and format characters 0, East Asian
/// *ambiguous* characters (“ ” … — · × ① □ and the box-drawing lines) `ambiguous` columns — 2 in Chinese
/// printing, where GB2312/GB18030 printers and CJK terminals draw them full-width — and everything else 1.
public struct DisplayWidth: Sendable, Equatable {
    /// Columns of an East Asian ambiguous-width character: 2 (Chinese printing) or 1 (Western terminals).
    public let ambiguous: Int

    public init(ambiguous: Int = 2) {
        self.ambiguous = ambiguous
    }

    /// The columns of one code point.
    public func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value >= 0x20 && value < 0x7F { return 1 }
        if Self.contains(value, Self.zeroWidthRanges) { return 0 }
        if Self.contains(value, Self.wideRanges) { return 2 }
        if Self.contains(value, Self.ambiguousRanges) { return ambiguous }
        return 1
    }

    /// The columns of a character (a grapheme cluster): the sum over its code points.
    public func of(_ character: Character) -> Int {
        character.unicodeScalars.reduce(0) { $0 + of($1) }
    }

    /// The columns of a string.
    public func of(_ string: some StringProtocol) -> Int {
        string.unicodeScalars.reduce(0) { $0 + of($1) }
    }

    /// Binary search in sorted, disjoint ranges.
    private static func contains(_ value: UInt32, _ ranges: [(UInt32, UInt32)]) -> Bool {
        var low = 0
        var high = ranges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            if value < ranges[middle].0 {
                high = middle - 1
            } else if value > ranges[middle].1 {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }
}
