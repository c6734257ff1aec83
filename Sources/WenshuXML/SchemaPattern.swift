import CLibXML2
import Foundation

/// A regular expression in XML Schema's syntax — the `pattern` facet of a RelaxNG `<data>` — compiled once by
/// libxml2, the engine that checks the facet during validation, and shared by all threads (matching does
/// not change it). As in XML Schema, a pattern matches the whole text (`\d{4}` does not match `20261`).
package final class SchemaPattern: @unchecked Sendable {
    let pointer: xmlRegexpPtr
    /// The pattern as written.
    package let source: String
    /// `source` is `\s*\S[\s\S]*`, "not only whitespace", the pattern of most values: answered by a scan for a
    /// character other than XML Schema's four whitespace characters (space, tab, LF, CR), which is what
    /// libxml2's automaton decides, at a fraction of its cost. Text holding a character XML does not allow
    /// (a control character, U+FFFE, U+FFFF), which libxml2 never matches, is left to libxml2.
    private let isNotOnlyWhitespace: Bool
    /// `source` is the pattern of a date or an amount, the most frequent others: an ASCII value that matches
    /// is answered by `matchesDate` or `matchesMoney`; anything else (a mismatch, other digits, which `\d`
    /// also takes) is left to libxml2, so no answer differs from its.
    private let shape: Shape

    private enum Shape { case other, date, money }

    /// Compiles `source`; throws an `XMLIssue` of kind `.schema` when it is not a valid pattern.
    package init(_ source: String) throws {
        LibXML.ensureInitialized()
        self.source = source
        let (compiled, issues) = capturingErrors(kind: .schema, file: nil) {
            withXMLString(source) { xmlRegexpCompile($0) }
        }
        guard let compiled else {
            throw issues.first ?? XMLIssue(kind: .schema, file: nil, line: 0, message: "`\(source)` is not a valid pattern")
        }
        pointer = compiled
        isNotOnlyWhitespace = source == #"\s*\S[\s\S]*"#
        switch source {
        case #"\d{4}-\d{2}-\d{2}"#: shape = .date
        case #"(0|[1-9]\d{0,11})(\.\d{1,2})?"#: shape = .money
        default: shape = .other
        }
    }

    deinit { xmlRegFreeRegexp(pointer) }

    /// Whether the whole of `text` matches.
    package func matches(_ text: String) -> Bool {
        withXMLString(text) { matches($0) }
    }

    /// Whether the value of the element `node` matches, its value taken as RelaxNG's `<data>` takes it: the
    /// text of its direct text children, joined (no text is the empty value). Reads a single text child in
    /// place.
    package func matchesValue(of node: XMLNode) -> Bool {
        matchesValue(of: ElementCursor(node))
    }

    /// `matchesValue(of:)` for an element held by a cursor.
    package func matchesValue(of element: ElementCursor) -> Bool {
        guard let first = element.pointer.pointee.children else { return matches("") }
        if first.pointee.next == nil, first.pointee.type == XML_TEXT_NODE || first.pointee.type == XML_CDATA_SECTION_NODE {
            guard let content = first.pointee.content else { return matches("") }
            return matches(content)
        }
        var value: [xmlChar] = []
        var child: xmlNodePtr? = first
        while let c = child {
            if c.pointee.type == XML_TEXT_NODE || c.pointee.type == XML_CDATA_SECTION_NODE, var byte = c.pointee.content {
                while byte.pointee != 0 {
                    value.append(byte.pointee)
                    byte += 1
                }
            }
            child = c.pointee.next
        }
        value.append(0)
        return value.withUnsafeBufferPointer { matches($0.baseAddress!) }
    }

    /// Whether the NUL-terminated UTF-8 `text` matches.
    private func matches(_ text: UnsafePointer<xmlChar>) -> Bool {
        switch shape {
        case .date where Self.matchesDate(text), .money where Self.matchesMoney(text): return true
        default: break
        }
        guard isNotOnlyWhitespace else { return matchedByLibXML(text) }
        return Self.holdsNonWhitespace(text) ?? matchedByLibXML(text)
    }

    /// For "not only whitespace": whether `text` holds a character other than XML Schema's four whitespace
    /// characters, or `nil` when it holds a character XML does not allow (a control character, U+FFFE,
    /// U+FFFF), for libxml2 to judge. Eight bytes at a time: a word none of whose bytes is below 0x20 or
    /// 0xEF (the lead byte of U+FFFE and U+FFFF) holds none of those, and holds more than whitespace unless
    /// it is eight spaces; any other word is judged byte by byte.
    static func holdsNonWhitespace(_ text: UnsafePointer<xmlChar>) -> Bool? {
        let count = Int(strlen(UnsafeRawPointer(text).assumingMemoryBound(to: CChar.self)))
        let raw = UnsafeRawPointer(text)
        var found = false
        var index = 0
        while index < count {
            if index + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if !ByteWords.hasByte(below: 0x20, word) && !ByteWords.hasByte(0xEF, word) {
                    found = found || word != ByteWords.repeating(0x20)
                    index += 8
                    continue
                }
            }
            let end = min(index + 8, count)
            while index < end {
                switch text[index] {
                case 0x20, 0x09, 0x0A, 0x0D:
                    break
                case 0x01..<0x20:
                    return nil
                case 0xEF where text[index + 1] == 0xBF && (text[index + 2] == 0xBE || text[index + 2] == 0xBF):
                    return nil
                default:
                    found = true
                }
                index += 1
            }
        }
        return found
    }

    private static func isDigit(_ byte: xmlChar) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// `\d{4}-\d{2}-\d{2}` in ASCII digits.
    private static func matchesDate(_ text: UnsafePointer<xmlChar>) -> Bool {
        for index in 0..<10 {
            let byte = text[index]  // a NUL ends the text early and fails both tests
            if index == 4 || index == 7 ? byte != UInt8(ascii: "-") : !isDigit(byte) { return false }
        }
        return text[10] == 0
    }

    /// `(0|[1-9]\d{0,11})(\.\d{1,2})?` in ASCII digits.
    private static func matchesMoney(_ text: UnsafePointer<xmlChar>) -> Bool {
        var index = 0
        if text[0] == UInt8(ascii: "0") {
            index = 1
        } else {
            while isDigit(text[index]) && index < 12 { index += 1 }
            guard index > 0 else { return false }
        }
        if text[index] == UInt8(ascii: ".") {
            index += 1
            guard isDigit(text[index]) else { return false }
            index += 1
            if isDigit(text[index]) { index += 1 }
        }
        return text[index] == 0
    }

    /// libxml2's answer, whatever the pattern.
    func matchedByLibXML(_ text: UnsafePointer<xmlChar>) -> Bool {
        xmlRegexpExec(pointer, text) == 1
    }
}
