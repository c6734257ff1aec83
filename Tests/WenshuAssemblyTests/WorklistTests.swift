import Foundation
import WenshuCase
import WenshuXML
import XCTest
@testable import WenshuAssembly

/// `wenshu due`'s worklist over the bundled examples, against a list counted by hand from the case files
/// (each row's reasoning is in the comment beside it), and its rules one at a time on small cases.
final class WorklistTests: XCTestCase {
    static func worklist(on day: String) throws -> (Worklist, [Obligation]) {
        let (profile, _) = OfficeProfile.load(Repository.examples.appendingPathComponent("office.yaml"))
        let worklist = Worklist(on: CivilDate(iso: day)!, settings: profile!.deadlines, calendar: profile!.calendar)
        let files = try InputFiles.expand([Repository.cases.path])
        let obligations = try files.flatMap { url throws(Diagnostic) in worklist.obligations(of: try CaseLoader.load(url)) }
        return (worklist, worklist.ordered(obligations))
    }

    static func rows(_ worklist: Worklist, _ obligations: [Obligation]) -> [String] {
        obligations.map { "\($0.caseNumber) \($0.kind.rawValue) \($0.due) \($0.daysLate(on: worklist.day))\($0.done == nil ? "" : " done")" }
    }

    func testExamplesOnTheFifteenthOfSeptember() throws {
        let (worklist, obligations) = try Self.worklist(on: "2026-09-15")
        XCTAssertEqual(Self.rows(worklist, obligations), [
            // Overdue, oldest first.
            "（2026）锦华调字第21号 instalment 2026-07-15 62",      // 3,000.08 due 7-15, status 未履行, no payment
            "（2026）锦华调字第21号 dossier 2026-08-02 44",         // closed 7-03 + 30, no dossier filed
            "（2026）仓调字第112号 visit 2026-08-05 41",            // agreement 7-21 + 15; its only visit is 10-20
            "（2026）锦华调字第21号 rehandle 2026-08-08 38",        // 不满意 at the 7-24 visit + 15, nothing after
            "（2026）锦华调字第21号 instalment 2026-08-31 15",      // second instalment, unpaid
            // Then by date.
            "（2026）临劳调字第41号 supervision 2026-05-29 4 done", // 督办 new deadline 5-29, reported 6-02
            "（2026）姑物调字第58号 visit 2026-09-15 0",            // agreement 8-31 + 15; first visit 10-12
            "（2026）锦华调字第21号 visit 2026-09-15 0",            // last instalment 8-31 + 15
            "（2026）义调字第64号 referral 2026-09-22 -7",          // 交办 deadline 9-22, reported 9-30 (later)
            "（2026）义调字第64号 visit 2026-09-30 -15",            // agreement 9-15 + 15
            "（2026）姑物调字第58号 confirmation 2026-09-30 -15",   // effective 8-31, day 30 a Wednesday
            "（2026）姑物调字第58号 dossier 2026-09-30 -15",        // closed 8-31 + 30
            "（2026）仓调字第112号 case-limit 2026-10-05 -20",      // 委派, court's 60 days + 30 extended from 7-07; closed 10-14
            "（2026）义调字第64号 case-limit 2026-10-08 -23",       // accepted 9-08 + 30; closed 9-30 (later)
            "（2026）义调字第64号 confirmation 2026-10-15 -30",     // effective 9-15, day 30 a Thursday
            "（2026）仓调字第112号 instalment 2026-10-15 -30",      // 8-14 and 9-15 payments cover the first two
            "（2026）姑物调字第58号 instalment 2026-10-20 -35",     // 9-09 payment covers the first
            "（2026）仓调字第112号 visit 2026-10-30 -45",           // last instalment 10-15 + 15
            "（2026）姑物调字第58号 instalment 2026-11-20 -66",
            "（2026）姑物调字第58号 visit 2026-12-05 -81",          // last instalment 11-20 + 15
        ])
        let report = WorklistReport(day: worklist.day, obligations: obligations)
        XCTAssertEqual(report.overdue.count, 5)
        XCTAssertEqual(obligations.first { $0.kind == .instalment && $0.caseNumber == "（2026）仓调字第112号" }?.outstanding,
                       Amount("34380.00"))
    }

