import Foundation
import WenshuCase
import WenshuXML
import XCTest
@testable import WenshuAssembly

/// The ledgers and statistics over the bundled examples, against totals counted here another way: each
/// example's tree queried with plain XPath, one expression per figure, no `CaseFacts` and no aggregator.
final class StatisticsExamplesTests: XCTestCase {
    static func files() throws -> [URL] { try InputFiles.expand([Repository.cases.path]) }

    /// Each accepted example's tree (as the loader maps YAML and JSON onto it). The ledgers and statistics
    /// count accepted cases (受理) only: an example without `accepted` — wages-arbitration-declined.yaml, a
    /// 不予受理 — is in none of them, so the plain-XPath oracle leaves it out the same way, by its own test.
    static func trees() throws -> [CaseFile] {
        try allTrees().filter { try XPathContext(document: $0.document).evaluate("boolean(/case/accepted)") == .boolean(true) }
    }

    /// Every example, accepted or not.
    static func allTrees() throws -> [CaseFile] {
        try files().map { url throws(Diagnostic) in try CaseLoader.load(url) }
    }

    /// The number an XPath expression gives over each example, added up.
    static func sum(_ xpath: String, over trees: [CaseFile]) throws -> Int {
        try trees.reduce(0) { total, file in
            let value = try XPathContext(document: file.document).evaluate(xpath)
            guard case .number(let n) = value else { XCTFail("\(xpath) is not a number"); return total }
            return total + Int(n)
        }
    }

    static func facts() throws -> [CaseFacts] {
        let (profile, _) = OfficeProfile.load(Repository.examples.appendingPathComponent("office.yaml"))
        let (facts, diagnostics) = CaseFactsBatch.collect(files: try files(), extractor: try CaseFactsExtractor(),
                                                          checker: CaseChecker(profile: profile))
        XCTAssertFalse(diagnostics.hasErrors, diagnostics.map(\.description).joined(separator: "\n"))
        return facts
    }

    func testTotalsMatchPlainXPathCounts() throws {
        let trees = try Self.trees()
        let total = Statistics(cases: try Self.facts()).total
        func count(_ xpath: String) throws -> Int { try Self.sum(xpath, over: trees) }

        // Fifteen examples, one of them declined (不予受理, never accepted): fourteen accepted cases.
        XCTAssertEqual(try Self.allTrees().count, 15)
        XCTAssertEqual(trees.count, 14)
        XCTAssertEqual(total.accepted, try count("count(/case/accepted)"))
        XCTAssertEqual(total.successful, try count("count(/case/outcome[result = '调解成功'])"))
        XCTAssertEqual(total.unsuccessful, try count("count(/case/outcome[result = '调解不成功'])"))
        XCTAssertEqual(total.terminated, try count("count(/case/outcome[result = '终止调解'])"))
        XCTAssertEqual(total.pending, try count("count(/case[not(outcome)])"))
        XCTAssertEqual(total.written, try count("count(/case/agreement[form = 'written'])"))
        XCTAssertEqual(total.oral, try count("count(/case/agreement[form = 'oral'])"))
        XCTAssertEqual(total.followedUp, try count("count(/case[outcome/result = '调解成功' and visits/visit])"))
        XCTAssertEqual(total.dossiers, try count("count(/case/dossier/number)"))
        for kind in ["自杀", "民转刑", "群体性械斗", "群体性上访"] {
            XCTAssertEqual(total.escalation(kind).cases, try count("count(/case[escalations/escalation/kind = '\(kind)'])"), kind)
            XCTAssertEqual(total.escalation(kind).persons, try count("sum(/case/escalations/escalation[kind = '\(kind)']/persons)"), kind)
        }
        // The figures the examples' README states, so a change to the examples is seen here too.
        XCTAssertEqual([total.accepted, total.successful, total.written, total.oral, total.dossiers], [14, 12, 11, 1, 11])
        XCTAssertEqual(total.successRate.formatted, "85.7%")
        XCTAssertEqual(total.escalation("群体性械斗").persons, 27)
        // The agreed amounts, added in 分 from the decimal strings.
        let agreed = try trees.compactMap { file -> Amount? in
            let text = try XPathContext(document: file.document)
                .evaluate("string(/case[outcome/result = '调解成功']/agreement/total_amount)").stringValue
            return Amount(text)
        }.sum()
        XCTAssertEqual(total.agreedAmount, agreed)
    }

