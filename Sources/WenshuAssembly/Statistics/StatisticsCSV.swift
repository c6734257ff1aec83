import Foundation
import WenshuCase

extension Statistics {
    /// The statistics as one flat table for spreadsheets (same columns on every row, as RFC 4180 wants): the
    /// total, then each breakdown's rows, told apart by the first column (分组方式). Rates print as `85.7%`
    /// (empty when the base is 0), money as plain yuan (`34020.00`), so a spreadsheet reads both as numbers.
    package func csvRecords() -> [[String]] {
        let kinds = StatisticsCategories.ordered(total.escalations.keys, known: StatisticsCategories.escalations.map(\.kind))
        var header = ["分组方式", "分组", "说明", "受理", "调解成功", "调解不成功", "终止调解", "正在调解", "调解成功率",
                      "书面协议", "口头协议", "回访", "回访率", "立卷归档", "协议涉及金额（元）",
                      "交办移交", "交办按期办结", "督办", "督办按期办结"]
        for kind in kinds {
            let label = StatisticsCategories.escalationLabel(kind)
            header += [label + "（件）", label + "（人）"]
        }

        func row(_ by: String, _ label: String, _ detail: String?, _ t: StatisticsTally) -> [String] {
            var fields = [by, label, detail ?? "",
                          "\(t.accepted)", "\(t.successful)", "\(t.unsuccessful)", "\(t.terminated)", "\(t.pending)",
                          t.successRate.tenthsOfPercent == nil ? "" : t.successRate.formatted,
                          "\(t.written)", "\(t.oral)", "\(t.followedUp)",
                          t.followUpRate.tenthsOfPercent == nil ? "" : t.followUpRate.formatted,
                          "\(t.dossiers)", t.agreedAmount.description,
                          "\(t.referrals)", "\(t.referralsOnTime)", "\(t.supervisions)", "\(t.supervisionsOnTime)"]
            for kind in kinds {
                let e = t.escalation(kind)
                fields += ["\(e.cases)", "\(e.persons)"]
            }
            return fields
        }

        var records = [header, row("合计", "全部", filter.periodText, total)]
        let breakdowns: [(String, [Group])] = [("纠纷类型", byType), ("纠纷来源", bySource), ("对接渠道", byChannel), ("调解组织类别", byCommitteeLevel),
                                               ("调解组织", byCommittee), ("调解员", byMediator)]
        for (by, groups) in breakdowns {
            records += groups.map { row(by, $0.label, $0.detail, $0.tally) }
        }
        return records
    }

    /// `csvRecords()` as a UTF-8 CSV file with BOM (see `CSV`).
    package func csv() -> Data { CSV.encode(csvRecords()) }
}
