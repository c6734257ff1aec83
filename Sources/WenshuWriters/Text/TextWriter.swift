import Foundation
import WenshuDocument

/// Fixed-width plain text for any printer or terminal, laid out the way a Chinese clerk prints a form.
///
/// - Geometry: `WriterOptions.textColumns` display columns per line (a CJK character takes two) and
///   `textLines` lines per page, **counting the footer**: a page is at most `textLines` lines — the body,
///   an empty line and the page number `— N —` (right on odd pages, left on even, one character in from
///   the margin, after GB/T 9704). The default 56 × 22 is GB/T 9704's 28 characters a line; its 22 lines
///   hold 20 lines of body here. 80 × 66 fits a line printer's 11-inch form. Pages are separated by a
///   form feed; an unnumbered page ends after its last line.
/// - Widths from the Unicode data (`DisplayWidth`); lines broken with the Chinese rules (`LineBreaker`);
///   tables drawn with box-drawing characters (`TextTable`); pages and page references computed by the
///   writer's own paginator (`TextPaginator`), laid out again until the references' own widths no longer
///   move anything.
/// - Output is UTF-8 or GB18030, every line ends with `\n` and carries no trailing spaces, and the same
///   document always gives the same bytes. The page style (prose, form, landscape) does not change the
///   text geometry: a text printer has one.
public struct TextWriter: DocumentWriter {
    public var options: WriterOptions
    /// The paragraph layouts of the documents written so far, one cache per document being written.
    private let layoutCaches = ParagraphLayoutCaches()

    public init(options: WriterOptions) {
        self.options = options
    }

    /// The document's text, encoded as `options.textEncoding` asks.
    public func write(_ document: Document) throws -> Data {
        try TextEncoder.encode(utf8: renderedBytes(try paginate(document)), as: options.textEncoding)
    }

    /// The document as laid-out text, before encoding.
    public func text(_ document: Document) throws -> String {
        render(try paginate(document))
    }

    /// The pages as text: body lines, then on a numbered page empty lines down to the footer.
    package func render(_ pagination: Pagination) -> String {
        String(decoding: renderedBytes(pagination), as: UTF8.self)
    }

    /// `render(_:)`'s text as UTF-8 bytes, which `write` encodes without making a `String` (checking the
    /// bytes were UTF-8 again cost about 31 K instructions a document).
    ///
    /// Gathered as bytes rather than appended to a `String`: a `String` append cost about 350 instructions,
    /// and a document has some 120 of them.
    func renderedBytes(_ pagination: Pagination) -> [UInt8] {
        var output: [UInt8] = []
        // The lines, and on each page the empty lines down to the footer and the footer (the guess that was
        // 64 bytes for them all grew the array once more, 3.4 K instructions a document).
        output.reserveCapacity(pagination.pages.reduce(0) { $0 + $1.lines.reduce(0) { $0 + $1.text.utf8.count + 1 } }
                               + pagination.pages.count * (bodyLines + columns + 16))
        for (index, page) in pagination.pages.enumerated() {
            if index > 0 { output.append(0x0C) }
            for line in page.lines {
                // The line as it is, and trimmed only when its last byte could end a space (0x20) or an
                // ideographic space (E3 80 80), as `trimmed` judges: asking each line's `utf8.last` there cost
                // about 100 instructions a line.
                // Through the text's own buffer: `output += line.text.utf8` went through the generic append of
                // a sequence, about 200 instructions a line.
                var text = line.text
                text.withUTF8 { output.append(contentsOf: $0) }
                if let last = output.last, last == 0x20 || last == 0x80, !line.text.isEmpty {
                    output.removeLast(line.text.utf8.count)
                    output += line.trimmed(width: width).text.utf8
                }
                output.append(0x0A)
            }
            if let number = page.number {
                output.append(contentsOf: repeatElement(0x0A, count: max(bodyLines - page.lines.count, 0) + 1))
                appendFooter(number, to: &output)
                output.append(0x0A)
            }
        }
        return output
    }

    var width: DisplayWidth { DisplayWidth(ambiguous: options.ambiguousWidth) }
    var columns: Int { max(options.textColumns, 1) }
    /// The lines of a page above the footer (an empty line and the page number).
    var bodyLines: Int { max(options.textLines - 2, 1) }
    /// A line's height on paper, in millimetres: a page of up to 22 lines sets GB/T 9704's 225 mm text block
    /// (10.2 mm a line), a longer one is a line printer's, 6 lines an inch (4.2 mm).
    var linePitch: Double {
        options.textLines <= 22 ? 225.0 / Double(max(options.textLines, 1)) : 25.4 / 6
    }

    /// The lines a seal's 42 mm take.
    var sealLines: Int { Int((Signature.sealDiameter / linePitch).rounded(.up)) }

