import Foundation
import WenshuCase
import WenshuWriters
import WenshuXML
import XCTest
@testable import WenshuAssembly

/// `wenshu due` over a committee's work log: meeting decisions (who does what by when) and screening rounds
/// (排查) against the rhythm of the committee's level — on the bundled work log against a list counted by
/// hand, and the missed-round rule on a small village log.
final class WorkLogObligationsTests: XCTestCase {
    static let profile = OfficeProfile.load(Repository.examples.appendingPathComponent("office.yaml")).0!

    func rows(_ yaml: String? = nil, level: String?, on day: String, settings: DeadlineSettings? = nil) throws -> [String] {
        let file: CaseFile
        if let yaml {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("worklog-\(UUID().uuidString)/worklog.yaml")
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
            try Data(yaml.utf8).write(to: url)
            file = try CaseLoader.load(url, kind: .worklog)
        } else {
            file = try CaseLoader.load(Repository.examples.appendingPathComponent("registers/worklog.yaml"), kind: .worklog)
        }
        let worklist = Worklist(on: CivilDate(iso: day)!, settings: settings ?? Self.profile.deadlines)
        return worklist.ordered(worklist.obligations(ofWorkLog: file, level: level)).map {
            "\($0.kind.rawValue) \($0.due) \($0.daysLate(on: worklist.day))\($0.done == nil ? "" : " done")"
        }
    }

    /// The traffic committee's log (行业性专业性, screening every 92 days in the example profile): rounds on
    /// 1-15, 4-14 (89 days later) and 7-13 (90), none missed; the 联席会议 of 8-20 decided three things —
    /// due 9-15 and done 9-10 (on time: never listed), due 9-20 and done 9-25 (late), due 9-30 and open.
    func testTheExampleLogOnThreeDays() throws {
        let level = Self.profile.committee(named: "杭州市西湖区道路交通事故人民调解委员会")?.level
        XCTAssertEqual(level, "行业性专业性")
        XCTAssertEqual(try rows(level: level, on: "2026-07-30"), [
            "screening 2026-10-13 -75",                   // 7-13 + 92; the meeting has not happened yet
        ])
        XCTAssertEqual(try rows(level: level, on: "2026-09-15"), [
            "meeting-decision 2026-09-20 -5",             // not done yet on 9-15 (done 9-25)
            "meeting-decision 2026-09-30 -15",
            "screening 2026-10-13 -28",
        ])
        XCTAssertEqual(try rows(level: level, on: "2026-11-01"), [
            "meeting-decision 2026-09-30 32",             // overdue first, oldest first
            "screening 2026-10-13 19",
            "meeting-decision 2026-09-20 5 done",         // done five days late
        ])
        // A level without a rhythm (企事业 here, as in the defaults) has no screening obligations.
        XCTAssertEqual(try rows(level: "企事业", on: "2026-11-01", settings: DeadlineSettings()).filter { $0.hasPrefix("screening") }, [])
    }

    /// A village committee screens weekly by default: a round on 3-02, the next on 3-20 — the rounds due
    /// 3-09 and 3-16 were missed (each done late, on 3-20); then the one due 3-27 is open.
    func testAVillageLogListsEachMissedRoundAndTheNextOneDue() throws {
        let log = """
            committee: 某村人民调解委员会
            entries:
              - date: 2026-03-02
                kind: 排查
                content: 排查。
              - date: 2026-03-20
                kind: 排查
                content: 排查。

            """
        XCTAssertEqual(try rows(log, level: "村(居)", on: "2026-03-30", settings: DeadlineSettings()), [
            "screening 2026-03-27 3",
            "screening 2026-03-09 11 done",
            "screening 2026-03-16 4 done",
        ])
        // Half-monthly for a town: 3-02 + 15 = 3-17, missed (done 3-20); next 3-20 + 15 = 4-04.
        XCTAssertEqual(try rows(log, level: "乡镇(街道)", on: "2026-03-30", settings: DeadlineSettings()), [
            "screening 2026-03-17 3 done",
            "screening 2026-04-04 -5",
        ])
    }

    /// `stats` measures each committee's rounds in the period against the same rule: a village log with
    /// rounds on 3-02, 3-20 and 4-10, weekly — rounds were due and missed on 3-09, 3-16 (before 3-20) and
    /// 3-27, 4-03 (before 4-10); from 3-15 on, only the last two gaps' rounds count.
    func testStatisticsListTheRoundsMissedPerCommittee() throws {
        let log = WorkLog(committee: "某村人民调解委员会", entries: ["2026-03-02", "2026-03-20", "2026-04-10"].map {
            WorkLog.Entry(date: CivilDate(iso: $0), kind: WorkLog.Entry.screening, content: "排查。", found: 1)
        })
        let days = ["2026-03-09", "2026-03-16", "2026-03-27", "2026-04-03"].map { CivilDate(iso: $0)! }
        let all = try XCTUnwrap(Statistics(cases: [], workLogs: [log], screeningRhythms: [log.committee: 7]).screening)
        XCTAssertEqual(all.committees, [Statistics.CommitteeScreening(committee: log.committee, days: 7, rounds: 3, missed: days)])
        XCTAssertEqual(all.missed, 4)
        let later = try XCTUnwrap(Statistics(cases: [], filter: LedgerFilter(since: CivilDate(iso: "2026-03-15")), workLogs: [log],
                                             screeningRhythms: [log.committee: 7]).screening)
        XCTAssertEqual(later.committees.first?.missed, Array(days.suffix(2)))
        // Without a rhythm for the committee (its level has none), nothing is measured.
        XCTAssertEqual(Statistics(cases: [], workLogs: [log]).screening?.committees, [])
        let text = try TextWriter(options: WriterOptions()).text(Statistics(cases: [], workLogs: [log], screeningRhythms: [log.committee: 7]).document())
        XCTAssertTrue(text.contains("排查情况"))
        XCTAssertTrue(text.contains("2026年3月9日"))
    }
}
