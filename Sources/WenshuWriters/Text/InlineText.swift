import WenshuDocument

/// The printed numbers of a section's first and last page; `nil` for a page that carries no number.
package struct PageSpan: Sendable, Equatable {
    package var start: Int?
    package var end: Int?

    package init(start: Int?, end: Int?) {
        self.start = start
        self.end = end
    }
}

/// The printed page numbers that page references and page counts show, as the paginator found them.
package struct PageNumbers: Sendable, Equatable {
    /// The first and last page of each section with an id.
    package var sections: [String: PageSpan]
    /// The number of numbered pages.
    package var pageCount: Int
    /// When set, every reference is right-aligned in this many columns, so its width cannot change the
    /// layout (the paginator's last resort when references and layout do not settle).
    package var reservedDigits: Int?

    package init(sections: [String: PageSpan] = [:], pageCount: Int = 1, reservedDigits: Int? = nil) {
        self.sections = sections
        self.pageCount = pageCount
        self.reservedDigits = reservedDigits
    }

    /// The text of a page reference: the page's number, or nothing for an unnumbered page.
    func text(target: String, end: Bool) -> String {
        let span = sections[target]
        return padded((end ? span?.end : span?.start).map(String.init) ?? "")
    }

    var pageCountText: String { padded(String(pageCount)) }

    private func padded(_ digits: String) -> String {
        guard let reservedDigits, digits.count < reservedDigits else { return digits }
        return String(repeating: " ", count: reservedDigits - digits.count) + digits
    }
}

/// The characters a run of inlines prints in fixed-width text.
///
/// A blank is an underline of `width` full-width characters (two `_` each); a checkbox is `■` (checked) or
/// `□` before its label — both in GB2312 and of the same East Asian Width, so the boxes of a row line up on
/// every printer (`☑` is one column where `□` is two, and GBK printers lack it); the yuan sign `¥` (U+00A5,
/// which GB2312 printers lack) prints as GB2312's full-width `￥`; bold prints as plain text. Line and paragraph separators in the text become forced line
/// breaks, a tab a space; other control characters are dropped, since a form feed or escape in case data
/// would reach the printer as a command.
package struct InlineText: Sendable {
    package let numbers: PageNumbers

    package init(numbers: PageNumbers) {
        self.numbers = numbers
    }

    package func text(_ inlines: [Inline]) -> String {
        if inlines.count == 1 { return text(inlines[0]) }
        var result = ""
        for inline in inlines {
            // A blank goes in as its slice of the run of underscores, without a `String` of its own.
            if case .blank(let width) = inline {
                result.append(contentsOf: Repeated.underscores(max(width, 0) * 2))
            } else {
                result += text(inline)
            }
        }
        return result
    }

    private func text(_ inline: Inline) -> String {
        switch inline {
        case .blank(let width): return Self.blank(width: width)
        case .pageRef(let target, let end): return numbers.text(target: target, end: end)
        case .pageCount: return numbers.pageCountText
        case .checkbox(let label, let checked): return (checked ? "■" : "□") + Self.printable(label)
        case .text(let text), .field(let text), .strong(let text): return Self.printable(text)
        case .lineBreak: return "\n"
        }
    }

    /// An underline for handwriting, `width` full-width characters long.
    package static func blank(width: Int) -> String {
        String(Repeated.underscores(max(width, 0) * 2))
    }

    /// `text` with line separators as `\n`, tabs as spaces, other control characters removed and `¥` as `￥`.
    package static func printable(_ text: String) -> String {
        switch scan(text) {
        case .nothing: return text
        case .onlyYen: return yenReplaced(text)
        case .more: return printableScalarByScalar(text)
        }
    }

    /// `text` with each `¥` (C2 A5, and C2 is never inside another code point) as `￥` (EF BF A5): the amounts
    /// of the forms (`（¥10,000.00）`) change only so, and judging each code point cost about 100 instructions.
    private static func yenReplaced(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 8)
        var utf8 = text.utf8.makeIterator()
        while let byte = utf8.next() {
            guard byte == 0xC2 else {
                bytes.append(byte)
                continue
            }
            let next = utf8.next()!    // valid UTF-8: a lead byte has its continuation
            if next == 0xA5 {
                bytes.append(0xEF)
                bytes.append(0xBF)
            } else {
                bytes.append(byte)
            }
            bytes.append(next)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `printable(_:)` without the byte scan that returns most text as it is: every code point judged, the
    /// exact path that a test holds the scan to.
    static func printableScalarByScalar(_ text: String) -> String {
        var result = ""
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\n" where previousWasCR: continue
            case "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}": result.unicodeScalars.append("\n")
            case "\t": result.unicodeScalars.append(" ")
            case "\u{A5}": result.unicodeScalars.append("\u{FFE5}")
            default:
                if scalar.properties.generalCategory != .control { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }

    /// What `printable` has to change in a text, as far as its bytes tell.
    private enum Finding {
        /// Nothing: the text prints as it is (nearly all text).
        case nothing
        /// Only yuan signs U+00A5.
        case onlyYen
        /// Perhaps a control: a C0 or C1 control (general category Cc: U+0000–U+001F, U+007F–U+009F), U+0085
        /// among them, or a line or paragraph separator.
        case more
    }

    /// Looks at the UTF-8 bytes only, so that text without anything to change is returned as it is.
    private static func scan(_ text: String) -> Finding {
        text.utf8.withContiguousStorageIfAvailable(scan) ?? Array(text.utf8).withUnsafeBufferPointer(scan)
    }

    /// Steps a code point at a time (valid UTF-8: each lead byte says its length), taking printable ASCII
    /// and the lead bytes above U+2FFF (Chinese) in one test each: about 4 instructions a byte, from 13.
    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Finding {
        var sawYen = false
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte >= 0xE3 {                                       // U+3000 on: 3 bytes, or 4 from F0
                i += byte >= 0xF0 ? 4 : 3
                continue
            }
            if byte >= 0x20 && byte < 0x7F {
                i += 1
                continue
            }
            switch byte {
            case 0x00..<0x20, 0x7F: return .more
            case 0xC2 where i + 1 < bytes.count && bytes[i + 1] < 0xA0: return .more                   // U+0080–U+009F
            case 0xC2 where i + 1 < bytes.count && bytes[i + 1] == 0xA5:                               // U+00A5
                sawYen = true
                i += 2
            case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                return .more                                                                    // U+2028–U+2029: E2 80 A8–A9
            case 0xC0..<0xE0: i += 2
            case 0xE0..<0xE3: i += 3
            default: i += 1                                         // not a lead byte: cannot be, but step on
            }
        }
        return sawYen ? .onlyYen : .nothing
    }
}
