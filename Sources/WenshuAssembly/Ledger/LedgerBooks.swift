import WenshuCase
import WenshuDocument

/// The four books of 三册一本 (the MoJ formats and the county 卷内目录 model, docs/dossier.md) as documents on landscape pages, each a titled table whose
/// header repeats on every page: 矛盾纠纷排查调处登记册 from the cases, 调解组织登记册 and 调解人员登记册 from
/// the registers, 调解工作记录本 from the work logs. Every book honours the same `LedgerFilter`.
package struct LedgerBooks: Sendable {
    /// The four books, with their stable form ids (used for output file names).
    package enum Book: String, Sendable, CaseIterable {
        case disputes = "dispute-register"
        case committees = "committee-register"
        case mediators = "mediator-register"
        case workLog = "work-log"

        package var title: String {
            switch self {
            case .disputes: return "矛盾纠纷排查调处登记册"
            case .committees: return "调解组织登记册"
            case .mediators: return "调解人员登记册"
            case .workLog: return "调解工作记录本"
            }
        }
    }

    package var filter: LedgerFilter
    /// The office or committee keeping the books, printed under the title (填报单位) when given.
    package var keeper: String?

    package init(filter: LedgerFilter = LedgerFilter(), keeper: String? = nil) {
        self.filter = filter
        self.keeper = keeper
    }

    /// 矛盾纠纷排查调处登记册: one row per case the filter includes, in order of acceptance date, then case
    /// number (`CaseNumberOrder.byAcceptance`), as the register is kept by hand.
    package func disputeRegister(_ cases: [CaseFacts]) -> Document {
        let columns = [
            LedgerColumn(title: "序号", width: 3, alignment: .center),
            // Widths in 81sts of the 225 mm landscape line, less 2 mm of cell padding, at 五号 (10.5 pt): a case
            // number stays whole on one line (（2026）临劳调字第41号 is 11 characters, 42.8 mm with padding),
            // and so do a date (2026年10月12日), a four-character type, result or performance, 已回访1次.
            LedgerColumn(title: "编号", width: 16),
            LedgerColumn(title: "受理日期", width: 11, alignment: .center),
            LedgerColumn(title: "当事人", width: 6),
            LedgerColumn(title: "纠纷类型", width: 7, alignment: .center),
            LedgerColumn(title: "纠纷简要情况", width: 8),
            LedgerColumn(title: "调解员", width: 5),
            LedgerColumn(title: "调解结果", width: 7, alignment: .center),
            LedgerColumn(title: "协议形式", width: 4, alignment: .center),
            LedgerColumn(title: "履行情况", width: 7, alignment: .center),
            LedgerColumn(title: "回访", width: 7, alignment: .center),
        ]
        let included = CaseNumberOrder.byAcceptance(cases.filter(filter.includes))
        let rows = included.enumerated().map { index, c -> [[Inline]] in
            [
                LedgerTable.text(String(index + 1)),
                LedgerTable.field(c.number),
                LedgerTable.field(LedgerFormat.date(c.accepted)),
                LedgerTable.lines(c.parties),
                LedgerTable.field(c.type),
                LedgerTable.field(LedgerFormat.brief(title: c.title, summary: c.summary)),
                LedgerTable.lines(c.mediators.map(\.name)),
                c.outcome.map { LedgerTable.field($0) } ?? LedgerTable.text("调解中"),
                LedgerTable.text(c.agreementForm?.label ?? "—"),
                c.performance.map { LedgerTable.field($0) } ?? LedgerTable.text("—"),
                LedgerTable.text(Self.visitText(c)),
            ]
        }
        return book(.disputes, [.table(LedgerTable.make(columns, rows: rows))])
    }

    /// 调解组织登记册: the register's committees, in register order (only the filter's committee when it names one).
    package func committeeRegister(_ committees: [CommitteeRecord]) -> Document {
        let columns = [
            LedgerColumn(title: "序号", width: 3, alignment: .center),
            LedgerColumn(title: "调解组织名称", width: 12),
            LedgerColumn(title: "类别", width: 6, alignment: .center),
            LedgerColumn(title: "专业领域", width: 5, alignment: .center),
            LedgerColumn(title: "地址", width: 10),
            LedgerColumn(title: "联系电话", width: 10),
            LedgerColumn(title: "成立时间", width: 10, alignment: .center),
            LedgerColumn(title: "主任", width: 5, alignment: .center),
            LedgerColumn(title: "组成人员", width: 11),
            LedgerColumn(title: "备注", width: 8),
        ]
        let included = committees.filter { filter.committee == nil || $0.name == filter.committee }
        let rows = included.enumerated().map { index, c -> [[Inline]] in
            [
                LedgerTable.text(String(index + 1)),
                LedgerTable.field(c.name),
                LedgerTable.field(c.level),
                LedgerTable.field(c.specialty),
                LedgerTable.field(c.address),
                LedgerTable.field(c.phone),
                LedgerTable.field(LedgerFormat.date(c.established)),
                LedgerTable.field(c.director),
                LedgerTable.lines(c.members.map { m in m.post.map { "\(m.name)（\($0)）" } ?? m.name }),
                LedgerTable.field(c.notes),
            ]
        }
        return book(.committees, [.table(LedgerTable.make(columns, rows: rows))])
    }

    /// 调解人员登记册: the register's mediators, in register order, narrowed by the filter's committee and
    /// mediator. ID numbers are not printed.
    package func mediatorRegister(_ mediators: [MediatorRecord]) -> Document {
        let columns = [
            LedgerColumn(title: "序号", width: 3, alignment: .center),
            LedgerColumn(title: "姓名", width: 4, alignment: .center),
            LedgerColumn(title: "性别", width: 2, alignment: .center),
            LedgerColumn(title: "出生年月", width: 6, alignment: .center),
            LedgerColumn(title: "民族", width: 3, alignment: .center),
            LedgerColumn(title: "文化程度", width: 5, alignment: .center),
            LedgerColumn(title: "政治面貌", width: 5, alignment: .center),
            LedgerColumn(title: "所在调解组织", width: 11),
            LedgerColumn(title: "职务", width: 4, alignment: .center),
            LedgerColumn(title: "专职/兼职", width: 4, alignment: .center),
            LedgerColumn(title: "证书编号", width: 9),
            LedgerColumn(title: "联系电话", width: 8),
        ]
        let included = mediators.filter {
            (filter.committee == nil || $0.committee == filter.committee)
                && (filter.mediator == nil || $0.name == filter.mediator)
        }
        let rows = included.enumerated().map { index, m -> [[Inline]] in
            [
                LedgerTable.text(String(index + 1)),
                LedgerTable.field(m.name),
                LedgerTable.field(m.gender),
                LedgerTable.field(m.birthDate.map { "\($0.year)年\($0.month)月" }),
                LedgerTable.field(m.ethnicity),
                LedgerTable.field(m.education),
                LedgerTable.field(m.politicalStatus),
                LedgerTable.field(m.committee),
                LedgerTable.field(m.post),
                LedgerTable.field(m.employment),
                LedgerTable.field(m.certificate),
                LedgerTable.field(m.phone),
            ]
        }
        return book(.mediators, [.table(LedgerTable.make(columns, rows: rows))])
    }

    /// 调解工作记录本: per committee's log (in the order given), its entries in the filter, by date (entries of
    /// one day keep their order in the log).
    package func workLog(_ logs: [WorkLog]) -> Document {
        let columns = [
            LedgerColumn(title: "序号", width: 3, alignment: .center),
            LedgerColumn(title: "日期", width: 9, alignment: .center),
            LedgerColumn(title: "类别", width: 3, alignment: .center),
            LedgerColumn(title: "地点", width: 8),
            LedgerColumn(title: "工作内容", width: 29),
            LedgerColumn(title: "参加人员", width: 8),
            LedgerColumn(title: "排查情况", width: 6),
            LedgerColumn(title: "记录人", width: 5, alignment: .center),
        ]
        var blocks: [Block] = []
        for log in logs {
            if let committee = filter.committee, log.committee != committee { continue }
            let entries = log.entries.enumerated()
                .filter { filter.includes($0.element, of: log) }
                .sorted { a, b in
                    let (p, q) = (a.element.date?.dayNumber ?? .min, b.element.date?.dayNumber ?? .min)
                    return p != q ? p < q : a.offset < b.offset
                }
                .map(\.element)
            let rows = entries.enumerated().map { index, e -> [[Inline]] in
                [
                    LedgerTable.text(String(index + 1)),
                    LedgerTable.field(LedgerFormat.date(e.date)),
                    LedgerTable.field(e.kind),
                    LedgerTable.field(e.place),
                    LedgerTable.field(e.content),
                    LedgerTable.lines(e.names),
                    LedgerTable.text(Self.screeningText(e)),
                    LedgerTable.field(e.recorder),
                ]
            }
            blocks.append(.heading(level: 2, [.field(log.committee)]))
            blocks.append(.table(LedgerTable.make(columns, rows: rows)))
        }
        return book(.workLog, blocks)
    }

    private func book(_ book: Book, _ blocks: [Block]) -> Document {
        var lines: [String] = []
        if let keeper { lines.append("填报单位：" + keeper) }
        if let subtitle = filter.subtitle { lines.append(subtitle) }
        return LedgerTable.document(formID: book.rawValue, title: book.title,
                                    subtitle: lines.isEmpty ? nil : lines.joined(separator: "　"),
                                    date: filter.until?.description, blocks: blocks)
    }

    /// 回访 column: `已回访2次`, `未回访` for an agreement nobody has visited yet, `—` where no agreement calls
    /// for one.
    static func visitText(_ c: CaseFacts) -> String {
        if c.visits > 0 { return "已回访\(c.visits)次" }
        return c.agreementForm == nil ? "—" : "未回访"
    }

    /// 排查情况 column: `发现6件，预防2件` for a screening round that counted them.
    static func screeningText(_ e: WorkLog.Entry) -> String {
        var parts: [String] = []
        if let found = e.found { parts.append("发现\(found)件") }
        if let prevented = e.prevented { parts.append("预防\(prevented)件") }
        return parts.joined(separator: "，")
    }
}
