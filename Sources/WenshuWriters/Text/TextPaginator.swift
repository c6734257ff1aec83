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
/// - Lines kept together move to the next page when they do not fit, with the blocks kept together right
///   after them, and take the last two lines of the paragraph before them along (a signature page never
///   carries signatures alone); lines kept with the
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
        for index in items.indices {
            switch items[index] {
            case .lines(let lines, .breakable) where precedesBlockKeptTogether(items, index):
                let tail = min(lines.count, 2)
                lines.dropLast(tail).forEach { state.place($0) }
                place(Array(lines.suffix(tail)), needing: tail + firstLines(items, after: index), in: &state)
            case .lines(let lines, .breakable):
                lines.forEach { state.place($0) }
            case .lines(let lines, .together):
                place(lines, needing: keptTogether(lines, items, after: index), in: &state)
            case .lines(let lines, .withNext):
                place(lines, needing: lines.count + firstLines(items, after: index), in: &state)
            case .spacer:
                if !state.isPageEmpty && state.remaining > 0 && !state.lastLineIsEmpty {
                    state.place(MeasuredLine())
                }
            case .table(let table):
                var previousIsTable = false
                if index > 0, case .table = items[index - 1] { previousIsTable = true }
                place(table, joiningTableAbove: previousIsTable, in: &state)
            case .pageBreak:
                state.breakPage()
            case .sectionStart(let id, let startsNewPage, let numbering):
                if startsNewPage || numbering != .continues { state.breakPage() }
                state.openSection(id: id, numbering: numbering)
            case .sectionEnd:
                state.closeSection()
            }
        }
        return state.finish()
    }

    /// Places lines on a new page unless the page has `needed` lines left (or is empty, or no page could
    /// hold them).
    private func place(_ lines: [MeasuredLine], needing needed: Int, in state: inout State) {
        if needed > state.remaining && !state.isPageEmpty && needed <= bodyLines { state.breakPage() }
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

    /// Whether a signature block (lines kept together) follows: the paragraph's last two lines go with
    /// it, so a signature page never carries signatures alone.
    private func precedesBlockKeptTogether(_ items: [FlowItem], _ index: Int) -> Bool {
        for next in items[(index + 1)...] {
            switch next {
            case .spacer: continue
            case .lines(_, .together): return true
            default: return false
            }
        }
        return false
    }

    /// The lines a block kept together needs on its page: with the blocks kept together right after it
    /// (the mediators' signatures after the parties', as ODF keeps them), unless they would not fit on
    /// one page together with the two lines of text and the empty line that go before them.
    private func keptTogether(_ lines: [MeasuredLine], _ items: [FlowItem], after index: Int) -> Int {
        var needed = lines.count
        var last = lines
        var next = index + 1
        while next < items.count {
            if case .spacer = items[next], next + 1 < items.count, case .lines(let following, .together) = items[next + 1] {
                guard needed + 1 + Self.withoutTrailingEmptyLines(following) + 3 <= bodyLines else { break }
                needed += 1 + following.count
                last = following
                next += 2
            } else {
                break
            }
        }
        // The last block's empty last lines may fall off the page's foot (see `place`): they are not needed.
        return needed - (last.count - Self.withoutTrailingEmptyLines(last))
    }

    /// The lines the items after `index` need on the same page: the first two lines of a paragraph, a
    /// whole block kept together, a table's first piece.
    private func firstLines(_ items: [FlowItem], after index: Int) -> Int {
        guard index + 1 < items.count else { return 0 }
        switch items[index + 1] {
        case .lines(let lines, .breakable): return min(lines.count, 2)
        case .lines(let lines, .together): return keptTogether(lines, items, after: index + 1)
        case .lines(let lines, .withNext): return lines.count + firstLines(items, after: index + 1)
        case .spacer: return 1 + firstLines(items, after: index + 1)
        case .table(let table):
            return table.height(rows: Array(table.headerRows) + Array(table.bodyGroups.first ?? 0..<0))
        case .pageBreak: return 0
        case .sectionStart(_, let startsNewPage, let numbering):
            return startsNewPage || numbering != .continues ? 0 : firstLines(items, after: index + 1)
        case .sectionEnd: return firstLines(items, after: index + 1)
        }
    }

    /// Places a table piece by piece. A table right under another on the same page shares its border
    /// rule (`TextTable.joinedRule`), so the two print as one grid, as in ODF.
    private func place(_ table: TextTable, joiningTableAbove: Bool, in state: inout State) {
        let header = Array(table.headerRows)
        var next = 0
        var join: String?
        if joiningTableAbove, let above = state.lastLine, let top = table.render(rows: header + (table.bodyGroups.first ?? 0..<0)).first {
            join = TextTable.joinedRule(above.text, top.text)
        }
        while next < table.bodyGroups.count {
            let room = state.remaining + (join == nil ? 0 : 1)
            var rows = header
            var count = 0
            while next + count < table.bodyGroups.count,
                  table.height(rows: rows + table.bodyGroups[next + count]) <= room {
                rows += table.bodyGroups[next + count]
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
        var lastLineIsEmpty: Bool { current?.lines.last?.text.allSatisfy { $0 == " " } ?? true }
        /// The last line of the page being filled.
        var lastLine: MeasuredLine? { current?.lines.last }

        mutating func replaceLastLine(_ line: MeasuredLine) {
            guard var page = current, !page.lines.isEmpty else { return }
            page.lines[page.lines.count - 1] = line
            current = page
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
            current = TextPage(lines: [], number: number)
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
            var numbers = PageNumbers(pageCount: pages.filter { $0.number != nil }.count)
            for span in spans {
                numbers.sections[span.id] = PageSpan(start: printed(span.first), end: printed(span.last))
            }
            return Pagination(pages: pages, numbers: numbers)
        }
    }
}
