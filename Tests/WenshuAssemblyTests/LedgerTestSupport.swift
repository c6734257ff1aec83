import Foundation
import WenshuDocument
import WenshuXML
@testable import WenshuAssembly

/// Every run's text in document order, one line per block and per table row (cells joined by `|`), for
/// asserting what a ledger or report prints.
func plainText(_ document: Document) -> String {
    plainText(document.blocks)
}

func plainText(_ blocks: [Block]) -> String {
    func runs(_ inlines: [Inline]) -> String { inlines.compactMap(\.plainText).joined() }
    return blocks.map { block -> String in
        switch block {
        case .title(let i), .subtitle(let i, _), .heading(_, let i): return runs(i)
        case .paragraph(let p): return runs(p.inlines)
        case .table(let t): return tableRows(t).map { $0.joined(separator: "|") }.joined(separator: "\n")
        case .section(let s): return plainText(s.blocks)
        case .signatures, .pageBreak, .picture: return ""
        }
    }.joined(separator: "\n")
}

/// A table's cells as text, row by row.
func tableRows(_ table: Table) -> [[String]] {
    table.rows.map { row in row.cells.map { $0.paragraphs.map { $0.inlines.compactMap(\.plainText).joined() }.joined() } }
}

/// The tables of a document, in order.
func tables(_ document: Document) -> [Table] {
    document.blocks.compactMap { if case .table(let t) = $0 { return t } else { return nil } }
}

/// The repository's folders, found from this source file.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let examples = root.appendingPathComponent("examples")
    static let cases = examples.appendingPathComponent("cases")
}
