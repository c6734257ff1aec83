import WenshuDocument

/// A page of text: its body lines and its printed number (`nil` for an unnumbered page).
package struct TextPage: Sendable, Equatable {
    package var lines: [MeasuredLine]
    package var number: Int?
}

/// The pages of a document and the page numbers its references point to.
package struct Pagination: Sendable {
    package var pages: [TextPage]
    package var numbers: PageNumbers
}

/// Places flow items on pages of `bodyLines` lines.
///
/// - A section that starts a new page, or changes the numbering, begins on a fresh page (a restart
///   needs a page of its own to start on, as in ODF). A page's numbering is that of the innermost section
///   around its first line that does not just continue: an unnumbered section's pages carry no number and
///   do not count; `restart(at:)` gives the section's first page that number.
/// - Signature blocks that follow one another move to the next page together when they do not fit, and
///   take the last two lines of the text before them along (a signature page never carries signatures
///   alone); a group taller than a page breaks only where ``SignatureRows`` lets it. Lines kept with the
///   next item move with its first two lines (or its first table rows).
/// - A table is drawn in pieces, one per page, each with its top and bottom border and the header rows
///   repeated; rows tied by a row span stay together. A table right under another shares its rule. A piece taller than a whole page, like a block
///   kept together that is taller than a page, runs over onto the next page.
package struct TextPaginator: Sendable {
    package let bodyLines: Int

    package init(bodyLines: Int) {
        self.bodyLines = max(bodyLines, 1)
    }

    package func paginate(_ items: [FlowItem]) -> Pagination {
        var state = State(bodyLines: bodyLines)
        let carried = Self.carriedLines(items)
        // The signature group the lines before it looked ahead to, placed next.
        var group: SignatureGroup?
        var index = 0
        while index < items.count {
            switch items[index] {
            case .lines(let lines, .breakable):
                let tail = carried[index]
                lines.dropLast(tail).forEach { state.place($0) }
                if tail > 0 {
                    place(Array(lines.suffix(tail)), needing: tail + firstLines(items, carried, after: index, group: &group),
                          in: &state)
                }
            case .lines(let lines, .withNext):
                place(lines, needing: lines.count + firstLines(items, carried, after: index, group: &group), in: &state)
            case .signatures:
                let found = signatureGroup(items, at: index, reusing: &group)
                for chunk in found.chunks {
                    place(chunk, needing: Self.withoutTrailingEmptyLines(chunk), in: &state)
                }
                index = found.end
                continue
            case .spacer:
                if !state.isPageEmpty && state.remaining > 0 && !state.lastLineIsEmpty {
                    state.place(MeasuredLine())
                }
            case .table(let table):
                var previousIsTable = false
                if index > 0, case .table = items[index - 1] { previousIsTable = true }
                place(table, joiningTableAbove: previousIsTable,
                      following: signaturesFollow(items, index) ? firstLines(items, carried, after: index, group: &group) : 0,
                      in: &state)
            case .pageBreak:
                state.breakPage()
            case .sectionStart(let id, let startsNewPage, let numbering):
                if startsNewPage || numbering != .continues { state.breakPage() }
                state.openSection(id: id, numbering: numbering)
            case .sectionEnd:
                state.closeSection()
            }
            index += 1
        }
        return state.finish()
    }

    /// Places lines on a new page unless the page has `needed` lines left (or is empty, or no page could
    /// hold them). Empty lines that would open a page (the room between two signatories) are dropped.
    private func place(_ lines: [MeasuredLine], needing needed: Int, in state: inout State) {
        if needed > state.remaining && !state.isPageEmpty && needed <= bodyLines { state.breakPage() }
        // Copied only when there is an empty line to drop.
        let lines = state.isPageEmpty && lines.first?.text.isEmpty == true ? Array(lines.drop { $0.text.isEmpty }) : lines
        // Empty lines that end the lines (the free room under a seal's date) fall off the page's foot rather
        // than start a page of their own: the bottom margin is free room too.
        let printed = Self.withoutTrailingEmptyLines(lines)
        for (index, line) in lines.enumerated() where index < printed || state.remaining > 0 {
            state.place(line)
        }
    }

    /// The number of lines up to the last one that is not empty.
    static func withoutTrailingEmptyLines(_ lines: [MeasuredLine]) -> Int {
        (lines.lastIndex { !$0.text.isEmpty }).map { $0 + 1 } ?? 0
    }

    /// For each item, how many of its last lines go with the signatures after it: of a paragraph, with those
    /// of the paragraphs between, two lines of the text they sign (``SignatureRows``), so a signature page
    /// never carries signatures alone; 0 for any other item. Worked out back to front, each item from the
    /// one after it, once for all (asked for each paragraph in turn, a run of paragraphs cost its length squared).
    static func carriedLines(_ items: [FlowItem]) -> [Int] {
        var carried = [Int](repeating: 0, count: items.count)
        for index in items.indices.reversed() {
            guard case .lines(let lines, .breakable) = items[index] else { continue }
            var next = index + 1
            while next < items.count, case .spacer = items[next] { next += 1 }
            guard next < items.count else { continue }
            switch items[next] {
            case .signatures:
                carried[index] = min(lines.count, 2)
            case .lines(let following, .breakable) where next == index + 1:
                let after = carried[next]
                carried[index] = after > 0 && after == following.count && after < 2 ? min(lines.count, 2 - after) : 0
            default:
                break
            }
        }
        return carried
    }

    /// The signature blocks from `start` on that follow one another (with the empty line between them, or a
    /// paragraph of one line), as
    /// the pieces that must each stay on one page: the whole group when it fits on a page with two lines
    /// of text and the empty line before it, else pieces ending where ``SignatureRows`` lets a page end.
    /// `end` is the index of the first item after the group.
    private func signatureGroup(_ items: [FlowItem], at start: Int) -> SignatureGroup {
        var rows: [[MeasuredLine]] = [], breaks: [Bool] = []
        var next = start
        while next < items.count {
            if case .signatures(var blockRows, let mayBreak) = items[next] {
                if !rows.isEmpty && !blockRows.isEmpty { blockRows[0].insert(MeasuredLine(), at: 0) }
                rows += blockRows
                breaks += mayBreak
                next += 1
            } else if case .spacer = items[next], next + 1 < items.count, case .signatures = items[next + 1] {
                next += 1
            } else if !rows.isEmpty, case .lines(let lines, .breakable) = items[next], lines.count < 2,
                      next + 2 < items.count, case .spacer = items[next + 1], case .signatures = items[next + 2] {
                // A one-line paragraph between two signature blocks (告知书's 以上内容已告知，本人已知悉。) joins them.
                rows.append(lines)
                breaks.append(false)
                next += 1
            } else {
                break
            }
        }
        // Flattened row by row: `Array(rows.joined())` walked the lines one by one through the generic
        // sequence, about 3.7 K instructions a call.
        var lines: [MeasuredLine] = []
        lines.reserveCapacity(rows.reduce(0) { $0 + $1.count })
        for row in rows { lines += row }
        guard Self.withoutTrailingEmptyLines(lines) + 3 > bodyLines else {
            return SignatureGroup(start: start, chunks: [lines], end: next)
        }
        var chunks: [[MeasuredLine]] = [[]]
        for (row, lines) in rows.enumerated() {
            chunks[chunks.count - 1] += lines
            if breaks[row] { chunks.append([]) }
        }
        return SignatureGroup(start: start, chunks: chunks.filter { !$0.isEmpty }, end: next)
    }

    /// A run of signature blocks (`signatureGroup(_:at:)`): the index of its first item, its pieces and the
    /// index of the first item after it.
    private struct SignatureGroup {
        let start: Int
        let chunks: [[MeasuredLine]]
        let end: Int
    }

    /// `signatureGroup(items, at: start)`, or `group` when it was made for `start` (the lines before the
    /// signatures ask for its first piece, then it is placed: about 7 K instructions a call); kept in `group`.
    private func signatureGroup(_ items: [FlowItem], at start: Int, reusing group: inout SignatureGroup?) -> SignatureGroup {
        if let group, group.start == start { return group }
        let found = signatureGroup(items, at: start)
        group = found
        return found
    }

    /// The lines the items after `index` need on the same page: the first two lines of a paragraph (all
    /// of it and what follows when it goes with signatures), a signature group's first piece, a table's
    /// first piece. `carried` is `carriedLines(items)`.
    private func firstLines(_ items: [FlowItem], _ carried: [Int], after index: Int, group: inout SignatureGroup?) -> Int {
        guard index + 1 < items.count else { return 0 }
        switch items[index + 1] {
        case .lines(let lines, .breakable):
            let tail = carried[index + 1]
            return tail > 0 && tail == lines.count ? tail + firstLines(items, carried, after: index + 1, group: &group) : min(lines.count, 2)
        case .lines(let lines, .withNext): return lines.count + firstLines(items, carried, after: index + 1, group: &group)
        case .signatures:
            return signatureGroup(items, at: index + 1, reusing: &group).chunks.first.map(Self.withoutTrailingEmptyLines) ?? 0
        case .spacer: return 1 + firstLines(items, carried, after: index + 1, group: &group)
        case .table(let table):
            // The header and the first group added to it, without arrays of their rows.
            return table.height(rows: table.headerRows) + table.addedHeight(table.bodyGroups.first ?? 0..<0)
        case .pageBreak: return 0
        case .sectionStart(_, let startsNewPage, let numbering):
            return startsNewPage || numbering != .continues ? 0 : firstLines(items, carried, after: index + 1, group: &group)
        case .sectionEnd: return firstLines(items, carried, after: index + 1, group: &group)
        }
    }

    /// Whether signatures follow the item at `index` (after the empty line before them).
    private func signaturesFollow(_ items: [FlowItem], _ index: Int) -> Bool {
        var next = index + 1
        while next < items.count, case .spacer = items[next] { next += 1 }
        if next < items.count, case .signatures = items[next] { return true }
        return false
    }

    /// Places a table piece by piece. A table right under another on the same page shares its border
    /// rule (`TextTable.joinedRule`), so the two print as one grid, as in ODF. The last piece leaves
    /// `following` lines free on its page (signatures that go with the table's last rows), unless a page
    /// could not hold both.
    private func place(_ table: TextTable, joiningTableAbove: Bool, following: Int, in state: inout State) {
        let header = Array(table.headerRows)
        var next = 0
        var join: String?
        if joiningTableAbove, let above = state.lastLine, let top = table.render(rows: header + (table.bodyGroups.first ?? 0..<0)).first {
            join = TextTable.joinedRule(above.text, top.text)
        }
        while next < table.bodyGroups.count {
            let room = state.remaining + (join == nil ? 0 : 1)
            var rows = header
            // The piece's height as groups are added (`height(rows: rows + group)` made an array for each group).
            var height = table.height(rows: rows)
            var count = 0
            while next + count < table.bodyGroups.count {
                let group = table.bodyGroups[next + count]
                let added = table.addedHeight(group)
                guard height + added + (next + count == table.bodyGroups.count - 1 ? following : 0) <= room else { break }
                rows += group
                height += added
                count += 1
            }
            if count == 0 {
                if !state.isPageEmpty {
                    state.breakPage()
                    join = nil
                    continue
                }
                rows += table.bodyGroups[next]
                count = 1
            }
            var lines = table.render(rows: rows)
            if let join, let above = state.lastLine {
                state.replaceLastLine(MeasuredLine(text: join, width: above.width))
                lines.removeFirst()
            }
            join = nil
            lines.forEach { state.place($0) }
            next += count
            if next < table.bodyGroups.count { state.breakPage() }
        }
    }

    /// The paginator's running state: the pages so far, the open sections, the numbering.
    private struct State {
        let bodyLines: Int
        var pages: [TextPage] = []
        /// The page being filled; `nil` until its first line, so its numbering is known when it opens.
        var current: TextPage?
        /// The open sections, innermost last, each with the index of its span in `spans` if it has an id.
        var sections: [(span: Int?, numbering: PageNumbering)] = []
        /// Page indexes of each section's first and last line, in the order the sections first open.
        var spans: [(id: String, first: Int?, last: Int?)] = []
        var spanIndex: [String: Int] = [:]
        var lastNumber = 0
        var pendingRestart: Int?

        init(bodyLines: Int) {
            self.bodyLines = bodyLines
        }

        var isPageEmpty: Bool { current?.lines.isEmpty ?? true }
        var remaining: Int { bodyLines - (current?.lines.count ?? 0) }
        /// On the bytes: a line of spaces only is a run of 0x20 (walking its Characters cost ~170 instructions).
        var lastLineIsEmpty: Bool { current?.lines.last?.text.utf8.allSatisfy { $0 == 0x20 } ?? true }
        /// The last line of the page being filled.
        var lastLine: MeasuredLine? { current?.lines.last }

        /// In place: a copy of the page (`guard var page = current`) copied its lines on the write.
        mutating func replaceLastLine(_ line: MeasuredLine) {
            guard let count = current?.lines.count, count > 0 else { return }
            current!.lines[count - 1] = line
        }
        /// The index the page receiving the next line has, or will have.
        var nextLineIndex: Int { current != nil && remaining > 0 ? pages.count : pages.count + (current == nil ? 0 : 1) }

        mutating func place(_ line: MeasuredLine) {
            if current == nil || remaining == 0 { openPage() }
            current!.lines.append(line)
            let index = pages.count
            for case let (span?, _) in sections {
                spans[span].first = spans[span].first ?? index
                spans[span].last = index
            }
        }

        mutating func breakPage() {
            if let page = current, !page.lines.isEmpty { pages.append(page) }
            current = nil
        }

        private mutating func openPage() {
            if let page = current { pages.append(page) }
            var number: Int?
            if isNumbered {
                number = pendingRestart ?? lastNumber + 1
                lastNumber = number!
                pendingRestart = nil
            }
            // Room for a full page: growing the lines one by one reallocated them about five times a page.
            var lines: [MeasuredLine] = []
            lines.reserveCapacity(bodyLines)
            current = TextPage(lines: lines, number: number)
        }

        /// Whether a page opened now carries a number: the innermost section that sets a numbering decides.
        private var isNumbered: Bool {
            for section in sections.reversed() {
                switch section.numbering {
                case .continues: continue
                case .unnumbered: return false
                case .restart: return true
                }
            }
            return true
        }

        mutating func openSection(id: String?, numbering: PageNumbering) {
            var span: Int?
            if let id {
                span = spanIndex[id] ?? spans.count
                if span == spans.count {
                    spanIndex[id] = spans.count
                    spans.append((id, nil, nil))
                }
            }
            sections.append((span, numbering))
            if case .restart(let first) = numbering { pendingRestart = first }
        }

        mutating func closeSection() {
            guard let section = sections.popLast() else { return }
            if let span = section.span, spans[span].first == nil {
                spans[span].first = nextLineIndex
                spans[span].last = nextLineIndex
            }
        }

        mutating func finish() -> Pagination {
            breakPage()
            func printed(_ index: Int?) -> Int? {
                guard let index, !pages.isEmpty else { return nil }
                return pages[min(index, pages.count - 1)].number
            }
            // Counted in place: `filter` copied the numbered pages into an array of their own.
            var numbers = PageNumbers(pageCount: pages.reduce(0) { $0 + ($1.number == nil ? 0 : 1) })
            for span in spans {
                numbers.sections[span.id] = PageSpan(start: printed(span.first), end: printed(span.last))
            }
            return Pagination(pages: pages, numbers: numbers)
        }
    }
}
