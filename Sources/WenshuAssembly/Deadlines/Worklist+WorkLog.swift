import WenshuCase
import WenshuFormat
import WenshuXML

extension Worklist {
    /// The obligations a committee's work log (调解工作记录本) holds as of `day`: each meeting decision not
    /// done by its day (and those done late), and its screening rounds (排查) against the rhythm of its
    /// `level` (`DeadlineSettings.screeningDays`) — every round missed between two recorded ones (done
    /// late, on the round that came next) and the next round due after the last one. A level without a
    /// rhythm has no screening obligations. The obligations carry the committee's name where a case's
    /// carry its number.
    package func obligations(ofWorkLog file: CaseFile, level: String?) -> [Obligation] {
        let root = file.root
        let committee = root.value("committee") ?? ""
        var found: [Obligation] = []
        func add(_ kind: Obligation.Kind, _ node: XMLNode, _ subject: String, _ due: CivilDate, _ done: CivilDate?) {
            found.append(Obligation(kind: kind, caseNumber: committee, location: file.location(of: node), subject: subject,
                                    due: due, done: done, outstanding: nil, committee: committee, mediators: []))
        }
        let entries = root.nodes("entries/entry").compactMap { node -> (XMLNode, CivilDate)? in
            guard let date = node.element(named: "date")?.date, date <= day else { return nil }
            return (node, date)
        }

        for (entry, date) in entries where entry.value("kind") == "会议" {
            for decision in entry.nodes("decisions/decision") {
                guard let due = decision.element(named: "due")?.date else { continue }
                let done = decision.element(named: "done")?.date.flatMap { $0 <= day ? $0 : nil }
                if let done, done <= due { continue }
                let owner = decision.value("owner").map { "（\($0)）" } ?? ""
                add(.meetingDecision, decision, "\(ChineseDate.arabic(date))会议决定：\(decision.value("text") ?? "")\(owner)", due, done)
            }
        }

        guard let level, let days = settings.screeningDays[level] else { return found }
        let rhythm = ScreeningRhythm(days: days)
        let rounds = entries.filter { $0.0.value("kind") == "排查" }.sorted { $0.1 < $1.1 }
        // Each round missed between two recorded ones is listed as done late, on the round that came next.
        for (due, next) in rhythm.missed(rounds.map(\.1)) {
            let node = rounds.first { $0.1 == next }!.0
            add(.screening, node, "排查（每\(days)日一次）未按期进行", due, next)
        }
        // The next round after the last one (without any round: counted from the log's first entry).
        guard let last = rounds.last ?? entries.min(by: { $0.1 < $1.1 }) else { return found }
        add(.screening, last.0, "排查（每\(days)日一次），上次" + (rounds.isEmpty ? "无记录" : ChineseDate.arabic(last.1)),
            rhythm.next(after: last.1), nil)
        return found
    }
}
