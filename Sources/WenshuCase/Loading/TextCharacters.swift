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
        func walk(_ element: XMLNode) {
            var hasElements = false
            for child in element.childElements {
                hasElements = true
                walk(child)
            }
            guard !hasElements else { return }
            // Nearly every value is plain: judged on libxml2's bytes in place, without making a String.
            if element.textBytesAllSatisfy(isPlain) { return }
            let value = element.stringValue
            guard !value.isEmpty else { return }
            let multiLine = { outline.rule(for: element).map { outline.isMultiLine($0) } ?? false }
            for finding in findings(in: value, multiLine: multiLine) { report(finding, element) }
        }
        walk(file.root)
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
