/// One year's holiday arrangement as the State Council publishes it (国务院办公厅关于某年部分节假日安排的通知):
/// the holiday periods, which are rest days, and the make-up working days (调休上班), which are working days
/// even when they fall on a Saturday or Sunday. Kept as data in the office profile.
package struct HolidayArrangement: Sendable, Equatable {
    package struct Holiday: Sendable, Equatable {
        package let name: String
        package let from: CivilDate
        package let to: CivilDate
        package let makeUpDays: [CivilDate]

        package init(name: String, from: CivilDate, to: CivilDate, makeUpDays: [CivilDate] = []) {
            self.name = name
            self.from = from
            self.to = to
            self.makeUpDays = makeUpDays
        }
    }

    package let year: Int
    package let holidays: [Holiday]

    package init(year: Int, holidays: [Holiday]) {
        self.year = year
        self.holidays = holidays
    }

    /// Every day of every holiday period.
    package var restDays: Set<CivilDate> {
        var days = Set<CivilDate>()
        for holiday in holidays where holiday.from <= holiday.to {
            for n in holiday.from.dayNumber...holiday.to.dayNumber { days.insert(CivilDate(dayNumber: n)) }
        }
        return days
    }

    package var makeUpWorkingDays: Set<CivilDate> { Set(holidays.flatMap(\.makeUpDays)) }
}

/// Which days are rest days (法定休假日) when a legal period is counted (民法典 art. 203): the days of the
/// holiday arrangement for the years it knows, plus Saturdays and Sundays that are not make-up working
/// days. For a year it does not know, only Saturdays and Sundays count — callers say so (`knows(year:)`).
package struct RestDayCalendar: Sendable {
    private let restDays: Set<CivilDate>
    private let workingDays: Set<CivilDate>
    private let years: Set<Int>

    package init(_ arrangements: [HolidayArrangement] = []) {
        restDays = arrangements.reduce(into: []) { $0.formUnion($1.restDays) }
        workingDays = arrangements.reduce(into: []) { $0.formUnion($1.makeUpWorkingDays) }
        years = Set(arrangements.map(\.year))
    }

    /// Saturdays and Sundays only: what is counted when no arrangement is known.
    package static let weekendsOnly = RestDayCalendar()

    /// Whether the holiday arrangement of `year` is known.
    package func knows(year: Int) -> Bool { years.contains(year) }

    package func isRestDay(_ date: CivilDate) -> Bool {
        if restDays.contains(date) { return true }
        if workingDays.contains(date) { return false }
        return date.weekday >= 6
    }

    /// `date` itself when it is a working day, else the first working day after it.
    package func workingDay(onOrAfter date: CivilDate) -> CivilDate {
        var day = date
        while isRestDay(day) { day = day.adding(days: 1) }
        return day
    }
}
