import WenshuCase
import WenshuFormat
import WenshuDocument

extension Statistics {
    /// The form id of the statistics report.
    package static let formID = "statistics"
    package static let title = "人民调解工作统计表"

    /// The statistics as a report on landscape pages: 基本情况, 防止纠纷激化 (件/人), then one table per
    /// breakdown (the one by dispute type with a bar chart of it), and a 说明 stating how each figure is
    /// computed.
    /// - Parameters:
    ///   - keeper: the office reporting (填报单位), printed under the title when given.
    ///   - seal: the text of the office's seal (its name when not given), at the foot with 填表人, 审核人 and 填报日期.
    package func document(keeper: String? = nil, seal: String? = nil) -> Document {
        var blocks: [Block] = []
        var section = 0
        func heading(_ text: String) {
            section += 1
            blocks.append(.heading(level: 1, [.text(ChineseNumerals.spell(Int64(section)) + "、" + text)]))
        }

        heading("基本情况")
        blocks.append(.table(summaryTable()))
        heading("防止纠纷激化")
        blocks.append(.table(escalationTable()))
        heading("按纠纷类型统计")
        var typeTable = groupTable(byType, labelTitle: "纠纷类型", withTotal: true)
        typeTable.chart = Self.typeChart(rows: byType.count)
        blocks.append(.table(typeTable))
        heading("按纠纷来源统计")
        blocks.append(.table(groupTable(bySource, labelTitle: "纠纷来源", withTotal: true)))
        heading("按对接渠道统计")
        blocks.append(.table(channelTable()))
        heading("按调解组织类别统计")
        blocks.append(.table(groupTable(byCommitteeLevel, labelTitle: "调解组织类别", withTotal: true)))
        heading("按调解组织统计")
        blocks.append(.table(groupTable(byCommittee, labelTitle: "调解组织", detailTitle: "类别", withTotal: true)))
        heading("按调解员统计")
        blocks.append(.table(groupTable(byMediator, labelTitle: "调解员", detailTitle: "调解组织", withTotal: false)))
        if let screening, !screening.committees.isEmpty {
            heading("排查情况")
            blocks.append(.table(screeningTable(screening.committees)))
        }
        heading("说明")
        var notes = Self.notes
        if otherCommitteeCases > 0 { notes.append(Self.otherCommitteesNote(otherCommitteeCases)) }
        return LedgerTable.report(formID: Self.formID, title: Self.title, keeper: keeper, seal: seal, filter: filter,
                                  acceptedSpan: acceptedSpan, blocks: blocks, notes: notes)
    }

    /// How every figure is computed, printed under the report.
    package static let notes = [
        "受理纠纷：受理日期在统计期间内的案件（未受理的不计）。",
        "调解成功率 = 调解成功件数 ÷ 受理件数 × 100%；回访率 = 调解成功且已回访的件数 ÷ 调解成功件数 × 100%。百分比保留一位小数，四舍五入；分母为零的记为“—”。",
        "正在调解：已受理、尚无调解结果的案件，计入受理件数。",
        "书面协议、口头协议：按调解协议的形式统计的件数。协议涉及金额：调解成功案件的协议总金额。",
        "立卷归档：已编卷号（立卷）的案件。",
        "对接渠道：法院委派、委托、邀请及法院移送的为诉调对接，公安机关移送的为公调对接，信访部门移送的为访调对接，检察院移送的为检调对接。",
        "交办、督办：案件所附交办单、移交单、督办单的份数；按期办结为接办单位在期限（督办为新期限）内报告办结的份数，按期率 = 按期办结 ÷ 份数 × 100%。",
        "防止纠纷激化：同一案件同一类型只计一件，人数为该案件该类型各条记录人数之和；合计栏的件数为有任一类型的案件数。",
        "按调解员统计：一案有多名调解员的，每名调解员各计一件，故各行之和可大于合计。",
    ]

    /// The note under a report that left out cases of committees the office does not list.
    static func otherCommitteesNote(_ count: Int) -> String {
        "本表只统计本单位所辖调解组织（办公室配置和调解组织登记册所列）的案件；另有\(count)件案件属其他调解组织，未计入。"
    }

    /// The chart under the table by dispute type: cases accepted and mediated successfully per type, one
    /// bar each, the types in the table's order (the 合计 row left out).
    static func typeChart(rows: Int) -> TableChart {
        TableChart(kind: .bar, title: "各类纠纷受理与调解成功件数", categoryColumn: 0, valueColumns: [1, 2],
                   rows: 1..<(1 + rows), valueAxisTitle: "件数")
    }

    private func summaryTable() -> Table {
        let t = total
        var rows: [(String, String)] = [
            ("受理纠纷（件）", "\(t.accepted)"),
            ("调解成功（件）", "\(t.successful)"),
            ("调解成功率", t.successRate.formatted),
            ("调解不成功（件）", "\(t.unsuccessful)"),
            ("终止调解（件）", "\(t.terminated)"),
            ("正在调解（件）", "\(t.pending)"),
            ("书面协议（件）", "\(t.written)"),
            ("口头协议（件）", "\(t.oral)"),
            ("协议涉及金额（元）", LedgerFormat.yuan(t.agreedAmount)),
            ("回访（件）", "\(t.followedUp)"),
            ("回访率", t.followUpRate.formatted),
            ("立卷归档（件）", "\(t.dossiers)"),
            ("交办、移交（件）", "\(t.referrals)"),
            ("其中：按期办结（件）", "\(t.referralsOnTime)"),
            ("督办（件）", "\(t.supervisions)"),
            ("其中：按期办结（件）", "\(t.supervisionsOnTime)"),
        ]
        if let s = screening {
            rows += [("排查次数（次）", "\(s.rounds)"), ("排查发现纠纷（件）", "\(s.found)"), ("预防纠纷（件）", "\(s.prevented)")]
        }
        if let o = organisations {
            rows.append(("调解组织（个）", "\(o.committees)"))
            rows += o.committeesByLevel.map { ("其中：\($0.level)（个）", "\($0.count)") }
            rows += [("人民调解员（人）", "\(o.mediators)"), ("其中：专职（人）", "\(o.fullTimeMediators)")]
        }
        return LedgerTable.make([LedgerColumn(title: "项目", width: 3), LedgerColumn(title: "数值", width: 2, alignment: .right)],
                                rows: rows.map { [LedgerTable.text($0.0), LedgerTable.text($0.1)] })
    }

