import XCTest
import WenshuXML
@testable import WenshuCase

/// The rules the Broken/ files do not cover, each on a small case written here: `cleanCase` plus the
/// lines that break it. Each row: what is appended (or replaced), and the findings expected (id, line).
final class CaseRuleTests: XCTestCase {
    let checker = CaseChecker(profile: Repository.officeProfile)

    func findings(_ text: String, kind: FileKind = .caseFile, profile: OfficeProfile? = Repository.officeProfile)
        throws -> [String] {
        let file = try load(text, kind: kind)
        // The snippets' agreements leave out `form`; that warning has a test of its own below.
        return CaseChecker(profile: profile).check(file).filter { $0.id != "case.agreement-form-missing" }
            .map { "\($0.id)@\($0.location.line)" }
    }

    /// A written agreement without `form` is a warning, not a silent omission: no agreement paper applies
    /// to an agreement whose form is unknown.
    func testAnAgreementWithoutFormIsAWarning() throws {
        let agreement = """
            agreement:
              date: 2026-04-10
              terms:
                - text: 付款。
            """
        let without = try load(cleanCase + agreement, kind: .caseFile)
        XCTAssertEqual(CaseChecker(profile: Repository.officeProfile).check(without).map { "\($0.id)@\($0.location.line)" },
                       ["case.agreement-form-missing@22"])
        let with = try load(cleanCase + agreement + "\n  form: written", kind: .caseFile)
        XCTAssertEqual(CaseChecker(profile: Repository.officeProfile).check(with).map(\.id), [])
    }

    func testTheCleanCaseIsClean() throws {
        XCTAssertEqual(try findings(cleanCase), [])
    }

