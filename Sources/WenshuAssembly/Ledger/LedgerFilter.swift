import WenshuCase

/// Which cases (and work-log entries) a ledger or a statistics report covers: `--since/--until` on the
/// acceptance date (受理日期), both inclusive, a committee and a mediator. An empty filter takes every
/// accepted case.
///
/// A case without an acceptance date was received but never accepted (受理): it is in no ledger and counts in
/// no statistics, whatever the filter.
package struct LedgerFilter: Sendable, Equatable {
    /// First day included.
    package var since: CivilDate?
    /// Last day included.
    package var until: CivilDate?
    /// The committee's exact name.
    package var committee: String?
    /// A mediator's exact name: cases where the mediator is one of the case's mediators.
    package var mediator: String?
    /// The office's own committees, by exact name — those its profile's `committees` and its committees
    /// register list: a case or work log of any other committee is in no book and no figure of the office.
    /// `nil` when neither lists any (then every committee counts).
    package var ownCommittees: Set<String>?

    package init(since: CivilDate? = nil, until: CivilDate? = nil, committee: String? = nil, mediator: String? = nil,
                ownCommittees: Set<String>? = nil) {
        self.since = since
        self.until = until
        self.committee = committee
        self.mediator = mediator
        self.ownCommittees = ownCommittees
    }

    /// The committee is one of the office's own (any committee is, when the office lists none).
    public func isOwn(_ committee: String) -> Bool { ownCommittees?.contains(committee) ?? true }

    /// Accepted in the period at a committee that is not the office's: what the reports say they left out.
    public func isOtherCommittees(_ facts: CaseFacts) -> Bool { covers(facts.accepted) && !isOwn(facts.committee) }

    /// `date` lies in the period (an open end accepts anything on that side; no date is never in it).
    package func covers(_ date: CivilDate?) -> Bool {
        guard let date else { return false }
        if let since, date < since { return false }
        if let until, date > until { return false }
        return true
    }

    /// The case was accepted in the period, at the committee, with the mediator.
    package func includes(_ facts: CaseFacts) -> Bool {
        guard covers(facts.accepted), isOwn(facts.committee) else { return false }
        if let committee, facts.committee != committee { return false }
        if let mediator, !facts.mediators.contains(where: { $0.name == mediator }) { return false }
        return true
    }

    /// The period as a report prints it: `2026年1月1日至2026年6月30日`, `2026年1月1日起`, `截至2026年6月30日`;
    /// `nil` for no period.
    package var periodText: String? {
        switch (since, until) {
        case let (s?, u?): return LedgerFormat.date(s) + "至" + LedgerFormat.date(u)
        case let (s?, nil): return LedgerFormat.date(s) + "起"
        case let (nil, u?): return "截至" + LedgerFormat.date(u)
        case (nil, nil): return nil
        }
    }

    /// The line under a ledger's or report's title: period, committee and mediator, e.g.
    /// `统计期间：2026年1月1日至2026年6月30日　调解组织：…`; `nil` when the filter is empty.
    package var subtitle: String? {
        var parts: [String] = []
        if let periodText { parts.append("期间：" + periodText) }
        if let committee { parts.append("调解组织：" + committee) }
        if let mediator { parts.append("调解员：" + mediator) }
        return parts.isEmpty ? nil : parts.joined(separator: "　")
    }
}

extension LedgerFilter {
    /// The work-log entry is dated in the period, in the committee's log, and (with a mediator) names the
    /// mediator among its people or as recorder.
    package func includes(_ entry: WorkLog.Entry, of log: WorkLog) -> Bool {
        guard covers(entry.date), isOwn(log.committee) else { return false }
        if let committee, log.committee != committee { return false }
        if let mediator, !entry.involves(mediator) { return false }
        return true
    }
}
