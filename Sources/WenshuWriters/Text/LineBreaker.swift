import WenshuDocument

/// Breaks text into lines of a fixed display width with the Chinese line-breaking rules (禁则):
/// no line starts with closing punctuation, none ends with opening punctuation, Latin words and numbers
/// (`34,020.00`, `13805712345`, `￥1,409.02`) stay whole, a checkbox stays with its short label
/// (`□山林土地`), and Chinese may break between any two characters otherwise. A character that would break a rule moves to the next line with its neighbour (推出), since
/// fixed-width output cannot squeeze punctuation into the margin.
///
/// The rules speak of characters (grapheme clusters: a letter with its combining accents, an emoji
/// sequence), never of the code points inside one. The breaker reads the text's code points once, and
/// asks Swift's grapheme breaking where a cluster ends only around code points that may join their
/// neighbours (`CodePointTraits.standsAlone`); lines are slices of the text, built once each.
package struct LineBreaker: Sendable {
    package let width: DisplayWidth
    /// `basicPlaneTraits` and `DisplayWidth.basicPlane`, read once per breaker rather than once per paragraph
    /// (every read of a static goes through `swift_once`).
    private let traitTable: [CodePointTraits]
    private let widthTable: [UInt8]

    package init(width: DisplayWidth) {
        self.width = width
        traitTable = Self.basicPlaneTraits
        widthTable = DisplayWidth.basicPlane
    }

    /// Characters that must not begin a line: closing brackets and quotes, sentence and clause punctuation,
    /// ellipsis and dashes, iteration marks, postfix signs.
    package static let noLineStart: Set<Character> = Set(
        "，。、；：？！）」』》〉】〕〗〙〛｝］’”…‥—―–～·・％‰℃°′″々〻ゝゞヽヾーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"
            + "．｡､！？：；,.;:?!)]}%"
    )

    /// Characters that must not end a line: opening brackets and quotes, prefix currency signs, and the
    /// checkbox glyphs that belong to the label after them.
    package static let noLineEnd: Set<Character> = Set("（「『《〈【〔〖〘〚｛［‘“([{￥¥＄$£￡□☑☐■")

    /// May a line break fall between these two neighbouring clusters?
    static func canBreak(_ before: Cluster, _ after: Cluster) -> Bool {
        if after.traits.contains(.space) { return false }    // spaces hang at the end of the line they follow
        if before.traits.contains(.space) { return !after.traits.contains(.noLineStart) }
        if after.traits.contains(.noLineStart) || before.traits.contains(.noLineEnd) { return false }
        if after.traits.contains(.checkboxLabel) { return false }
        if before.traits.contains(.zeroWidthSpace) { return true }    // a break opportunity by definition
        // A run of narrow characters is a Latin word or a number.
        return !(before.width <= 1 && after.width <= 1)
    }

    /// Lays out one paragraph's text (`\n` forces a break) into lines no wider than `columns`; the first
    /// line is `firstLineIndent` columns narrower. Lines carry no leading indent and no trailing spaces.
    package func lines(_ text: String, columns: Int, firstLineIndent: Int = 0) -> [MeasuredLine] {
        lines(text, columns: columns, firstLineIndent: firstLineIndent, storage: ClusterStorage())
    }

    /// `lines(_:columns:firstLineIndent:)` with the clusters measured into `storage`, kept between paragraphs.
    func lines(_ text: String, columns: Int, firstLineIndent: Int, storage: ClusterStorage) -> [MeasuredLine] {
        if let width = oneLineWidth(text, room: max(columns - firstLineIndent, 1)) {
            return [MeasuredLine(text: text, width: width)]
        }
        let clusters = UnsafeBufferPointer(self.clusters(text, into: storage))
        var result: [MeasuredLine] = []
        // The lines of Chinese text (3 bytes, 2 columns a character) without growing the array line by line.
        result.reserveCapacity(text.utf8.count * 2 / (3 * max(columns, 1)) + 1)
        var start = 0
        var indent = firstLineIndent
        while true {
            // The hard line's end and width in one walk: a hard line that fits (a name, a table cell, a heading)
            // is one line, as `fill` would make it unit by unit (about 40 instructions a cluster).
            var end = start
            var width = 0
            while end < clusters.endIndex && !clusters[end].traits.contains(.lineFeed) {
                width += clusters[end].width
                end += 1
            }
            if width <= max(columns - indent, 1) {
                result.append(Self.line(Run(start..<end, width: width), of: clusters, in: text))
            } else {
                fill(start..<end, of: clusters, in: text, firstColumns: columns - indent, columns: columns,
                     into: &result)
            }
            guard end < clusters.endIndex else { return result }
            start = end + 1
            indent = 0
        }
    }

    /// The width of `text` when it is a line of its own as it stands, `nil` otherwise: no wider than `room`, no
    /// line feed, and no space or ideographic space at its end for `line(_:of:in:)` to trim. A cluster's width is
    /// the sum of its code points', so a text that fits needs no clusters: most fresh layouts are one line (the
    /// signatories' names, table cells), and measuring their clusters cost about 50 instructions each.
    ///
    /// A text of more than twice its room's bytes (Chinese takes 1.5 bytes a column) is taken for a paragraph
    /// of several lines and declined at once, rather than walked for a line's worth of code points.
    func oneLineWidth(_ text: String, room: Int) -> Int? {
        guard text.utf8.count <= 2 * room else { return nil }
        var contiguous = text
        return contiguous.withUTF8 { utf8 -> Int? in
            // A space (20) or an ideographic space (E3 80 80) last.
            if let last = utf8.last, last == 0x20
                || (last == 0x80 && utf8.count >= 3 && utf8[utf8.count - 2] == 0x80 && utf8[utf8.count - 3] == 0xE3) {
                return nil
            }
            // The width table through its buffer: the array checked every index against its bounds.
            return widthTable.withUnsafeBufferPointer { widthTable -> Int? in
                var total = 0
                var i = 0
                while let (value, length) = Self.scalar(in: utf8, at: i) {
                    if value == 0x0A { return nil }
                    total += width.of(value, basicPlane: widthTable)
                    if total > room { return nil }
                    i += length
                }
                return total
            }
        }
    }

    /// The code point starting at byte `i` of valid UTF-8 and its length in bytes; `nil` at the end.
    @inline(__always)
    static func scalar(in utf8: UnsafeBufferPointer<UInt8>, at i: Int) -> (value: UInt32, length: Int)? {
        guard i < utf8.count else { return nil }
        let lead = UInt32(utf8[i])
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F), 2) }
        if lead < 0xF0 {
            return ((lead & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F), 3)
        }
        return ((lead & 0x07) << 18 | UInt32(utf8[i + 1] & 0x3F) << 12 | UInt32(utf8[i + 2] & 0x3F) << 6
                | UInt32(utf8[i + 3] & 0x3F), 4)
    }

    /// Room for the clusters of a paragraph, kept from one paragraph to the next: a buffer sized for the
    /// worst case (a cluster per byte) allocated for each paragraph cost about 1,800 instructions.
    final class ClusterStorage {
        private var base: UnsafeMutablePointer<Cluster>?
        private var capacity = 0
        /// `clusters`' lists of colons and boxes, kept for their room.
        fileprivate var colons: [Int] = [], boxes: [Int] = []

        init() {}

        /// Room for at least `count` clusters; what was there before is not kept.
        func room(for count: Int) -> UnsafeMutablePointer<Cluster> {
            if let base, count <= capacity { return base }
            base?.deallocate()
            capacity = max(count, 2 * capacity, 256)
            let room = UnsafeMutablePointer<Cluster>.allocate(capacity: capacity)
            base = room
            return room
        }

        deinit { base?.deallocate() }
    }

    /// A grapheme cluster (a `Character`) of the text being set: where its UTF-8 bytes are, its width, and
    /// what the rules say about it.
    struct Cluster {
        var start: Int
        var end: Int
        var width: Int
        var traits: CodePointTraits
    }

    /// What the rules need to know about a cluster; a cluster of one code point has its code point's traits.
    struct CodePointTraits: OptionSet {
        let rawValue: UInt8
        static let space = Self(rawValue: 1 << 0)
        /// A space or an ideographic space: removed from the end of a line.
        static let trailingBlank = Self(rawValue: 1 << 1)
        static let zeroWidthSpace = Self(rawValue: 1 << 2)
        static let lineFeed = Self(rawValue: 1 << 3)
        static let noLineStart = Self(rawValue: 1 << 4)
        static let noLineEnd = Self(rawValue: 1 << 5)
        /// A code point that is a cluster of its own whenever its neighbour is one of these too: none of
        /// the grapheme break classes that join neighbours (Extend, ZWJ, SpacingMark, Prepend, the
        /// conjoining Hangul jamo, the regional indicators, CR) has a member in `standaloneRanges`. Only
        /// ever set for single code points.
        static let standsAlone = Self(rawValue: 1 << 6)
        /// Kept with the character before it: a checkbox's label (`□山林土地`), so an option never splits
        /// over two lines (set by `clusters` on the few characters after a box, up to a space); and a
        /// label with its colon and what follows (`单位或住址：____`, `法定代表人：韩`), so a label never ends
        /// a line with its value on the next.
        static let checkboxLabel = Self(rawValue: 1 << 7)
    }

    /// The glyphs a checkbox prints as: □ ☑ ☐ ■.
    static let checkboxGlyphs: Set<UInt32> = [0x25A1, 0x2611, 0x2610, 0x25A0]
    /// The longest label kept whole: a longer one may break like any text.
    static let checkboxLabelLimit = 8

    /// Code points whose grapheme break class is Other or Control (LF included, CR not): the scripts and
    /// symbols of Chinese forms, in the spirit of the Swift standard library's own fast path. A test
    /// checks every one of them against Swift's grapheme breaking.
    static let standaloneRanges: [ClosedRange<UInt32>] = [
        0x0000...0x000C, 0x000E...0x02FF,   // controls but CR, Latin
        0x0370...0x0482,                    // Greek, Cyrillic up to its combining marks
        0x2010...0x205E,                    // general punctuation: dashes, quotes, ‰ ′ ″
        0x2070...0x20CF,                    // superscripts, currency signs
        0x2100...0x27BF,                    // letterlike, number forms, arrows, maths, ① boxes □ ☑ dingbats
        0x2E80...0x2FFF,                    // CJK radicals, ideographic description
        0x3000...0x3029, 0x3030...0x3096,   // CJK punctuation (not the tone marks), hiragana
        0x309B...0x33FF,                    // katakana, bopomofo, compatibility jamo, enclosed CJK
        0x3400...0xA4CF,                    // CJK ideographs, Yi
        0xF900...0xFAFF,                    // CJK compatibility ideographs
        0xFE10...0xFE19, 0xFE30...0xFE6F,   // vertical, compatibility and small forms
        0xFF01...0xFF9D, 0xFFA0...0xFFEF,   // fullwidth and halfwidth forms (not the sound marks)
        0x20000...0x3FFFD,                  // CJK extensions B to H
    ]

    /// Code points Unicode declares canonically equivalent to another one (U+037E GREEK QUESTION MARK is
    /// `;`): Swift compares `Character`s by canonical equivalence, so these obey the rule of their
    /// equivalent. The ones whose equivalent is a rule character; a test checks there are no others.
    static let canonicalSingletons: [UInt32] = [0x037E, 0x0387, 0x2329, 0x232A]

    /// The traits of every code point of the Basic Multilingual Plane: one array index per code point.
    private static let basicPlaneTraits: [CodePointTraits] = {
        var table = [CodePointTraits](repeating: [], count: 0x10000)
        // Each range filled at once (the table holds nothing else yet): an `insert` per code point through
        // the array cost 1.7 M instructions at every start.
        table.withUnsafeMutableBufferPointer { cells in
            for range in standaloneRanges where range.lowerBound < 0x10000 {
                UnsafeMutableBufferPointer(rebasing: cells[Int(range.lowerBound)...Int(min(range.upperBound, 0xFFFF))])
                    .update(repeating: .standsAlone)
            }
        }
        let members = noLineStart.union(noLineEnd).flatMap(\.unicodeScalars).map(\.value)
        for value in members + canonicalSingletons {
            let character = Character(Unicode.Scalar(value)!)
            if noLineStart.contains(character) { table[Int(value)].insert(.noLineStart) }
            if noLineEnd.contains(character) { table[Int(value)].insert(.noLineEnd) }
        }
        table[0x20].formUnion([.space, .trailingBlank])
        table[0x3000].insert(.trailingBlank)
        table[0x200B].insert(.zeroWidthSpace)
        table[0x0A].insert(.lineFeed)
        return table
    }()

    static func traits(of scalar: Unicode.Scalar) -> CodePointTraits {
        let value = scalar.value
        if value < 0x10000 { return basicPlaneTraits[Int(value)] }
        return standaloneRanges.contains { $0.contains(value) } ? .standsAlone : []
    }

    /// The traits of a cluster of several code points: only the rule sets can hold one (by canonical
    /// equivalence: ゝ followed by a combining sound mark is ゞ).
    static func traits(of character: Character) -> CodePointTraits {
        var traits: CodePointTraits = []
        if noLineStart.contains(character) { traits.insert(.noLineStart) }
        if noLineEnd.contains(character) { traits.insert(.noLineEnd) }
        return traits
    }

    /// The grapheme clusters of `text`, in order, each measured once.
    func clusters(_ text: String) -> [Cluster] {
        // The buffer lives in `storage`: it must outlive the copy (a temporary storage was freed as soon as
        // `clusters(_:into:)` returned, and the copy read freed memory — a test failed one run in several).
        let storage = ClusterStorage()
        return withExtendedLifetime(storage) { Array(clusters(text, into: storage)) }
    }

    /// The grapheme clusters of `text`, in order, each measured once, in `storage`'s room (valid until its next use).
    ///
    /// Read on the UTF-8 bytes, decoding each code point by hand (Swift's strings hold valid UTF-8), into room
    /// for the worst case (a cluster per byte): with the scalar iterator and `append` a cluster cost about 118
    /// instructions, now about 83 (an agreement has some 900 clusters).
    func clusters(_ text: String, into storage: ClusterStorage) -> UnsafeMutableBufferPointer<Cluster> {
        let traitTable = traitTable, widthTable = widthTable
        func traits(of value: UInt32) -> CodePointTraits {
            value < 0x10000 ? traitTable[Int(value)] : Self.traits(of: Unicode.Scalar(value)!)
        }
        /// The clusters that are a full-width colon alone, for `markLabels`, and a checkbox glyph alone, for
        /// `markCheckboxLabels`.
        var colons: [Int] = [], boxes: [Int] = []
        swap(&colons, &storage.colons)
        swap(&boxes, &storage.boxes)
        colons.removeAll(keepingCapacity: true)
        boxes.removeAll(keepingCapacity: true)
        defer {
            swap(&colons, &storage.colons)
            swap(&boxes, &storage.boxes)
        }
        var contiguous = text
        let result = contiguous.withUTF8 { utf8 in
            let base = storage.room(for: utf8.count)
            var count = 0
            @inline(__always) func scalar(at i: Int) -> (value: UInt32, length: Int)? { Self.scalar(in: utf8, at: i) }
            var offset = 0
            var next = scalar(at: 0)
            var nextTraits = next.map { traits(of: $0.value) } ?? []
            while case let (value, length)? = next {
                let start = offset
                var clusterTraits = nextTraits
                var columns = width.of(value, basicPlane: widthTable)
                offset += length
                next = scalar(at: offset)
                nextTraits = next.map { traits(of: $0.value) } ?? []
                if !clusterTraits.contains(.standsAlone) || (next != nil && !nextTraits.contains(.standsAlone)) {
                    // The code points may join: Swift's grapheme breaking says where this cluster ends.
                    let view = text.utf8
                    let rest = text[view.index(view.startIndex, offsetBy: start)...]
                    let endIndex = rest.index(after: rest.startIndex)
                    let end = view.distance(from: view.startIndex, to: endIndex)
                    if offset < end {
                        while offset < end, let following = next {
                            columns += width.of(following.value, basicPlane: widthTable)
                            offset += following.length
                            next = scalar(at: offset)
                        }
                        nextTraits = next.map { traits(of: $0.value) } ?? []
                        clusterTraits = Self.traits(of: Character(String(rest[..<endIndex])))
                    }
                }
                if value == 0xFF1A && offset - start == 3 { colons.append(count) }
                if value >= 0x25A0 && value <= 0x2611 && offset - start == 3 && Self.checkboxGlyphs.contains(value) {
                    boxes.append(count)
                }
                (base + count).initialize(to: Cluster(start: start, end: offset, width: columns,
                                                      traits: clusterTraits.subtracting(.standsAlone)))
                count += 1
            }
            return UnsafeMutableBufferPointer(start: base, count: count)
        }
        markCheckboxLabels(result, boxes: boxes)
        markLabels(result, colons: colons)
        return result
    }

    /// Keeps a short label (from the last space, punctuation mark or the line's start, up to eight
    /// characters) with its full-width colon and what follows it: a blank (`单位或住址：____`) or the value's
    /// first character (`法定代表人：韩`), so a label neither ends a line nor splits over two. `colons` are
    /// the clusters that are a colon alone, in order.
    private func markLabels(_ clusters: UnsafeMutableBufferPointer<Cluster>, colons: [Int]) {
        for colon in colons where colon + 1 < clusters.count
            && clusters[colon + 1].traits.isDisjoint(with: [.trailingBlank, .lineFeed]) {
            let ends: CodePointTraits = [.trailingBlank, .lineFeed, .noLineStart, .noLineEnd]
            var start = colon
            while start > 0, colon - start < Self.checkboxLabelLimit, clusters[start - 1].traits.isDisjoint(with: ends) { start -= 1 }
            guard start == 0 || !clusters[start - 1].traits.isDisjoint(with: ends) else { continue }
            for index in (start + 1)...(colon + 1) { clusters[index].traits.insert(.checkboxLabel) }
        }
    }

    /// Marks the characters of each checkbox's label, from the box to the next space or line feed, when the
    /// label is at most `checkboxLabelLimit` characters long. `boxes` are the clusters that are a checkbox
    /// glyph alone, in order (noted by `clusters` as it decodes the text, so text without one costs nothing).
    private func markCheckboxLabels(_ clusters: UnsafeMutableBufferPointer<Cluster>, boxes: [Int]) {
        guard !boxes.isEmpty else { return }
        func endsLabel(_ index: Int) -> Bool {
            index == clusters.count || !clusters[index].traits.isDisjoint(with: [.trailingBlank, .lineFeed])
                || boxes.contains(index)
        }
        for box in boxes {
            var end = box + 1
            while !endsLabel(end) && end - box <= Self.checkboxLabelLimit { end += 1 }
            guard endsLabel(end) else { continue }    // a long label breaks like any text
            for label in (box + 1)..<end { clusters[label].traits.insert(.checkboxLabel) }
        }
    }

    /// A run of neighbouring clusters: an unbreakable unit, a piece of one, or a line being filled.
    struct Run {
        var clusters: Range<Int>
        var width = 0
        /// The width without the spaces at its end.
        var visibleWidth = 0
        /// Nothing but spaces, or nothing at all.
        var isBlank = true

        init(at index: Int) {
            clusters = index..<index
        }

        /// The clusters `clusters`, `width` columns wide, for `line(_:of:in:)`, which reads only these two.
        init(_ clusters: Range<Int>, width: Int) {
            self.clusters = clusters
            self.width = width
        }

        var isEmpty: Bool { clusters.isEmpty }

        /// Appends one cluster: `append(_: Run)` with a run of that cluster alone, without making the run.
        mutating func append(_ cluster: Cluster, at index: Int) {
            let blank = cluster.traits.contains(.space)
            clusters = (isEmpty ? index : clusters.lowerBound)..<(index + 1)
            if !blank { visibleWidth = width + cluster.width }
            width += cluster.width
            isBlank = isBlank && blank
        }

        mutating func append(_ other: Run) {
            clusters = (isEmpty ? other.clusters.lowerBound : clusters.lowerBound)..<other.clusters.upperBound
            if !other.isBlank { visibleWidth = width + other.visibleWidth }
            width += other.width
            isBlank = isBlank && other.isBlank
        }
    }

    /// The unbreakable units of one hard line (`hardLine`, indices into `clusters`) in order, with their width
    /// with and without trailing spaces.
    /// Most are one Chinese character.
    func forEachUnit(_ hardLine: Range<Int>, of clusters: UnsafeBufferPointer<Cluster>, _ body: (Run) -> Void) {
        var unit = Run(at: hardLine.lowerBound)
        for index in hardLine {
            if index > hardLine.lowerBound && Self.canBreak(clusters[index - 1], clusters[index]) {
                body(unit)
                unit = Run(at: index)
            }
            unit.append(clusters[index], at: index)
        }
        if !unit.isEmpty { body(unit) }
    }

    /// Greedy filling: a unit goes on the current line if its visible part fits, otherwise it starts the
    /// next one; a unit wider than a whole line is cut (`cut`).
    private func fill(_ hardLine: Range<Int>, of clusters: UnsafeBufferPointer<Cluster>, in text: String, firstColumns: Int,
                      columns: Int, into lines: inout [MeasuredLine]) {
        var line = Run(at: hardLine.lowerBound)
        var limit = max(firstColumns, 1)
        func finish() {
            lines.append(Self.line(line, of: clusters, in: text))
            line = Run(at: line.clusters.upperBound)
            limit = max(columns, 1)
        }
        forEachUnit(hardLine, of: clusters) { unit in
            if line.width + unit.visibleWidth <= limit {
                line.append(unit)
                return
            }
            if !line.isBlank { finish() }
            if unit.visibleWidth <= limit {
                line = unit
                return
            }
            var pieces = cut(unit, of: clusters, firstColumns: limit, columns: max(columns, 1))
            let last = pieces.removeLast()
            for piece in pieces {
                line = piece
                finish()
            }
            line = last
        }
        lines.append(Self.line(line, of: clusters, in: text))
    }

    /// Cuts an over-long unit (a URL, a run of blanks) into pieces that fit, still keeping closing
    /// punctuation off the start and opening punctuation off the end of a piece where the piece has room
    /// to give a character away.
    private func cut(_ unit: Run, of clusters: UnsafeBufferPointer<Cluster>, firstColumns: Int, columns: Int) -> [Run] {
        var pieces: [Run] = []
        var piece = Run(at: unit.clusters.lowerBound)
        var limit = firstColumns
        for index in unit.clusters {
            if piece.width + clusters[index].width > limit && !piece.isEmpty {
                var split = piece.clusters.upperBound
                while split - piece.clusters.lowerBound > 1,
                      clusters[split].traits.contains(.noLineStart) || clusters[split - 1].traits.contains(.noLineEnd) {
                    split -= 1
                }
                pieces.append(Self.run(piece.clusters.lowerBound..<split, of: clusters))
                piece = Self.run(split..<index, of: clusters)
                limit = columns
            }
            piece.append(clusters[index], at: index)
        }
        pieces.append(piece)
        return pieces
    }

    private static func run(_ range: Range<Int>, of clusters: UnsafeBufferPointer<Cluster>) -> Run {
        var run = Run(at: range.lowerBound)
        for index in range { run.append(clusters[index], at: index) }
        return run
    }

    /// A finished line: its text, without trailing spaces (ASCII and ideographic).
    private static func line(_ run: Run, of clusters: UnsafeBufferPointer<Cluster>, in text: String) -> MeasuredLine {
        var end = run.clusters.upperBound
        var width = run.width
        while end > run.clusters.lowerBound && clusters[end - 1].traits.contains(.trailingBlank) {
            end -= 1
            width -= clusters[end].width
        }
        guard end > run.clusters.lowerBound else { return MeasuredLine(text: "", width: width) }
        let start = clusters[run.clusters.lowerBound].start, stop = clusters[end - 1].end
        // A line that is the whole text (a name, a table cell, a heading) shares the text's storage: the slice
        // and its copy cost about 450 instructions.
        let utf8 = text.utf8
        if start == 0 && stop == utf8.count { return MeasuredLine(text: text, width: width) }
        let first = utf8.index(utf8.startIndex, offsetBy: start)
        let last = utf8.index(utf8.startIndex, offsetBy: stop)
        return MeasuredLine(text: String(text[first..<last]), width: width)
    }
}