    func testCaseRules() throws {
        // Appended to `cleanCase` (21 lines), or with a replacement, and the findings expected.
        let table: [(String, append: String, replace: (String, String)?, [String])] = [
            ("person fields on an organisation",
             "", ("    kind: person\n    name: 刘芳", "    kind: organisation\n    name: 刘芳"),
             ["case.missing-credit-code@15", "case.field-for-other-kind@19", "case.field-for-other-kind@20"]),
            ("two parties with one id",
             "", ("  - id: p2", "  - id: p1"), ["case.duplicate-party-id@15"]),
            ("a 督办 chasing nothing, a slip reported done before it was issued", """
             routings:
               - kind: 督办
                 date: 2026-04-12
                 done:
                   date: 2026-04-11
             """, nil, ["case.supervision-without-referral@23", "case.date-order@26"]),
            ("a payer who is no party", """
             agreement:
               date: 2026-04-10
               terms:
                 - text: 分期付款。
               total_amount: 100
               instalments:
                 - due: 2026-04-20
                   amount: 100
                   payer: p9
             """, nil, ["case.unknown-party@30"]),
            ("a term's amount its text does not write", """
             agreement:
               date: 2026-04-10
               terms:
                 - text: 赔偿100元。
                   amount: 100
                 - text: 分两期支付，最后1,950元。
                   amount: 100000
             """, nil, ["case.term-amount-figure@27"]),
            ("copies that are not one per party and the committee's", """
             agreement:
               date: 2026-04-10
               terms:
                 - text: 赔偿。
               copies: 4
             """, nil, ["case.copies-count@26"]),
            ("copies as the parties agreed them", """
             agreement:
               date: 2026-04-10
               terms:
                 - text: 赔偿。
               copies: 5
               copy_holders:
                 - holder: 申请人
                   copies: 3
                 - holder: 被申请人
                   copies: 1
                 - holder: 人民调解委员会
                   copies: 1
             """, nil, []),
            ("copies that are not the holders' sum", """
             agreement:
               date: 2026-04-10
               terms:
                 - text: 赔偿。
               copies: 4
               copy_holders:
                 - holder: 申请人
                   copies: 3
                 - holder: 人民调解委员会
                   copies: 2
             """, nil, ["case.copies-holders-sum@26"]),
            ("instalments without a total", """
             agreement:
               date: 2026-04-10
               terms:
                 - text: 分期付款。
               instalments:
                 - due: 2026-04-20
                   amount: 100
             """, nil, ["case.total-missing@22"]),
            ("已履行 with less paid than agreed", """
             agreement:
               date: 2026-04-10
               terms:
                 - text: 付款。
               total_amount: 100
               performance:
                 status: 已履行
                 payments:
                   - date: 2026-04-11
                     amount: 99.99
             """, nil, ["case.performance-status@28"]),
            ("未履行 with a payment", """
             agreement:
               date: 2026-04-10
               terms:
                 - text: 付款。
               performance:
                 status: 未履行
                 payments:
                   - date: 2026-04-11
                     amount: 10
             """, nil, ["case.performance-status@27"]),
            ("调解成功 without an agreement", """
             outcome:
               result: 调解成功
             """, nil, ["case.missing-agreement@23"]),
            ("an agreement although mediation failed", """
             outcome:
               result: 调解不成功
             agreement:
               date: 2026-04-10
               terms:
                 - text: 付款。
             """, nil, ["case.agreement-without-success@24"]),
            ("confirmation without agreement", """
             confirmation:
               court: 杭州市西湖区人民法院
             """, nil, ["case.confirmation-without-agreement@22"]),
            ("confirmation of an oral agreement", """
             agreement:
               form: oral
               date: 2026-04-10
               terms:
                 - text: 付款。
             confirmation:
               court: 杭州市西湖区人民法院
               applied: 2026-04-12
             """, nil, ["case.confirmation-oral-agreement@27"]),
            ("no phone, no ID number", "", ("    id_number: 330106198207152463\n    phone: 0571-88123456\n", ""),
             ["case.missing-id-number@15", "case.missing-phone@15"]),
            ("a number outside the committee's series", "", ("（2026）西交调字第90号", "（2026）西医调字第90号"),
             ["case.number-series@1"]),
            ("a routing slip outside the centre's series", """
             routings:
               - kind: 交办
                 number: 西矛调交2026第3号
                 date: 2026-04-02
                 deadline: 2026-04-01
             """, nil, ["case.number-series@24", "case.date-order@26"]),
            ("notices that contradict the case: declined yet accepted, sent before receipt or acceptance, an end without an outcome", """
             notices:
               - kind: 不予受理
                 date: 2026-03-31
               - kind: 受理
                 number: （2026）西交调受字第90号
                 date: 2026-04-01
               - kind: 终止调解
                 date: 2026-04-05
                 number: （2026）西交调终第90号
             """, nil, ["case.notice-contradicts-case@23", "case.date-order@24", "case.date-order@27",
                        "case.notice-contradicts-case@28", "case.number-series@30"]),
            ("a report up before the case came in, a reply to a court before closing and outside its series", """
             closed: 2026-04-20
             report:
               date: 2026-03-30
             reply:
               number: （2026）西交调复字第90号
               date: 2026-04-19
             """, nil, ["case.date-order@24", "case.number-series@26", "case.date-order@27"]),
            ("a misspelt field", """
             recorder:
               name: 吴磊
               nmae: 吴磊
             """, nil, ["case.unknown-field@24"]),
            ("a record given a value, a value given fields, an empty list", """
             recorder: 吴磊
             grade:
               level: 一般
             sessions: []
             """, nil, ["case.expected-fields@22", "case.expected-value@23", "case.empty-list@25"]),
        ]
        for (why, append, replace, expected) in table {
            var text = cleanCase + append
            if let (old, new) = replace {
                XCTAssertTrue(text.contains(old), why)
                text = text.replacingOccurrences(of: old, with: new)
            }
            XCTAssertEqual(try findings(text), expected, why)
        }
    }

    /// A date out of order among others, some unreadable: the finding sits on that date, not on the n-th
    /// readable one (the rule finds a reported date's node again by its place among all those reached).
    func testADateOutOfOrderIsReportedOnItsOwnNodeAmongUnreadableOnes() throws {
        let visits = """
            visits:
              - date: 2026-13-40
              - date: 2026-04-05
              - date: 二〇二六年
              - date: 2026-03-30
            """
        XCTAssertEqual(try findings(cleanCase + visits).filter { $0.hasPrefix("case.date-order@") }, ["case.date-order@26"])
    }

    func testWithoutAProfileTheWindowCountsWeekendsAndSaysSo() throws {
        let text = cleanCase + """
            agreement:
              date: 2026-03-05
              terms:
                - text: 付款。
            confirmation:
              court: 杭州市西湖区人民法院
              applied: 2026-04-07
            """
        let fixed = text.replacingOccurrences(of: "received: 2026-04-01\naccepted: 2026-04-02", with: "received: 2026-03-01\naccepted: 2026-03-02")
        // With the 2026 arrangement, 清明 (4–6 April) moves the last day to 7 April: in time.
        XCTAssertEqual(try findings(fixed), [])
        // Without it, Monday 6 April looks like a working day: late, and a note says why the count may be wrong.
        XCTAssertEqual(try findings(fixed, profile: nil), ["case.confirmation-late@28", "case.holidays-unknown@28"])
    }