    func testBreakdownsMatchPlainXPathCounts() throws {
        let trees = try Self.trees()
        let statistics = Statistics(cases: try Self.facts())
        for group in statistics.byType {
            XCTAssertEqual(group.tally.accepted, try Self.sum("count(/case[type = '\(group.label)'])", over: trees), group.label)
            XCTAssertEqual(group.tally.successful,
                           try Self.sum("count(/case[type = '\(group.label)' and outcome/result = '调解成功'])", over: trees), group.label)
        }
        for group in statistics.bySource {
            XCTAssertEqual(group.tally.accepted, try Self.sum("count(/case[source/kind = '\(group.label)'])", over: trees), group.label)
        }
        XCTAssertEqual(statistics.bySource.map(\.label), ["申请", "主动", "移送", "委派", "委托", "邀请"])
        // Channels, each counted here by its own XPath over the sending body's name.
        let channels: [(String, String)] = [
            ("诉调对接", "source/kind = '委派' or source/kind = '委托' or source/kind = '邀请' or (source/kind = '移送' and contains(source/body, '法院'))"),
            ("公调对接", "source/kind = '移送' and (contains(source/body, '公安') or contains(source/body, '派出所'))"),
            ("访调对接", "source/kind = '移送' and contains(source/body, '信访')"),
            ("检调对接", "source/kind = '移送' and contains(source/body, '检察')"),
            ("当事人申请", "source/kind = '申请'"),
            ("主动调解", "source/kind = '主动'"),
        ]
        XCTAssertEqual(statistics.byChannel.map(\.label), ["诉调对接", "公调对接", "访调对接", "检调对接", "其他部门移送", "当事人申请", "主动调解"])
        for (label, condition) in channels {
            let group = statistics.byChannel.first { $0.label == label }!
            XCTAssertEqual(group.tally.accepted, try Self.sum("count(/case[\(condition)])", over: trees), label)
        }
        XCTAssertEqual(statistics.byChannel.reduce(0) { $0 + $1.tally.accepted }, statistics.total.accepted)
        // Slips: issued, and reported done by their (new) deadline.
        XCTAssertEqual(statistics.total.referrals, try Self.sum("count(//routing[kind != '督办'])", over: trees))
        XCTAssertEqual(statistics.total.supervisions, try Self.sum("count(//routing[kind = '督办'])", over: trees))
        XCTAssertEqual(statistics.total.referralsOnTime + statistics.total.supervisionsOnTime,
                       try Self.sum("count(//routing[done/date and translate(done/date, '-', '') <= translate((new_deadline | deadline)[last()], '-', '')])", over: trees))
        for group in statistics.byCommitteeLevel {
            XCTAssertEqual(group.tally.accepted, try Self.sum("count(/case[committee/level = '\(group.label)'])", over: trees), group.label)
        }
        for group in statistics.byCommittee {
            XCTAssertEqual(group.tally.accepted, try Self.sum("count(/case[committee/name = '\(group.label)'])", over: trees), group.label)
        }
        for group in statistics.byMediator {
            XCTAssertEqual(group.tally.accepted,
                           try Self.sum("count(/case[committee/name = '\(group.detail!)' and mediators/mediator/name = '\(group.label)'])",
                                        over: trees), group.label)
        }
        XCTAssertEqual(statistics.byType.reduce(0) { $0 + $1.tally.accepted }, statistics.total.accepted)
        XCTAssertEqual(statistics.byCommittee.reduce(0) { $0 + $1.tally.accepted }, statistics.total.accepted)
    }

