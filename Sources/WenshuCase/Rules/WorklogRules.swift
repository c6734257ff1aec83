import WenshuXML

/// The work log. Ids: `entry-year` (an entry dated outside the log's `year`: warning), `date-order` (a
/// meeting decision due or done before the meeting that made it).
enum WorklogRules {
    private static let entries = ChildSteps(path: "entries/entry")
    private static let entryDates = ChildSteps(path: "entries/entry/date")
    private static let decisions = ChildSteps(path: "decisions/decision")

    static let entriesInYear: CaseRule = { context in
        guard let year = context.root.value("year") else { return }
        for date in context.root.nodes(entryDates) {
            if let day = date.date, String(day.year) != year {
                context.report(.entryYear, at: date, ["date": "\(day)", "year": "\(year)"])
            }
        }
    }

    static let decisionsAfterMeetings: CaseRule = { context in
        for entry in context.root.nodes(entries) {
            guard let meeting = entry.element(named: "date")?.date else { continue }
            for decision in entry.nodes(decisions) {
                for name in ["due", "done"] {
                    if let node = decision.element(named: name), let day = node.date, day < meeting {
                        context.report(.dateOrder, at: node, ["date": "\(day)", "relation": .phrase(InputWording.before),
                                                              "other": .phrase(InputWording.meeting), "otherDate": "\(meeting)",
                                                              "reason": .phrase(InputWording.decidedAtMeeting)])
                    }
                }
            }
        }
    }
}
