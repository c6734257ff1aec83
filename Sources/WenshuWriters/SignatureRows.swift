import WenshuDocument

/// Which signatories of a block share a printed row, the same in every writer.
///
/// A left-aligned block (the parties' list at a form's foot) sets two signatories side by side when both
/// are one line without a date line and each fits in half the text width less a gap of two full-width
/// characters: twelve claimants sign on six rows instead of twelve lines over three pages. A right-aligned
/// block (mediators, recorder, seal and date) keeps one signatory a row.
///
/// Where a page may end inside the signatures (issue 13, "nothing signs alone"), the same in both
/// paginators: the signature blocks that follow one another (the parties', then the mediators', the recorder
/// and the seal) are one group, which moves to the next page whole, together with the last two lines of the
/// text they sign, when it fits on a page with them. A group taller than that may break only between the
/// rows of a left-aligned block (the parties), after its third row (the lead line and two signatories stay
/// with the text) and before its last (the last party row stays with the mediators and the seal), and not
/// after a line without room to sign: no page starts with the committee's lines alone, no party signs alone
/// at a page's foot, and no organisation's seal line is parted from its representative's.
package enum SignatureRows {
    /// The columns left between the two signatories of a row: two full-width characters.
    package static let gap = 4

    /// The widest signatory, in columns, that may share a row of a text `columns` wide.
    package static func halfWidth(columns: Int) -> Int { (columns - gap) / 2 }

    /// The signatories' indices row by row; `widths` gives each signatory's columns, `nil` for one that
    /// takes more than one line.
    package static func rows(_ block: SignatureBlock, columns: Int, widths: [Int?]) -> [[Int]] {
        let signatures = block.signatures
        guard block.alignment == .left || block.alignment == .justify else { return signatures.indices.map { [$0] } }
        let half = halfWidth(columns: columns)
        let fits = signatures.indices.map { index in
            signatures[index].date == nil && (widths[index].map { $0 <= half } ?? false)
        }
        var rows: [[Int]] = []
        var index = 0
        while index < signatures.count {
            if fits[index] && index + 1 < signatures.count && fits[index + 1] {
                rows.append([index, index + 1])
                index += 2
            } else {
                rows.append([index])
                index += 1
            }
        }
        return rows
    }

    /// Whether a page may end after row `row` of a block's `rows`, in a group too tall for one page. A line
    /// without room to sign after it (the lead line, an organisation's seal line 某公司（盖章）) stays with the
    /// line after it: the organisation's representative signs under its seal.
    package static func mayBreak(after row: Int, rows: [[Int]], in block: SignatureBlock) -> Bool {
        guard (block.alignment == .left || block.alignment == .justify) && row >= 2 && row <= rows.count - 2,
              let last = rows[row].last else { return false }
        let signature = block.signatures[last]
        if case .blank? = (signature.label + signature.name).last { return true }
        return false
    }
}
