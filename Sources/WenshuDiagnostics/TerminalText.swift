/// Text from an input made safe to print in one line of a terminal: control characters (C0 but for none,
/// DEL, C1) and invisible formatting characters that reorder or hide text (bidi overrides and isolates,
/// zero-width characters, the byte-order mark) are written as `\u{1B}`, `\u{202E}`, so no escape sequence
/// from a case file ever reaches the terminal and a line reads as it is stored.
package enum TerminalText {
    package static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// A control character: C0, DEL or C1.
    package static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// An invisible formatting character that can make text display differently from what it holds:
    /// zero-width space, joiners and marks (U+200B–200F), bidi embeddings and overrides (U+202A–202E),
    /// invisible operators (U+2060–2064), bidi isolates (U+2066–2069), the byte-order mark (U+FEFF).
    package static func isInvisibleFormat(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF: return true
        default: return false
        }
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        isControl(scalar) || isInvisibleFormat(scalar) || scalar.value == 0x2028 || scalar.value == 0x2029
    }
}
