import WenshuXML

/// What a domain rule sees — the file and the office profile — and where it puts its findings.
struct RuleContext {
    let file: CaseFile
    let profile: OfficeProfile?
    private(set) var findings: [Diagnostic] = []

    init(file: CaseFile, profile: OfficeProfile?) {
        self.file = file
        self.profile = profile
    }

    var root: XMLNode { file.root }

    /// Reports a finding about `node` (its location and field path), or about the missing field `field`
    /// of `node`. `id` is given without the file kind's prefix: `id-check-digit` → `case.id-check-digit`.
    mutating func report(_ id: String, _ severity: Diagnostic.Severity = .error, at node: XMLNode,
                         field: String? = nil, _ message: String) {
        let subject = field.map { file.fieldPath($0, in: node) } ?? file.fieldPath(of: node)
        findings.append(Diagnostic("\(file.kind.idPrefix).\(id)", severity, at: file.location(of: node),
                                   subject: subject.nilIfEmpty, message))
    }
}

/// A domain rule: reads the tree, reports findings. Rules skip values the schema already refuses (an
/// unreadable date is a schema finding, not a date-order one).
typealias CaseRule = @Sendable (inout RuleContext) -> Void
