import WenshuXML

/// The outcome and the agreement agree. Ids (warnings): `missing-agreement` (调解成功 without an agreement),
/// `agreement-without-success` (an agreement while the outcome says mediation failed).
enum OutcomeRule {
    static let rule: CaseRule = { context in
        guard let result = context.root.node("outcome/result") else { return }
        let agreement = context.root.element(named: "agreement")
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
