import WenshuXML

/// The agreement's money, in integer 分 from the decimal strings (never binary floating point).
///
/// Ids: `instalment-sum` (instalments do not add up to `total_amount`), `total-missing` (instalments without
/// a total: warning), `payments-exceed` (more paid than agreed), `performance-status` (the status says
/// 已履行 while less than the total was paid, or 未履行 while payments are recorded: warning),
/// `term-amount-figure` (a term's `amount` is not written in figures in its text, so the agreement cannot
/// put the 大写 next to it: warning).
enum AmountRules {
    private static let terms = ChildSteps(path: "terms/term")
    private static let instalmentAmounts = ChildSteps(path: "instalments/instalment/amount")
    private static let paymentAmounts = ChildSteps(path: "payments/payment/amount")

    static let rule: CaseRule = { context in
        guard let agreement = context.root.element(named: "agreement") else { return }
        let totalNode = agreement.element(named: "total_amount")
        let total = totalNode?.amount
        for term in agreement.nodes(terms) {
            guard let amountNode = term.element(named: "amount"), let amount = amountNode.amount, amount <= .maximum,
                  let text = term.element(named: "text"), amount.figureRange(in: text.stringValue) == nil else { continue }
            context.report(.termAmountFigure, at: text, ["amount": "\(amount.grouped)", "written": "\(amount.writtenInText)"])
        }
        let instalmentList = agreement.element(named: "instalments")
        let instalments = agreement.nodes(instalmentAmounts).compactMap(\.amount)

        if let instalmentList, !instalments.isEmpty {
            if instalments.sum() > .maximum {
                context.report(.instalmentSum, at: instalmentList,
                               ["count": "\(instalments.count)", "sum": "\(instalments.sum().grouped)", "maximum": "\(Amount.maximum.grouped)"],
                               wording: InputWording.instalmentsBeyondMaximum)
            } else if let total, instalments.sum() != total {
                context.report(.instalmentSum, at: instalmentList,
                               ["count": "\(instalments.count)", "sum": "\(instalments.sum().grouped)", "total": "\(total.grouped)"])
            } else if totalNode == nil {
                context.report(.totalMissing, at: agreement, field: "total_amount")
            }
        }

        guard let performance = agreement.element(named: "performance") else { return }
        let paid = performance.nodes(paymentAmounts).compactMap(\.amount).sum()
        let payments = performance.element(named: "payments")
        if let total, let payments, paid > total {
            context.report(.paymentsExceed, at: payments, ["paid": "\(paid.grouped)", "total": "\(total.grouped)"])
        }
        if let statusNode = performance.element(named: "status") {
            switch statusNode.stringValue {
            case "已履行" where total != nil && payments != nil && paid < total!:
                context.report(.performanceStatus, at: statusNode, ["paid": "\(paid.grouped)", "total": "\(total!.grouped)"])
            case "未履行" where paid > .zero:
                context.report(.performanceStatus, at: statusNode, ["paid": "\(paid.grouped)"],
                               wording: InputWording.unperformedButPaid)
            default:
                break
            }
        }
    }
}
