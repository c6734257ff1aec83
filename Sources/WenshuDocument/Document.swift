/// A filled form: what a template produces and what every writer consumes.
///
/// The model knows nothing of ODF, plain text or templates (as pandoc's `Block`/`Inline` tree knows no
/// reader or writer). Writers lay it out; the template decided its content.
public struct Document: Sendable, Equatable {
    public var metadata: DocumentMetadata
    /// The page the document is printed on unless a section says otherwise.
    public var pageStyle: PageStyle
    public var blocks: [Block]

    public init(metadata: DocumentMetadata, pageStyle: PageStyle = .prose, blocks: [Block]) {
        self.metadata = metadata
        self.pageStyle = pageStyle
        self.blocks = blocks
    }
}

/// What identifies a filled document: used by writers for `meta.xml`, the archival copy and file names.
public struct DocumentMetadata: Sendable, Equatable {
    /// The form's stable id, e.g. `agreement`, `intake-register`.
    public var formID: String
    /// The printed title, e.g. `人民调解协议书`.
    public var title: String
    /// The document's own number line, e.g. `（2026）青调字第12号`, when it has one.
    public var number: String?
    /// The case number this document belongs to.
    public var caseNumber: String?
    /// The date the document carries, ISO `YYYY-MM-DD`; writers use it instead of the clock so output is
    /// reproducible.
    public var date: String?
    /// The template's version, recorded in the archival copy.
    public var templateVersion: String?

    public init(formID: String, title: String, number: String? = nil, caseNumber: String? = nil,
                date: String? = nil, templateVersion: String? = nil) {
        self.formID = formID
        self.title = title
        self.number = number
        self.caseNumber = caseNumber
        self.date = date
        self.templateVersion = templateVersion
    }
}

/// The page a document or section is printed on.
public enum PageStyle: String, Sendable, Equatable, CaseIterable {
    /// A4 portrait, GB/T 9704 margins, on the 22 lines × 28 characters grid: agreements, applications, records.
    case prose
    /// A4 portrait, same margins, no line grid: table forms (registers, slips, cover, contents).
    case form
    /// A4 landscape, same margins turned: wide ledgers.
    case landscape
}
