import WenshuCase
import WenshuDocument

/// The table shape every ledger and report uses: a header row of column titles that repeats on each page,
/// relative column widths, one paragraph per cell.
///
/// Widths are chosen so that short values stay whole on the landscape page at the table's 10.5 pt (五号):
/// a name, a date such as 2007年11月12日, a landline 0571-87654321 or an 11-digit mobile number, 调解成功,
/// 已回访1次. A column of people lists one person a line (`lines`).
struct LedgerColumn {
    var title: String
    var width: Int
    /// How the column's body cells align (counts and amounts read best centred or right).
    var alignment: Alignment = .left
}

enum LedgerTable {
    /// A bordered table: the header row, then one row per entry of `rows` (one run list per column).
    static func make(_ columns: [LedgerColumn], rows: [[[Inline]]]) -> Table {
        let header = TableRow(isHeader: true, cells: columns.map {
            TableCell([Paragraph([.strong($0.title)], alignment: .center)])
        })
        let body = rows.map { row in
            TableRow(cells: zip(columns, row).map { column, inlines in
                TableCell([Paragraph(inlines, alignment: column.alignment)])
            })
        }
        return Table(columnWidths: columns.map(\.width), rows: [header] + body)
    }

    /// Data taken from the case or a register: a field run, or nothing for an empty value.
    static func field(_ text: String?) -> [Inline] {
        guard let text, !text.isEmpty else { return [] }
        return [.field(text)]
    }

    /// Names, one a line: a list of people in a narrow column never breaks inside a name.
    static func lines(_ items: [String]) -> [Inline] {
        var out: [Inline] = []
        for item in items where !item.isEmpty {
            if !out.isEmpty { out.append(.lineBreak) }
            out.append(.field(item))
        }
        return out
    }

    /// Fixed or computed text.
    static func text(_ text: String) -> [Inline] { text.isEmpty ? [] : [.text(text)] }

    /// The foot of a report the office submits: the office's seal over its name, with the seal's 42 mm of
    /// free height (`Signature.seal`; the empty line under the name is the date line the seal is centred
    /// with), then the report's last line as a statistics report has it: 填表人 and 审核人, each with a line
    /// to sign on, and the 填报日期 on one row. The row comes last, under the seal's room: above it, the row
    /// ran under the seal's centre and the seal covered its 年. So the seal covers no figure, note or
    /// signature. The date is written by hand:
    /// the report is dated when it is signed, not when it was printed. The row fits one line of the
    /// landscape page (40 characters at 16 pt): five-character lines to sign on and a short date to fill in.
    /// Without an office (no profile) the name is a blank.
    static func signOff(seal: String?) -> [Block] {
        let office: [Inline] = seal.map { [.field($0)] } ?? [.blank(width: 10)]
        let gap = Inline.text("　")
        let row: [Inline] = [.text("填表人（签名）"), .blank(width: 5), gap, .text("审核人（签名）"), .blank(width: 5), gap,
                             .text("填报日期："), .blank(width: 2), .text("年"), .blank(width: 1), .text("月"),
                             .blank(width: 1), .text("日")]
        return [
            .signatures(SignatureBlock([Signature(label: office + [.text("（印）")], date: [], seal: true)])),
            .signatures(SignatureBlock([Signature(label: row)], alignment: .left)),
        ]
    }

    /// A titled document on the given page: title, an optional line under it, then `blocks`.
    static func document(formID: String, title: String, subtitle: String?, date: String?,
                         pageStyle: PageStyle = .landscape, blocks: [Block]) -> Document {
        var all: [Block] = [.title([.text(title)])]
        if let subtitle { all.append(.subtitle([.text(subtitle)], alignment: .center)) }
        return Document(metadata: DocumentMetadata(formID: formID, title: title, date: date),
                        pageStyle: pageStyle, blocks: all + blocks)
    }

    /// A report for a period: `blocks`, then `notes` numbered 1. 2. …, under a line naming the keeper and
    /// the period; dated on the period's last day. Without a period, the line gives the span of the counted
    /// cases' acceptance dates (`acceptedSpan`), so a printed report always says what it covers.
    static func report(formID: String, title: String, keeper: String?, seal: String? = nil, filter: LedgerFilter,
                       acceptedSpan: ClosedRange<CivilDate>? = nil, blocks: [Block], notes: [String]) -> Document {
        var all = blocks
        for (index, note) in notes.enumerated() {
            all.append(.paragraph(Paragraph([.text("\(index + 1). " + note)], alignment: .left)))
        }
        all += signOff(seal: seal ?? keeper)
        var lines: [String] = []
        if let keeper { lines.append("填报单位：" + keeper) }
        if filter.periodText == nil, let span = acceptedSpan {
            lines.append("受理日期：" + LedgerFormat.date(span.lowerBound) + "至" + LedgerFormat.date(span.upperBound))
        }
        if let subtitle = filter.subtitle { lines.append(subtitle) }
        return document(formID: formID, title: title, subtitle: lines.isEmpty ? nil : lines.joined(separator: "　"),
                        date: filter.until?.description, blocks: all)
    }
}
