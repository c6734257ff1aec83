/// A small, fast XML text builder for the writers' output: UTF-8 bytes, escaped on the way in.
///
/// The writers produce large, regular documents from a trusted tree, so they build text rather than a
/// libxml2 DOM (no allocation per node, and byte offsets stay available for the ODF writer's bookmark
/// insertions). Every string passes through `escaped`, which also replaces characters XML 1.0 cannot
/// carry, so whatever the model holds, the output is well-formed.
struct Markup {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// The number of bytes written so far: an insertion point for `insert(_:at:)`.
    var count: Int { bytes.count }

    /// `<name a="v" …>`; attributes whose value is `nil` are left out. Names are literals (`StaticString`):
    /// their bytes are appended as they are, without a `String`'s retain, release and `withUTF8`.
    mutating func start(_ name: StaticString, _ attributes: KeyValuePairs<StaticString, String?> = [:]) {
        openTag(name, attributes)
        closeStart()
    }

    /// `<name a="v" …/>`.
    mutating func empty(_ name: StaticString, _ attributes: KeyValuePairs<StaticString, String?> = [:]) {
        openTag(name, attributes)
        closeEmpty()
    }

    /// `<name key="value">`: one attribute, without a list. A list of pairs is an array made and destroyed for
    /// each tag, its tuples through the runtime's generic `tuple_destroy`: 250–650 instructions a tag.
    mutating func start(_ name: StaticString, _ key: StaticString, _ value: String) {
        open(name)
        attribute(key, value)
        closeStart()
    }

    /// `<name key="value"/>`.
    mutating func empty(_ name: StaticString, _ key: StaticString, _ value: String) {
        open(name)
        attribute(key, value)
        closeEmpty()
    }

    /// `<name`, for a tag of several attributes given one at a time (``attribute(_:_:)``), then ``closeStart()``
    /// or ``closeEmpty()``: the tags written for every document, without a list of pairs.
    mutating func open(_ name: StaticString) {
        bytes.append(UInt8(ascii: "<"))
        append(name)
    }