/// A line of text with its display width.
package struct MeasuredLine: Sendable, Equatable {
    package var text: String = ""
    package var width: Int = 0

    package init(text: String = "", width: Int = 0) {
        self.text = text
        self.width = width
    }

    /// The line without trailing spaces (ASCII and ideographic).
    package func trimmed(width measure: DisplayWidth) -> MeasuredLine {
        // Most lines end in neither: their last byte is not a space's, nor the last byte of U+3000 (0x80).
        guard let lastByte = self.text.utf8.last, lastByte == 0x20 || lastByte == 0x80 else { return self }
        var text = Substring(self.text)
        var width = self.width
        while let last = text.last, last == " " || last == "\u{3000}" {
            width -= measure.of(last)
            text = text[..<text.index(before: text.endIndex)]    // one character back, not a count from the start
        }
        return MeasuredLine(text: String(text), width: width)
    }

    /// The line placed in a field `columns` wide: left, centred or right (justified text is set left, as a
    /// fixed-width page cannot stretch Chinese), after `indent` columns of leading text.
    package func aligned(_ alignment: Alignment, in columns: Int, indent: String = "", indentWidth: Int = 0) -> MeasuredLine {
        let room = max(columns - indentWidth - width, 0)
        let lead: Int
        switch alignment {
        case .left, .justify: lead = 0
        case .center: lead = room / 2
        case .right: lead = room
        }
        guard lead > 0 || !indent.isEmpty else { return MeasuredLine(text: text, width: indentWidth + width) }
        // An indented line set left (a body paragraph's first line) is one append: appending no spaces cost
        // about 700 instructions (a slice of the run of spaces, a static's `swift_once`, an empty append).
        guard lead > 0 else { return MeasuredLine(text: indent + text, width: indentWidth + width) }
        var aligned = indent
        aligned.append(contentsOf: Repeated.spaces(lead))
        aligned += text
        return MeasuredLine(text: aligned, width: indentWidth + lead + width)
    }
}
