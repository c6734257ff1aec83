import WenshuCase

/// A committee's screening rounds (排查) against its rhythm: a round is due `days` after the one before;
/// when the next recorded round came later, every round due in between was missed (and made up by that
/// later round). Written once for `wenshu due` (obligations) and `stats` (the screening table).
package struct ScreeningRhythm: Sendable, Equatable {
    /// Days between two rounds (`DeadlineSettings.screeningDays` for the committee's level).
    package let days: Int

    package init(days: Int) { self.days = days }

    /// The rounds missed between the recorded `rounds` (in any order): each with the day it was due and
    /// the recorded round that came after it.
    package func missed(_ rounds: [CivilDate]) -> [(due: CivilDate, next: CivilDate)] {
        let sorted = rounds.sorted()
        var missed: [(CivilDate, CivilDate)] = []
        for (previous, next) in zip(sorted, sorted.dropFirst()) {
            var due = previous.adding(days: days)
            while due < next {
                missed.append((due, next))
                due = due.adding(days: days)
            }
        }
        return missed
    }

    /// The day the round after `last` is due.
    package func next(after last: CivilDate) -> CivilDate { last.adding(days: days) }
}