    /// ` key="value"`, the value escaped; nothing for `nil`.
    mutating func attribute(_ key: StaticString, _ value: String?) {
        guard let value else { return }
        bytes.append(0x20)
        append(key)
        bytes.append(UInt8(ascii: "="))
        bytes.append(UInt8(ascii: "\""))
        Markup.escape(value, inAttribute: true, into: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// `>`, ending what ``open(_:)`` began.
    mutating func closeStart() { bytes.append(UInt8(ascii: ">")) }

    /// `/>`, ending what ``open(_:)`` began.
    mutating func closeEmpty() {
        bytes.append(UInt8(ascii: "/"))
        bytes.append(UInt8(ascii: ">"))
    }

    /// `</name>`.
    mutating func end(_ name: StaticString) {
        bytes.append(UInt8(ascii: "<"))
        bytes.append(UInt8(ascii: "/"))
        append(name)
        bytes.append(UInt8(ascii: ">"))
    }

    /// `<name …>text</name>`, escaped.
    mutating func element(_ name: StaticString, _ attributes: KeyValuePairs<StaticString, String?> = [:], text: String) {
        start(name, attributes)
        self.text(text)
        end(name)
    }

    /// Character data, escaped.
    mutating func text(_ string: String) {
        Markup.escape(string, inAttribute: false, into: &bytes)
    }

    /// Character data given as UTF-8 bytes (whole characters), escaped.
    mutating func text(utf8: UnsafeBufferPointer<UInt8>) {
        Markup.escape(utf8, inAttribute: false, into: &bytes)
    }

    /// Markup written as is: only for text this program wrote (tags, fixed style sheets).
    mutating func raw(_ string: String) {
        // Through the contiguous bytes: `append(contentsOf: string.utf8)` takes the generic sequence path.
        var string = string
        string.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func raw(_ other: [UInt8]) {
        bytes.append(contentsOf: other)
    }

    mutating func newline() { bytes.append(0x0A) }

    /// Inserts markup at an earlier offset (from `count`).
    mutating func insert(_ string: String, at offset: Int) {
        bytes.insert(contentsOf: Array(string.utf8), at: offset)
    }

    /// A literal's bytes (`withUTF8Buffer` also serves a literal of one scalar, which has no pointer).
    private mutating func append(_ literal: StaticString) {
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private mutating func openTag(_ name: StaticString, _ attributes: KeyValuePairs<StaticString, String?>) {
        open(name)
        for (key, value) in attributes { attribute(key, value) }
    }

    /// `string` escaped for XML text or a double-quoted attribute.
    static func escaped(_ string: String, inAttribute: Bool = false) -> String {
        var out: [UInt8] = []
        escape(string, inAttribute: inAttribute, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Escapes `&`, `<`, `>` (and in attributes `"`, tab, line feed, carriage return, which attribute
    /// normalisation would otherwise turn into spaces); a carriage return in text is kept as `&#13;`.
    /// Characters XML 1.0 forbids (C0 controls other than tab, LF, CR; U+FFFE, U+FFFF) become U+FFFD.
    static func escape(_ string: String, inAttribute: Bool, into out: inout [UInt8]) {
        var string = string
        string.withUTF8 { escape($0, inAttribute: inAttribute, into: &out) }
    }

    /// Escapes UTF-8 bytes (a whole number of characters) as `escape(_:inAttribute:into:)` does.
    static func escape(_ utf8: UnsafeBufferPointer<UInt8>, inAttribute: Bool, into out: inout [UInt8]) {
        var runStart = 0
        var i = 0
        while i < utf8.count {
            // Words that hold none of the bytes looked at below are skipped whole; then the next bytes (the
            // word that may hold one, and the two before it) one at a time.
            i = plainWords(utf8, from: i)
            let end = min(i + 10, utf8.count)
            while i < end {
                let byte = utf8[i]
                // Only these bytes can be replaced; the others are skipped here, before the switch, and copied
                // as one run (a value with nothing to replace is one append).
                if byte >= 0x20 && byte != 0x26 && byte != 0x3C && byte != 0x3E && byte != 0x22 && byte != 0xEF {
                    i += 1
                    continue
                }
                var width = 1
                let replacement: StaticString?
                switch byte {
                case 0x26: replacement = "&amp;"
                case 0x3C: replacement = "&lt;"
                case 0x3E: replacement = "&gt;"
                case 0x22: replacement = inAttribute ? "&quot;" : nil
                case 0x09: replacement = inAttribute ? "&#9;" : nil
                case 0x0A: replacement = inAttribute ? "&#10;" : nil
                case 0x0D: replacement = "&#13;"
                case 0x00..<0x20: replacement = "\u{FFFD}"
                case 0xEF where i + 2 < utf8.count && utf8[i + 1] == 0xBF && utf8[i + 2] >= 0xBE:
                    replacement = "\u{FFFD}"  // U+FFFE, U+FFFF
                    width = 3
                default: replacement = nil
                }
                if let replacement {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
                    out.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                    runStart = i + width
                }
                i += width
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
    }

    /// From `start`, where the first eight-byte word begins that may hold a byte some scan of the writers
    /// stops at (below 0x21, `"`, `&`, `<`, `>`, or 0xBF, the second byte of U+FFFE and U+FFFF), or the last
    /// bytes that do not fill a word — less two bytes, so that such a character's lead byte 0xEF is not passed.
    /// Chinese text (fullwidth punctuation too, 0xEF 0xBC …), digits and letters are passed eight bytes at a
    /// time instead of one byte and six tests at a time.
    @inline(__always)
    static func plainWords(_ utf8: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = utf8.baseAddress else { return start }
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        // For each byte v, (v - 1) & ~v has its high bit set if v is 0, and (v - 0x21) & ~v if v < 0x21; as
        // a yes or no over the whole word both are exact. `v | 4 == 0x26` is `"` or `&`, `v | 2 == 0x3E` is
        // `<` or `>`.
        @inline(__always) func zero(_ v: UInt64) -> UInt64 { (v &- ones) & ~v }
        var i = start
        while i + 8 <= utf8.count {
            let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            let stops = (word &- 0x21 &* ones) & ~word | zero((word | 4 &* ones) ^ (0x26 &* ones))
                | zero((word | 2 &* ones) ^ (0x3E &* ones)) | zero(word ^ (0xBF &* ones))
            if stops & highs != 0 { break }
            i += 8
        }
        // Two bytes back: the lead byte 0xEF of a U+FFFE may end the last word passed, its 0xBF begin this one
        // (or the bytes left over).
        return max(start, i - 2)
    }
}
