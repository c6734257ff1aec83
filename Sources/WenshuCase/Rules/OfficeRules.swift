import WenshuXML

/// The office profile's own consistency: a wrong holiday arrangement silently moves every judicial
/// confirmation deadline, so it is checked like a case.
///
/// Ids: `holiday-range` (a holiday ending before it starts), `holiday-year` (a date outside its year:
/// warning), `make-up-day` (a make-up working day inside a holiday), `duplicate-year`, `duplicate-rate`
/// (two rates for one level and grade), `duplicate-committee`, `number-pattern` (no `{n}`, or an unknown
/// placeholder).
enum OfficeRules {
    private static let holidayYears = ChildSteps(path: "holiday_years/holiday_year")
    private static let yearHolidays = ChildSteps(path: "holidays/holiday")
    private static let makeUpDays = ChildSteps(path: "make_up_days/make_up_day")
    private static let subsidies = ChildSteps(path: "subsidies/subsidy")
    private static let committeeNames = ChildSteps(path: "committees/committee/name")
    private static let patterns = ChildSteps(path: "number_formats/number_format/pattern")

    static let holidays: CaseRule = { context in
        var years: [String: XMLNode] = [:]
        for yearNode in context.root.nodes(holidayYears) {
            let year = yearNode.value("year") ?? ""
            if years[year] != nil, let node = yearNode.element(named: "year") {
                context.report(.duplicateYear, at: node, ["year": "\(year)"])
            }
            years[year] = yearNode
            let holidays = yearNode.nodes(yearHolidays)
            let restDays = holidays.compactMap { h -> ClosedRange<CivilDate>? in
                guard let from = h.element(named: "from")?.date, let to = h.element(named: "to")?.date, from <= to else { return nil }
                return from...to
            }
            for holiday in holidays {
                let name = holiday.value("name") ?? ""
                if let fromNode = holiday.element(named: "from"), let from = fromNode.date,
                   let toNode = holiday.element(named: "to"), let to = toNode.date, to < from {
                    context.report(.holidayRange, at: toNode, ["name": "\(name)", "to": "\(to)", "from": "\(from)"])
                }
                for dateNode in ["from", "to"].compactMap({ holiday.element(named: $0) }) {
                    if let date = dateNode.date, String(date.year) != year {
                        context.report(.holidayYear, at: dateNode, ["name": "\(name)", "date": "\(date)", "year": "\(year)"])
                    }
                }
                for makeUp in holiday.nodes(makeUpDays) {
                    if let date = makeUp.date, restDays.contains(where: { $0.contains(date) }) {
                        context.report(.makeUpDay, at: makeUp, ["name": "\(name)", "date": "\(date)"])
                    }
                }
            }
        }
    }

    static let rates: CaseRule = { context in
        var seen = Set<String>()
        for rate in context.root.nodes(subsidies) {
            let key = "\(rate.value("level") ?? "") \(rate.value("grade") ?? "")"
            if !seen.insert(key).inserted {
                context.report(.duplicateRate, at: rate, ["key": "\(key)"])
            }
        }
        var names = Set<String>()
        for name in context.root.nodes(committeeNames) where !names.insert(name.stringValue).inserted {
            context.report(.duplicateCommittee, at: name, ["name": "\(name.stringValue)"])
        }
    }

    static let numberPatterns: CaseRule = { context in
        for node in context.root.nodes(patterns) {
            let pattern = NumberPattern(node.stringValue)
            if !pattern.hasRunningNumber {
                context.report(.numberPattern, at: node, ["pattern": "\(pattern.text)", "n": "{n}"])
            }
            for unknown in pattern.unknownPlaceholders {
                context.report(.numberPattern, at: node, ["placeholder": "{\(unknown)}", "known": .list(["{year}", "{prefix}", "{n}"])],
                               wording: InputWording.unknownPlaceholder)
            }
        }
    }
}
