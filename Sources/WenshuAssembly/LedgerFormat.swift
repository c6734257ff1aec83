import WenshuCase

/// How ledgers and reports print dates, money and rates.
enum LedgerFormat {
    /// GB/T 9704 style, Arabic numerals without leading zeros: `2026年3月3日`.
    static func date(_ date: CivilDate) -> String { "\(date.year)年\(date.month)月\(date.day)日" }

    /// `date(_:)`, or an empty cell.
    static func date(_ date: CivilDate?) -> String { date.map { self.date($0) } ?? "" }

    /// A figure of money with the full-width yuan sign (U+FFE5) and thousands separators: `￥1,409.02`.
    static func yuan(fen: Int) -> String { "￥" + decimal(fen: fen, grouped: true) }

    /// Money in yuan as a plain decimal for spreadsheets: `1409.02` (grouped: `1,409.02`).
    static func decimal(fen: Int, grouped: Bool = false) -> String {
        let sign = fen < 0 ? "-" : ""
        let magnitude = fen.magnitude
        var whole = String(magnitude / 100)
        if grouped {
            var groups: [Substring] = []
            while whole.count > 3 {
                groups.insert(whole.suffix(3), at: 0)
                whole.removeLast(3)
            }
            whole = ([Substring(whole)] + groups).joined(separator: ",")
        }
        let cents = magnitude % 100
        return sign + whole + "." + (cents < 10 ? "0" : "") + String(cents)
    }
}