    /// Appends the page number line: `— N —`, right on odd pages and left on even ones, one character from
    /// the edge. Its spaces go straight into the bytes (a `String` of them and an append: 1.3 K a page), and so
    /// do its dashes and digits, measured as they are (ASCII digits and spaces one column each): making the
    /// interpolated text and measuring it cost about 1 K instructions a page.
    func appendFooter(_ number: Int, to output: inout [UInt8]) {
        let digits = String(number).utf8
        let dashWidth = width.of(Self.footerDash)
        let gap = 2
        let lead = number % 2 == 1 ? max(columns - (2 * dashWidth + 2 + digits.count) - gap, 0) : gap
        output.append(contentsOf: repeatElement(0x20, count: lead))
        output.appendThreeByteUTF8(Self.footerDash)
        output.append(0x20)
        output += digits
        output.append(0x20)
        output.appendThreeByteUTF8(Self.footerDash)
    }

    /// The dash on each side of a page number: — (U+2014).
    static let footerDash: Unicode.Scalar = "\u{2014}"

    /// Lays the document out on pages. Page references print numbers that depend on the layout, and
    /// their widths can change it: lay out again with the numbers found until they stay the same (after
    /// at most `settlingPasses` layouts). Should they not settle (a reference's width pushing its own
    /// target to another page and back), give every reference the same width, right-aligned, so that
    /// their values cannot move anything, and lay out until the numbers agree.
    package func paginate(_ document: Document, settlingPasses: Int = 4) throws -> Pagination {
        try layoutCaches.withCache { try paginate(document, settlingPasses: settlingPasses, layouts: $0) }
    }

    /// `paginate(_:settlingPasses:)` with the paragraph layouts in `layouts`.
    private func paginate(_ document: Document, settlingPasses: Int, layouts: ParagraphLayoutCache) throws -> Pagination {
        let ids = document.blocks.sectionIDs
        // One walk over the inlines for both questions (each walk cost about 15 K instructions an agreement).
        let pageInlines = Self.pageInlines(in: document.blocks)
        if let unknown = pageInlines.targets.first(where: { !ids.contains($0) }) {
            throw WriterError.unknownPageTarget(unknown)
        }
        let paginator = TextPaginator(bodyLines: bodyLines)
        let blocks = document.blocks
        let settles = pageInlines.printsNumbers
        // A top-level block that prints no page number is set the same way on every pass: keep its items.
        var kept = [[FlowItem]?](repeating: nil, count: settles ? blocks.count : 0)
        func layOut(_ numbers: PageNumbers) throws -> Pagination {
            let flow = TextFlow(columns: columns, width: width, numbers: numbers, sealLines: sealLines, linePitch: linePitch,
                                layouts: layouts)
            var items: [FlowItem] = []
            items.reserveCapacity(2 * blocks.count)
            for index in blocks.indices {
                guard settles else {
                    try flow.append(blocks, at: index, to: &items)
                    continue
                }
                if let blockItems = kept[index] {
                    items += blockItems
                    continue
                }
                let blockItems = try flow.items(blocks, at: index)
                if !Self.printsPageNumbers([blocks[index]]) { kept[index] = blockItems }
                items += blockItems
            }
            var pagination = paginator.paginate(items)
            pagination.numbers.reservedDigits = numbers.reservedDigits
            return pagination
        }
        var numbers = PageNumbers(sections: Dictionary(uniqueKeysWithValues: ids.map { ($0, PageSpan(start: 1, end: 1)) }))
        guard settles else { return try layOut(numbers) }
        for _ in 0..<settlingPasses {
            let pagination = try layOut(numbers)
            if pagination.numbers == numbers { return pagination }
            numbers = pagination.numbers
        }
        while true {
            numbers.reservedDigits = max(numbers.reservedDigits ?? 1, Self.digits(numbers))
            let pagination = try layOut(numbers)
            if pagination.numbers == numbers { return pagination }
            numbers = pagination.numbers
        }
    }

    /// The most digits any page number in `numbers` has.
    static func digits(_ numbers: PageNumbers) -> Int {
        let values = numbers.sections.values.flatMap { [$0.start, $0.end] }.compactMap { $0 } + [numbers.pageCount]
        return values.map { String($0).count }.max() ?? 1
    }

    /// The targets of the blocks' page references, in document order, and whether they print any page number
    /// (a reference or the page count).
    static func pageInlines(in blocks: [Block]) -> (targets: [String], printsNumbers: Bool) {
        var targets: [String] = []
        var prints = false
        blocks.forEachInline {
            switch $0 {
            case .pageRef(let target, _):
                targets.append(target)
                prints = true
            case .pageCount: prints = true
            default: break
            }
        }
        return (targets, prints)
    }

    static func printsPageNumbers(_ blocks: [Block]) -> Bool { pageInlines(in: blocks).printsNumbers }
}
