/// Walks over a document's blocks, written once for every stage: writers look up sections and page
/// references, the dossier renames a bound form's sections.
extension Array where Element == Block {
    /// Calls `body` for every section, depth first, in document order.
    public func forEachSection(_ body: (Section) -> Void) {
        for case .section(let section) in self {
            body(section)
            section.blocks.forEachSection(body)
        }
    }

    /// The ids of the sections at any depth.
    public var sectionIDs: Set<String> {
        var ids: Set<String> = []
        forEachSection { if let id = $0.id { ids.insert(id) } }
        return ids
    }

    /// Calls `body` with every inline, in document order (without gathering them in an array).
    public func forEachInline(_ body: (Inline) -> Void) {
        func each(_ inlines: [Inline]) { inlines.forEach(body) }
        for block in self {
            switch block {
            case .title(let inlines), .subtitle(let inlines, _), .heading(_, let inlines): each(inlines)
            case .paragraph(let paragraph): each(paragraph.inlines)
            case .table(let table):
                for row in table.rows { for cell in row.cells { for paragraph in cell.paragraphs { each(paragraph.inlines) } } }
            case .signatures(let block):
                for signature in block.signatures {
                    each(signature.label)
                    each(signature.name)
                    each(signature.date ?? [])
                }
            case .pageBreak, .picture: break
            case .section(let section): section.blocks.forEachInline(body)
            }
        }
    }

    /// The same blocks with every inline passed through `inline` and every section id through `sectionID`.
    public func mapped(inline: (Inline) -> Inline, sectionID: (String) -> String = { $0 }) -> [Block] {
        func runs(_ inlines: [Inline]) -> [Inline] { inlines.map(inline) }
        func paragraph(_ p: Paragraph) -> Paragraph {
            var p = p
            p.inlines = runs(p.inlines)
            return p
        }
        return map { block in
            switch block {
            case .title(let inlines):
                return .title(runs(inlines))
            case .subtitle(let inlines, let alignment):
                return .subtitle(runs(inlines), alignment: alignment)
            case .heading(let level, let inlines):
                return .heading(level: level, runs(inlines))
            case .paragraph(let p):
                return .paragraph(paragraph(p))
            case .table(var table):
                for r in table.rows.indices {
                    for c in table.rows[r].cells.indices {
                        table.rows[r].cells[c].paragraphs = table.rows[r].cells[c].paragraphs.map(paragraph)
                    }
                }
                return .table(table)
            case .signatures(var signatures):
                signatures.signatures = signatures.signatures.map { signature in
                    var signature = signature
                    signature.label = runs(signature.label)
                    signature.name = runs(signature.name)
                    signature.date = signature.date.map(runs)
                    return signature
                }
                return .signatures(signatures)
            case .pageBreak, .picture:
                return block
            case .section(var section):
                section.id = section.id.map(sectionID)
                section.blocks = section.blocks.mapped(inline: inline, sectionID: sectionID)
                return .section(section)
            }
        }
    }
}
