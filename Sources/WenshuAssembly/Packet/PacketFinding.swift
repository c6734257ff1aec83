import WenshuXML

/// A problem the judicial-confirmation checks found: the diagnostic the command prints, the same problem in
/// a Chinese sentence for the packet's paper (the cover note of a forced packet), and whether `--force` may
/// override it.
package struct PacketFinding: Sendable, Equatable {
    package let diagnostic: Diagnostic
    /// The problem as the clerk and the court read it on paper, e.g. 申请超过法定期限：….
    package let notice: String
    /// False for problems no packet can be built over (no agreement to confirm, an oral agreement).
    package let overridable: Bool

    init(_ id: PacketID, _ severity: Diagnostic.Severity? = nil, at origin: PacketFacts.Origin, field: String? = nil,
         _ arguments: [String: DiagnosticArgument] = [:], wording: Phrase? = nil, notice: String) {
        diagnostic = Diagnostic(id, severity, at: origin.location,
                                subject: field.map(origin.field) ?? (origin.path.isEmpty ? nil : origin.path), arguments,
                                wording: wording)
        self.notice = notice
        overridable = !Self.fatal.contains(id.id)
    }

    /// Problems no packet can be built over, `--force` or not: no agreement, an oral one, a missing form.
    static let fatal: Set<String> = [PacketID.noAgreement.id, PacketID.oralAgreement.id, PacketID.missingTemplate.id]

    package var id: String { diagnostic.id }
    package var severity: Diagnostic.Severity { diagnostic.severity }
}

