import WenshuXML

/// The office profile's own consistency: a wrong holiday arrangement silently moves every judicial
/// confirmation deadline, so it is checked like a case.
///
/// Ids: `holiday-range` (a holiday ending before it starts), `holiday-year` (a date outside its year:
/// warning), `make-up-day` (a make-up working day inside a holiday), `duplicate-year`, `duplicate-rate`
/// (two rates for one level and grade), `duplicate-committee`, `number-pattern` (no `{n}`, or an unknown
/// placeholder).
enum OfficeRules {
    static let holidays: CaseRule = { context in
        var years: [String: XMLNode] = [:]
        for yearNode in context.root.nodes("holiday_years/holiday_year") {
            let year = yearNode.value("year") ?? ""
            if years[year] != nil, let node = yearNode.element(named: "year") {
                context.report("duplicate-year", at: node, "the holiday arrangement of \(year) is given twice")
            }
            years[year] = yearNode
            let holidays = yearNode.nodes("holidays/holiday")
            let restDays = holidays.compactMap { h -> ClosedRange<CivilDate>? in
                guard let from = h.element(named: "from")?.date, let to = h.element(named: "to")?.date, from <= to else { return nil }
                return from...to
            }
            for holiday in holidays {
                let name = holiday.value("name") ?? ""
                if let fromNode = holiday.element(named: "from"), let from = fromNode.date,
                   let toNode = holiday.element(named: "to"), let to = toNode.date, to < from {
                    context.report("holiday-range", at: toNode, "\(name) ends \(to), before it starts \(from)")
                }
                for dateNode in ["from", "to"].compactMap({ holiday.element(named: $0) }) {
                    if let date = dateNode.date, String(date.year) != year {
                        context.report("holiday-year", .warning, at: dateNode, "\(name): \(date) is not in \(year)")
                    }
                }
                for makeUp in holiday.nodes("make_up_days/make_up_day") {
                    if let date = makeUp.date, restDays.contains(where: { $0.contains(date) }) {
                        context.report("make-up-day", at: makeUp, "\(name): make-up working day \(date) falls inside a holiday")
                    }
                }
            }
        }
    }

    static let rates: CaseRule = { context in
        var seen = Set<String>()
        for rate in context.root.nodes("subsidies/subsidy") {
            let key = "\(rate.value("level") ?? "") \(rate.value("grade") ?? "")"
            if !seen.insert(key).inserted {
                context.report("duplicate-rate", at: rate, "a second subsidy rate for \(key)")
            }
        }
        var names = Set<String>()
        for name in context.root.nodes("committees/committee/name") where !names.insert(name.stringValue).inserted {
            context.report("duplicate-committee", at: name, "\(name.stringValue) is listed twice")
        }
    }

    static let numberPatterns: CaseRule = { context in
        for node in context.root.nodes("number_formats/number_format/pattern") {
            let pattern = NumberPattern(node.stringValue)
            if !pattern.hasRunningNumber {
                context.report("number-pattern", at: node, "the series \(pattern.text) has no {n} for the running number")
            }
            for unknown in pattern.unknownPlaceholders {
                context.report("number-pattern", at: node, "{\(unknown)} is not a placeholder Wenshu knows ({year}, {prefix}, {n})")
            }
        }
    }
}
