/// The period within which the parties may jointly apply for judicial confirmation of an agreement:
/// 30 days from the day it takes effect (人民调解法 art. 33; 民事诉讼法 art. 205), counted as 民法典
/// arts. 201 and 203 say — the day of effect is not counted, and a last day that is a rest day moves to the
/// next working day (民事诉讼法 arts. 205–206 and its interpretation, docs/packet.md).
///
/// `check` warns when an application came later; the packet builder refuses it.
package struct ConfirmationWindow: Sendable, Equatable {
    package static let days = 30

    /// The day the agreement took effect.
    package let effective: CivilDate
    /// The 30th day after `effective`, before any rest-day extension.
    package let nominalLastDay: CivilDate
    /// The last day on which an application is in time.
    package let lastDay: CivilDate
    /// Years consulted while counting whose holiday arrangement the calendar did not know: for them only
    /// Saturdays and Sundays were taken as rest days, so public holidays may have been missed.
    package let yearsWithoutArrangement: [Int]

    package init(effective: CivilDate, calendar: RestDayCalendar) {
        self.effective = effective
        nominalLastDay = effective.adding(days: Self.days)
        lastDay = calendar.workingDay(onOrAfter: nominalLastDay)
        let years = Set((nominalLastDay.dayNumber...lastDay.dayNumber).map { CivilDate(dayNumber: $0).year })
        yearsWithoutArrangement = years.filter { !calendar.knows(year: $0) }.sorted()
    }

    /// Whether an application made on `applied` is in time (on or before `lastDay`).
    package func isTimely(_ applied: CivilDate) -> Bool { applied <= lastDay }
}
