import WenshuCase
import WenshuFormat
import WenshuXML

/// The office's worklist as of a day: every open obligation of a case, from its own data and the office's
/// time limits (`DeadlineSettings`), counted with the office's holiday calendar where the law counts so (the
/// judicial-confirmation window, exactly as `packet` counts it).
///
/// "As of" is strict: anything the case records after `day` has not happened yet (a slip answered later is
/// open, a payment made later is unpaid), so `wenshu due --on DATE` gives the list the office had that day.
package struct Worklist: Sendable {
    package let day: CivilDate
    package let settings: DeadlineSettings
    package let calendar: RestDayCalendar

    package init(on day: CivilDate, settings: DeadlineSettings = DeadlineSettings(), calendar: RestDayCalendar = RestDayCalendar([])) {
        self.day = day
        self.settings = settings
        self.calendar = calendar
    }

    /// Every obligation of the loaded case `file` open on `day`, and every slip answered late by then.
    package func obligations(of file: CaseFile) -> [Obligation] {
        let root = file.root
        guard let accepted = root.element(named: "accepted")?.date, accepted <= day else { return [] }
        let number = root.value("number") ?? ""
        let committee = root.node("committee/name")?.stringValue ?? ""
        let mediators = root.nodes("mediators/mediator").compactMap { $0.value("name") }
        var found: [Obligation] = []
        let add: Add = { kind, node, subject, due, done, outstanding in
            found.append(Obligation(kind: kind, caseNumber: number, location: file.location(of: node), subject: subject,
                                    due: due, done: done, outstanding: outstanding, committee: committee, mediators: mediators))
        }
        /// A day the case records, if it has come by `day`.
        func happened(_ node: XMLNode?) -> CivilDate? { node?.date.flatMap { $0 <= day ? $0 : nil } }

        let closed = happened(root.element(named: "closed"))
        let outcome = root.node("outcome/result")?.stringValue
        // The outcome has no day of its own: it stands from the closing, or the agreement, when either came.
        let decided = outcome != nil && (root.element(named: "closed") ?? root.node("agreement/date"))
            .map { happened($0) != nil } ?? (outcome != nil)

        // Slips: a 交办 or 移交 followed by a 督办 is carried by the 督办 (its new deadline, its report).
        let routings = root.nodes("routings/routing").filter { happened($0.element(named: "date")) != nil }
        let supervised = routings.contains { $0.value("kind") == "督办" }
        for routing in routings {
            let kind = routing.value("kind") ?? ""
            if kind != "督办" && supervised { continue }
            guard let deadline = (routing.element(named: "new_deadline") ?? routing.element(named: "deadline"))?.date else { continue }
            let done = happened(routing.node("done/date"))
            if let done, done <= deadline { continue }
            let slip = kind + "单" + (routing.value("number").map { " " + $0 } ?? "")
                + (routing.value("to_unit").map { "（\($0)）" } ?? "")
            add(kind == "督办" ? .supervision : .referral, routing, slip, deadline, done, nil)
        }

        // The case itself, until it is closed (or has its outcome).
        if closed == nil && !decided {
            let sourceKind = root.node("source/kind")?.stringValue
            let limit = root.node("source/time_limit").flatMap { Int($0.stringValue) }
                ?? (["委派", "委托"].contains(sourceKind ?? "") ? settings.courtCaseDays : settings.caseDays)
            let extended = root.nodes("extensions/extension")
                .filter { happened($0.element(named: "date")) != nil }
                .reduce(0) { $0 + (Int($1.value("days") ?? "") ?? 0) }
            let what = "受理后办结" + (extended > 0 ? "（期限\(limit)日，延长\(extended)日）" : "（期限\(limit)日）")
            add(.caseLimit, root.element(named: "accepted")!, what, accepted.adding(days: limit + extended), nil, nil)
        }

        if let agreement = root.element(named: "agreement"), let agreed = happened(agreement.element(named: "date")),
           outcome == CaseFacts.Outcome.successful {
            instalments(of: agreement, add)
            visits(of: root, agreed: agreed, agreement: agreement, add)
            confirmation(of: root, agreement: agreement, agreed: agreed, add)
        }

        // A case settled by an oral agreement is registered, not bound (its 口头协议登记表 is the record).
        if let closed, happened(root.node("dossier/filed_on")) == nil, root.node("agreement/form")?.stringValue != "oral" {
            add(.dossier, root.element(named: "closed")!, "结案后立卷归档", closed.adding(days: settings.dossierDays), nil, nil)
        }
        return found
    }

    /// Records one obligation: kind, the node it comes from, what is owed, its day, when done, money owed.
    private typealias Add = (Obligation.Kind, XMLNode, String, CivilDate, CivilDate?, Amount?) -> Void

    /// Instalments not covered by the payments made by `day`, paid in order of their due days. The
    /// status 已履行 settles them only when no payment is recorded (the payments' days say when, the status
    /// only how things stand now).
    private func instalments(of agreement: XMLNode, _ add: Add) {
        let payments = agreement.nodes("performance/payments/payment")
        if payments.isEmpty && agreement.node("performance/status")?.stringValue == CaseFacts.Performance.performed { return }
        var paid = payments
            .filter { ($0.element(named: "date")?.date).map { $0 <= day } ?? false }
            .compactMap { $0.element(named: "amount")?.amount }.sum()
        let plan = agreement.nodes("instalments/instalment").compactMap { node -> (XMLNode, CivilDate, Amount)? in
            guard let due = node.element(named: "due")?.date, let amount = node.element(named: "amount")?.amount else { return nil }
            return (node, due, amount)
        }.sorted { $0.1 < $1.1 }
        let count = plan.count
        for (index, (node, due, amount)) in plan.enumerated() {
            let covered = min(paid, amount)
            paid = Amount(fen: paid.fen - covered.fen)
            guard covered < amount else { continue }
            let owed = Amount(fen: amount.fen - covered.fen)
            add(.instalment, node, "第\(index + 1)期（共\(count)期）应付\(amount.figures)，未付\(owed.figures)", due, nil, owed)
        }
    }

    /// The visit after the agreement, the one after the last instalment, and 不满意 not taken up again.
    private func visits(of root: XMLNode, agreed: CivilDate, agreement: XMLNode, _ add: Add) {
        let visits = root.nodes("visits/visit").compactMap { node -> (XMLNode, CivilDate)? in
            guard let date = node.element(named: "date")?.date, date <= day else { return nil }
            return (node, date)
        }
        if !visits.contains(where: { $0.1 >= agreed }) {
            add(.visit, agreement.element(named: "date")!, "协议达成后回访", agreed.adding(days: settings.firstVisitDays), nil, nil)
        }
        let dues = agreement.nodes("instalments/instalment").compactMap { $0.element(named: "due")?.date }
        if let last = dues.max(), let node = agreement.nodes("instalments/instalment").last,
           !visits.contains(where: { $0.1 >= last }) {
            add(.visit, node, "最后一期履行后回访", last.adding(days: settings.finalVisitDays), nil, nil)
        }
        let sessions = root.nodes("sessions/session").compactMap { $0.element(named: "date")?.date }.filter { $0 <= day }
        for (node, date) in visits where node.value("satisfaction") == "不满意" {
            let takenUp = visits.contains { $0.1 > date } || sessions.contains { $0 > date }
            if !takenUp {
                add(.rehandle, node, "\(ChineseDate.arabic(date))回访时当事人不满意，再行处理", date.adding(days: settings.rehandleDays), nil, nil)
            }
        }
    }

    /// The 30 days for applying to confirm a written agreement, while they run and nobody has applied.
    private func confirmation(of root: XMLNode, agreement: XMLNode, agreed: CivilDate,
 _ add: Add) {
        guard agreement.value("form") == "written", root.node("confirmation/applied").flatMap({ $0.date.map { $0 <= day } }) != true,
              agreement.value("confirms_status_relation") != "true", agreement.value("confirms_ownership") != "true" else { return }
        let effective = agreement.element(named: "effective")?.date ?? agreed
        let window = ConfirmationWindow(effective: effective, calendar: calendar)
        guard window.lastDay >= day else { return }  // past: the parties can no longer apply
        add(.confirmation, agreement.element(named: "effective") ?? agreement.element(named: "date")!,
            "协议\(ChineseDate.arabic(effective))生效，共同申请司法确认", window.lastDay, nil, nil)
    }
}

extension Worklist {
    /// The obligations in the order the list prints them: overdue first (the oldest first), then by date;
    /// ties by case number and kind.
    package func ordered(_ obligations: [Obligation]) -> [Obligation] {
        let kinds = Obligation.Kind.allCases
        return obligations.sorted {
            let (a, b) = ($0.isOverdue(on: day), $1.isOverdue(on: day))
            if a != b { return a }
            if $0.due != $1.due { return $0.due < $1.due }
            if $0.caseNumber != $1.caseNumber { return $0.caseNumber < $1.caseNumber }
            return kinds.firstIndex(of: $0.kind)! < kinds.firstIndex(of: $1.kind)!
        }
    }
}