    /// The dispute register has one row per example, in natural number order: year, then series, then the
    /// number as an integer — worked out here with a regular expression, not with `CaseNumberOrder`.
    func testDisputeRegisterListsEveryExampleInNumberOrder() throws {
        let cases = try Self.trees().map { tree in
            let context = try XPathContext(document: tree.document)
            return (number: try context.evaluate("string(/case/number)").stringValue,
                    accepted: try context.evaluate("string(/case/accepted)").stringValue)
        }
        func key(_ number: String) throws -> (Int, String, Int) {
            let match = try XCTUnwrap(number.wholeMatch(of: /（(\d+)）(.+)第(\d+)号/))
            return (Int(match.1)!, String(match.2), Int(match.3)!)
        }
        // By acceptance date (ISO text sorts as dates), then number.
        let expected = try cases.sorted { a, b in
            if a.accepted != b.accepted { return a.accepted < b.accepted }
            let (p, q) = (try key(a.number), try key(b.number))
            if p.0 != q.0 { return p.0 < q.0 }
            if p.1 != q.1 { return p.1.unicodeScalars.lexicographicallyPrecedes(q.1.unicodeScalars) }
            return p.2 < q.2
        }.map(\.number)
        let register = LedgerBooks().disputeRegister(try Self.facts())
        let rows = tableRows(tables(register)[0])
        XCTAssertEqual(rows[0], ["序号", "编号", "受理日期", "当事人", "纠纷类型", "纠纷简要情况", "调解员", "调解结果", "协议形式", "履行情况", "回访"])
        XCTAssertEqual(rows.dropFirst().map { $0[1] }, expected)
        XCTAssertEqual(rows.dropFirst().map { $0[0] }, (1...14).map(String.init))
        let traffic = try XCTUnwrap(rows.first { $0[1] == "（2026）西交调字第37号" })
        XCTAssertEqual(traffic, ["\(traffic[0])", "（2026）西交调字第37号", "2026年3月3日", "王建国\n李明", "道路交通事故", traffic[5],
                                 "陈晓红", "调解成功", "书面", "已履行", "已回访1次"])
        XCTAssertEqual(traffic[5], "王建国与李明道路交通事故损害赔偿纠纷", "the case's title as the brief")
        let failed = try XCTUnwrap(rows.first { $0[7] == "调解不成功" })
        XCTAssertEqual(Array(failed[8...]), ["—", "—", "—"])
        XCTAssertEqual(register.pageStyle, .landscape)
        XCTAssertTrue(tables(register)[0].rows[0].isHeader)
    }

    /// `--since/--until` (inclusive), `--committee` and `--mediator` narrow the register and the statistics.
    func testFilters() throws {
        let facts = try Self.facts()
        func numbers(_ filter: LedgerFilter) -> [String] {
            tableRows(tables(LedgerBooks(filter: filter).disputeRegister(facts))[0]).dropFirst().map { $0[1] }
        }
        // The traffic case was accepted on 2026-03-03, the neighbour case on 2026-01-12.
        XCTAssertEqual(numbers(LedgerFilter(since: CivilDate(iso: "2026-03-03"), until: CivilDate(iso: "2026-03-03"))),
                       ["（2026）西交调字第37号"])
        XCTAssertEqual(numbers(LedgerFilter(since: CivilDate(iso: "2026-03-04"), until: CivilDate(iso: "2026-03-22"))), [])
        XCTAssertEqual(numbers(LedgerFilter(until: CivilDate(iso: "2026-01-12"))), ["（2026）溪调字第3号"])
        XCTAssertEqual(numbers(LedgerFilter(committee: "杭州市西湖区道路交通事故人民调解委员会")), ["（2026）西交调字第37号"])
        XCTAssertEqual(numbers(LedgerFilter(mediator: "陈晓红")), ["（2026）西交调字第37号"])
        XCTAssertEqual(numbers(LedgerFilter(mediator: "无此人")), [])
        let firstHalf = LedgerFilter(since: CivilDate(iso: "2026-01-01"), until: CivilDate(iso: "2026-06-30"))
        let trees = try Self.trees()
        XCTAssertEqual(Statistics(cases: facts, filter: firstHalf).total.accepted,
                       try Self.sum("count(/case[translate(accepted, '-', '') >= 20260101 and translate(accepted, '-', '') <= 20260630])", over: trees))
        XCTAssertEqual(tableRows(tables(LedgerBooks(filter: firstHalf).disputeRegister(facts))[0]).count - 1,
                       Statistics(cases: facts, filter: firstHalf).total.accepted)
    }

