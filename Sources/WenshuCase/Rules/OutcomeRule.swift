import WenshuXML

/// The outcome and the agreement agree. Ids (warnings): `missing-agreement` (调解成功 without an agreement),
/// `agreement-without-success` (an agreement while the outcome says mediation failed).
enum OutcomeRule {
    static let rule: CaseRule = { context in
        guard let result = context.root.node("outcome/result") else { return }
        let agreement = context.root.element(named: "agreement")
        switch result.stringValue {
        case "调解成功" where agreement == nil:
            context.report("missing-agreement", .warning, at: result,
                           "the outcome is 调解成功 but there is no `agreement` (written or oral) recording what was agreed")
        case "调解不成功", "终止调解":
            if let agreement {
                context.report("agreement-without-success", .warning, at: agreement,
                               "there is an agreement, but the outcome is \(result.stringValue)")
            }
        default:
            break
        }
    }
}
