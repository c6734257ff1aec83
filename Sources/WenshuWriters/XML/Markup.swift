import Foundation

/// A small, fast XML text builder for the writers' output: UTF-8 bytes, escaped on the way in.
///
/// The writers produce large, regular documents from a trusted tree, so they build text rather than a
/// libxml2 DOM (no allocation per node, and byte offsets stay available for the ODF writer's bookmark
/// insertions). Every string passes through `escaped`, which also replaces characters XML 1.0 cannot
/// carry, so whatever the model holds, the output is well-formed.
///
/// The bytes live in memory of the builder's own (`Storage`), written through a pointer: an `Array`'s
/// `append(contentsOf:)` costs about 90 instructions for a few bytes, and a document appends some 560 names,
/// keys and escaped values. A copy of a `Markup` shares the memory until either writes (copy on write).
struct Markup {
    /// Memory for `capacity` bytes, freed with the last `Markup` that holds it. Its properties are constants:
    /// a class's variable properties are checked for exclusive access on every read.
    private final class Storage {
        let base: UnsafeMutablePointer<UInt8>
        let capacity: Int

        init(capacity: Int) {
            self.capacity = capacity
            base = .allocate(capacity: capacity)
        }

        deinit { base.deallocate() }
    }

    private var storage: Storage
    /// The number of bytes written so far: an insertion point for `insert(_:at:)`.
    private(set) var count = 0

    init(capacity: Int = 0) { storage = Storage(capacity: Swift.max(capacity, 64)) }

    /// The bytes written, as an array (a copy; ``withBytes(_:)`` reads them in place).
    var bytes: [UInt8] { withBytes { Array($0) } }

    /// The bytes written, as `Data` (one copy).
    var data: Data { withBytes { Data(buffer: $0) } }

