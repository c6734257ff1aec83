import WenshuXML

/// A notice says what the case says: a 受理 notice for a case that was accepted, and not before it was; a
/// 不予受理 notice for one that was not accepted; a 终止调解 notice for a case whose outcome is 调解不成功 or
/// 终止调解. Ids: `notice-contradicts-case` (error: the paper would tell the party something untrue),
/// `date-order` (a 受理 notice dated before the acceptance).
enum NoticeRule {
    private static let outcomeResult = ChildSteps(path: "outcome/result")
    private static let notices = ChildSteps(path: "notices/notice")

    static let rule: CaseRule = { context in
        let root = context.root
        let accepted = root.element(named: "accepted")
        let result = root.node(outcomeResult)?.stringValue
        for notice in root.nodes(notices) {
            guard let kindNode = notice.element(named: "kind") else { continue }
            switch kindNode.stringValue {
            case "受理":
                guard let accepted else {
                    context.report(.noticeContradictsCase, at: kindNode, ["notice": "受理", "fact": .phrase(InputWording.noAcceptance)])
                    continue
                }
                if let acceptedDate = accepted.date, let dateNode = notice.element(named: "date"), let date = dateNode.date,
                   date < acceptedDate {
                    context.report(.dateOrder, at: dateNode, ["date": "\(date)", "relation": .phrase(InputWording.before), "other": "accepted",
                                                              "otherDate": "\(acceptedDate)", "reason": .phrase(InputWording.notifiedOnceAccepted)])
                }
            case "不予受理":
                if accepted != nil {
                    context.report(.noticeContradictsCase, at: kindNode, ["notice": "不予受理", "fact": .phrase(InputWording.acceptedAnyway)])
                }
            case "终止调解":
                if result != "调解不成功" && result != "终止调解" {
                    context.report(.noticeContradictsCase, at: kindNode, [
                        "notice": "终止调解",
                        "fact": .phrase(InputWording.outcomeNotEnded, ["outcome": result.map { .text($0) } ?? .phrase(InputWording.notRecorded)])])
                }
            default:
                break
            }
        }
    }
}
