import WenshuXML

/// A problem the judicial-confirmation checks found: the diagnostic the command prints, the same problem in
/// a Chinese sentence for the packet's paper (the cover note of a forced packet), and whether `--force` may
/// override it.
public struct PacketFinding: Sendable, Equatable {
    public let diagnostic: Diagnostic
    /// The problem as the clerk and the court read it on paper, e.g. 申请超过法定期限：….
    public let notice: String
    /// False for problems no packet can be built over (no agreement to confirm, an oral agreement).
    public let overridable: Bool

    init(_ id: PacketFindingID, _ severity: Diagnostic.Severity = .error, at origin: PacketFacts.Origin,
         field: String? = nil, _ message: String, notice: String) {
        diagnostic = Diagnostic(id.rawValue, severity, at: origin.location,
                                subject: field.map(origin.field) ?? (origin.path.isEmpty ? nil : origin.path), message)
        self.notice = notice
        overridable = !id.isFatal
    }

    public var id: String { diagnostic.id }
    public var severity: Diagnostic.Severity { diagnostic.severity }
}

/// The stable ids of the packet's findings (docs/packet.md lists them with their rules).
public enum PacketFindingID: String, Sendable, CaseIterable {
    /// Applied after the 30-day window (error).
    case window = "packet.window"
    /// No application date yet: the last day to apply (note).
    case windowOpen = "packet.window-open"
    /// The window was counted without the year's holiday arrangement (note).
    case holidaysUnknown = "packet.holidays-unknown"
    /// The agreement confirms a status relation: marriage, parent-child, adoption (error).
    case excludedStatus = "packet.excluded-status"
    /// The agreement confirms ownership of property or intellectual-property rights (error).
    case excludedOwnership = "packet.excluded-ownership"
    /// A 婚姻家庭 or property case whose agreement does not say what it confirms (warning, a question).
    case exclusionUnknown = "packet.exclusion-unknown"
    /// A party or applying agent lacks identity, address or contact data (error).
    case missingIdentity = "packet.missing-identity"
    /// An agent among the applicants without 特别授权 (error).
    case agentAuthority = "packet.agent-authority"
    /// No agreement to confirm (error, cannot be forced).
    case noAgreement = "packet.no-agreement"
    /// An oral agreement: a court confirms a written 人民调解协议书 (error, cannot be forced).
    case oralAgreement = "packet.oral-agreement"
    /// Fewer than two parties: nothing to apply for jointly (error).
    case oneParty = "packet.one-party"
    /// No receiving court recorded (warning: the line is left for handwriting).
    case noCourt = "packet.no-court"
    /// A case a court referred (委派/委托) whose application goes to another court (warning).
    case court = "packet.court"
    /// An identity paper or power of attorney the court needs is not among the attachments (warning).
    case missingMaterial = "packet.missing-material"
    /// The agreement deals with property but no property-right proof is attached (warning, a question).
    case propertyProof = "packet.property-proof"
    /// A form the packet needs is not among the templates (error, cannot be forced).
    case missingTemplate = "packet.missing-template"

    /// Problems no packet can be built over, `--force` or not.
    var isFatal: Bool {
        switch self {
        case .noAgreement, .oralAgreement, .missingTemplate: return true
        default: return false
        }
    }
}
