import WenshuXML

/// What a text field may hold, checked for every value of every file whatever its format: no NUL or other
/// control character but tab, and a line break only in a field the schema makes multi-line (its type is
/// `lines` in types.rng); an invisible formatting character (a bidi override such as U+202E, a zero-width
/// space, a byte-order mark) is a warning, since a name can print differently from what it holds.
///
/// libxml2 stores text as C strings, so a NUL read from YAML or JSON (`"\0"`, `"\u0000"`) would cut the
/// value silently; `YAMLTreeBuilder` stores it as U+FFFD instead and reports it here (`nulElements`).
enum TextCharacters {
    enum Kind {
        case control, lineBreak, invisible

        var id: InputID {
            switch self {
            case .control: return .controlCharacter
            case .lineBreak: return .lineBreak
            case .invisible: return .invisibleCharacter
            }
        }
    }

    struct Finding {
        let kind: Kind
        let scalar: Unicode.Scalar
        /// 1-based, in characters (Unicode scalars) of the value.
        let position: Int
    }

    /// The first finding of each kind in `value`. `multiLine` (whether the field may hold line breaks) is
    /// asked only for a value with a line break: finding the field's rule costs more than the check.
    static func findings(in value: String, multiLine: () -> Bool) -> [Finding] {
        if value.utf8.allSatisfy(isPlain) { return [] }
        var found: [Finding] = []
        var seen: Set<Int> = []
        var lines: Bool?
        for (offset, scalar) in value.unicodeScalars.enumerated() {
            let kind: Kind
            if scalar == "\n" {
                if lines == nil { lines = multiLine() }
                if lines == true { continue }
                kind = .lineBreak
            } else if scalar == "\t" {
                continue
            } else if TerminalText.isControl(scalar) {
                kind = .control
            } else if TerminalText.isInvisibleFormat(scalar) {
                kind = .invisible
            } else {
                continue
            }
            if seen.insert(kind.hashValue).inserted { found.append(Finding(kind: kind, scalar: scalar, position: offset + 1)) }
        }
        return found
    }

    /// Whether UTF-8 `bytes` may hold a finding: a control character (C0, DEL, or C2 80–9F, the C1 controls)
    /// or one of the invisible characters (E2 80 8B–8F and AA–AE, E2 81 A0–A9, EF BB BF). Chinese text is
    /// full of E2 and EF sequences (“”、—、…、，、：), which `isPlain` alone would send to the slow way.
    static func mayHoldFinding(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        plainBytes.withUnsafeBufferPointer { plain in mayHoldFinding(bytes, plain: plain) }
    }

    /// `isPlain` of every byte, looked up in the loop over every byte of a file's values (one load instead
    /// of five comparisons).
    private static let plainBytes: [Bool] = (0...255).map { isPlain(UInt8($0)) }

    private static func mayHoldFinding(_ bytes: UnsafeBufferPointer<UInt8>, plain: UnsafeBufferPointer<Bool>) -> Bool {
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            i += 1
            if plain[Int(byte)] { continue }
            guard byte >= 0x80 else { return true }  // C0 or DEL
            // A lead byte of a sequence that may be a finding: look at its continuation bytes (a truncated
            // sequence, which valid UTF-8 never has, is left to the slow way).
            guard i + 1 < bytes.count || (byte == 0xC2 && i < bytes.count) else { return true }
            switch (byte, bytes[i]) {
            case (0xC2, 0x80...0x9F): return true
            case (0xE2, 0x80) where (0x8B...0x8F).contains(bytes[i + 1]) || (0xAA...0xAE).contains(bytes[i + 1]): return true
            case (0xE2, 0x81) where (0xA0...0xA9).contains(bytes[i + 1]): return true
            case (0xEF, 0xBB) where bytes[i + 1] == 0xBF: return true
            default: continue
            }
        }
        return false
    }

    /// Whether a UTF-8 byte can be no part of a finding: not a control character, and not a lead byte of
    /// the two- and three-byte sequences that hold C1 controls (C2) and the invisible characters (E2, EF).
    static func isPlain(_ byte: UInt8) -> Bool {
        byte >= 0x20 && byte != 0x7F && byte != 0xC2 && byte != 0xE2 && byte != 0xEF
    }

    /// Every finding in `file`'s values, as diagnostics at the value's field. `nulElements` holds the
    /// elements whose value had a NUL (and where it was), which the tree no longer shows.
    static func diagnostics(in file: CaseFile, nulElements: [(XMLNode, Int)] = []) -> [Diagnostic] {
        let outline = BundledSchemas.entry(for: file.kind).outline
        var diagnostics: [Diagnostic] = []
        func report(_ finding: Finding, _ element: XMLNode) {
            let code = "U+" + String(finding.scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
            diagnostics.append(Diagnostic(finding.kind.id, file.kind, at: file.location(of: element), subject: file.fieldPath(of: element),
                                          ["code": "\(code)", "position": "\(finding.position)"]))
        }
        for (element, position) in nulElements {
            report(Finding(kind: .control, scalar: "\u{0}", position: position), element)
        }
        // Nearly every value is plain: judged on libxml2's bytes in place; only the rest become Strings.
        // The table is read once here, not through its `swift_once` for every value.
        let plain = plainBytes
        let flagged = plain.withUnsafeBufferPointer { plain in
            file.root.leafElements { mayHoldFinding($0, plain: plain) }
        }
        for element in flagged {
            let value = element.stringValue
            guard !value.isEmpty else { continue }
            let multiLine = { outline.rule(for: element).map { outline.isMultiLine($0) } ?? false }
            for finding in findings(in: value, multiLine: multiLine) { report(finding, element) }
        }
        return diagnostics
    }
}

extension SchemaOutline {
    /// Whether the rule's value may run over several lines (its type is `lines`).
    func isMultiLine(_ rule: Int) -> Bool {
        if case .value(let value) = rules[rule].content { return value.typeName == "lines" }
        return false
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
