import WenshuXML

/// A notice says what the case says: a 受理 notice for a case that was accepted, and not before it was; a
/// 不予受理 notice for one that was not accepted; a 终止调解 notice for a case whose outcome is 调解不成功 or
/// 终止调解. Ids: `notice-contradicts-case` (error: the paper would tell the party something untrue),
/// `date-order` (a 受理 notice dated before the acceptance).
enum NoticeRule {
    static let rule: CaseRule = { context in
        let root = context.root
        let accepted = root.element(named: "accepted")
        let result = root.node("outcome/result")?.stringValue
        for notice in root.nodes("notices/notice") {
            guard let kindNode = notice.element(named: "kind") else { continue }
            switch kindNode.stringValue {
            case "受理":
                guard let accepted else {
                    context.report("notice-contradicts-case", at: kindNode,
                                   "a 受理 notice, but the case has no `accepted` date: record the acceptance or make it a 不予受理 notice")
                    continue
                }
                if let acceptedDate = accepted.date, let dateNode = notice.element(named: "date"), let date = dateNode.date,
                   date < acceptedDate {
                    context.report("date-order", at: dateNode,
                                   "\(date) is before `accepted` \(acceptedDate): a case is notified as accepted once it is")
                }
            case "不予受理":
                if accepted != nil {
                    context.report("notice-contradicts-case", at: kindNode,
                                   "a 不予受理 notice, but the case records `accepted`: a declined case is not accepted")
                }
            case "终止调解":
                if result != "调解不成功" && result != "终止调解" {
                    context.report("notice-contradicts-case", at: kindNode,
                                   "a 终止调解 notice, but the outcome is \(result ?? "not recorded"): record the outcome 调解不成功 or 终止调解")
                }
            default:
                break
            }
        }
    }
}