    func testLaterDayTurnsOpenObligationsOverdueAndDropsWhatWasDone() throws {
        let (worklist, obligations) = try Self.worklist(on: "2026-10-10")
        let rows = Self.rows(worklist, obligations)
        XCTAssertTrue(rows.contains("（2026）仓调字第112号 case-limit 2026-10-05 5"))        // now overdue
        XCTAssertTrue(rows.contains("（2026）义调字第64号 referral 2026-09-22 8 done"))       // answered late
        XCTAssertTrue(rows.contains("（2026）义调字第64号 dossier 2026-10-30 -20"))           // closed 9-30
        XCTAssertFalse(rows.contains { $0.hasPrefix("（2026）义调字第64号 visit") })           // visited 10-09
        XCTAssertFalse(rows.contains { $0.hasPrefix("（2026）义调字第64号 case-limit") })      // closed
        XCTAssertFalse(rows.contains { $0.hasPrefix("（2026）姑物调字第58号 confirmation") })  // the window closed 9-30
        XCTAssertEqual(WorklistReport(day: worklist.day, obligations: obligations).overdue.count, 9)
        // Every kind of a case appears in the examples, overdue on one of the two days and not on the other
        // (a confirmation window is never overdue: once past, it is gone). The work log's kinds are counted
        // by hand in WorkLogObligationsTests.
        let (early, earlyList) = try Self.worklist(on: "2026-07-30")
        for kind in Obligation.Kind.allCases where !Obligation.Kind.fromWorkLog.contains(kind) {
            let all = earlyList + obligations
            XCTAssertTrue(all.contains { $0.kind == kind }, "\(kind) appears")
            if kind != .confirmation {
                XCTAssertTrue(all.contains { $0.kind == kind && ($0.isOverdue(on: worklist.day) || $0.done != nil) }, "\(kind) overdue")
            }
            XCTAssertTrue(earlyList.contains { $0.kind == kind && !$0.isOverdue(on: early.day) }
                          || obligations.contains { $0.kind == kind && !$0.isOverdue(on: worklist.day) }, "\(kind) not yet due")
        }
    }

    // MARK: The rules one at a time

    private func obligations(_ yaml: String, on day: String, settings: DeadlineSettings = DeadlineSettings()) throws -> [Obligation] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("worklist-\(UUID().uuidString).yaml")
        try Data(yaml.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return Worklist(on: CivilDate(iso: day)!, settings: settings).obligations(of: try CaseLoader.load(url))
    }

    private let head = """
        number: N1
        committee: {name: 某调委会}
        type: 合同
        received: 2026-01-05
        accepted: 2026-01-05

        """

    func testAnOpenCaseHasItsLimitAndExtensionsCount() throws {
        var settings = DeadlineSettings()
        settings.caseDays = 20
        let open = try obligations(head, on: "2026-02-01", settings: settings)
        XCTAssertEqual(open.map(\.kind), [.caseLimit])
        XCTAssertEqual(open.first?.due, CivilDate(iso: "2026-01-25"))
        let extended = try obligations(head + "extensions: [{date: 2026-01-20, days: 10}, {date: 2026-03-01, days: 99}]\n",
                                       on: "2026-02-01", settings: settings)
        XCTAssertEqual(extended.first?.due, CivilDate(iso: "2026-02-04"), "the extension agreed after the day does not count yet")
        XCTAssertEqual(try obligations(head, on: "2026-01-04"), [], "not yet accepted")
    }

    func testPaymentsCoverInstalmentsInOrderAndOnlyOnceMade() throws {
        let yaml = head + """
            closed: 2026-02-01
            outcome: {result: 调解成功}
            agreement:
              form: oral
              date: 2026-01-10
              terms: [{text: 付款}]
              total_amount: 300
              instalments:
                - {due: 2026-01-20, amount: 100}
                - {due: 2026-02-20, amount: 200}
              performance:
                status: 部分履行
                payments:
                  - {date: 2026-01-19, amount: 150}
                  - {date: 2026-03-01, amount: 150}
            visits: [{date: 2026-01-12}, {date: 2026-03-10}]
            """
        let found = try obligations(yaml, on: "2026-02-25")
        XCTAssertEqual(found.filter { $0.kind == .instalment }.map(\.outstanding), [Amount("150")])
        XCTAssertEqual(found.filter { $0.kind == .visit }.map(\.due), [CivilDate(iso: "2026-03-07")])  // after the last instalment
        XCTAssertFalse(found.contains { $0.kind == .dossier }, "an oral agreement is registered, not bound")
        XCTAssertEqual(try obligations(yaml, on: "2026-03-20"), [], "paid in full on 3-01, visited on 3-10")
    }

    func testSupervisionCarriesTheSlipItChases() throws {
        let yaml = head + """
            routings:
              - {kind: 交办, date: 2026-01-06, deadline: 2026-01-16}
              - {kind: 督办, date: 2026-01-17, new_deadline: 2026-01-26, done: {date: 2026-01-25}}
            """
        XCTAssertEqual(try obligations(yaml, on: "2026-01-16").filter { $0.kind != .caseLimit }.map(\.kind), [.referral],
                       "before the 督办, the 交办 itself is owed")
        XCTAssertEqual(try obligations(yaml, on: "2026-01-20").filter { $0.kind != .caseLimit }.map(\.kind), [.supervision])
        XCTAssertEqual(try obligations(yaml, on: "2026-01-30").filter { $0.kind != .caseLimit }, [], "answered in time")
    }
}