    func testXMLDuplicatesAndAttributes() throws {
        let xml = """
            <case>
              <number a="1">1</number>
              <committee><name>x</name><name>y</name></committee>
              <type>邻里</type>
              <received>2026-04-01</received>
              <parties><party><role>申请人</role><kind>person</kind><name>张伟</name><phone>13805712345</phone></party></parties>
            </case>
            """
        let file = try load(xml, format: .xml, name: "t.xml")
        let found = checker.check(file)
        XCTAssertEqual(found.map { "\($0.id)@\($0.location.line)" },
                       ["case.attribute@2", "case.duplicate-field@3", "case.missing-id-number@6"])
    }

    /// The rules walk their paths as XPath does (`ChildSteps`): an unprefixed step matches elements in no
    /// namespace only. No case the checker lets through has another: YAML and JSON build no namespaces, the
    /// loader refuses an XML case whose root has one, and the case schema, in no namespace, refuses any
    /// element below that has one. So the rules read what they read when they matched local names alone;
    /// here a second party in a namespace, with a wrong check digit and no phone, is the schema's error,
    /// and the rules pass it by.
    func testANamespacedElementIsASchemaErrorTheRulesPassBy() throws {
        let xml = """
            <case>
              <number>1</number>
              <committee><name>x</name></committee>
              <type>邻里</type>
              <received>2026-04-01</received>
              <parties><party><role>申请人</role><kind>person</kind><name>张伟</name><id_number>330106197803121239</id_number><phone>13805712345</phone></party>
              <party xmlns="urn:x"><role>被申请人</role><kind>person</kind><name>刘芳</name><id_number>330106198207152460</id_number></party></parties>
            </case>
            """
        let found = checker.check(try load(xml, format: .xml, name: "t.xml"))
        XCTAssertEqual(found.map { "\($0.id)@\($0.location.line)" }, ["case.schema@7"])
        XCTAssertTrue(found.hasErrors)
    }

    func testRegisterAndOfficeRules() throws {
        let mediators = """
            mediators:
              - name: 陈晓红
                gender: 男
                id_number: 330105196508200187
                committee: 杭州市西湖区道路交通事故人民调解委员会
                phone: 1375710000
            """
        XCTAssertEqual(try findings(mediators, kind: .mediators), ["register.id-gender@3", "register.phone@6"])

        let worklog = """
            committee: 杭州市西湖区道路交通事故人民调解委员会
            year: 2026
            entries:
              - date: 2025-12-30
                kind: 排查
                content: 年末排查。
                found: -1
            """
        XCTAssertEqual(try findings(worklog, kind: .worklog), ["worklog.entry-year@4", "worklog.bad-tally@7"])

        let meeting = """
            committee: 杭州市西湖区道路交通事故人民调解委员会
            entries:
              - date: 2026-08-20
                kind: 会议
                content: 联席会议。
                decisions:
                  - text: 设立调解窗口。
                    due: 2026-08-19
                  - text: 建立联络名单。
                    due: 2026-09-20
                    done: 2026-08-01
            """
        XCTAssertEqual(try findings(meeting, kind: .worklog), ["worklog.date-order@8", "worklog.date-order@11"])

        let office = """
            name: 某区司法局
            committees:
              - name: 甲
              - name: 甲
            number_formats:
              - kind: 案件
                pattern: （{year}）{prefix}调字{month}号
            holiday_years:
              - year: 2026
                holidays:
                  - name: 春节
                    from: 2026-02-23
                    to: 2026-02-15
                  - name: 国庆节
                    from: 2026-10-01
                    to: 2026-10-07
                    make_up_days: [2026-10-03, 2027-10-10]
              - year: 2026
                holidays:
                  - name: 元旦
                    from: 2026-01-01
                    to: 2026-01-01
            subsidies:
              - {level: 村(居), grade: 一般, amount: 30}
              - {level: 村(居), grade: 一般, amount: 40}
            """
        XCTAssertEqual(try findings(office, kind: .office), [
            "office.duplicate-committee@4",
            "office.number-pattern@7", "office.number-pattern@7",
            "office.holiday-range@13",
            "office.make-up-day@17",
            "office.duplicate-year@18",
            "office.duplicate-rate@25",
        ])
    }
}
