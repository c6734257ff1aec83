import WenshuXML

/// What a domain rule sees — the file and the office profile — and where it puts its findings.
struct RuleContext {
    let file: CaseFile
    let profile: OfficeProfile?
    /// A profile was given but did not load (its own errors are reported): findings say so rather than
    /// "no office profile was given".
    var profileFailedToLoad = false
    private(set) var findings: [Diagnostic] = []

    init(file: CaseFile, profile: OfficeProfile?, profileFailedToLoad: Bool = false) {
        self.file = file
        self.profile = profile
        self.profileFailedToLoad = profileFailedToLoad
    }

    var root: XMLNode { file.root }

    /// Reports a finding about `node` (its location and field path), or about the missing field `field`
    /// of `node`, under `id`'s entry for this file's kind (`InputID.idCheckDigit` → `case.id-check-digit`
    /// in a case, `register.id-check-digit` in the mediators' register).
    mutating func report(_ id: InputID, _ severity: Diagnostic.Severity? = nil, at node: XMLNode,
                         field: String? = nil, _ arguments: [String: DiagnosticArgument] = [:], wording: Phrase? = nil) {
        let subject = field.map { file.fieldPath($0, in: node) } ?? file.fieldPath(of: node)
        findings.append(Diagnostic(id, file.kind, severity, at: file.location(of: node), subject: subject.nilIfEmpty,
                                   arguments, wording: wording))
    }
}

/// A domain rule: reads the tree, reports findings. Rules skip values the schema already refuses (an
/// unreadable date is a schema finding, not a date-order one).
typealias CaseRule = @Sendable (inout RuleContext) -> Void
