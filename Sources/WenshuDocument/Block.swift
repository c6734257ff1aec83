/// A block-level element of a document.
public indirect enum Block: Sendable, Equatable {
    /// The document's title line (小标宋, centred).
    case title([Inline])
    /// A line under the title, such as the document number (right or centred).
    case subtitle([Inline], alignment: Alignment)
    /// A heading; `level` 1 is 黑体, level 2 is 楷体, 3 and 4 are body text in bold. The numbering
    /// (一、 （一） 1. （1）) is already part of `inlines`.
    case heading(level: Int, [Inline])
    case paragraph(Paragraph)
    case table(Table)
    /// Signature and seal lines kept together on one page with their date lines.
    case signatures(SignatureBlock)
    /// Force a new page.
    case pageBreak
    /// A picture on its own line (a scanned page).
    case picture(Picture)
    /// A part of a bigger document (a dossier's documents, a packet's parts): it can be the target of a
    /// page reference and can start a new page or a new page numbering.
    case section(Section)
}

/// A paragraph of runs.
public struct Paragraph: Sendable, Equatable {
    public var inlines: [Inline]
    public var alignment: Alignment
    /// Indent the first line by two characters, as Chinese body text does.
    public var firstLineIndent: Bool

    public init(_ inlines: [Inline], alignment: Alignment = .justify, firstLineIndent: Bool = false) {
        self.inlines = inlines
        self.alignment = alignment
        self.firstLineIndent = firstLineIndent
    }

    /// Whether the paragraph ends with a colon (分期履行如下：): it introduces what follows, and both
    /// paginators keep it on the page of the table after it.
    package var introducesWhatFollows: Bool {
        guard let text = inlines.last?.plainText else { return false }
        // The last character can be a colon only if the last byte ends one (`:` 3A, `：` EF BC 9A): most
        // paragraphs are ruled out without finding their last grapheme cluster (both writers ask of each).
        guard let byte = text.utf8.last, byte == 0x3A || byte == 0x9A, let last = text.last else { return false }
        return last == "：" || last == ":"
    }

    /// A heading-like line ending with a colon (履行方式、时限：, 调解情况：): short enough for one line of the
    /// 28-character grid, so both paginators keep it with the paragraph after it too — a label never ends
    /// a page with its content on the next. (LibreOffice moves a kept paragraph whole: a long one is not.)
    package var isLeadIn: Bool {
        introducesWhatFollows && inlines.reduce(0) { $0 + ($1.plainText?.count ?? 0) } <= 26
    }

    /// Whether both paginators keep this paragraph on the page of `next`: it introduces a table after it
    /// (分期履行如下：), or is a one-line lead-in to a paragraph (履行方式、时限：).
    package func staysWith(_ next: Block) -> Bool {
        switch next {
        case .table(let table): return !table.rows.isEmpty && introducesWhatFollows
        case .paragraph: return isLeadIn
        default: return false
        }
    }
}

public enum Alignment: String, Sendable, Equatable {
    case left, center, right, justify
}

/// A part of a document: a target for page references, and a place where pages may start afresh.
public struct Section: Sendable, Equatable {
    /// The name page references use; unique within a document.
    public var id: String?
    /// Start the section on a new page.
    public var startsNewPage: Bool
    public var numbering: PageNumbering
    /// The page this section is printed on; `nil` keeps the enclosing one.
    public var pageStyle: PageStyle?
    public var blocks: [Block]

    public init(id: String? = nil, startsNewPage: Bool = true, numbering: PageNumbering = .continues,
                pageStyle: PageStyle? = nil, blocks: [Block]) {
        self.id = id
        self.startsNewPage = startsNewPage
        self.numbering = numbering
        self.pageStyle = pageStyle
        self.blocks = blocks
    }
}

/// How a section's pages are numbered.
public enum PageNumbering: Sendable, Equatable {
    /// Numbers go on from the previous page.
    case continues
    /// The section's pages carry no number and do not count (a dossier's cover and contents).
    case unnumbered
    /// Numbering starts again at the given number on the section's first page.
    case restart(at: Int)
}