    /// Each committee's screening rounds against its rhythm, with the days a round was due and missed.
    private func screeningTable(_ committees: [CommitteeScreening]) -> Table {
        let columns = [LedgerColumn(title: "调解组织", width: 8), LedgerColumn(title: "排查周期", width: 3, alignment: .center),
                       LedgerColumn(title: "排查次数", width: 3, alignment: .right), LedgerColumn(title: "漏排查次数", width: 3, alignment: .right),
                       LedgerColumn(title: "漏排查（应排查日期）", width: 10)]
        let rows = committees.map { c -> [[Inline]] in
            [LedgerTable.field(c.committee), LedgerTable.text("每\(c.days)日"), LedgerTable.text("\(c.rounds)"),
             LedgerTable.text("\(c.missed.count)"),
             c.missed.isEmpty ? LedgerTable.text("—") : LedgerTable.field(c.missed.map { ChineseDate.arabic($0) }.joined(separator: "、"))]
        }
        return LedgerTable.make(columns, rows: rows)
    }

    /// The channels a case came by, with the 交办 / 督办 slips of each and the share reported done on time.
    private func channelTable() -> Table {
        var columns = [LedgerColumn(title: "对接渠道", width: 6)]
        columns += [("受理", 3), ("调解成功", 3), ("成功率", 3), ("交办移交", 3), ("按期办结", 3), ("按期率", 3),
                    ("督办", 3), ("按期办结", 3), ("按期率", 3)]
            .map { LedgerColumn(title: $0.0, width: $0.1, alignment: .right) }
        func cells(_ t: StatisticsTally) -> [[Inline]] {
            ["\(t.accepted)", "\(t.successful)", t.successRate.formatted, "\(t.referrals)", "\(t.referralsOnTime)",
             t.referralOnTimeRate.formatted, "\(t.supervisions)", "\(t.supervisionsOnTime)",
             t.supervisionOnTimeRate.formatted].map(LedgerTable.text)
        }
        var rows = byChannel.map { [LedgerTable.field($0.label)] + cells($0.tally) }
        rows.append([[.strong("合计")]] + cells(total))
        return LedgerTable.make(columns, rows: rows)
    }

    private func escalationTable() -> Table {
        let kinds = StatisticsCategories.ordered(total.escalations.keys, known: StatisticsCategories.escalations.map(\.kind))
        var rows = kinds.map { kind -> [[Inline]] in
            let count = total.escalation(kind)
            return [LedgerTable.text(StatisticsCategories.escalationLabel(kind)),
                    LedgerTable.text("\(count.cases)"), LedgerTable.text("\(count.persons)")]
        }
        rows.append([[.strong("合计")], LedgerTable.text("\(total.anyEscalation.cases)"),
                     LedgerTable.text("\(total.anyEscalation.persons)")])
        return LedgerTable.make([LedgerColumn(title: "项目", width: 4),
                                 LedgerColumn(title: "件", width: 1, alignment: .right),
                                 LedgerColumn(title: "人", width: 1, alignment: .right)], rows: rows)
    }

    private func groupTable(_ groups: [Group], labelTitle: String, detailTitle: String? = nil, withTotal: Bool) -> Table {
        var columns = [LedgerColumn(title: labelTitle, width: detailTitle == nil ? 6 : 12)]
        if let detailTitle { columns.append(LedgerColumn(title: detailTitle, width: 8)) }
        columns += [("受理", 3), ("调解成功", 3), ("成功率", 3), ("书面协议", 3), ("口头协议", 3), ("回访", 3), ("回访率", 3),
                    ("立卷归档", 3), ("防止激化（件/人）", 4)]
            .map { LedgerColumn(title: $0.0, width: $0.1, alignment: .right) }

        func cells(_ t: StatisticsTally) -> [[Inline]] {
            ["\(t.accepted)", "\(t.successful)", t.successRate.formatted, "\(t.written)", "\(t.oral)",
             "\(t.followedUp)", t.followUpRate.formatted, "\(t.dossiers)",
             "\(t.anyEscalation.cases)/\(t.anyEscalation.persons)"].map(LedgerTable.text)
        }
        var rows = groups.map { group -> [[Inline]] in
            var row = [LedgerTable.field(group.label)]
            if detailTitle != nil { row.append(LedgerTable.field(group.detail)) }
            return row + cells(group.tally)
        }
        if withTotal {
            var row: [[Inline]] = [[.strong("合计")]]
            if detailTitle != nil { row.append([]) }
            rows.append(row + cells(total))
        }
        return LedgerTable.make(columns, rows: rows)
    }
}
