/// The ids of stage 1, about the files a user writes: the case, the office profile, the registers, the
/// work log. A problem any kind of file can have is declared with one id per kind (`case.syntax`,
/// `office.syntax`, `register.syntax`, `worklog.syntax`): the id says which kind of file is wrong.
public struct InputID: Sendable {
    /// The entry per file kind, keyed by the id's first part (`case`, `office`, `register`, `worklog`).
    public let entries: [String: DiagnosticEntry]
    /// The ids in declaration order.
    public let ids: [String]

    /// Declares the ids of one problem: `InputID(ids, en: …, zh: …, means: …, fix: …)`, with one literal id per kind of file.
    public init(_ ids: [String], _ severity: Severity = .error, en english: String, zh chinese: String,
                variants: [Phrase] = [], means meaning: String, fix: String) {
        self.ids = ids
        var entries: [String: DiagnosticEntry] = [:]
        for id in ids {
            let kind = String(id.prefix { $0 != "." })
            entries[kind] = DiagnosticEntry(id, severity, message: Phrase(en: english, zh: chinese), variants: variants,
                                            meaning: meaning, fix: fix)
        }
        self.entries = entries
    }

    /// The entry for files whose ids start with `kindPrefix` (`case`, `office`, `register`, `worklog`).
    public func entry(kindPrefix: String) -> DiagnosticEntry {
        guard let entry = entries[kindPrefix] else {
            preconditionFailure("\(ids.first ?? "?") is not declared for \(kindPrefix) files")
        }
        return entry
    }

    /// The first entry: the problem's message, meaning and fix.
    public var entry: DiagnosticEntry { entries[String(ids[0].prefix { $0 != "." })]! }
}
