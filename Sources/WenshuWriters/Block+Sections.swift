import WenshuDocument

extension Array where Element == Block {
    /// Calls `body` for every section, depth first, in document order.
    func forEachSection(_ body: (Section) -> Void) {
        for block in self {
            if case .section(let section) = block {
                body(section)
                section.blocks.forEachSection(body)
            }
        }
    }
}
