/// One id of the catalogue: its default severity, its message in English and Chinese, and for the docs
/// what it means and how to fix it.
public struct DiagnosticEntry: Sendable, Hashable {
    /// The stable dotted id, `case.id-check-digit`.
    public let id: String
    public let severity: Severity
    public let message: Phrase
    /// Other wordings of the same finding (a site picks one with `wording:`).
    public let variants: [Phrase]
    /// One line for docs/diagnostics.md: what the finding means.
    public let meaning: String
    /// One line for docs/diagnostics.md: how to fix it.
    public let fix: String

    public init(_ id: String, _ severity: Severity, message: Phrase, variants: [Phrase] = [], meaning: String,
                fix: String) {
        self.id = id
        self.severity = severity
        self.message = message
        self.variants = [message] + variants
        self.meaning = meaning
        self.fix = fix
    }
}

/// A stage's id type: each stage declares its ids as static members of its own type (`TemplateID.unknownElement`),
/// so a stage does not emit another's ids by accident; `DiagnosticCatalogue` lists them all.
public protocol DiagnosticID: Sendable {
    var entry: DiagnosticEntry { get }
    init(entry: DiagnosticEntry)
}

extension DiagnosticID {
    /// Declares an id: `TemplateID(id, .error, en: …, zh: …, means: …, fix: …)` with the dotted id as a literal.
    public init(_ id: String, _ severity: Severity = .error, en english: String, zh chinese: String,
                variants: [Phrase] = [], means meaning: String, fix: String) {
        self.init(entry: DiagnosticEntry(id, severity, message: Phrase(en: english, zh: chinese), variants: variants,
                                         meaning: meaning, fix: fix))
    }

    public var id: String { entry.id }
}
