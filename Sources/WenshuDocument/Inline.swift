/// A run inside a paragraph, heading, cell or signature line.
public enum Inline: Sendable, Equatable {
    /// Fixed text written in the template.
    case text(String)
    /// A value taken from the case. Printed like text; the archival copy marks it as data.
    case field(String)
    /// A value left for handwriting: an underline `width` full-width characters long.
    case blank(width: Int)
    /// One option of a checkbox group: `☑` before the label when checked, `□` otherwise.
    case checkbox(label: String, checked: Bool)
    /// The page on which the section with this id starts (or ends, when `end` is true), computed at
    /// print time: an ODF page field, or Wenshu's own paginator in text.
    case pageRef(target: String, end: Bool)
    /// The total number of numbered pages.
    case pageCount
    /// A forced line break inside the paragraph.
    case lineBreak
    /// Bold text.
    case strong(String)
}

extension Inline {
    /// A date line to be written by hand: `＿＿年＿月＿日` as blanks the writer draws.
    public static let handwrittenDate: [Inline] = [.blank(width: 3), .text("年"), .blank(width: 2), .text("月"), .blank(width: 2), .text("日")]

    /// The text the run prints, for runs whose text does not depend on pagination.
    public var plainText: String? {
        switch self {
        case .text(let s), .field(let s), .strong(let s): return s
        case .checkbox(let label, let checked): return (checked ? "☑" : "□") + label
        case .lineBreak: return "\n"
        case .blank, .pageRef, .pageCount: return nil
        }
    }
}