    /// Calls `body` with the bytes written, in place.
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try withExtendedLifetime(storage) { try body(UnsafeBufferPointer(start: storage.base, count: count)) }
    }

    /// Where the next `n` bytes go, with room made for them (and the memory made this builder's alone).
    @inline(__always)
    private mutating func room(_ n: Int) -> UnsafeMutablePointer<UInt8> {
        if _slowPath(count + n > storage.capacity || !isKnownUniquelyReferenced(&storage)) { grow(to: count + n) }
        return storage.base + count
    }

    @inline(never)
    private mutating func grow(to needed: Int) {
        let larger = Storage(capacity: Swift.max(needed, 2 * storage.capacity))
        larger.base.update(from: storage.base, count: count)
        storage = larger
    }

    /// `n` bytes from `source`.
    @inline(__always)
    private mutating func append(_ source: UnsafePointer<UInt8>, _ n: Int) {
        UnsafeMutableRawPointer(room(n)).copyMemory(from: source, byteCount: n)
        count += n
    }

    @inline(__always)
    private mutating func append(byte: UInt8) {
        room(1).pointee = byte
        count += 1
    }

    @inline(__always)
    private mutating func append(_ buffer: UnsafeBufferPointer<UInt8>) {
        guard let source = buffer.baseAddress else { return }
        append(source, buffer.count)
    }

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
        reserve(lead: 1, name, trail: 0).lead[0] = UInt8(ascii: "<")
    }

    /// ` key="value"`, the value escaped; nothing for `nil`.
    mutating func attribute(_ key: StaticString, _ value: String?) {
        guard let value else { return }
        let at = reserve(lead: 1, key, trail: 2)
        at.lead[0] = 0x20
        at.trail[0] = UInt8(ascii: "=")
        at.trail[1] = UInt8(ascii: "\"")
        escape(value, inAttribute: true)
        append(byte: UInt8(ascii: "\""))
    }

    /// `>`, ending what ``open(_:)`` began.
    mutating func closeStart() { append(byte: UInt8(ascii: ">")) }

    /// `/>`, ending what ``open(_:)`` began.
    mutating func closeEmpty() {
        let at = room(2)
        at[0] = UInt8(ascii: "/")
        at[1] = UInt8(ascii: ">")
        count += 2
    }

    /// `</name>`.
    mutating func end(_ name: StaticString) {
        let at = reserve(lead: 2, name, trail: 1)
        at.lead[0] = UInt8(ascii: "<")
        at.lead[1] = UInt8(ascii: "/")
        at.trail[0] = UInt8(ascii: ">")
    }

    /// `<name …>text</name>`, escaped.
    mutating func element(_ name: StaticString, _ attributes: KeyValuePairs<StaticString, String?> = [:], text: String) {
        start(name, attributes)
        self.text(text)
        end(name)
    }

    /// Character data, escaped.
    mutating func text(_ string: String) {
        escape(string, inAttribute: false)
    }

    /// Character data given as UTF-8 bytes (whole characters), escaped.
    mutating func text(utf8: UnsafeBufferPointer<UInt8>) {
        escape(utf8, inAttribute: false)
    }

    /// Markup written as is: only for text this program wrote (tags, fixed style sheets).
    mutating func raw(_ string: String) {
        // Through the contiguous bytes: `append(contentsOf: string.utf8)` takes the generic sequence path.
        var string = string
        string.withUTF8 { append($0) }
    }

    mutating func raw(_ buffer: UnsafeBufferPointer<UInt8>) {
        append(buffer)
    }

    mutating func raw(_ other: [UInt8]) {
        other.withUnsafeBufferPointer { append($0) }
    }

    /// Another builder's bytes.
    mutating func raw(_ other: Markup) {
        other.withBytes { append($0) }
    }

    mutating func newline() { append(byte: 0x0A) }

    /// Inserts markup at an earlier offset (from `count`).
    mutating func insert(_ string: String, at offset: Int) {
        precondition(offset >= 0 && offset <= count, "Markup.insert: offset out of range")
        var string = string
        string.withUTF8 { inserted in
            let n = inserted.count
            let base = room(n) - count
            // The bytes after `offset` move up first (the regions overlap: `memmove`).
            UnsafeMutableRawPointer(base + offset + n).copyMemory(from: base + offset, byteCount: count - offset)
            if let source = inserted.baseAddress { UnsafeMutableRawPointer(base + offset).copyMemory(from: source, byteCount: n) }
            count += n
        }
    }

    /// A literal's bytes (`withUTF8Buffer` also serves a literal of one scalar, which has no pointer).
    private mutating func append(_ literal: StaticString) {
        literal.withUTF8Buffer { append($0) }
    }

    /// Room for `lead` bytes, a literal and `trail` bytes, taken at once, with the literal copied in: where
    /// the caller then stores the lead and the trail bytes. One question whether the memory is shared for a
    /// whole tag name or attribute key, where each byte appended alone asked again.
    @inline(__always)
    private mutating func reserve(lead: Int, _ literal: StaticString, trail: Int)
        -> (lead: UnsafeMutablePointer<UInt8>, trail: UnsafeMutablePointer<UInt8>) {
        literal.withUTF8Buffer { name in
            let at = room(lead + name.count + trail)
            if let source = name.baseAddress {
                UnsafeMutableRawPointer(at + lead).copyMemory(from: source, byteCount: name.count)
            }
            count += lead + name.count + trail
            return (at, at + lead + name.count)
        }
    }

    private mutating func openTag(_ name: StaticString, _ attributes: KeyValuePairs<StaticString, String?>) {
        open(name)
        for (key, value) in attributes { attribute(key, value) }
    }

    /// `string` escaped for XML text or a double-quoted attribute.
    static func escaped(_ string: String, inAttribute: Bool = false) -> String {
        var m = Markup(capacity: string.utf8.count + 16)
        m.escape(string, inAttribute: inAttribute)
        return m.withBytes { String(decoding: $0, as: UTF8.self) }
    }

    /// Appends `string` escaped to `out` (as ``escape(_:inAttribute:)`` writes it).
    static func escape(_ string: String, inAttribute: Bool, into out: inout [UInt8]) {
        var m = Markup(capacity: string.utf8.count + 16)
        m.escape(string, inAttribute: inAttribute)
        m.withBytes { out.append(contentsOf: $0) }
    }

    /// Escapes `&`, `<`, `>` (and in attributes `"`, tab, line feed, carriage return, which attribute
    /// normalisation would otherwise turn into spaces); a carriage return in text is kept as `&#13;`.
    /// Characters XML 1.0 forbids (C0 controls other than tab, LF, CR; U+FFFE, U+FFFF) become U+FFFD.
    mutating func escape(_ string: String, inAttribute: Bool) {
        var string = string
        string.withUTF8 { escape($0, inAttribute: inAttribute) }
    }

    /// Escapes UTF-8 bytes (a whole number of characters) as `escape(_:inAttribute:)` does.
    mutating func escape(_ utf8: UnsafeBufferPointer<UInt8>, inAttribute: Bool) {
        var runStart = 0
        var i = 0
        while i < utf8.count {
            // Words that hold none of the bytes looked at below are skipped whole; then the next bytes (the
            // word that may hold one, and the two before it) one at a time.
            i = Markup.plainWords(utf8, from: i)
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
                    append(UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
                    append(replacement.utf8Start, replacement.utf8CodeUnitCount)
                    runStart = i + width
                }
                i += width
            }
        }
        append(UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
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
