import WenshuDocument
import WenshuXML

// The compiled template: an immutable tree, built once by `TemplateCompiler` and walked by `Renderer`
// for every case. Each content list is `[Part<Leaf>]`: leaves of one kind (blocks, inlines, table rows,
// signatures, cell paragraphs) mixed with the loops and conditions that produce them.

/// An XPath expression of a template, compiled once by libxml2, with what it reads and where it was written.
/// A class, so that the renderer's walk copies a reference to it, not its six fields (each a retain).
final class TemplateExpression: Sendable {
    let compiled: XPathExpression
    let analysis: XPathAnalysis
    /// The template (or fragment) file and line of the element holding it.
    let origin: SourceLocation
    /// The attribute it was written in (`select`, `test`, …), for messages.
    let attribute: String
    /// The same expression in the form the renderer evaluates without libxml2, when it is that simple.
    let direct: DirectExpression?

    init(compiled: XPathExpression, analysis: XPathAnalysis, origin: SourceLocation, attribute: String,
         direct: DirectExpression?) {
        self.compiled = compiled
        self.analysis = analysis
        self.origin = origin
        self.attribute = attribute
        self.direct = direct
    }

    var source: String { compiled.source }
}

/// A leaf, a loop or a condition inside a content list. Only the loop and the choice are boxed: a leaf is
/// stored in the array itself, so reading one (nearly every part) takes no box to retain and copy out of.
enum Part<Leaf: Sendable>: Sendable {
    case leaf(Leaf)
    indirect case each(Loop, [Part<Leaf>])
    /// `if` is a choice with one branch and no `otherwise`.
    indirect case choose([Branch<Leaf>], otherwise: [Part<Leaf>]?)
}

/// `each` / `rows`: the body once per node of `select`, with the node as context node (and as `$variable`).
struct Loop: Sendable {
    let select: TemplateExpression
    let variable: String?
    /// Bound to the 1-based position of the item.
    let index: String?
    /// How many times a blank form repeats the body (room for handwriting).
    let blankRepeat: Int
    /// Printed between items of an inline loop.
    let separator: String?
}

struct Branch<Leaf: Sendable>: Sendable {
    let test: TemplateExpression
    /// Whether a blank form shows this branch (conditions are not evaluated without a case).
    let showsInBlank: Bool
    let body: [Part<Leaf>]
}

typealias Inlines = [Part<InlineNode>]

enum BlockNode: Sendable {
    case title(Inlines)
    case number(Inlines, Alignment)
    case heading(level: Int, NumberLabel, Inlines)
    case paragraph(ParagraphNode)
    case table(TableNode)
    case signatures(Alignment, [Part<SignatureNode>])
    case pageBreak
    case section(SectionNode)
    /// A fragment included with parameters (`<with name="roles">申请人 被申请人</with>`): its blocks, with the
    /// words each parameter holds, for the fragment's `<parameter>` elements.
    case parameters([String: [String]], [Part<BlockNode>])
}

/// How a heading or numbered item is numbered: by its level's counter (一、 （一） 1. （1）), by a label
/// written in the template, or not at all.
enum NumberLabel: Sendable, Equatable {
    case automatic
    case explicit(String)
    case none
}

struct ParagraphNode: Sendable {
    let alignment: Alignment
    let firstLineIndent: Bool
    /// Set for `item`: numbered at this level.
    let numbering: (level: Int, label: NumberLabel)?
    let inlines: Inlines
}

struct TableNode: Sendable {
    let columnWidths: [Int]
    let bordered: Bool
    /// `text-size="small"`: the cells in 五号 (``Table/smallText``).
    let smallText: Bool
    /// `keep="together"`: never split over a page (``Table/keepsTogether``).
    let keepsTogether: Bool
    let rows: [Part<RowNode>]
}

struct RowNode: Sendable {
    let isHeader: Bool
    let minLines: Int
    let cells: [CellNode]
    let origin: SourceLocation
}

struct CellNode: Sendable {
    let columnSpan: Int
    let rowSpan: Int
    let content: CellContent
}

enum CellContent: Sendable {
    /// Text and inline elements: one paragraph.
    case inlines(Alignment, Inlines)
    case paragraphs([Part<ParagraphNode>])
}

struct SignatureNode: Sendable {
    /// The room to sign after the label, in full-width characters; 0 for none (a seal line).
    let space: Int
    /// A seal goes over the line (`seal="true"`).
    let seal: Bool
    let label: Inlines
    let name: Inlines
    let date: DateLine
}

enum DateLine: Sendable {
    case none
    /// `<date/>`: room to write the date by hand (`　　年　　月　　日`).
    case handwritten
    case content(Inlines)
}

struct SectionNode: Sendable {
    let id: String
    let startsNewPage: Bool
    let numbering: PageNumbering
    let pageStyle: PageStyle?
    let blocks: [Part<BlockNode>]
    let origin: SourceLocation
}

enum InlineNode: Sendable {
    case text(String)
    case strong(String)
    case lineBreak
    case value(ValueNode)
    case blank(width: Int)
    case checkboxes(CheckboxNode)
    case pageRef(PageTarget, end: Bool)
    case pageCount
    /// A fragment's parameter: the word the include gives for the current loop repetition, else `fallback`.
    case parameter(name: String, fallback: String)
}

/// What a `value` does when the case has nothing for it (Go's `missingkey`, decided per field).
enum MissingRule: String, Sendable {
    /// A required field: binding reports `template.missing-field`.
    case error
    /// Print an underline `width` wide, for handwriting.
    case blank
    /// Print nothing.
    case omit
}

struct ValueNode: Sendable {
    let select: TemplateExpression
    let missing: MissingRule
    /// The blank's width in full-width characters (for `missing="blank"` and blank forms).
    let width: Int
}

struct CheckboxNode: Sendable {
    let select: TemplateExpression
    /// (value compared with the case, label printed).
    let options: [(value: String, label: String)]
    let separator: String
}

enum PageTarget: Sendable {
    case section(String)
    case expression(TemplateExpression)
}
