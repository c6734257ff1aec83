import Foundation
import WenshuCase
import WenshuDiagnostics

/// What an office's books and reports are made from — the cases (as their facts), the office profile and the
/// registers beside them — loaded and narrowed the same way for `wenshu ledger`, `wenshu stats` and the desk's
/// reports page, so a report downloaded from the desk is the file the commands write.
package struct OfficeReportInputs: Sendable {
    /// The cases that loaded without errors, as the reports count them.
    package var cases: [CaseFacts]
    package var profile: OfficeProfile?
    package var committees: [CommitteeRecord]?
    package var mediators: [MediatorRecord]?
    package var workLogs: [WorkLog]?
    /// Findings of the registers and the cases, in the order they were read.
    package var diagnostics: [Diagnostic]

    /// Loads the registers given and the cases (checked against `profile`'s rules); `displayName` names each
    /// register file in findings, `caseNames` each case file (their relative paths when not given).
    package static func load(caseFiles: [URL], caseNames: [String]? = nil, profile: OfficeProfile?,
                            committees: URL?, mediators: URL?, workLogs: [URL],
                            displayName: (URL) -> String = { $0.relativePath }) throws -> OfficeReportInputs {
        var inputs = OfficeReportInputs(cases: [], profile: profile, diagnostics: [])
        if let committees {
            let loaded = LedgerRegisterFile.committees(committees, displayName: displayName(committees))
            (inputs.committees, inputs.diagnostics) = (loaded.records, inputs.diagnostics + loaded.diagnostics)
        }
        if let mediators {
            let loaded = LedgerRegisterFile.mediators(mediators, displayName: displayName(mediators))
            (inputs.mediators, inputs.diagnostics) = (loaded.records, inputs.diagnostics + loaded.diagnostics)
        }
        for url in workLogs {
            let loaded = LedgerRegisterFile.workLog(url, displayName: displayName(url))
            if let log = loaded.log { inputs.workLogs = (inputs.workLogs ?? []) + [log] }
            inputs.diagnostics += loaded.diagnostics
        }
        let collected = CaseFactsBatch.collect(files: caseFiles, displayNames: caseNames, extractor: try CaseFactsExtractor(),
                                               checker: CaseChecker(profile: profile))
        inputs.cases = collected.facts
        inputs.diagnostics += collected.diagnostics
        return inputs
    }

    /// The office's own committees: those its profile and its committees register list (`nil` when neither
    /// lists any, and then every committee counts).
    package var ownCommittees: Set<String>? {
        let names = (profile?.committees.map(\.name) ?? []) + (committees ?? []).map(\.name)
        return names.isEmpty ? nil : Set(names)
    }

    /// `given` narrowed to the office's own committees, with a warning (`report.other-committee`) for each case
    /// of another committee that the period includes, naming the nearest of the office's committees, since a
    /// misspelt name is the likelier cause.
    package func narrowed(_ given: LedgerFilter) -> (filter: LedgerFilter, diagnostics: [Diagnostic]) {
        var filter = given
        filter.ownCommittees = ownCommittees
        guard let own = filter.ownCommittees else { return (filter, []) }
        var warnings: [Diagnostic] = []
        for c in cases where filter.isOtherCommittees(c) {
            let close = nearest(1, to: c.committee, among: own).filter { editDistance($0, c.committee) <= max(2, c.committee.count / 4) }
            warnings.append(Diagnostic(LedgerID.otherCommittee, at: SourceLocation(file: c.file), subject: "committee.name", [
                "committee": "\(c.committee)",
                "nearest": close.isEmpty ? "" : .phrase(LedgerWording.nearestKnown, ["names": .list(Array(close))])]))
        }
        return (filter, warnings)
    }

    /// The 人民调解工作统计表 of `filter`'s period; each work log's committee screens at the rhythm of its level,
    /// as the profile lists the committee.
    package func statistics(filter: LedgerFilter) -> Statistics {
        let settings = profile?.deadlines ?? DeadlineSettings()
        var rhythms: [String: Int] = [:]
        for log in workLogs ?? [] {
            if let level = profile?.committee(named: log.committee)?.level, let days = settings.screeningDays[level] {
                rhythms[log.committee] = days
            }
        }
        return Statistics(cases: cases, filter: filter, workLogs: workLogs, screeningRhythms: rhythms,
                          committees: committees, mediators: mediators)
    }

    /// The 以案定补明细表 of `filter`'s period, when the profile has subsidy rates.
    package func subsidy(filter: LedgerFilter) -> SubsidyReport? {
        guard let profile, !profile.subsidyRates.isEmpty else { return nil }
        return SubsidyReport(cases: cases, rules: SubsidyRules(profile: profile), filter: filter)
    }
}
