import WenshuDocument

/// Sets a signature block: each signatory's line, its date line under the line's end, and an empty line
/// between signatories for the handwriting. The paginator keeps the block on one page, or breaks it between
/// rows where ``SignatureRows`` lets it.
///
/// A signatory's line is its label followed by its printed name when the label ends with a colon
/// (`当事人（签名）：张三`), and the name followed by the label otherwise (`青山村人民调解委员会（印）`).
/// A date made only of blanks prints as `年　　月　　日` with room for the year before it. The lines stand
/// in a column as wide as the widest of them; a right-aligned block ends four characters before the right
/// margin, as GB/T 9704 places the date (右空四字), each line flush right in its column unless it ends
/// in a colon (the signature goes after it). Signatories that share a row (``SignatureRows``) stand side
/// by side, the second from the middle of the line.
package struct SignatureLayout: Sendable {
    package let layout: ParagraphLayout
    package let text: InlineText
    /// The lines a seal takes (42 mm; 5 on GB/T 9704's page): a seal line and its date end a run of free
    /// lines this long, so the seal covers nothing else.
    package let sealLines: Int

    /// The date line left for handwriting.
    package static let handwrittenDate = "年\u{3000}\u{3000}月\u{3000}\u{3000}日"
    /// Room kept before a handwritten date's 年 for the year: four full-width characters.
    static let yearRoom = 8
    /// The right margin of a right-aligned block: four full-width characters.
    static let rightGap = 8

    package init(layout: ParagraphLayout, text: InlineText, sealLines: Int = 5) {
        self.layout = layout
        self.text = text
        self.sealLines = sealLines
    }

    package func lines(_ block: SignatureBlock, columns: Int) -> [MeasuredLine] {
        rows(block, columns: columns).lines.flatMap { $0 }
    }

    /// The block's lines row by row (``SignatureRows``), each row with the empty lines before it (and a
    /// seal's after it), and after which rows a page may end (``SignatureRows/mayBreak(after:rows:in:)``).
    package func rows(_ block: SignatureBlock, columns: Int) -> (lines: [[MeasuredLine]], mayBreakAfter: [Bool]) {
        let signatories = block.signatures.map { signatory($0, columns: columns) }
        let blockWidth = min(signatories.map(\.width).max() ?? 0, columns)
        let offset: Int
        switch block.alignment {
        case .right: offset = columns - blockWidth - min(Self.rightGap, columns - blockWidth)
        case .center: offset = (columns - blockWidth) / 2
        case .left, .justify: offset = 0
        }
        let lead = String(Repeated.spaces(offset))
        let rows = SignatureRows.rows(block, columns: columns,
                                      widths: signatories.map { $0.lines.count == 1 ? $0.width : nil })
        var result: [[MeasuredLine]] = []
        result.reserveCapacity(rows.count)
        for (rowIndex, row) in rows.enumerated() {
            let sealed = block.signatures[row[0]]
            let signatory = signatories[row[0]]
            // Free lines above the seal line (and as many below its date): with the line and the date
            // they make the seal's height, centred on them as a clerk stamps it.
            let margin = sealed.seal ? sealMargin(signatory) : 0
            let above = max(margin, rowIndex > 0 ? 1 : 0)
            // The row's lines, reserved once (growing them line by line reallocated them for each row).
            var lines: [MeasuredLine] = []
            lines.reserveCapacity(above + signatory.lines.count + signatory.date.count + margin)
            lines.append(contentsOf: repeatElement(MeasuredLine(), count: above))
            if row.count == 2 {
                // Two signatories side by side, the second starting at the middle of the line.
                let left = signatories[row[0]].lines[0], right = signatories[row[1]].lines[0]
                let start = SignatureRows.halfWidth(columns: columns) + SignatureRows.gap
                var text = left.text
                text.append(contentsOf: Repeated.spaces(start - left.width))
                text += right.text
                lines.append(MeasuredLine(text: text, width: start + right.width))
                result.append(lines)
                continue
            }
            for line in signatory.lines {
                // A right-aligned block sets each line flush right in its column, as the word processor
                // does: the signing underlines and the seal line end together above the date. A line
                // ending in a colon keeps its room to sign after it.
                let flush = block.alignment == .right && !Self.endsWithColon(line.text)
                lines.append(Self.line(line, after: lead, offset: offset, room: flush ? max(blockWidth - line.width, 0) : 0))
            }
            for line in signatory.date {
                lines.append(Self.line(line, after: lead, offset: offset, room: max(blockWidth - line.width, 0)))
            }
            lines.append(contentsOf: repeatElement(MeasuredLine(), count: margin))
            result.append(lines)
        }
        return (result, rows.indices.map { SignatureRows.mayBreak(after: $0, rows: rows, in: block) })
    }

    /// `line` after `lead` (`offset` columns of spaces) and `room` more spaces. Without room it is one append, or
    /// none without a lead: appending no spaces cost about 700 instructions (a slice of the run of spaces, a
    /// static's `swift_once`, an empty append).
    private static func line(_ line: MeasuredLine, after lead: String, offset: Int, room: Int) -> MeasuredLine {
        guard room > 0 else {
            return offset == 0 ? line : MeasuredLine(text: lead + line.text, width: offset + line.width)
        }
        var text = lead
        text.append(contentsOf: Repeated.spaces(room))
        text += line.text
        return MeasuredLine(text: text, width: offset + room + line.width)
    }

    /// The free lines on each side of a seal's signatory.
    private func sealMargin(_ signatory: Signatory) -> Int {
        let free = max(sealLines - signatory.lines.count - signatory.date.count, 0)
        return (free + 1) / 2
    }

    private struct Signatory {
        var lines: [MeasuredLine]
        var date: [MeasuredLine]
        var width: Int
    }

    private func signatory(_ signature: Signature, columns: Int) -> Signatory {
        let label = text.text(signature.label)
        let name = text.text(signature.name)
        let line: String
        if name.isEmpty || label.isEmpty {
            line = label + name
        } else if Self.endsWithColon(label) {
            line = label + name
        } else {
            line = name + label
        }
        let lines = layout.lines(line, alignment: .left, columns: columns)
        // The widest line without an array of widths (`map(\.width).max()` allocated one, twice a signatory).
        var width = lines.reduce(0) { max($0, $1.width) }
        var date: [MeasuredLine] = []
        if let runs = signature.date {
            if Self.isHandwritten(runs) {
                date = layout.lines(Self.handwrittenDate, alignment: .left, columns: columns)
                width = max(width, (date.first?.width ?? 0) + Self.yearRoom)
            } else {
                date = layout.lines(text.text(runs), alignment: .left, columns: columns)
                width = max(width, date.reduce(0) { max($0, $1.width) })
            }
        }
        return Signatory(lines: lines, date: date, width: min(width, columns))
    }

    /// Whether `text` ends in a colon, full-width or not, judged on its last UTF-8 bytes (`hasSuffix` compared
    /// Characters, about 900 instructions a call); neither colon has a canonical equivalent.
    static func endsWithColon(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard let last = utf8.last else { return false }
        return last == 0x3A || (last == 0x9A && utf8.count >= 3 && utf8.suffix(3).elementsEqual([0xEF, 0xBC, 0x9A]))
    }

    /// A date left entirely for handwriting: blanks, perhaps with spaces between them, or nothing at all.
    static func isHandwritten(_ runs: [Inline]) -> Bool {
        runs.allSatisfy {
                switch $0 {
                case .blank: return true
                case .text(let s): return s.allSatisfy(\.isWhitespace)
                default: return false
                }
            }
    }
}
