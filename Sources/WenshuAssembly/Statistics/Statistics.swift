import WenshuCase
/// The statistics of a period (docs/ledgers-and-statistics.md): the totals, the escalations prevented in 件 and 人, breakdowns
/// by dispute type, source, channel, committee level, committee and mediator; with the work logs, the screening
/// rounds; with the registers, the committees and mediators the office has.
///
/// Built in one pass over the cases, which may be a lazy sequence: nothing but the counts is kept.
package struct Statistics: Sendable, Equatable {
    /// One row of a breakdown.
    package struct Group: Sendable, Equatable {
        /// The dispute type, source, committee level, committee name or mediator name.
        package var label: String
        /// For a committee its level, for a mediator the committee; `nil` otherwise.
        package var detail: String?
        package var tally: StatisticsTally

        package init(label: String, detail: String? = nil, tally: StatisticsTally) {
            self.label = label
            self.detail = detail
            self.tally = tally
        }
    }

    /// Screening work from the work logs (调解工作记录本): entries of kind 排查 in the filter.
    package struct Screening: Sendable, Equatable {
        /// 排查次数.
        package var rounds = 0
        /// 排查发现纠纷 (件).
        package var found = 0
        /// 预防纠纷 (件).
        package var prevented = 0

        /// Each committee whose rhythm is known (`screeningRhythms`), with its rounds in the filter against it.
        package var committees: [CommitteeScreening] = []
        /// 漏排查: rounds missed, all committees together.
        package var missed: Int { committees.reduce(0) { $0 + $1.missed.count } }

        package init(rounds: Int = 0, found: Int = 0, prevented: Int = 0, committees: [CommitteeScreening] = []) {
            self.rounds = rounds
            self.found = found
            self.prevented = prevented
            self.committees = committees
        }
    }

    /// One committee's screening rounds against its rhythm (weekly 村(居), half-monthly 乡镇(街道)).
    package struct CommitteeScreening: Sendable, Equatable {
        package var committee: String
        /// Days between two rounds.
        package var days: Int
        package var rounds: Int
        /// The days on which a round was due and none was held (made up by a later round).
        package var missed: [CivilDate]

        package init(committee: String, days: Int, rounds: Int, missed: [CivilDate]) {
            self.committee = committee
            self.days = days
            self.rounds = rounds
            self.missed = missed
        }
    }

    /// The organisations in the registers (narrowed by the filter's committee and mediator).
    package struct Organisations: Sendable, Equatable {
        /// Committees by level, in `StatisticsCategories.committeeLevels` order (then others).
        package var committeesByLevel: [(level: String, count: Int)]
        package var mediators: Int
        /// 专职 mediators.
        package var fullTimeMediators: Int

        package var committees: Int { committeesByLevel.reduce(0) { $0 + $1.count } }

        package static func == (a: Organisations, b: Organisations) -> Bool {
            a.committeesByLevel.elementsEqual(b.committeesByLevel) { $0 == $1 }
                && a.mediators == b.mediators && a.fullTimeMediators == b.fullTimeMediators
        }
    }

    package var filter: LedgerFilter
    package var total: StatisticsTally
    package var byType: [Group]
    package var bySource: [Group]
    /// By channel (诉调、公调、访调、检调对接 …), every channel listed.
    package var byChannel: [Group]
    package var byCommitteeLevel: [Group]
    /// Committees with cases in the period, by level then name.
    package var byCommittee: [Group]
    /// Mediators with cases in the period, by committee then name. A case with several mediators counts for
    /// each of them, so these rows add up to more than the total.
    package var byMediator: [Group]
    /// `nil` when no work log was given.
    package var screening: Screening?
    /// `nil` when no register was given.
    package var organisations: Organisations?
    /// The first and last acceptance dates of the cases counted (`nil` when none was counted): what a
    /// report without a period states instead of one.
    package var acceptedSpan: ClosedRange<CivilDate>?
    /// Cases accepted in the period at committees that are not the office's own (`LedgerFilter.ownCommittees`):
    /// left out of every figure, and said so under the report.
    package var otherCommitteeCases = 0

    /// Counts the cases the filter includes.
    /// - Parameters:
    ///   - workLogs: the committees' work logs, for the screening counts (none: no screening section).
    ///   - screeningRhythms: days between two screening rounds by committee name, for the rounds missed (a
    ///     committee not in it is counted without a rhythm).
    ///   - committees, mediators: the registers, for the organisation counts (both `nil`: no such section).
    package init(cases: some Sequence<CaseFacts>, filter: LedgerFilter = LedgerFilter(), workLogs: [WorkLog]? = nil,
                screeningRhythms: [String: Int] = [:],
                committees: [CommitteeRecord]? = nil, mediators: [MediatorRecord]? = nil) {
        var total = StatisticsTally()
        var byType: [String: StatisticsTally] = [:]
        var bySource: [String: StatisticsTally] = [:]
        var byChannel: [String: StatisticsTally] = [:]
        var byLevel: [String: StatisticsTally] = [:]
        var byCommittee: [String: StatisticsTally] = [:]
        var committeeLevel: [String: String] = [:]
        var byMediator: [MediatorKey: StatisticsTally] = [:]
        var span: ClosedRange<CivilDate>?
        var others = 0
        for c in cases {
            if filter.isOtherCommittees(c) { others += 1 }
            guard filter.includes(c) else { continue }
            span = LedgerFormat.span(span, including: c.accepted)
            total.add(c)
            byType[c.type, default: StatisticsTally()].add(c)
            bySource[c.sourceKind ?? Self.unrecorded, default: StatisticsTally()].add(c)
            byChannel[c.channel ?? Self.unrecorded, default: StatisticsTally()].add(c)
            byLevel[c.committeeLevel ?? Self.unrecorded, default: StatisticsTally()].add(c)
            byCommittee[c.committee, default: StatisticsTally()].add(c)
            if let level = c.committeeLevel { committeeLevel[c.committee] = level }
            for name in Set(c.mediators.map(\.name)) {
                byMediator[MediatorKey(name: name, committee: c.committee), default: StatisticsTally()].add(c)
            }
        }
        func groups(_ tallies: [String: StatisticsTally], known: [String]) -> [Group] {
            StatisticsCategories.ordered(tallies.keys, known: known).map {
                Group(label: $0, tally: tallies[$0] ?? StatisticsTally())
            }
        }
        let levels = StatisticsCategories.committeeLevels
        func levelRank(_ committee: String) -> Int { committeeLevel[committee].flatMap(levels.firstIndex) ?? levels.count }

        self.filter = filter
        self.acceptedSpan = span
        self.otherCommitteeCases = others
        self.total = total
        self.byType = groups(byType, known: StatisticsCategories.types)
        self.bySource = groups(bySource, known: StatisticsCategories.sources)
        self.byChannel = groups(byChannel, known: StatisticsCategories.channels)
        self.byCommitteeLevel = groups(byLevel, known: levels)
        self.byCommittee = byCommittee.keys
            .sorted { levelRank($0) != levelRank($1) ? levelRank($0) < levelRank($1) : Self.precedes($0, $1) }
            .map { Group(label: $0, detail: committeeLevel[$0], tally: byCommittee[$0]!) }
        self.byMediator = byMediator.keys
            .sorted { $0.committee != $1.committee ? Self.precedes($0.committee, $1.committee) : Self.precedes($0.name, $1.name) }
            .map { Group(label: $0.name, detail: $0.committee, tally: byMediator[$0]!) }
        self.screening = workLogs.map { Self.screening(in: $0, filter: filter, rhythms: screeningRhythms) }
        self.organisations = (committees == nil && mediators == nil)
            ? nil : Self.organisations(committees ?? [], mediators ?? [], filter: filter)
    }

    /// The row label for a case that leaves a breakdown's field out.
    package static let unrecorded = "未填写"

    private struct MediatorKey: Hashable {
        var name: String
        var committee: String
    }

    private static func screening(in logs: [WorkLog], filter: LedgerFilter, rhythms: [String: Int]) -> Screening {
        var result = Screening()
        for log in logs {
            var days: [CivilDate] = []
            for entry in log.entries where entry.kind == WorkLog.Entry.screening && filter.includes(entry, of: log) {
                result.rounds += 1
                result.found += entry.found ?? 0
                result.prevented += entry.prevented ?? 0
                if let date = entry.date { days.append(date) }
            }
            if let rhythm = rhythms[log.committee], filter.committee.map({ $0 == log.committee }) ?? true {
                let missed = ScreeningRhythm(days: rhythm).missed(days).map(\.due)
                result.committees.append(CommitteeScreening(committee: log.committee, days: rhythm, rounds: days.count, missed: missed))
            }
        }
        return result
    }

    private static func organisations(_ committees: [CommitteeRecord], _ mediators: [MediatorRecord],
                                      filter: LedgerFilter) -> Organisations {
        let chosen = committees.filter { filter.committee == nil || $0.name == filter.committee }
        var byLevel: [String: Int] = [:]
        for c in chosen { byLevel[c.level ?? unrecorded, default: 0] += 1 }
        let people = mediators.filter {
            (filter.committee == nil || $0.committee == filter.committee) && (filter.mediator == nil || $0.name == filter.mediator)
        }
        return Organisations(
            committeesByLevel: StatisticsCategories.ordered(byLevel.keys, known: StatisticsCategories.committeeLevels)
                .map { ($0, byLevel[$0] ?? 0) },
            mediators: people.count,
            fullTimeMediators: people.filter { $0.employment == "专职" }.count)
    }

    /// A stable, locale-free order for names: by code point.
    static func precedes(_ a: String, _ b: String) -> Bool { a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars) }
}
