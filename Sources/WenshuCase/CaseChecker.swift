import Foundation
import WenshuDiagnostics
import WenshuXML

/// Checks loaded files: the schema (with findings in a clerk's words) and the domain rules of the file's
/// kind, every finding of a file in one pass. Errors stop a case from being rendered; warnings and notes do
/// not. The ids are listed in docs/case-format.md.
public struct CaseChecker: Sendable {
    /// Supplies the holiday arrangement (judicial-confirmation window), the committees and number series.
    public let profile: OfficeProfile?
    /// True when a profile was given but did not load, so findings do not claim none was given.
    public var profileFailedToLoad = false

    public init(profile: OfficeProfile? = nil, profileFailedToLoad: Bool = false) {
        self.profile = profile
        self.profileFailedToLoad = profileFailedToLoad
    }

    /// Every finding about `file` — those made while loading, the schema's, the rules' — in location order.
    public func check(_ file: CaseFile) -> [Diagnostic] {
        var context = RuleContext(file: file, profile: profile, profileFailedToLoad: profileFailedToLoad)
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

    /// Checks many files on all cores; the findings come back in the order of `urls`. Over the batch, two
    /// cases without errors whose numbers make one folder name are each an error (`case.folder-collision`),
    /// as `render` would refuse them (a case with errors is refused before it has a folder).
    public func check(files urls: [URL], displayNames: [String]? = nil) -> [[Diagnostic]] {
        let results = ResultSlots<[Diagnostic]>(count: urls.count)
        let numbers = ResultSlots<(SourceLocation, String)>(count: urls.count)
        DispatchQueue.concurrentPerform(iterations: urls.count) { index in
            do throws(Diagnostic) {
                let file = try CaseLoader.load(urls[index], displayName: displayNames?[index])
                let findings = check(file)
                results[index] = findings
                if file.kind == .caseFile, !findings.hasErrors, let number = file.root.element(named: "number") {
                    numbers[index] = (file.location(of: number), number.stringValue)
                }
            } catch {
                results[index] = [error]
            }
        }
        var findings = results.values
        // A file named twice is one case, not two sharing a folder.
        var seen: Set<String> = []
        let numbered = (0..<urls.count).compactMap { index in
            seen.insert(urls[index].standardizedFileURL.path).inserted ? numbers[index].map { (index, $0) } : nil
        }
        for (position, diagnostic) in CaseFolderName.collisionDiagnostics(numbered.map { $0.1 }) {
            findings[numbered[position].0] = (findings[numbered[position].0] + [diagnostic]).sortedByLocation
        }
        return findings
    }

    /// The domain rules of each kind of file, beyond its schema.
    static func rules(for kind: FileKind) -> [CaseRule] {
        switch kind {
        case .caseFile: return caseRules
        case .office: return officeRules
        case .mediators: return mediatorRules
        case .committees: return [PhoneRule.rule]
        case .worklog: return [WorklogRules.entriesInYear, WorklogRules.decisionsAfterMeetings]
        }
    }

    // Made once, not per file: the rules that walk paths compile them (`ChildSteps`) when they are made.
    private static let caseRules: [CaseRule] = [
        PartyRules.kindFields,
        PartyRules.references,
        IdentityRules.residentIDs(in: ["parties/party", "parties/party/agents/agent", "parties/party/group/members/member",
                                        "mediators/mediator"]),
        IdentityRules.creditCodes(in: ["parties/party/credit_code"]),
        PhoneRule.rule,
        DateOrderRule.rule,
        RoutingRule.rule,
        AmountRules.rule,
        CopiesRule.rule,
        RecusalRule.rule,
        ConfirmationRule.rule,
        OutcomeRule.rule,
        NoticeRule.rule,
        PartyRules.particulars,
        ProfileRules.rule,
        CaseNumberRule.rule,
    ]
    private static let officeRules: [CaseRule] = [PhoneRule.rule, OfficeRules.holidays, OfficeRules.rates, OfficeRules.numberPatterns]
    private static let mediatorRules: [CaseRule] = [PhoneRule.rule, IdentityRules.residentIDs(in: ["mediators/mediator"])]
}