    /// A report always says what it covers: its period, or without one the span of acceptance dates.
    func testTheReportNamesItsPeriod() throws {
        let facts = try Self.facts()
        func subtitle(_ filter: LedgerFilter) -> String? {
            for block in Statistics(cases: facts, filter: filter).document(keeper: "西湖区司法局").blocks {
                if case .subtitle(let inlines, _) = block { return inlines.map { if case .text(let t) = $0 { t } else { "" } }.joined() }
            }
            return nil
        }
        let dates = facts.compactMap(\.accepted).sorted()
        let span = "受理日期：\(dates.first!.year)年\(dates.first!.month)月\(dates.first!.day)日至\(dates.last!.year)年\(dates.last!.month)月\(dates.last!.day)日"
        XCTAssertEqual(subtitle(LedgerFilter()), "填报单位：西湖区司法局　" + span)
        let (profile, _) = OfficeProfile.load(Repository.examples.appendingPathComponent("office.yaml"))
        let subsidy = SubsidyReport(cases: facts, rules: SubsidyRules(profile: try XCTUnwrap(profile)))
        XCTAssertEqual(subsidy.acceptedSpan.map { "\($0.lowerBound)…\($0.upperBound)" }, "\(dates.first!)…\(dates.last!)")
        XCTAssertEqual(subtitle(LedgerFilter(since: CivilDate(iso: "2026-01-01"), until: CivilDate(iso: "2026-06-30"))),
                       "填报单位：西湖区司法局　期间：2026年1月1日至2026年6月30日")
    }

    /// 以案定补 with the example office profile. The expected outcome per example is worked out by hand from
    /// examples/cases/README.md and examples/office.yaml — that table is the specification.
    func testSubsidyOverTheExamples() throws {
        let (profile, _) = OfficeProfile.load(Repository.examples.appendingPathComponent("office.yaml"))
        let report = SubsidyReport(cases: try Self.facts(), rules: SubsidyRules(profile: try XCTUnwrap(profile)))
        let paid: [String: String] = [
            "（2026）溪调字第3号": "30.00",     // 村(居) 一般
            "（2026）西交调字第37号": "100.00", // 行业性专业性 一般
            "（2026）青医调字第27号": "300.00", // 行业性专业性 疑难
            "（2026）仓调字第112号": "50.00",   // 乡镇(街道) 一般
            "（2026）春调字第9号": "200.00",    // 乡镇(街道) 疑难
            "（2026）威调字第17号": "200.00",   // 乡镇(街道) 疑难
            "（2026）宏湘调字第5号": "30.00",   // 企事业 一般
            // 重大: the rate asks for the dossier model's first row, 人民调解申请书或人民调解受理登记表; both cases
            // were sent (移送: police, petition office) and have the intake register, not an application.
            "（2026）义调字第64号": "400.00",   // 乡镇(街道) 重大
            "（2026）临劳调字第41号": "500.00", // 行业性专业性 重大
        ]
        let refused: [String: [String]] = [
            "（2026）香调字第12号": ["subsidy.no-dossier"],                              // oral, paid on the spot, no dossier
            "（2026）锦华调字第21号": ["subsidy.no-dossier", "subsidy.not-performed"],    // 未履行
            "（2026）姑物调字第58号": ["subsidy.no-dossier", "subsidy.not-performed"],    // 部分履行
            "（2026）德胜调字第6号": ["subsidy.not-successful"],                         // 调解不成功
            "（2026）姑消调字第73号": ["subsidy.not-successful"],                        // 终止调解
        ]
        var lines: [String: String] = [:]
        for line in report.lines { for number in line.cases { lines[number] = line.rate.description } }
        XCTAssertEqual(lines, paid)
        XCTAssertEqual(report.total, Amount("1810"))
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: report.refused.map { ($0.facts.number, $0.reasons.map(\.id)) }), refused)
        XCTAssertEqual(report.lines.first { $0.cases.contains("（2026）西交调字第37号") }?.mediator, "陈晓红")
    }

    func testRegistersAndWorkLog() throws {
        let registers = Repository.examples.appendingPathComponent("registers")
        let (committeeTree, d1) = LedgerRegisterFile.load(registers.appendingPathComponent("committees.yaml"), kind: .committees)
        let (mediatorTree, d2) = LedgerRegisterFile.load(registers.appendingPathComponent("mediators.yaml"), kind: .mediators)
        let (logTree, d3) = LedgerRegisterFile.load(registers.appendingPathComponent("worklog.yaml"), kind: .worklog)
        XCTAssertFalse((d1 + d2 + d3).hasErrors)
        let committees = CommitteeRecord.records(in: try XCTUnwrap(committeeTree))
        let mediators = MediatorRecord.records(in: try XCTUnwrap(mediatorTree))
        let log = WorkLog(root: try XCTUnwrap(logTree))
        let trees = [committeeTree!, mediatorTree!, logTree!]
        func count(_ xpath: String, in tree: XMLNode) throws -> Int {
            guard case .number(let n) = try XPathContext(document: tree.document).evaluate(xpath) else { return -1 }
            return Int(n)
        }
        XCTAssertEqual(committees.count, try count("count(/committee_register/committees/committee)", in: trees[0]))
        XCTAssertEqual(mediators.count, try count("count(/mediator_register/mediators/mediator)", in: trees[1]))

        let books = LedgerBooks(filter: LedgerFilter(committee: "杭州市西湖区道路交通事故人民调解委员会"))
        let committeeRows = tableRows(tables(books.committeeRegister(committees))[0])
        XCTAssertEqual(committeeRows.count, 2)
        XCTAssertEqual(committeeRows[1][8], "陈晓红（主任）\n马文涛（委员）\n吴磊（委员）", "one member a line")
        let mediatorRows = tableRows(tables(books.mediatorRegister(mediators))[0])
        XCTAssertEqual(mediatorRows.count - 1,
                       try count("count(/mediator_register/mediators/mediator[committee = '杭州市西湖区道路交通事故人民调解委员会'])", in: trees[1]))
        XCTAssertEqual(mediatorRows[1].prefix(4), ["1", "陈晓红", "女", "1965年8月"])
        let text = plainText(LedgerBooks().mediatorRegister(mediators))
        XCTAssertFalse(text.contains("330105196508200187"), "the register's ID numbers are not printed")

        let secondQuarter = LedgerFilter(since: CivilDate(iso: "2026-04-01"), until: CivilDate(iso: "2026-06-30"))
        let logRows = tableRows(tables(LedgerBooks(filter: secondQuarter).workLog([log]))[0]).dropFirst()
        XCTAssertEqual(logRows.map { $0[1] }, ["2026年4月14日", "2026年5月25日", "2026年6月5日"])
        XCTAssertEqual(logRows.first?[6], "发现9件，预防3件")

        let screening = try XCTUnwrap(Statistics(cases: [], workLogs: [log]).screening)
        XCTAssertEqual(screening.rounds, try count("count(/worklog/entries/entry[kind = '排查'])", in: trees[2]))
        XCTAssertEqual(screening.found, try count("sum(/worklog/entries/entry[kind = '排查']/found)", in: trees[2]))
        XCTAssertEqual(screening.prevented, try count("sum(/worklog/entries/entry[kind = '排查']/prevented)", in: trees[2]))
        let organisations = try XCTUnwrap(Statistics(cases: [], committees: committees, mediators: mediators).organisations)
        XCTAssertEqual(organisations.committees, committees.count)
        XCTAssertEqual(organisations.fullTimeMediators, try count("count(/mediator_register/mediators/mediator[employment = '专职'])", in: trees[1]))
    }
}

