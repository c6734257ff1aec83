import WenshuDocument

/// The pages Wenshu prints on, after GB/T 9704-2012 §5: A4, top margin 37 mm, binding (left) margin 28 mm,
/// text block 156 × 225 mm, page number in size 4 under the text block.
///
/// Every combination of page style and numbering is a fixed ODF page layout and master page, so the style
/// part of every document is the same bytes (it is built and compressed once per process).
struct ODFPage: Hashable {
    var style: PageStyle
    /// Numbered pages carry the "— N —" footer; unnumbered ones (a dossier's cover and contents) have no
    /// footer at all, with the bottom margin grown by the footer's room so the text block is unchanged.
    var numbered: Bool

    static let all: [ODFPage] = PageStyle.allCases.flatMap { style in
        [ODFPage(style: style, numbered: true), ODFPage(style: style, numbered: false)]
    }

    /// The master page's name, e.g. `Wenshu_Prose`, `Wenshu_Form_Unnumbered`.
    var masterName: String { "Wenshu_" + style.odfName + (numbered ? "" : "_Unnumbered") }
    /// What LibreOffice shows in its page-style list.
    var displayName: String { style.displayName + (numbered ? "" : "（无页码）") }
    var layoutName: String { "pm" + style.odfName + (numbered ? "" : "Unnumbered") }

    var geometry: ODFPageGeometry { style.geometry }

    /// Hashes the style's case, not its name: a `String`-backed enum's own hash hashes its raw value, and
    /// the automatic styles hash a page start with every new paragraph style.
    func hash(into hasher: inout Hasher) {
        hasher.combine(style.ordinal)
        hasher.combine(numbered)
    }
}

/// Millimetres of one page style. Landscape is the portrait page turned a quarter clockwise, as GB/T 9704
/// §10.3 turns a wide table: the binding edge becomes the top, so the text block is 225 × 156 mm.
struct ODFPageGeometry: Equatable {
    var width: Double
    var height: Double
    var top: Double
    var bottom: Double
    var left: Double
    var right: Double
    /// GB/T 9704's 22 lines a page, for prose; table forms and ledgers print without a line grid.
    var lineGrid: Bool

    var textWidth: Double { width - left - right }
    var textHeight: Double { height - top - bottom }

    /// GB/T 9704 §7.5: the em-dash line of the page number sits 7 mm under the text block.
    static let footerSpacing = 7.0
    /// Room for one line of size 4 (14 pt) digits.
    static let footerHeight = 6.0
    /// Lines a prose page holds (GB/T 9704 §5.2.2).
    static let gridLines = 22
    /// Characters a prose line holds.
    static let gridCharacters = 28

    /// The height of one grid line. A hair under text height / 22 (10.2273 mm): LibreOffice rounds lengths
    /// to twips, and a grid even slightly taller than the text block loses its last line.
    var gridLineHeight: Double { (textHeight / Double(Self.gridLines) * 1000).rounded(.down) / 1000 - 0.005 }
}

extension PageStyle {
    /// The case's place, for hashing.
    var ordinal: Int {
        switch self {
        case .prose: return 0
        case .form: return 1
        case .landscape: return 2
        }
    }

    var odfName: String {
        switch self {
        case .prose: return "Prose"
        case .form: return "Form"
        case .landscape: return "Landscape"
        }
    }

    var displayName: String {
        switch self {
        case .prose: return "文书正文页"
        case .form: return "文书表格页"
        case .landscape: return "文书横向页"
        }
    }

    var geometry: ODFPageGeometry {
        switch self {
        case .prose:
            return ODFPageGeometry(width: 210, height: 297, top: 37, bottom: 35, left: 28, right: 26, lineGrid: true)
        case .form:
            return ODFPageGeometry(width: 210, height: 297, top: 37, bottom: 35, left: 28, right: 26, lineGrid: false)
        case .landscape:
            return ODFPageGeometry(width: 297, height: 210, top: 28, bottom: 26, left: 35, right: 37, lineGrid: false)
        }
    }
}

/// Millimetres as ODF writes them: at most three decimals, no trailing zeros (`37mm`, `10.222mm`).
func mm(_ value: Double) -> String {
    let thousandths = Int((value * 1000).rounded())
    let sign = thousandths < 0 ? "-" : ""
    let magnitude = abs(thousandths)
    var text = sign + String(magnitude / 1000)
    var fraction = magnitude % 1000
    if fraction != 0 {
        var digits = 3
        while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
        let padded = String(fraction)
        text += "." + String(repeating: "0", count: digits - padded.count) + padded
    }
    return text + "mm"
}
