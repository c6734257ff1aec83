import WenshuXML

/// The work log. Id: `entry-year` (an entry dated outside the log's `year`: warning).
enum WorklogRules {
    static let entriesInYear: CaseRule = { context in
        guard let year = context.root.value("year") else { return }
        for date in context.root.nodes("entries/entry/date") {
            if let day = date.date, String(day.year) != year {
                context.report(.entryYear, at: date, ["date": "\(day)", "year": "\(year)"])
            }
        }
    }
}
