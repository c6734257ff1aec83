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
            context.report(.confirmationWithoutAgreement, at: confirmation)
            return
        }
        if agreement.value("form") == "oral" {
            context.report(.confirmationOralAgreement, at: confirmation)
        }
        guard let appliedNode = confirmation.element(named: "applied"), let applied = appliedNode.date,
              let effective = (agreement.element(named: "effective") ?? agreement.element(named: "date"))?.date
        else { return }
        let calendar = context.profile?.calendar ?? .weekendsOnly
        let window = ConfirmationWindow(effective: effective, calendar: calendar)
        if !window.isTimely(applied) {
            context.report(.confirmationLate, at: appliedNode,
                           ["applied": "\(applied)", "lastDay": "\(window.lastDay)", "effective": "\(effective)"])
        }
        if !window.yearsWithoutArrangement.isEmpty {
            let years = window.yearsWithoutArrangement.map(String.init)
            let why: DiagnosticArgument = context.profile != nil
                ? .phrase(InputWording.profileLacksYears, ["years": .list(years)])
                : .phrase(context.profileFailedToLoad ? InputWording.profileNotLoaded : InputWording.noProfileGiven)
            context.report(.holidaysUnknown, at: appliedNode, ["why": why])
        }
    }
}
