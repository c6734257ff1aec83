import Foundation
import WenshuCase
import WenshuXML

/// Reads `CaseFacts` out of a case's canonical tree with XPath expressions compiled once and shared by every
/// thread of a batch (each evaluation gets its own context).
package final class CaseFactsExtractor: Sendable {
    private let number, title, received, accepted, agreementDate, closed, type, sourceKind, sender, sourceBody, grade: XPathExpression
    private let committee, committeeLevel, summary, outcome, agreementForm, totalAmount, performance: XPathExpression
    private let visitCount, dossierNumber, confirmation: XPathExpression
    private let partyNames, mediators, escalations, termAmounts, routings: XPathExpression
    /// Relative to a mediator or escalation element.
    private let name, role, kind, persons, deadline, done: XPathExpression
    private let materials: [(title: String, condition: XPathExpression)]

    /// Compiles the expressions; `materials` decides `CaseFacts.materials`.
    /// - Throws: `XMLIssue` when a material condition is not valid XPath (the built-in ones are).
    package init(materials: SubsidyMaterials = .standard) throws {
        func x(_ source: String) throws -> XPathExpression { try XPathExpression(source) }
        number = try x("string(number)")
        title = try x("string(title)")
        received = try x("string(received)")
        accepted = try x("string(accepted)")
        agreementDate = try x("string(agreement/date)")
        closed = try x("string(closed)")
        type = try x("string(type)")
        sourceKind = try x("string(source/kind)")
        sender = try x("string(source/sender)")
        sourceBody = try x("string(source/body)")
        grade = try x("string(grade)")
        committee = try x("string(committee/name)")
        committeeLevel = try x("string(committee/level)")
        summary = try x("string(summary)")
        outcome = try x("string(outcome/result)")
        agreementForm = try x("string(agreement/form)")
        totalAmount = try x("string(agreement/total_amount)")
        performance = try x("string(agreement/performance/status)")
        visitCount = try x("count(visits/visit)")
        dossierNumber = try x("string(dossier/number)")
        confirmation = try x("string(confirmation/result)")
        partyNames = try x("parties/party/name")
        mediators = try x("mediators/mediator")
        escalations = try x("escalations/escalation")
        termAmounts = try x("agreement/terms/term/amount")
        routings = try x("routings/routing")
        name = try x("string(name)")
        role = try x("string(role)")
        kind = try x("string(kind)")
        persons = try x("string(persons)")
        deadline = try x("string((new_deadline | deadline)[last()])")
        done = try x("string(done/date)")
        self.materials = try materials.conditions.map { ($0.title, try x("boolean(\($0.xpath))")) }
    }

    /// The facts of the case whose root element is `root`; `file` is the name messages use.
    ///
    /// Extraction never fails: a field the case leaves out (or that does not parse, such as a malformed
    /// date the schema check would already have refused) is `nil`.
    package func facts(from root: XMLNode, file: String) -> CaseFacts {
        let context = XPathContext(document: root.document)
        func text(_ expression: XPathExpression, at node: XMLNode = root) -> String? {
            // The expressions are fixed and valid; evaluating them on any tree cannot fail.
            let value = (try? context.evaluate(expression, at: node))?.stringValue ?? ""
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : trimmed
        }
        func nodes(_ expression: XPathExpression) -> [XMLNode] {
            (try? context.evaluate(expression, at: root))?.nodes ?? []
        }
        func date(_ expression: XPathExpression) -> CivilDate? { text(expression).flatMap(CivilDate.init(iso:)) }

        let mediatorList = nodes(mediators).compactMap { node -> CaseFacts.Mediator? in
            guard let mediatorName = text(self.name, at: node) else { return nil }
            return CaseFacts.Mediator(name: mediatorName, presides: text(role, at: node) == "主持调解员")
        }
        let escalationList = nodes(escalations).compactMap { node -> CaseFacts.Escalation? in
            guard let escalationKind = text(self.kind, at: node) else { return nil }
            return CaseFacts.Escalation(kind: escalationKind, persons: text(persons, at: node).flatMap { Int($0) } ?? 0)
        }
        let routingList = nodes(routings).map { node in
            CaseFacts.Routing(isSupervision: text(kind, at: node) == "督办",
                              deadline: text(deadline, at: node).flatMap(CivilDate.init(iso:)),
                              done: text(done, at: node).flatMap(CivilDate.init(iso:)))
        }
        var agreed = text(totalAmount).flatMap(Amount.init)
        if agreed == nil {
            let amounts = nodes(termAmounts).compactMap { Amount($0.stringValue.trimmingCharacters(in: .whitespacesAndNewlines)) }
            agreed = amounts.isEmpty ? nil : amounts.sum()
        }
        let visits = (try? context.evaluate(visitCount, at: root)).map { value -> Int in
            if case .number(let n) = value, n.isFinite { return Int(n) }
            return 0
        } ?? 0
        let present = materials.filter { (try? context.evaluate($0.condition, at: root))?.booleanValue == true }

        return CaseFacts(
            file: file,
            number: text(number) ?? "",
            title: text(title),
            received: date(received),
            accepted: date(accepted),
            agreementDate: date(agreementDate),
            closed: date(closed),
            type: text(type) ?? "",
            sourceKind: text(sourceKind),
            channel: StatisticsCategories.channel(kind: text(sourceKind), sender: text(sender), body: text(sourceBody)),
            grade: text(grade),
            committee: text(committee) ?? "",
            committeeLevel: text(committeeLevel),
            parties: nodes(partyNames).map { $0.stringValue.trimmingCharacters(in: .whitespacesAndNewlines) },
            summary: text(summary),
            mediators: mediatorList,
            outcome: text(outcome),
            agreementForm: text(agreementForm).flatMap(CaseFacts.AgreementForm.init(rawValue:)),
            agreedAmount: agreed,
            performance: text(performance),
            visits: visits,
            escalations: escalationList,
            routings: routingList,
            dossierNumber: text(dossierNumber),
            confirmation: text(confirmation),
            materials: Set(present.map(\.title)))
    }
}
