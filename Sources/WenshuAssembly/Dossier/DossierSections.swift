import WenshuDocument

/// Section ids are unique within one document; a dossier binds many documents into one, so the ids a
/// form's own sections use (and the page references to them) take the item's prefix: in item 3, `x`
/// becomes `item-3_x` (section ids are letters, digits, `_` and `-`). References to sections the blocks
/// do not hold (the contents pointing at the items) are left as they are.
enum DossierSections {
    static func prefixed(_ blocks: [Block], with prefix: String) -> [Block] {
        let own = blocks.sectionIDs
        guard !own.isEmpty else { return blocks }
        return blocks.mapped(inline: { inline in
            guard case .pageRef(let target, let end) = inline, own.contains(target) else { return inline }
            return .pageRef(target: prefix + target, end: end)
        }, sectionID: { prefix + $0 })
    }
}
