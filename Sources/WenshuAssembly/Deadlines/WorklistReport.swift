import Foundation
import WenshuCase
import WenshuDocument
import WenshuFormat

/// The worklist as it is printed: one line per obligation (text), JSON for tools, or a document (督办清单
/// style table on a landscape page) for the office's wall.
package struct WorklistReport: Sendable {
    package let day: CivilDate
    /// In print order (`Worklist.ordered`).
    package let obligations: [Obligation]

    package init(day: CivilDate, obligations: [Obligation]) {
        self.day = day
        self.obligations = obligations
    }

    /// Open and past their day.
    package var overdue: [Obligation] { obligations.filter { $0.isOverdue(on: day) } }

    /// `逾期12天`, `今日到期`, `还有5天`, `逾期3天办结`.
    package func status(_ obligation: Obligation) -> String {
        let late = obligation.daysLate(on: day)
        if obligation.done != nil { return "逾期\(late)天办结" }
        if late > 0 { return "逾期\(late)天" }
        return late == 0 ? "今日到期" : "还有\(-late)天"
    }

    /// One line per obligation, then the counts by kind:
    /// `（2026）西交调字第37号  分期履行  第2期（共3期）…  2026年5月10日  逾期12天`.
    package var text: String {
        var lines = ["截至\(ChineseDate.arabic(day))：待办 \(obligations.count) 项，其中逾期 \(overdue.count) 项"]
        for o in obligations {
            lines.append([o.caseNumber, o.kind.label, o.subject, ChineseDate.arabic(o.due), status(o)].joined(separator: "  "))
        }
        let counts = Obligation.Kind.allCases.compactMap { kind -> String? in
            let all = obligations.filter { $0.kind == kind }
            guard !all.isEmpty else { return nil }
            let late = all.filter { $0.isOverdue(on: day) }.count
            return "\(kind.label) \(all.count) 项" + (late > 0 ? "（逾期 \(late)）" : "")
        }
        if !counts.isEmpty { lines.append("合计：" + counts.joined(separator: "，")) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The list for tools: dates ISO, amounts as decimal strings, days late as a number (negative: days left).
    package func json() throws -> String {
        struct Item: Encodable {
            let caseNumber, kind, label, subject, due, file: String
            let line: Int
            let done, outstanding: String?
            let daysLate: Int
            let overdue: Bool
        }
        struct List: Encodable {
            let on: String
            let overdue: Int
            let counts: [String: Int]
            let obligations: [Item]
        }
        let items = obligations.map { o in
            Item(caseNumber: o.caseNumber, kind: o.kind.rawValue, label: o.kind.label, subject: o.subject,
                 due: o.due.description, file: o.location.file, line: o.location.line, done: o.done?.description,
                 outstanding: o.outstanding?.description, daysLate: o.daysLate(on: day), overdue: o.isOverdue(on: day))
        }
        let counts = Dictionary(grouping: obligations, by: \.kind.rawValue).mapValues(\.count)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(List(on: day.description, overdue: overdue.count, counts: counts,
                                                        obligations: items)), as: UTF8.self)
    }

    /// 待办事项清单: a landscape table, dated the day it is as of.
    package func document(keeper: String?) -> Document {
        let columns = [
            LedgerColumn(title: "序号", width: 3, alignment: .center),
            LedgerColumn(title: "编号", width: 12),
            LedgerColumn(title: "事项", width: 6, alignment: .center),
            LedgerColumn(title: "内容", width: 16),
            LedgerColumn(title: "期限", width: 8, alignment: .center),
            LedgerColumn(title: "状态", width: 6, alignment: .center),
            LedgerColumn(title: "调解员", width: 4),
        ]
        let rows = obligations.enumerated().map { index, o -> [[Inline]] in
            [LedgerTable.text(String(index + 1)), LedgerTable.field(o.caseNumber), LedgerTable.text(o.kind.label),
             LedgerTable.field(o.subject), LedgerTable.text(ChineseDate.arabic(o.due)),
             o.isOverdue(on: day) ? [.strong(status(o))] : LedgerTable.text(status(o)), LedgerTable.lines(o.mediators)]
        }
        let subtitle = [keeper.map { "填报单位：" + $0 }, "截至" + ChineseDate.arabic(day)].compactMap { $0 }.joined(separator: "　")
        return LedgerTable.document(formID: "worklist", title: "矛盾纠纷待办事项清单", subtitle: subtitle,
                                    date: day.description, blocks: [.table(LedgerTable.make(columns, rows: rows))])
    }
}
