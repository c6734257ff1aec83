import WenshuCase
import WenshuDiagnostics

/// The office's 以案定补 rules (docs/ledgers-and-statistics.md): what a qualifying case pays, by its grade (一般 / 疑难 / 重大)
/// and its committee's level, and which papers the dossier must hold at that rate. The office profile's
/// `subsidies` entries map onto `rates` one to one.
///
/// A case qualifies only when all of 一案卷、调解成功、协议履行 hold — it is bound into a dossier, it was
/// mediated successfully, its agreement is fully performed (已履行) — and the office has a rate for its grade
/// and level, the dossier holds the materials that rate requires, and a mediator is named to receive it.
///
/// Who is paid: the published rule is 谁调解，补助谁 — the mediator who conducted the mediation. Where several
/// mediators share a case we read that as the presiding mediator (主持调解员; the first one named when no role
/// says so), who receives the whole amount, once per case. Co-mediators receive nothing for it. An office
/// that divides the amount would need a rule for it (shares, and who gets an odd 分); none is implemented.
package struct SubsidyRules: Sendable, Equatable {
    /// What one qualifying case of `grade` at a committee of `level` pays.
    package struct Rate: Sendable, Equatable {
        package var level: String
        package var grade: String
        package var amount: Amount
        /// Titles of the papers the dossier must hold (人民调解协议书, 人民调解回访记录, …). A requirement may
        /// name alternatives joined by 或, as the dossier model's first row does (人民调解申请书或人民调解受理登记表):
        /// any one of them satisfies it.
        package var requiredMaterials: [String]

        package init(level: String, grade: String, amount: Amount, requiredMaterials: [String] = []) {
            self.level = level
            self.grade = grade
            self.amount = amount
            self.requiredMaterials = requiredMaterials
        }
    }

    package var rates: [Rate]
    /// The material titles `CaseFacts.materials` can show; a required material outside this set is not
    /// checked (the report lists it as unchecked rather than refusing every case for it).
    package var checkableMaterials: Set<String>
    /// The dossier model's rows by title, each with the forms that fill it: a requirement naming a row
    /// (人民调解申请书或人民调解受理登记表) is met by any of the row's forms, as the row itself is — so a rate
    /// asks of a case what the dossier it is bound into asks, and a case sent by the police (移送, no
    /// application, an intake register) is not refused for lacking a 申请书.
    package var rowForms: [String: [String]]

    package init(rates: [Rate], checkableMaterials: Set<String> = SubsidyMaterials.standard.titles,
                model: DossierModel = .standard) {
        self.rates = rates
        self.checkableMaterials = checkableMaterials
        self.rowForms = Dictionary(model.rows.filter { !$0.forms.isEmpty }.map { ($0.title, $0.forms) },
                                   uniquingKeysWith: { first, _ in first })
    }

    /// The rate for `grade` at `level`, if the office has one.
    package func rate(level: String, grade: String) -> Rate? {
        rates.first { $0.level == level && $0.grade == grade }
    }

    /// Required materials no rule can check, in first-mention order.
    package var uncheckedMaterials: [String] {
        var seen: Set<String> = []
        return rates.flatMap(\.requiredMaterials).filter { alternatives($0) == nil && seen.insert($0).inserted }
    }

    /// The titles that satisfy `requirement`: itself when checkable, else the forms of the dossier model's row
    /// of that title, else its parts around 或, when every one of them is checkable; `nil` when it cannot be
    /// checked.
    func alternatives(_ requirement: String) -> [String]? {
        if checkableMaterials.contains(requirement) { return [requirement] }
        if let forms = rowForms[requirement], forms.allSatisfy(checkableMaterials.contains) { return forms }
        let parts = requirement.components(separatedBy: "或")
        return parts.count > 1 && parts.allSatisfy(checkableMaterials.contains) ? parts : nil
    }

    /// Whether `c` qualifies, at which rate and for whom; when it does not, every reason at once.
    package func decide(_ c: CaseFacts) -> SubsidyDecision {
        var reasons: [SubsidyReason] = []
        if !c.hasDossier { reasons.append(.noDossier) }
        if !c.isSuccessful {
            reasons.append(.notSuccessful(outcome: c.outcome))
        } else if c.performance != CaseFacts.Performance.performed {
            reasons.append(.notPerformed(status: c.performance))
        }
        var rate: Rate?
        switch (c.grade, c.committeeLevel) {
        case (nil, _): reasons.append(.noGrade)
        case (_, nil): reasons.append(.noCommitteeLevel)
        case let (grade?, level?):
            rate = self.rate(level: level, grade: grade)
            if rate == nil { reasons.append(.noRate(level: level, grade: grade)) }
        }
        if let rate, c.isSuccessful {
            let missing = rate.requiredMaterials.filter { requirement in
                guard let titles = alternatives(requirement) else { return false }
                return !titles.contains(where: c.materials.contains)
            }
            if !missing.isEmpty { reasons.append(.missingMaterials(missing)) }
        }
        let recipient = c.presidingMediator
        if recipient == nil { reasons.append(.noMediator) }
        return SubsidyDecision(facts: c, recipient: recipient, rate: rate, reasons: reasons)
    }
}