/// The slips' on-time counts on cases written here: one on time, one late, one open, one without a deadline.
final class StatisticsRoutingTests: XCTestCase {
    func testSlipsDoneByTheirDeadlineCountAsOnTime() {
        let d = { CivilDate(iso: $0)! }
        let c = CaseFacts(file: "t", number: "N", accepted: CivilDate(iso: "2026-03-01"), type: "合同", sourceKind: "移送",
                          channel: StatisticsCategories.channel(kind: "移送", sender: nil, body: "某县人民检察院"),
                          committee: "某调委会", routings: [
                              .init(isSupervision: false, deadline: d("2026-03-10"), done: d("2026-03-10")),
                              .init(isSupervision: false, deadline: d("2026-03-10"), done: d("2026-03-11")),
                              .init(isSupervision: true, deadline: d("2026-03-20"), done: nil),
                              .init(isSupervision: true, deadline: nil, done: d("2026-03-25")),
                          ])
        let statistics = Statistics(cases: [c])
        XCTAssertEqual([statistics.total.referrals, statistics.total.referralsOnTime,
                        statistics.total.supervisions, statistics.total.supervisionsOnTime], [2, 1, 2, 1])
        XCTAssertEqual(statistics.total.referralOnTimeRate.formatted, "50.0%")
        XCTAssertEqual(statistics.byChannel.first { $0.label == "检调对接" }?.tally.accepted, 1)
        XCTAssertEqual(StatisticsCategories.channel(kind: "移送", sender: "信访部门", body: "某县人民法院"), "访调对接",
                       "the case's own sender wins over the body's name")
    }
}
