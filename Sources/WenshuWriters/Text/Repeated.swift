/// Runs of one character that the layout pads and rules lines with, handed out as slices of one long run
/// so that appending `n` of them is one append and no allocation (`String(repeating:count:)` cost about
/// 3,000 instructions a call).
enum Repeated {
    private static let length = 256
    private static let longSpaces = String(repeating: " ", count: length)
    private static let longRule = String(repeating: "─", count: length)
    private static let longLineFeeds = String(repeating: "\n", count: length)
    private static let longUnderscores = String(repeating: "_", count: length)
    private static let longIdeographicSpaces = String(repeating: "\u{3000}", count: length)

    /// `count` spaces.
    static func spaces(_ count: Int) -> Substring { slice(of: longSpaces, count) }

    /// `count` line feeds.
    static func lineFeeds(_ count: Int) -> Substring { slice(of: longLineFeeds, count) }

    /// `count` low lines (_), the text output's blanks.
    static func underscores(_ count: Int) -> Substring { slice(of: longUnderscores, count) }

    /// `count` ideographic spaces (U+3000), the ODF output's blanks.
    static func ideographicSpaces(_ count: Int) -> Substring { slice(of: longIdeographicSpaces, count) }

    /// `count` horizontal box-drawing lines (─).
    static func rule(_ count: Int) -> Substring { slice(of: longRule, count) }

    private static func slice(of run: String, _ count: Int) -> Substring {
        let count = max(count, 0)
        guard count <= length else { return Substring(String(repeating: String(run.prefix(1)), count: count)) }
        let utf8 = run.utf8
        return run[..<utf8.index(utf8.startIndex, offsetBy: count * (utf8.count / length))]
    }
}
