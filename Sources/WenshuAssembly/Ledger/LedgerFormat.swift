import WenshuCase
import WenshuFormat

/// How ledgers and reports print dates, money and rates.
enum LedgerFormat {
    /// GB/T 9704 style, Arabic numerals without leading zeros (`2026年3月3日`), or an empty cell.
    static func date(_ date: CivilDate?) -> String { date.map(ChineseDate.arabic) ?? "" }

    /// A figure of money with the yuan sign and thousands separators: `¥1,409.02` (`Amount.figures`).
    static func yuan(_ amount: Amount) -> String { amount.figures }

    /// The 纠纷简要情况 of a register row: the case's title (纠纷名称, "来国良与韩小军宅基地相邻围墙纠纷")
    /// when it has one, else the summary's opening sentences up to `limit` characters, cut at a sentence
    /// or clause and marked "……" when shortened. A register row is a line or two on paper; the whole
    /// summary is in the case's own papers.
    static func brief(title: String?, summary: String?, limit: Int = 60) -> String? {
        if let title, !title.isEmpty { return title }
        guard let summary, !summary.isEmpty else { return nil }
        let characters = Array(summary)
        guard characters.count > limit else { return summary }
        let head = characters[..<limit]
        if let end = head.lastIndex(where: { "。；！？".contains($0) }) { return String(head[...end]) }
        if let end = head.lastIndex(where: { "，、：".contains($0) }) { return String(head[..<end]) + "……" }
        return String(head) + "……"
    }

    /// `span` widened to take in `day` (a span of acceptance dates, built one case at a time).
    static func span(_ span: ClosedRange<CivilDate>?, including day: CivilDate?) -> ClosedRange<CivilDate>? {
        guard let day else { return span }
        return span.map { min($0.lowerBound, day)...max($0.upperBound, day) } ?? day...day
    }
}
