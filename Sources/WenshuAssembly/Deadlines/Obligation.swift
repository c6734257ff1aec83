import WenshuCase
import WenshuXML

/// One thing an office owes by a day (`wenshu due`): a slip to answer, a case to close, an instalment to
/// chase, a visit to make, a confirmation window closing, a dossier to file.
package struct Obligation: Sendable, Equatable {
    /// What kind of thing is owed, in the order a summary counts them.
    package enum Kind: String, Sendable, CaseIterable, Codable {
        /// A 交办单 or 移交单 not yet reported done (销号), or done after its deadline.
        case referral
        /// A 督办单 not yet reported done, or done after its new deadline.
        case supervision
        /// A case accepted and not closed within its time limit (the court's for a case it sent).
        case caseLimit = "case-limit"
        /// An instalment of an agreement due or unpaid.
        case instalment
        /// A follow-up visit due: after the agreement, and after the last instalment.
        case visit
        /// A party who said 不满意 at a visit, not yet taken up again.
        case rehandle
        /// The 30 days for a joint application for judicial confirmation, running out.
        case confirmation
        /// A closed case whose dossier is not filed.
        case dossier
        /// A decision of a meeting in the work log (who does what by when) not done by its day.
        case meetingDecision = "meeting-decision"
        /// A committee's next screening round (排查) by its rhythm; a round missed is one done late.
        case screening

        /// The kinds that come from a committee's work log rather than from a case.
        package static let fromWorkLog: [Kind] = [.meetingDecision, .screening]

        /// How a clerk names it.
        package var label: String {
            switch self {
            case .referral: return "交办移交"
            case .supervision: return "督办"
            case .caseLimit: return "办理期限"
            case .instalment: return "分期履行"
            case .visit: return "回访"
            case .rehandle: return "不满意再处理"
            case .confirmation: return "司法确认期限"
            case .dossier: return "立卷归档"
            case .meetingDecision: return "会议决定事项"
            case .screening: return "排查"
            }
        }
    }

    package var kind: Kind
    /// The case's number (for the work log's obligations, the committee's name), and the file and line the
    /// obligation comes from.
    package var caseNumber: String
    package var location: SourceLocation
    /// What is owed, in a clerk's words: `交办单 西矛调交〔2026〕5号（区人社局）答复`.
    package var subject: String
    /// The last day to do it.
    package var due: CivilDate
    /// When it was done, for one done late (a slip answered after its deadline); `nil` while open.
    package var done: CivilDate?
    /// Money still owed, for an instalment.
    package var outstanding: Amount?
    /// The committee and the mediators of the case, for `--committee` and `--mediator`.
    package var committee: String
    package var mediators: [String]

    /// Days past `due` on `day` (negative: days left); for one done late, the days it was late.
    package func daysLate(on day: CivilDate) -> Int { (done ?? day).dayNumber - due.dayNumber }

    /// Past its day and still open on `day`.
    package func isOverdue(on day: CivilDate) -> Bool { done == nil && daysLate(on: day) > 0 }
}
