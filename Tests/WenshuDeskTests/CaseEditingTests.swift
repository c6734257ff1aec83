import Foundation
import WenshuCase
import WenshuDiagnostics
import WenshuTestSupport
import WenshuXML
import XCTest
@testable import WenshuDesk

/// Editing a case file through the form: values patched in place, structure rewritten canonically.
final class CaseEditingTests: XCTestCase {
    let examples = TestPaths.packageRoot.appendingPathComponent("examples/cases", isDirectory: true)
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("desk-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    func copyExample(_ name: String) throws -> CaseFolder {
        try FileManager.default.copyItem(at: examples.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        return CaseFolder(root: folder, profile: nil)
    }

    /// Every example, in every format, written canonically and read back, is the same tree.
    func testCanonicalWritingRoundTripsEveryExample() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: examples.path).filter { !$0.hasSuffix(".md") }
        XCTAssertGreaterThan(names.count, 10)
        for name in names {
            let tree = CaseTree(try CaseLoader.load(examples.appendingPathComponent(name), kind: .caseFile).root)
            for format in SourceFormat.allCases {
                let text = CanonicalCaseWriter.text(tree, format: format)
                let again = try CaseLoader.load(Data(text.utf8), name: "\(name).\(format)", format: format, kind: .caseFile)
                XCTAssertEqual(CaseTree(again.root), tree, "\(name) as \(format)")
            }
        }
    }

    func testAValueEditKeepsCommentsAndLayout() throws {
        let cases = try copyExample("neighbour-drainage.yaml")
        let url = folder.appendingPathComponent("neighbour-drainage.yaml")
        let before = try String(contentsOf: url, encoding: .utf8)
        let opened = try cases.open("neighbour-drainage.yaml")
        let outcome = try cases.save("neighbour-drainage.yaml", form: PageForm.submission(for: opened.tree, changing: [("parties[2].phone", "13900001111"), ("title", "新的名称: 含冒号")]),
                                     version: opened.version)
        XCTAssertEqual(outcome, .valuesChanged(count: 2))
        let after = try String(contentsOf: url, encoding: .utf8)
        let changed = zip(before.split(separator: "\n", omittingEmptySubsequences: false), after.split(separator: "\n", omittingEmptySubsequences: false))
            .filter { $0 != $1 }
        XCTAssertEqual(changed.map { String($0.1) }, ["title: \"新的名称: 含冒号\"", "    phone: 13900001111"])
        XCTAssertTrue(after.hasPrefix("# 相邻排水纠纷"), "the comment stays")
        let reloaded = try cases.open("neighbour-drainage.yaml")
        XCTAssertEqual(reloaded.tree.leaves["title"], "新的名称: 含冒号")
        XCTAssertFalse(FileManager.default.fileExists(atPath: url.path + "~"), "no backup for a value edit")
    }

    func testValueEditsInJSONAndXMLKeepTheirLayout() throws {
        for (name, path, value) in [("wages-subcontractor.json", "parties[1].name", "张三丰"), ("traffic-instalments.xml", "parties[1].occupation", "司机")] {
            let cases = try copyExample(name)
            let before = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let opened = try cases.open(name)
            XCTAssertEqual(try cases.save(name, form: PageForm.submission(for: opened.tree, changing: [(path, value)]), version: opened.version),
                           .valuesChanged(count: 1), name)
            let after = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            XCTAssertEqual(before.split(separator: "\n").count, after.split(separator: "\n").count, name)
            XCTAssertEqual(try cases.open(name).tree.leaves[path], value, name)
        }
    }

    /// A block scalar (`>-` folded, `|-` literal) edited in place: its header, the comments and every other line
    /// kept; the new text indented as the block was, and read back as typed.
    func testAValueEditToABlockScalarIsPatchedInPlace() throws {
        let name = "family-maintenance.yaml"
        let cases = try copyExample(name)
        let url = folder.appendingPathComponent(name)
        let before = try String(contentsOf: url, encoding: .utf8)
        let opened = try cases.open(name)
        let course = "调解员告知权利义务。\n  释明赡养义务。\n\n经分别做工作，三方同意。"
        let summary = "申请人刘桂英现年78岁。\n2026年1月住院治疗13天。"
        let form = PageForm.submission(for: opened.tree, changing: [("summary", summary), ("sessions[2].course", course),
                                                                     ("sessions[2].result", "三方达成协议。")])
        XCTAssertEqual(try cases.save(name, form: form, version: opened.version), .valuesChanged(count: 3))
        let after = try String(contentsOf: url, encoding: .utf8)
        XCTAssertFalse(FileManager.default.fileExists(atPath: url.path + "~"), "no backup for a value edit")
        // Every other line as it was: only the blocks' content and the one-line result differ.
        let old = before.components(separatedBy: "\n")
        let summaryAt = try XCTUnwrap(old.firstIndex(of: "summary: >-"))
        XCTAssertEqual(old[summaryAt + 2], "claims:", "the summary block is one line")
        let courseAt = try XCTUnwrap(old.firstIndex(of: "    course: |-"))
        XCTAssertTrue(old[courseAt + 4].hasPrefix("    result: "), "the course block is three lines")
        let expected = Array(old[...summaryAt]) + ["  申请人刘桂英现年78岁。", "", "  2026年1月住院治疗13天。"]
            + Array(old[(summaryAt + 2)...courseAt])
            + ["      调解员告知权利义务。", "        释明赡养义务。", "", "      经分别做工作，三方同意。", "    result: 三方达成协议。"]
            + Array(old[(courseAt + 5)...])
        XCTAssertEqual(after.components(separatedBy: "\n"), expected)
        let leaves = try cases.open(name).tree.leaves
        XCTAssertEqual(leaves["summary"], summary)
        XCTAssertEqual(leaves["sessions[2].course"], course)
        XCTAssertEqual(leaves["sessions[2].result"], "三方达成协议。")
        XCTAssertEqual(leaves["sessions[1].course"], opened.tree.leaves["sessions[1].course"], "the block above is untouched")
    }

    /// Blocks the patcher leaves to the canonical rewrite (an indentation indicator, `+` chomping, a first line
    /// starting with a space), and a list item's block ending before the blank line that follows it.
    func testBlockScalarsThePatcherLeavesAlone() {
        XCTAssertNil(SourcePatcher.yamlBlock(["  course: |2-", "    x"], at: 0, key: "course", value: "y"))
        XCTAssertNil(SourcePatcher.yamlBlock(["  course: |+", "    x"], at: 0, key: "course", value: "y"))
        XCTAssertNil(SourcePatcher.yamlBlock(["  course: |", "    x"], at: 0, key: "course", value: " y"))
        XCTAssertEqual(SourcePatcher.yamlBlock(["- |  # note", "  x", "  x2", "", "- y"], at: 0, key: nil, value: "z")?.lines, ["- |  # note", "  z"])
        XCTAssertEqual(SourcePatcher.yamlBlock(["- |  # note", "  x", "  x2", "", "- y"], at: 0, key: nil, value: "z")?.replacing, 3)
    }

    func testAStructuralEditRewritesAndKeepsThePreviousFile() throws {
        let cases = try copyExample("neighbour-drainage.yaml")
        let url = folder.appendingPathComponent("neighbour-drainage.yaml")
        let before = try Data(contentsOf: url)
        let opened = try cases.open("neighbour-drainage.yaml")
        let visits = opened.tree.leaves.keys.filter { $0.hasPrefix("visits[") }.compactMap { Int($0.dropFirst(7).prefix { $0 != "]" }) }.max() ?? 0
        let form = PageForm.submission(for: opened.tree, changing: [
            ("visits[\(visits + 1)]._from", ""), ("visits[\(visits + 1)].date", "2026-03-01"), ("visits[\(visits + 1)].satisfaction", "满意")])
        let outcome = try cases.save("neighbour-drainage.yaml", form: form, version: opened.version)
        XCTAssertEqual(outcome, .rewritten(backup: "neighbour-drainage.yaml~"))
        XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("neighbour-drainage.yaml~")), before)
        let saved = try cases.open("neighbour-drainage.yaml").tree.leaves
        XCTAssertEqual(saved["visits[\(visits + 1)].date"], "2026-03-01")
        XCTAssertEqual(saved.count, opened.tree.leaves.count + 2, "nothing else lost")
        XCTAssertEqual(cases.caseFileNames(), ["neighbour-drainage.yaml"], "the backup is not listed as a case")
    }

    func testRemovingAnItemKeepsTheHiddenFieldsOfTheOnesThatMove() throws {
        let cases = try copyExample("neighbour-drainage.yaml")
        let opened = try cases.open("neighbour-drainage.yaml")
        let old = opened.tree.leaves
        // Party 1 removed: party 2 moves up, with fields the form posts and ones it does not show.
        let form = FormSubmission(pairs: [("parties._list", "1"), ("parties[1]._from", "2"), ("parties[1].name", old["parties[2].name"]!)])
        let tree = FormApplier.apply(form, to: opened.tree)
        XCTAssertEqual(tree.leaves["parties[1].id_number"], old["parties[2].id_number"])
        XCTAssertNil(tree.leaves["parties[2].name"])
    }

    func testEmptyingAValueRemovesIt() {
        let tree = CaseTree(name: "case", children: [CaseTree(name: "number", text: "1"), CaseTree(name: "title", text: "x")])
        let edited = FormApplier.apply(FormSubmission(pairs: [("title", "  ")]), to: tree)
        XCTAssertEqual(edited.leaves, ["number": "1"])
    }

    /// Every value of every example case has an input on its page (the page can show and change all of it).
    func testEveryFieldOfTheExamplesHasAnInput() throws {
        func names(_ view: Any) -> [String] {
            if let dict = view as? [String: Any] {
                return (dict["isValue"] as? Bool == true ? [dict["name"] as? String ?? ""] : [])
                    + ["fields", "items"].flatMap { (dict[$0] as? [Any] ?? []).flatMap(names) }
            }
            return (view as? [Any] ?? []).flatMap(names)
        }
        for name in try FileManager.default.contentsOfDirectory(atPath: examples.path).filter({ !$0.hasSuffix(".md") }) {
            let tree = CaseTree(try CaseLoader.load(examples.appendingPathComponent(name), kind: .caseFile).root)
            let inputs = Set(FormView.sections(for: tree).flatMap { names($0["fields"] as Any) })
            let missing = tree.leaves.keys.filter { !inputs.contains($0) }.sorted()
            XCTAssertEqual(missing, [], name)
        }
    }

    func testSavingThePageUnchangedChangesNothing() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: examples.path).filter { !$0.hasSuffix(".md") }
        for name in names {
            let cases = try copyExample(name)
            let before = try Data(contentsOf: folder.appendingPathComponent(name))
            let opened = try cases.open(name)
            XCTAssertEqual(try cases.save(name, form: PageForm.submission(for: opened.tree), version: opened.version), .unchanged, name)
            XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent(name)), before, name)
        }
    }

    func testAStructuralEditOfAnXMLCaseStaysValidXML() throws {
        let cases = try copyExample("traffic-instalments.xml")
        let opened = try cases.open("traffic-instalments.xml")
        let form = PageForm.submission(for: opened.tree, changing: [("confirmation.court", ""), ("confirmation.applied", ""),
                                                                     ("confirmation.result", ""), ("confirmation.decided", ""),
                                                                     ("confirmation.reference", ""), ("grade", "疑难")])
        guard case .rewritten = try cases.save("traffic-instalments.xml", form: form, version: opened.version) else { return XCTFail("not rewritten") }
        let saved = try cases.open("traffic-instalments.xml")
        XCTAssertNil(saved.tree.leaves["confirmation.court"])
        XCTAssertEqual(saved.tree.leaves["grade"], "疑难")
        XCTAssertTrue(saved.text.hasPrefix("<?xml"))
        let errors = CaseChecker().check(saved.file).filter { $0.severity == .error }
        XCTAssertEqual(errors, [], "fields in the schema's order")
    }

    /// The page names a field as the form does, in Chinese, also inside a message that quotes a path.
    func testFieldPathsAreNamedInChinese() {
        XCTAssertEqual(CaseFormSchema.label(forPath: "parties[1].agents[1].id_number"), "当事人第1项 · 代理人第1项 · 证件号码")
        XCTAssertEqual(CaseFormSchema.label(forPath: "agreement.performance.payments[2].amount"), "调解协议 · 履行情况 · 付款第2项 · 金额（元）")
        XCTAssertEqual(CaseFormSchema.label(forPath: "claims[2]"), "申请事项第2项")
        XCTAssertEqual(CaseFormSchema.label(forPath: "routings[1].date"), "交办、移交、督办第1项 · 日期")
        XCTAssertEqual(CaseFormSchema.label(forPath: "holidays[1].date"), "holidays[1].date", "a part the form does not show keeps its path")
        XCTAssertEqual(CaseFormSchema.label(forPath: "parties[1].nickname"), "当事人第1项 · nickname")
        XCTAssertEqual(DeskText.chinese("2026-03-01早于`received` 2026-03-02：案件先接收后受理"), "2026-03-01早于「收到日期」 2026-03-02：案件先接收后受理")
        XCTAssertEqual(DeskText.chinese("见`wenshu check`"), "见`wenshu check`")
        XCTAssertEqual(DeskText.chinese("合计14,020.00，但`total_amount`为34,020.00", near: "agreement.instalments"),
                       "合计14,020.00，但「调解协议 · 总金额（元）」为34,020.00", "a field named beside the finding's own")
        XCTAssertEqual(DeskText.chinese("`total_amount`"), "`total_amount`", "not a top-level field")
    }

    func testFormPathsBecomeFieldPaths() {
        XCTAssertEqual(ListNaming.fieldPath(fromXPath: "parties/party[2]/address"), "parties[2].address")
        XCTAssertEqual(ListNaming.fieldPath(fromXPath: "agreement/terms/term[1]/amount"), "agreement.terms[1].amount")
        XCTAssertEqual(ListNaming.fieldPath(fromXPath: "agreement/facts"), "agreement.facts")
        XCTAssertEqual(ListNaming.fieldPath(fromXPath: "agreement/terms/term"), "agreement.terms")
    }

    func testAFileChangedOnDiskIsNotOverwritten() throws {
        let cases = try copyExample("neighbour-drainage.yaml")
        let opened = try cases.open("neighbour-drainage.yaml")
        let url = folder.appendingPathComponent("neighbour-drainage.yaml")
        try (opened.text + "\n# edited elsewhere\n").write(to: url, atomically: true, encoding: .utf8)
        XCTAssertEqual(try cases.save("neighbour-drainage.yaml", form: FormSubmission(pairs: [("title", "x")]), version: opened.version), .conflict)
        XCTAssertTrue(try String(contentsOf: url, encoding: .utf8).hasSuffix("# edited elsewhere\n"))
    }

    func testPathsStayInsideTheFolder() throws {
        let cases = try copyExample("neighbour-drainage.yaml")
        try "name: x\n".write(to: folder.appendingPathComponent("office.yaml"), atomically: true, encoding: .utf8)
        XCTAssertNotNil(cases.resolve("neighbour-drainage.yaml"))
        for name in ["../neighbour-drainage.yaml", "/etc/passwd", ".hidden.yaml", "office.yaml", "neighbour-drainage.yaml~", "", "a/b.yaml"] {
            XCTAssertNil(cases.resolve(name), name)
        }
    }

    func testANewCaseStartsFromItsTypeAndLists() throws {
        let cases = CaseFolder(root: folder, profile: nil)
        let name = try cases.create(number: "（2026）西交调字第99号", type: "劳动争议", on: CivilDate(iso: "2026-03-02")!)
        XCTAssertEqual(name, "（2026）西交调字第99号.yaml")
        let leaves = try cases.open(name).tree.leaves
        XCTAssertEqual(leaves["parties[2].kind"], "organisation")
        XCTAssertEqual(leaves["received"], "2026-03-02")
        XCTAssertThrowsError(try cases.create(number: "（2026）西交调字第99号", type: "劳动争议")) { error in
            XCTAssertEqual((error as? Diagnostic)?.id, "desk.new-case")
        }
        let summary = try XCTUnwrap(cases.summaries(matching: "99号").first)
        XCTAssertEqual(summary.state, "已登记")
        XCTAssertTrue(cases.summaries(matching: "不存在").isEmpty)
    }

    func testTheLiveCheckFindsWhatTheCheckerFinds() throws {
        let cases = try copyExample("neighbour-drainage.yaml")
        let opened = try cases.open("neighbour-drainage.yaml")
        let findings = cases.check(opened, form: PageForm.submission(for: opened.tree, changing: [("parties[1].id_number", "330125196905177634")])).diagnostics
        XCTAssertEqual(findings.filter { $0.severity == .error }.map(\.id), ["case.id-check-digit"])
        XCTAssertEqual(findings.first { $0.id == "case.id-check-digit" }?.subject, "parties[1].id_number")
    }
}
