import Foundation
import WenshuCase
import WenshuDocument

/// The 以案定补 report for the cases a filter includes: per mediator, the qualifying cases by grade with
/// count × rate = amount (`Amount`, integer 分, printed as ¥ figures), and every case that does not qualify with its
/// reasons.
package struct SubsidyReport: Sendable, Equatable {
    /// One mediator's qualifying cases of one grade at one committee.
    package struct Line: Sendable, Equatable {
        package var mediator: String
        package var committee: String
        package var level: String
        package var grade: String
        /// Per case.
        package var rate: Amount
        /// The cases' numbers, in `CaseNumberOrder`.
        package var cases: [String]

        package var count: Int { cases.count }
        /// count × rate.
        package var amount: Amount { Amount(fen: count * rate.fen) }
    }

    package static let formID = "subsidy"
    package static let title = "人民调解以案定补明细表"

    package var filter: LedgerFilter
    /// By committee, then mediator, then grade (一般, 疑难, 重大, others).
    package var lines: [Line]
    /// The cases that do not qualify, in case-number order.
    package var refused: [SubsidyDecision]
    /// Required materials the rules could not check.
    package var uncheckedMaterials: [String]
    /// The first and last acceptance dates of the cases considered (stated when the filter has no period).
    package var acceptedSpan: ClosedRange<CivilDate>?
    /// Cases in the period at committees that are not the office's own: not considered, and said so.
    package var otherCommitteeCases = 0

    private struct LineKey: Hashable { var mediator, committee, grade: String }

    /// All lines' amounts.
    package var total: Amount { lines.map(\.amount).sum() }

    package init(cases: some Sequence<CaseFacts>, rules: SubsidyRules, filter: LedgerFilter = LedgerFilter()) {
        var lines: [LineKey: Line] = [:]
        var refused: [SubsidyDecision] = []
        var span: ClosedRange<CivilDate>?
        var others = 0
        for c in CaseNumberOrder.sorted(cases.filter { c in
            if filter.isOtherCommittees(c) { others += 1 }
            return filter.includes(c)
        }) {
            span = LedgerFormat.span(span, including: c.accepted)
            let decision = rules.decide(c)
            guard decision.qualifies, let recipient = decision.recipient, let rate = decision.rate else {
                refused.append(decision)
                continue
            }
            let key = LineKey(mediator: recipient.name, committee: c.committee, grade: rate.grade)
            lines[key, default: Line(mediator: recipient.name, committee: c.committee, level: rate.level,
                                     grade: rate.grade, rate: rate.amount, cases: [])].cases.append(c.number)
        }
        let grades = StatisticsCategories.grades
        func gradeRank(_ g: String) -> Int { grades.firstIndex(of: g) ?? grades.count }
        self.filter = filter
        self.acceptedSpan = span
        self.otherCommitteeCases = others
        self.lines = lines.values.sorted { a, b in
            if a.committee != b.committee { return Statistics.precedes(a.committee, b.committee) }
            if a.mediator != b.mediator { return Statistics.precedes(a.mediator, b.mediator) }
            if gradeRank(a.grade) != gradeRank(b.grade) { return gradeRank(a.grade) < gradeRank(b.grade) }
            return Statistics.precedes(a.grade, b.grade)
        }
        self.refused = refused
        self.uncheckedMaterials = rules.uncheckedMaterials
    }

    /// The report: 补助明细 (per mediator and grade; a subtotal for a mediator with cases of several grades; the
    /// total), 不予补助的案件 with
    /// reasons, and a 说明 stating the rules applied.
    package func document(keeper: String? = nil, seal: String? = nil) -> Document {
        let blocks: [Block] = [.heading(level: 1, [.text("一、补助明细")]), .table(linesTable()),
                               .heading(level: 1, [.text("二、不予补助的案件")]), .table(refusedTable()),
                               .heading(level: 1, [.text("三、说明")])]
        var notes = Self.notes
        if !uncheckedMaterials.isEmpty {
            notes.append("补助标准要求的以下材料无法从案件数据核对，未予核对：" + uncheckedMaterials.joined(separator: "、") + "。")
        }
        if otherCommitteeCases > 0 { notes.append(Statistics.otherCommitteesNote(otherCommitteeCases)) }
        return LedgerTable.report(formID: Self.formID, title: Self.title, keeper: keeper, seal: seal, filter: filter,
                                  acceptedSpan: acceptedSpan, blocks: blocks, notes: notes)
    }

    /// The rules the report applied, printed under it.
    package static let notes = [
        "补助条件：一案卷、调解成功、协议履行——已立卷归档、调解成功、协议已履行完毕，且案卷材料符合该档补助标准的要求。",
        "补助标准按案件等级（一般、疑难、重大）和调解组织类别确定，见办公室配置；金额 = 件数 × 补助标准。",
        "谁调解，补助谁：一案有多名调解员的，补助全额发给主持调解员，每案只补一次。",
    ]

    private func linesTable() -> Table {
        let columns = [
            LedgerColumn(title: "序号", width: 2, alignment: .center),
            LedgerColumn(title: "调解员", width: 4, alignment: .center),
            LedgerColumn(title: "调解组织", width: 12),
            LedgerColumn(title: "组织类别", width: 5, alignment: .center),
            LedgerColumn(title: "案件等级", width: 3, alignment: .center),
            LedgerColumn(title: "件数", width: 2, alignment: .right),
            LedgerColumn(title: "补助标准", width: 4, alignment: .right),
            LedgerColumn(title: "补助金额", width: 5, alignment: .right),
            LedgerColumn(title: "案件编号", width: 14),
        ]
        var rows: [[[Inline]]] = []
        var number = 0
        var index = lines.startIndex
        while index < lines.endIndex {
            let first = lines[index]
            let group = lines[index...].prefix { $0.mediator == first.mediator && $0.committee == first.committee }
            for line in group {
                number += 1
                rows.append([LedgerTable.text("\(number)"), LedgerTable.field(line.mediator), LedgerTable.field(line.committee),
                             LedgerTable.field(line.level), LedgerTable.field(line.grade), LedgerTable.text("\(line.count)"),
                             LedgerTable.text(LedgerFormat.yuan(line.rate)), LedgerTable.text(LedgerFormat.yuan(line.amount)),
                             LedgerTable.field(line.cases.joined(separator: "、"))])
            }
            if group.count > 1 {
                let count = group.reduce(0) { $0 + $1.count }
                let amount = group.map(\.amount).sum()
                rows.append([[], LedgerTable.field(first.mediator), [.strong("小计")], [], [], LedgerTable.text("\(count)"), [],
                             [.strong(LedgerFormat.yuan(amount))], []])
            }
            index = group.endIndex
        }
        rows.append([[], [.strong("合计")], [], [], [], LedgerTable.text("\(lines.reduce(0) { $0 + $1.count })"), [],
                     [.strong(LedgerFormat.yuan(total))], []])
        return LedgerTable.make(columns, rows: rows)
    }

    private func refusedTable() -> Table {
        let columns = [
            LedgerColumn(title: "序号", width: 2, alignment: .center),
            LedgerColumn(title: "编号", width: 10),
            LedgerColumn(title: "调解组织", width: 12),
            LedgerColumn(title: "主持调解员", width: 4, alignment: .center),
            LedgerColumn(title: "案件等级", width: 3, alignment: .center),
            LedgerColumn(title: "不予补助原因", width: 16),
        ]
        let rows = refused.enumerated().map { index, d -> [[Inline]] in
            [LedgerTable.text("\(index + 1)"), LedgerTable.field(d.facts.number), LedgerTable.field(d.facts.committee),
             LedgerTable.field(d.recipient?.name), LedgerTable.field(d.facts.grade),
             LedgerTable.text(d.reasons.map(\.explanation).joined(separator: "；"))]
        }
        return LedgerTable.make(columns, rows: rows)
    }

    /// One row per case the filter includes, qualifying or not, for a spreadsheet to pivot: 编号, 调解组织,
    /// 组织类别, 案件等级, 主持调解员, 是否补助, 补助标准（元）, 补助金额（元）, 不予补助原因.
    package func csvRecords() -> [[String]] {
        var decisions: [(number: String, committee: String, level: String?, grade: String?, mediator: String?,
                         rate: Amount?, amount: Amount, reasons: String)] = []
        for line in lines {
            for number in line.cases {
                decisions.append((number, line.committee, line.level, line.grade, line.mediator, line.rate, line.rate, ""))
            }
        }
        for d in refused {
            decisions.append((d.facts.number, d.facts.committee, d.facts.committeeLevel, d.facts.grade, d.recipient?.name,
                              d.rate?.amount, .zero, d.reasons.map(\.explanation).joined(separator: "；")))
        }
        decisions.sort { CaseNumberOrder.precedes($0.number, $1.number) }
        let header = ["编号", "调解组织", "组织类别", "案件等级", "主持调解员", "是否补助", "补助标准（元）", "补助金额（元）", "不予补助原因"]
        return [header] + decisions.map { d in
            [d.number, d.committee, d.level ?? "", d.grade ?? "", d.mediator ?? "", d.reasons.isEmpty ? "是" : "否",
             d.rate?.description ?? "", d.amount.description, d.reasons]
        }
    }

    /// `csvRecords()` as a UTF-8 CSV file with BOM (see `CSV`).
    package func csv() -> Data { CSV.encode(csvRecords()) }
}