/// The subsidy verdict on one case.
package struct SubsidyDecision: Sendable, Equatable {
    package var facts: CaseFacts
    /// Who receives the subsidy: the presiding mediator.
    package var recipient: CaseFacts.Mediator?
    /// The rate for the case's grade and level, when the office has one.
    package var rate: SubsidyRules.Rate?
    /// Why the case does not qualify; empty when it does.
    package var reasons: [SubsidyReason]

    package var qualifies: Bool { reasons.isEmpty }
    /// What the case pays (zero when it does not qualify).
    package var amount: Amount { qualifies ? rate?.amount ?? .zero : .zero }
}

/// Why a case earns no subsidy. `id` is stable (for tests and tools); `explanation` is what the report prints.
package enum SubsidyReason: Sendable, Equatable, Hashable {
    /// Not bound into a dossier (no 卷号): 一案卷 fails.
    case noDossier
    /// Not mediated successfully: 调解不成功, 终止调解, or (`nil`) still being mediated.
    case notSuccessful(outcome: String?)
    /// The agreement is not fully performed: 部分履行, 未履行, or (`nil`) performance not recorded.
    case notPerformed(status: String?)
    case noGrade
    case noCommitteeLevel
    /// The office profile has no rate for this grade at this level.
    case noRate(level: String, grade: String)
    /// Papers the rate requires that the case has no data for.
    case missingMaterials([String])
    /// No mediator is named to receive the subsidy.
    case noMediator

    /// The catalogue entry of the reason, and the values of its wording.
    var finding: (id: LedgerID, arguments: [String: DiagnosticArgument], wording: Phrase?) {
        switch self {
        case .noDossier: return (.subsidyNoDossier, [:], nil)
        case .notSuccessful(let outcome?): return (.subsidyNotSuccessful, ["outcome": "\(outcome)"], nil)
        case .notSuccessful(nil): return (.subsidyNotSuccessful, [:], LedgerWording.stillMediating)
        case .notPerformed(let status?): return (.subsidyNotPerformed, ["status": "\(status)"], nil)
        case .notPerformed(nil): return (.subsidyNotPerformed, [:], LedgerWording.performanceUnrecorded)
        case .noGrade: return (.subsidyNoGrade, [:], nil)
        case .noCommitteeLevel: return (.subsidyNoCommitteeLevel, [:], nil)
        case .noRate(let level, let grade): return (.subsidyNoRate, ["level": "\(level)", "grade": "\(grade)"], nil)
        case .missingMaterials(let titles): return (.subsidyMissingMaterials, ["titles": .list(titles)], nil)
        case .noMediator: return (.subsidyNoMediator, [:], nil)
        }
    }

    package var id: String { finding.id.id }

    /// What the subsidy report prints: the catalogue's Chinese (the report is a Chinese document).
    package var explanation: String {
        let (id, arguments, wording) = finding
        return (wording ?? id.entry.message).render(in: .zh, arguments)
    }
}

extension SubsidyRules {
    /// The office profile's `subsidies`, one rate each; `materials` is what the facts' materials were read with.
    package init(profile: OfficeProfile, materials: SubsidyMaterials = .standard) {
        self.init(rates: profile.subsidyRates.map {
            Rate(level: $0.level, grade: $0.grade, amount: $0.amount, requiredMaterials: $0.requiredMaterials)
        }, checkableMaterials: materials.titles, model: DossierModel(profile: profile))
    }
}
