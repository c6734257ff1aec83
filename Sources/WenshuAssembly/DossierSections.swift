import WenshuDocument

/// Section ids are unique within one document; a dossier binds many documents into one, so the ids a
/// form's own sections use (and the page references to them) take the item's prefix: in item 3, `x`
/// becomes `item-3_x` (section ids are letters, digits, `_` and `-`). References to sections the blocks
/// do not hold (the contents pointing at the items) are left as they are.
enum DossierSections {
    static func prefixed(_ blocks: [Block], with prefix: String) -> [Block] {
        let own = ids(in: blocks)
        return own.isEmpty ? blocks : blocks.map { prefixed($0, with: prefix, own: own) }
    }

    /// The ids of the sections inside `blocks`, at any depth.
    static func ids(in blocks: [Block]) -> Set<String> {
        var ids: Set<String> = []
        for case .section(let section) in blocks {
            if let id = section.id { ids.insert(id) }
            ids.formUnion(self.ids(in: section.blocks))
        }
        return ids
    }

    private static func prefixed(_ block: Block, with prefix: String, own: Set<String>) -> Block {
        func runs(_ inlines: [Inline]) -> [Inline] { inlines.map { prefixed($0, with: prefix, own: own) } }
        func paragraph(_ p: Paragraph) -> Paragraph {
            var p = p
            p.inlines = runs(p.inlines)
            return p
        }
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
        case .signatures(var block):
            block.signatures = block.signatures.map { signature in
                Signature(label: runs(signature.label), name: runs(signature.name), date: signature.date.map(runs))
            }
            return .signatures(block)
        case .pageBreak, .picture:
            return block
        case .section(var section):
            section.id = section.id.map { prefix + $0 }
            section.blocks = section.blocks.map { prefixed($0, with: prefix, own: own) }
            return .section(section)
        }
    }

    private static func prefixed(_ inline: Inline, with prefix: String, own: Set<String>) -> Inline {
        guard case .pageRef(let target, let end) = inline, own.contains(target) else { return inline }
        return .pageRef(target: prefix + target, end: end)
    }
}
