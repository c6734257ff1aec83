import WenshuCase

/// How ledgers and reports print dates, money and rates.
enum LedgerFormat {
    /// GB/T 9704 style, Arabic numerals without leading zeros: `2026年3月3日`.
    static func date(_ date: CivilDate) -> String { "\(date.year)年\(date.month)月\(date.day)日" }

    /// `date(_:)`, or an empty cell.
    static func date(_ date: CivilDate?) -> String { date.map { self.date($0) } ?? "" }

    /// A figure of money with the full-width yuan sign (U+FFE5) and thousands separators: `￥1,409.02`.
    static func yuan(_ amount: Amount) -> String { "￥" + amount.grouped }
}
