import Foundation
import WenshuXML

/// Checks loaded files: the schema (with findings in a clerk's words) and the domain rules of the file's
/// kind, every finding of a file in one pass. Errors stop a case from being rendered; warnings and notes do
/// not. The ids are listed in docs/case-format.md.
public struct CaseChecker: Sendable {
    /// Supplies the holiday arrangement (judicial-confirmation window), the committees and number series.
    public let profile: OfficeProfile?

    public init(profile: OfficeProfile? = nil) {
        self.profile = profile
    }

    /// Every finding about `file` — those made while loading, the schema's, the rules' — in location order.
    public func check(_ file: CaseFile) -> [Diagnostic] {
        var context = RuleContext(file: file, profile: profile)
        for rule in Self.rules(for: file.kind) { rule(&context) }
        return (file.loadDiagnostics + SchemaCheck(kind: file.kind).check(file) + context.findings).sortedByLocation
    }

    /// Loads and checks the file at `url`; a file that cannot be loaded gives that one finding.
    public func check(contentsOf url: URL, kind: FileKind? = nil, displayName: String? = nil) -> [Diagnostic] {
        do {
            return check(try CaseLoader.load(url, kind: kind, displayName: displayName))
        } catch {
            return [error]
        }
    }

    /// Checks many files on all cores; the findings come back in the order of `urls`.
    public func check(files urls: [URL], displayNames: [String]? = nil) -> [[Diagnostic]] {
        let results = Results(count: urls.count)
        DispatchQueue.concurrentPerform(iterations: urls.count) { index in
            results[index] = check(contentsOf: urls[index], displayName: displayNames?[index])
        }
        return results.values
    }

    /// The domain rules of each kind of file, beyond its schema.
    static func rules(for kind: FileKind) -> [CaseRule] {
        switch kind {
        case .caseFile:
            return [
                PartyRules.kindFields,
                PartyRules.references,
                IdentityRules.residentIDs(in: ["parties/party", "parties/party/agents/agent", "mediators/mediator"]),
                IdentityRules.creditCodes(in: ["parties/party/credit_code"]),
                PhoneRule.rule,
                DateOrderRule.rule,
                RoutingRule.rule,
                AmountRules.rule,
                RecusalRule.rule,
                ConfirmationRule.rule,
                OutcomeRule.rule,
                NoticeRule.rule,
                PartyRules.particulars,
                ProfileRules.rule,
            ]
        case .office:
            return [PhoneRule.rule, OfficeRules.holidays, OfficeRules.rates, OfficeRules.numberPatterns]
        case .mediators:
            return [PhoneRule.rule, IdentityRules.residentIDs(in: ["mediators/mediator"])]
        case .committees:
            return [PhoneRule.rule]
        case .worklog:
            return [WorklogRules.entriesInYear, WorklogRules.decisionsAfterMeetings]
        }
    }
}

/// Per-index results filled by concurrent workers.
private final class Results: @unchecked Sendable {
    private var storage: [[Diagnostic]]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: [], count: count) }

    subscript(index: Int) -> [Diagnostic] {
        get { lock.withLock { storage[index] } }
        set { lock.withLock { storage[index] = newValue } }
    }

    var values: [[Diagnostic]] { lock.withLock { storage } }
}
