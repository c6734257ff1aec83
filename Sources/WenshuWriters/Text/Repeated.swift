/// Runs of one character that the layout pads and rules lines with, handed out as slices of one long run
/// so that appending `n` of them is one append and no allocation.
enum Repeated {
    private static let length = 256
    private static let longSpaces = String(repeating: " ", count: length)
    private static let longRule = String(repeating: "─", count: length)

    /// `count` spaces.
    static func spaces(_ count: Int) -> Substring { slice(of: longSpaces, count) }

    /// `count` horizontal box-drawing lines (─).
    static func rule(_ count: Int) -> Substring { slice(of: longRule, count) }

    private static func slice(of run: String, _ count: Int) -> Substring {
        let count = max(count, 0)
        guard count <= length else { return Substring(String(repeating: String(run.prefix(1)), count: count)) }
        let utf8 = run.utf8
        return run[..<utf8.index(utf8.startIndex, offsetBy: count * (utf8.count / length))]
    }
}
