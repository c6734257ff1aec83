import WenshuXML

/// The outcome and the agreement agree. Ids (warnings): `missing-agreement` (调解成功 without an agreement),
/// `agreement-without-success` (an agreement while the outcome says mediation failed),
/// `agreement-form-missing` (an agreement without `form`, which no agreement paper would print).
enum OutcomeRule {
    private static let outcomeResult = ChildSteps(path: "outcome/result")

    static let rule: CaseRule = { context in
        let agreement = context.root.element(named: "agreement")
        if let agreement, agreement.element(named: "form") == nil {
            context.report(.agreementFormMissing, at: agreement)
        }
        guard let result = context.root.node(outcomeResult) else { return }
        switch result.stringValue {
        case "调解成功" where agreement == nil:
            context.report(.missingAgreement, at: result)
        case "调解不成功", "终止调解":
            if let agreement {
                context.report(.agreementWithoutSuccess, at: agreement, ["outcome": "\(result.stringValue)"])
            }
        default:
            break
        }
    }
}
