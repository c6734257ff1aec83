/// How many columns a character takes on a fixed-width printer or terminal.
///
/// From the Unicode data (`DisplayWidthTable.swift`, generated from East Asian Width and General Category):
/// wide and fullwidth characters take 2 columns, combining marks and format characters 0, East Asian
/// *ambiguous* characters (“ ” … — · × ① □ and the box-drawing lines) `ambiguous` columns — 2 in Chinese
/// printing, where GB2312/GB18030 printers and CJK terminals draw them full-width — and everything else 1.
package struct DisplayWidth: Sendable, Equatable {
    /// Columns of an East Asian ambiguous-width character: 2 (Chinese printing) or 1 (Western terminals).
    package let ambiguous: Int

    package init(ambiguous: Int = 2) {
        self.ambiguous = ambiguous
    }

    /// The columns of one code point.
    package func of(_ scalar: Unicode.Scalar) -> Int {
        of(scalar.value, basicPlane: Self.basicPlane)
    }

    /// The columns of the code point `value`, with `basicPlane` read by the caller once for many (a loop over
    /// a text's code points would otherwise pay `swift_once` for each), as the array or through its buffer.
    func of(_ value: UInt32, basicPlane: some RandomAccessCollection<UInt8>) -> Int {
        if value >= 0x20 && value < 0x7F { return 1 }
        let kind = value < 0x10000 ? basicPlane[basicPlane.index(basicPlane.startIndex, offsetBy: Int(value))] : Self.kind(of: value)
        return kind == Self.ambiguousKind ? ambiguous : Int(kind)
    }

    /// The columns of a character (a grapheme cluster): the sum over its code points.
    package func of(_ character: Character) -> Int {
        let basicPlane = Self.basicPlane
        var columns = 0
        for scalar in character.unicodeScalars { columns += of(scalar.value, basicPlane: basicPlane) }
        return columns
    }

    /// The columns of a string.
    package func of(_ string: some StringProtocol) -> Int {
        let basicPlane = Self.basicPlane
        var columns = 0
        for scalar in string.unicodeScalars { columns += of(scalar.value, basicPlane: basicPlane) }
        return columns
    }

    /// A code point's class: its width in columns (0, 1, 2), or `ambiguousKind`.
    private static let ambiguousKind: UInt8 = 3

    static func kind(of value: UInt32) -> UInt8 {
        if contains(value, zeroWidthRanges) { return 0 }
        if contains(value, wideRanges) { return 2 }
        if contains(value, ambiguousRanges) { return ambiguousKind }
        return 1
    }

    /// The class of every code point of the Basic Multilingual Plane, where nearly all text lives, so that
    /// measuring a character is one array index instead of three searches.
    static let basicPlane: [UInt8] = {
        var kinds = [UInt8](repeating: 1, count: 0x10000)
        // In the reverse of `kind(of:)`'s order, so that its first match is the one that stays; each range
        // filled at once (a store per code point through the array cost 0.5 M instructions at every start).
        kinds.withUnsafeMutableBufferPointer { cells in
            for (ranges, kind) in [(ambiguousRanges, ambiguousKind), (wideRanges, 2), (zeroWidthRanges, 0)] {
                for (first, last) in ranges where first < 0x10000 {
                    UnsafeMutableBufferPointer(rebasing: cells[Int(first)...Int(min(last, 0xFFFF))]).update(repeating: kind)
                }
            }
        }
        return kinds
    }()

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
