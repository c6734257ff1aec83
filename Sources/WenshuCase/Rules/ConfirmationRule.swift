import WenshuXML

/// Judicial confirmation (民事诉讼法 arts. 205–206 and its interpretation, docs/packet.md). An application later than the 30-day window after the agreement
/// took effect is a warning here (the case is still a valid record; `packet` refuses it). The window counts
/// the office profile's holiday arrangement; for a year it lacks, only Saturdays and Sundays, with a note.
/// An agreement without `effective` takes effect on its date (人民调解法 art. 29: on signing and sealing).
///
/// Ids: `confirmation-late` (warning), `holidays-unknown` (note), `confirmation-without-agreement`,
/// `confirmation-oral-agreement` (warning: a court confirms a written agreement).
enum ConfirmationRule {
    static let rule: CaseRule = { context in
        guard let confirmation = context.root.element(named: "confirmation") else { return }
        guard let agreement = context.root.element(named: "agreement") else {
            context.report("confirmation-without-agreement", at: confirmation,
                           "judicial confirmation is recorded, but the case has no `agreement` to confirm")
            return
        }
        if agreement.value("form") == "oral" {
            context.report("confirmation-oral-agreement", .warning, at: confirmation,
                           "judicial confirmation needs a written agreement (人民调解协议书); this agreement is oral")
        }
        guard let appliedNode = confirmation.element(named: "applied"), let applied = appliedNode.date,
              let effective = (agreement.element(named: "effective") ?? agreement.element(named: "date"))?.date
        else { return }
        let calendar = context.profile?.calendar ?? .weekendsOnly
        let window = ConfirmationWindow(effective: effective, calendar: calendar)
        if !window.isTimely(applied) {
            context.report("confirmation-late", .warning, at: appliedNode,
                           "applied \(applied), after the 30-day window that ended \(window.lastDay) (agreement effective \(effective)); the court may refuse the application")
        }
        if !window.yearsWithoutArrangement.isEmpty {
            let years = window.yearsWithoutArrangement.map(String.init).joined(separator: ", ")
            let source = context.profile == nil ? "no office profile was given" : "the office profile has no holiday arrangement for \(years)"
            context.report("holidays-unknown", .note, at: appliedNode,
                           "the 30-day window was counted with Saturdays and Sundays as the only rest days: \(source), so public holidays were not known")
        }
    }
}
