import WenshuCase

/// The counts of one row of the statistics: all cases of a period, or those of one dispute type, source,
/// committee or mediator.
///
/// Definitions (the report's 说明 prints them):
/// - 受理 `accepted`: cases accepted in the period (`LedgerFilter`);
/// - 调解成功 `successful`, 调解不成功, 终止调解: by `outcome/result`; 正在调解 `pending`: no outcome yet;
/// - 调解成功率 = 调解成功 ÷ 受理 × 100%;
/// - 书面 / 口头协议: cases whose agreement is written / oral;
/// - 回访 `followedUp`: successfully mediated cases with at least one follow-up visit; 回访率 = 回访 ÷ 调解成功;
/// - 立卷归档 `dossiers`: cases with a dossier number;
/// - 交办 `referrals` (交办 and 移交 slips) and 督办 `supervisions`, each with how many were reported done by
///   their deadline (`…OnTime`; a 督办's deadline is its new one); 按期办结率 = on time ÷ issued;
/// - 防止激化: per kind, the cases with at least one escalation of that kind prevented (件) and the persons
///   involved (人, summed over the case's entries of that kind).
package struct StatisticsTally: Sendable, Equatable {
    /// Cases and persons of one kind of escalation prevented.
    package struct EscalationCount: Sendable, Equatable {
        package var cases: Int
        package var persons: Int

        package init(cases: Int = 0, persons: Int = 0) {
            self.cases = cases
            self.persons = persons
        }
    }

    package var accepted = 0
    package var successful = 0
    package var unsuccessful = 0
    package var terminated = 0
    package var pending = 0
    package var written = 0
    package var oral = 0
    package var followedUp = 0
    package var dossiers = 0
    /// The agreed amounts of the successfully mediated cases (协议涉及金额).
    package var agreedAmount = Amount.zero
    /// By escalation kind (自杀, 民转刑, 群体性械斗, 群体性上访, …).
    package var escalations: [String: EscalationCount] = [:]
    /// Cases with any escalation prevented, and all their persons.
    package var anyEscalation = EscalationCount()
    /// 交办 and 移交 slips, and those reported done by their deadline.
    package var referrals = 0
    package var referralsOnTime = 0
    /// 督办 slips, and those reported done by their new deadline.
    package var supervisions = 0
    package var supervisionsOnTime = 0

    package init() {}

    /// Counts one case.
    package mutating func add(_ c: CaseFacts) {
        accepted += 1
        switch c.outcome {
        case CaseFacts.Outcome.successful?: successful += 1
        case CaseFacts.Outcome.unsuccessful?: unsuccessful += 1
        case CaseFacts.Outcome.terminated?: terminated += 1
        default: pending += 1
        }
        switch c.agreementForm {
        case .written?: written += 1
        case .oral?: oral += 1
        case nil: break
        }
        if c.isSuccessful {
            if c.visits > 0 { followedUp += 1 }
            agreedAmount = agreedAmount + (c.agreedAmount ?? .zero)
        }
        if c.hasDossier { dossiers += 1 }
        var persons: [String: Int] = [:]
        for e in c.escalations { persons[e.kind, default: 0] += e.persons }
        for (kind, n) in persons {
            escalations[kind, default: EscalationCount()].cases += 1
            escalations[kind, default: EscalationCount()].persons += n
        }
        if !persons.isEmpty {
            anyEscalation.cases += 1
            anyEscalation.persons += persons.values.reduce(0, +)
        }
        for routing in c.routings {
            if routing.isSupervision {
                supervisions += 1
                if routing.doneOnTime { supervisionsOnTime += 1 }
            } else {
                referrals += 1
                if routing.doneOnTime { referralsOnTime += 1 }
            }
        }
    }

    /// 调解成功率 = 调解成功 ÷ 受理.
    package var successRate: StatisticsRate { StatisticsRate(count: successful, base: accepted) }
    /// 回访率 = 回访 ÷ 调解成功.
    package var followUpRate: StatisticsRate { StatisticsRate(count: followedUp, base: successful) }

    /// 交办按期办结率 = reported done on time ÷ 交办 and 移交 issued.
    package var referralOnTimeRate: StatisticsRate { StatisticsRate(count: referralsOnTime, base: referrals) }
    /// 督办按期办结率 = reported done by the new deadline ÷ 督办 issued.
    package var supervisionOnTimeRate: StatisticsRate { StatisticsRate(count: supervisionsOnTime, base: supervisions) }

    /// The count for one escalation kind (zero when none).
    package func escalation(_ kind: String) -> EscalationCount { escalations[kind] ?? EscalationCount() }
}
