import Foundation
import WenshuCase
import WenshuDocument
import WenshuXML
import XCTest
@testable import WenshuTemplate

/// The catalogue's records and routing slips — 人民调解调查记录 (investigation-record), 人民调解记录
/// (mediation-record), 交办单 / 移交单 (referral) and 督办单 (supervision) — bound to the bundled example
/// cases, read the way a clerk reads them: line by line.
final class CatalogueRecordsTests: XCTestCase {
    static let loaded = TemplateLibrary.load(directory: Fixtures.templates, displayPath: "templates")
    static let forms = ["investigation-record", "mediation-record", "referral", "supervision"]

    func form(_ id: String) throws -> FormTemplate { try XCTUnwrap(Self.loaded.library.template(id: id), "no form \(id)") }

    /// An example case, loaded as `wenshu render` loads it (YAML and JSON onto the same tree); `edit`
    /// changes its text first.
    func example(_ name: String, editing edit: (String) -> String = { $0 }) throws -> XMLDocument {
        let url = Fixtures.repository.appendingPathComponent("examples/cases/\(name)")
        let text = try String(contentsOf: url, encoding: .utf8)
        let format = try XCTUnwrap(SourceFormat(fileExtension: url.pathExtension))
        return try CaseLoader.load(Data(edit(text).utf8), name: name, format: format, kind: .caseFile).document
    }

    /// The documents `id` gives for the example; fails the test on any diagnostic.
    func documents(_ id: String, _ name: String, editing edit: (String) -> String = { $0 },
                   file: StaticString = #filePath, line: UInt = #line) throws -> [Document] {
        let rendering = try form(id).render(try example(name, editing: edit))
        XCTAssertEqual(rendering.diagnostics, [], file: file, line: line)
        return rendering.documents
    }

    // MARK: The forms and when they apply

    func testTheFormsCompileCleanlyWithTheirPageStyles() throws {
        let problems = Self.loaded.diagnostics.filter { diagnostic in
            Self.forms.contains { diagnostic.location.file.hasSuffix("\($0).form.xml") }
                || diagnostic.location.file.hasSuffix("record-header.xml") || diagnostic.location.file.hasSuffix("ruled-lines.xml")
        }
        XCTAssertEqual(problems, [])
        XCTAssertEqual(try Self.forms.map { try form($0).title }, ["人民调解调查记录", "人民调解记录", "交办单 / 移交单", "督办单"])
        XCTAssertEqual(try Self.forms.map { try form($0).pageStyle }, [.prose, .prose, .form, .form])
    }

    /// `--form all` renders exactly these: one document per investigation, session, 交办/移交 and 督办.
    func testEachFormAppliesOncePerRecordOfItsKind() throws {
        let expected: [String: [String: Int]] = [
            "traffic-instalments.xml": ["investigation-record": 1, "mediation-record": 1],
            "family-maintenance.yaml": ["investigation-record": 2, "mediation-record": 2],
            "wages-subcontractor.json": ["investigation-record": 2, "mediation-record": 2, "referral": 1, "supervision": 1],
            "court-referred-loan.json": ["mediation-record": 2],
            "dog-bite-oral.yaml": ["mediation-record": 1],
        ]
        for (name, counts) in expected {
            let caseDocument = try example(name)
            for id in Self.forms {
                let template = try form(id)
                XCTAssertEqual(template.applies(to: caseDocument), counts[id] != nil, "\(id) on \(name)")
                guard let count = counts[id] else { continue }
                let rendering = template.render(caseDocument)
                XCTAssertEqual(rendering.diagnostics, [], "\(id) on \(name)")
                XCTAssertEqual(rendering.documents.count, count, "\(id) on \(name)")
            }
        }
    }

    // MARK: 人民调解调查记录

    func testTheInvestigationRecordOfTheReferenceCase() throws {
        let record = try XCTUnwrap(try documents("investigation-record", "traffic-instalments.xml").first)
        XCTAssertEqual(record.metadata, DocumentMetadata(formID: "investigation-record", title: "人民调解调查记录",
                                                         caseNumber: "（2026）西交调字第37号", date: "2026-03-06", templateVersion: "1"))
        XCTAssertEqual(lines(record), [
            "人民调解调查记录",
            "时间：2026年3月6日9时30分",
            "地点：西湖区道路交通事故人民调解委员会调解室",
            "事由：王建国与李明道路交通事故损害赔偿纠纷",
            "参加人：李明、陈晓红、吴磊",
            "被调查人：李明（本案被申请人）",
            "调查人：陈晓红　　记录人：吴磊",
            "调查记录：",
            "问：事故发生时你的车速是多少？",
            "答：大约每小时二十公里，右转时没有看到电动车。",
            "问：你对交警部门的责任认定有无异议？",
            "答：没有异议，愿意承担主要责任。",
            "以上笔录我已看过，与我说的一致。\n被调查人：李明（签名或按指印）\(room) / ＿＿＿年＿＿月＿＿日",
            "调查人：陈晓红（签名）\(room)",
            "记录人：吴磊（签名）\(room)",
        ])
    }

    /// The person questioned is placed in the case: a party, an organisation's representative, an agent;
    /// a witness by name only.
    func testThePersonQuestionedIsPlacedInTheCase() throws {
        let wages = try documents("investigation-record", "wages-subcontractor.json").map(lines)
        XCTAssertTrue(wages[0].contains("被调查人：许文涛（第三人浙江临江建设集团有限公司的委托代理人）"))
        XCTAssertTrue(wages[1].contains("被调查人：韩志强（被申请人杭州恒筑建筑劳务有限公司的法定代表人）"))
        let land = try documents("investigation-record", "land-contract-boundary.yaml").map(lines)
        XCTAssertTrue(land[0].contains("被调查人：余根土"))
        XCTAssertTrue(land[1].contains("被调查人：余春生（本案当事人）"))
        XCTAssertEqual(wages[1].first { $0.hasPrefix("时间") }, "时间：2026年5月13日15时00分")
    }

    func testARecordWithoutExchangesOrTimeIsLeftForHandwriting() throws {
        let record = try XCTUnwrap(try documents("investigation-record", "traffic-instalments.xml") { text in
            text.replacingOccurrences(of: #"<exchanges>[\s\S]*</exchanges>"#, with: "", options: .regularExpression)
                .replacingOccurrences(of: "<time>09:30</time>", with: "")
                .replacingOccurrences(of: "<recorder>吴磊</recorder>\n      <subject>", with: "<subject>")
        }.first)
        let text = lines(record)
        XCTAssertTrue(text.contains("时间：2026年3月6日＿＿时＿＿分"))
        XCTAssertTrue(text.contains("调查人：陈晓红　　记录人：＿＿＿＿＿＿＿＿"))
        XCTAssertEqual(text.filter { $0 == String(repeating: "＿", count: 28) }.count, 20)
        XCTAssertFalse(text.contains { $0.hasPrefix("问：") })
    }

    func testAnAnswerTheCaseLacksIsABlankLine() throws {
        let record = try XCTUnwrap(try documents("investigation-record", "traffic-instalments.xml") {
            $0.replacingOccurrences(of: "<answer>没有异议，愿意承担主要责任。</answer>", with: "")
        }.first)
        XCTAssertTrue(lines(record).contains("答：" + String(repeating: "＿", count: 26)))
    }

    // MARK: 人民调解记录

    func testOneMediationRecordPerSessionInCaseOrder() throws {
        let records = try documents("mediation-record", "family-maintenance.yaml")
        XCTAssertEqual(records.map(\.metadata.date), ["2026-03-04", "2026-03-09"])
        let first = lines(records[0]), second = lines(records[1])
        XCTAssertEqual(Array(first.prefix(8)), [
            "人民调解记录",
            "时间：2026年3月4日9时00分",
            "地点：春华镇人民调解委员会调解室",
            "事由：刘桂英与周建军、周建平赡养纠纷",
            "当事人：申请人刘桂英；被申请人周建军；被申请人周建平",
            "参加人：刘桂英、周建军、谭志刚、黄丽萍，金鼎村人民调解委员会主任易新民",
            "人民调解员：谭志刚、黄丽萍　　记录人：黄丽萍",
            "调解情况：",
        ])
        XCTAssertTrue(first.contains("调解结果：未达成协议，约定周建平返乡后于3月9日再行调解。"))
        // A course of several paragraphs prints as that many indented paragraphs.
        let start = try XCTUnwrap(second.firstIndex { $0.hasPrefix("　　调解员向周建平告知权利义务") })
        XCTAssertFalse(second[start].contains("\n"))
        XCTAssertTrue(second[start + 1].hasPrefix("　　") && second[start + 2].hasPrefix("　　"), "\(second[start...])")
        // Every party signs by name; then each mediator and the recorder, named.
        XCTAssertEqual(Array(second.suffix(6)), [
            "申请人：刘桂英\(partyRoom)", "被申请人：周建军\(partyRoom)", "被申请人：周建平\(partyRoom)",
            "人民调解员：谭志刚（签名）\(room)", "人民调解员：黄丽萍（签名）\(room)", "记录人：黄丽萍（签名）\(room)",
        ])
    }

    func testPartiesAreNamedWithRepresentativesAndAgents() throws {
        let wages = lines(try XCTUnwrap(try documents("mediation-record", "wages-subcontractor.json").first))
        XCTAssertTrue(wages.contains("当事人：申请人马建伟；被申请人杭州恒筑建筑劳务有限公司（法定代表人韩志强）；第三人浙江临江建设集团有限公司（法定代表人陈国平，委托代理人许文涛）"))
        // The group party's representative signs for it; an organisation seals and its representative and
        // its attending agent sign by name.
        XCTAssertEqual(Array(wages.suffix(10).prefix(7)), [
            "当事人（签名、盖章或按指印）：", "申请人（马建伟等9人）代表人：马建伟\(partyRoom)",
            "被申请人：杭州恒筑建筑劳务有限公司（盖章）", "法定代表人：韩志强\(partyRoom)",
            "第三人：浙江临江建设集团有限公司（盖章）", "法定代表人：陈国平\(partyRoom)", "委托代理人：许文涛\(partyRoom)",
        ])
        let minors = lines(try XCTUnwrap(try documents("mediation-record", "minors-playground-injury.yaml").first))
        XCTAssertTrue(minors.contains("当事人：申请人孙浩然（法定代理人李雪）；被申请人郭子轩（法定代理人郭涛）"))
        // A minor party's 法定代理人 signs under the party.
        XCTAssertEqual(Array(minors.suffix(6)), [
            "申请人：孙浩然\(partyRoom)", "法定代理人：李雪\(partyRoom)",
            "被申请人：郭子轩\(partyRoom)", "法定代理人：郭涛\(partyRoom)",
            "人民调解员：罗晓梅（签名）\(room)", "记录人：何佳（签名）\(room)",
        ])
        let land = lines(try XCTUnwrap(try documents("mediation-record", "land-contract-boundary.yaml").first))
        XCTAssertTrue(land.contains("当事人：方德明；余春生"))
        let medical = lines(try XCTUnwrap(try documents("mediation-record", "medical-knee-infection.xml").first))
        XCTAssertTrue(medical.contains("当事人：申请人杨秀芳（委托代理人邓文博、何静）；被申请人成都市青羊区光华中医骨伤医院（法定代表人罗志远，委托代理人冯莉）"))
    }

    // MARK: 交办单 / 移交单 and 督办单

    func testTheReferralSlipOfTheWagesCase() throws {
        let slip = try XCTUnwrap(try documents("referral", "wages-subcontractor.json").first)
        XCTAssertEqual(slip.metadata, DocumentMetadata(formID: "referral", title: "交办单 / 移交单", number: "临矛调交〔2026〕46号",
                                                       caseNumber: "（2026）临劳调字第41号", date: "2026-05-11", templateVersion: "1"))
        let text = lines(slip)
        XCTAssertEqual(Array(text.prefix(2)), ["矛盾纠纷交办单", "编号：临矛调交〔2026〕46号"])
        for row in [
            "案件编号 | （2026）临劳调字第41号",
            "申请人 | 马建伟 | 联系电话 | 15237498216",
            "被申请人 | 杭州恒筑建筑劳务有限公司 | 联系电话 | 0571-86231547",
            "第三人 | 浙江临江建设集团有限公司 | 联系电话 | 0571-86102288",
            "纠纷类型 | 劳动争议 | 纠纷等级 | 重大",
            "交办单位 | 杭州市临平区社会矛盾纠纷调处化解中心 | 承办单位 | 杭州市临平区劳动争议人民调解委员会",
            "责任人 | 沈建明 | 办结时限 | 2026年5月22日前",
            "//杭州市临平区社会矛盾纠纷调处化解中心（盖章）/2026年5月11日",
            "签收 | 承办单位签收人（签名）：/签收日期：＿＿＿年＿＿月＿＿日",
            "办理结果 | ",
        ] {
            XCTAssertTrue(text.contains(row), "missing row: \(row)\n\(text.joined(separator: "\n"))")
        }
        XCTAssertTrue(text.contains { $0.hasPrefix("交办要求 | 该纠纷涉及农民工9人") })
    }

    /// A 移交 routing gets a 移交单: title and labels follow the kind; the 督办单 then chases a 原移交单.
    /// A party without a telephone is reached through its agent (a minor through the guardian).
    func testATransferSlipIsTitledAndLabelledAfterItsKind() throws {
        let transfer: (String) -> String = { $0.replacingOccurrences(of: "\"kind\": \"交办\"", with: "\"kind\": \"移交\"") }
        let slip = lines(try XCTUnwrap(try documents("referral", "wages-subcontractor.json", editing: transfer).first))
        XCTAssertEqual(slip.first, "矛盾纠纷移交单")
        for row in ["移交单位 | 杭州市临平区社会矛盾纠纷调处化解中心 | 接收单位 | 杭州市临平区劳动争议人民调解委员会",
                    "签收 | 接收单位签收人（签名）：/签收日期：＿＿＿年＿＿月＿＿日"] {
            XCTAssertTrue(slip.contains(row), "missing row: \(row)")
        }
        XCTAssertTrue(slip.contains { $0.hasPrefix("移交要求 | ") })
        let supervision = lines(try XCTUnwrap(try documents("supervision", "wages-subcontractor.json", editing: transfer).first))
        XCTAssertTrue(supervision.contains("原移交单 | 临矛调交〔2026〕46号（2026年5月11日移交）"))

        let minors = try documents("referral", "minors-playground-injury.yaml") { text in
            text + "\nroutings:\n  - kind: 交办\n    date: 2026-07-01\n    to_unit: 成都市武侯区簇锦街道人民调解委员会\n"
        }
        let rows = lines(try XCTUnwrap(minors.first))
        XCTAssertTrue(rows.contains("申请人 | 孙浩然 | 联系电话 | 13688402157"))
        XCTAssertTrue(rows.contains("编号：" + String(repeating: "＿", count: 10)))
        XCTAssertTrue(rows.contains("责任人 |  | 办结时限 | "))
    }

    func testTheSupervisionSlipOfTheWagesCase() throws {
        let slip = try XCTUnwrap(try documents("supervision", "wages-subcontractor.json").first)
        XCTAssertEqual(slip.metadata.number, "临矛调督〔2026〕12号")
        XCTAssertEqual(slip.metadata.date, "2026-05-21")
        let text = lines(slip)
        XCTAssertEqual(Array(text.prefix(2)), ["矛盾纠纷督办单", "编号：临矛调督〔2026〕12号"])
        for row in [
            "原交办单 | 临矛调交〔2026〕46号（2026年5月11日交办）",
            "督办单位 | 杭州市临平区社会矛盾纠纷调处化解中心",
            "责任单位 | 杭州市临平区劳动争议人民调解委员会",
            "责任人 | 沈建明 | 原定时限 | 2026年5月22日前",
            "督办要求 | 请主要负责人亲自跟进，专人负责，逐日报告进展。",
            "限期办结 | 2026年5月29日前",
            "//杭州市临平区社会矛盾纠纷调处化解中心（盖章）/2026年5月21日",
            "签收 | 责任单位签收人（签名）：/签收日期：＿＿＿年＿＿月＿＿日",
        ] {
            XCTAssertTrue(text.contains(row), "missing row: \(row)\n\(text.joined(separator: "\n"))")
        }
        XCTAssertTrue(text.contains { $0.hasPrefix("督办事项 | 该纠纷已开展调查并组织首次调解") })
    }

    // MARK: Blank forms

    /// The room left to sign after a signature's label: eight ＿.
    let room = String(repeating: "＿", count: 8)
    /// A party's room to sign: six characters, so two parties fit on a row.
    let partyRoom = String(repeating: "＿", count: 6)

    func testBlankFormsAreFormsForHandwriting() throws {
        for id in Self.forms {
            let document = try form(id).renderBlank()
            let text = lines(document)
            XCTAssertFalse(containsField(document.blocks), "\(id): a blank form prints no case value")
            for placeholder in ["nil", "null", "Optional(", "（）", "()", "$", "select="] {
                XCTAssertFalse(text.contains { $0.contains(placeholder) }, "\(id) prints \(placeholder)")
            }
        }
        let investigation = lines(try form("investigation-record").renderBlank())
        XCTAssertEqual(Array(investigation.prefix(2)), ["人民调解调查记录", "时间：＿＿＿年＿＿月＿＿日＿＿时＿＿分"])
        XCTAssertEqual(investigation.filter { $0 == String(repeating: "＿", count: 28) }.count, 20)
        XCTAssertTrue(investigation.contains("被调查人：＿＿＿＿＿＿＿＿"))
        let mediation = lines(try form("mediation-record").renderBlank())
        XCTAssertTrue(mediation.contains("当事人：" + String(repeating: "＿", count: 24)))
        XCTAssertTrue(mediation.contains("调解结果：" + String(repeating: "＿", count: 23)))
        XCTAssertEqual(mediation.filter { $0 == String(repeating: "＿", count: 28) }.count, 16)
        XCTAssertEqual(Array(mediation.suffix(4).prefix(2)), ["申请人：＿＿＿\(partyRoom)", "被申请人：＿＿＿\(partyRoom)"])
        let referral = lines(try form("referral").renderBlank())
        XCTAssertEqual(referral.first, "矛盾纠纷交办单")
        XCTAssertEqual(referral.filter { $0 == "当事人 |  | 联系电话 | " }.count, 2)
        XCTAssertTrue(referral.contains("//交办单位（盖章）/＿＿＿年＿＿月＿＿日"))
        let supervision = lines(try form("supervision").renderBlank())
        XCTAssertTrue(supervision.contains("原交办单 | "))
        XCTAssertTrue(supervision.contains("//督办单位（盖章）/＿＿＿年＿＿月＿＿日"))
    }

    // MARK: Reading a document as lines

    /// The lines a reader sees: each title, number line and paragraph as its text (a first-line indent as
    /// two ideographic spaces, a blank as one ＿ per character of its width, a line break as "\n"); a table
    /// row as its cells joined by " | " (a cell's paragraphs joined by "/"); a signature as its label, name
    /// and date joined by " / ".
    func lines(_ document: Document) -> [String] {
        document.blocks.flatMap(lines)
    }

    private func lines(_ block: Block) -> [String] {
        switch block {
        case .title(let inlines), .subtitle(let inlines, _), .heading(_, let inlines):
            return [text(inlines)]
        case .paragraph(let paragraph):
            return [(paragraph.firstLineIndent ? "　　" : "") + text(paragraph.inlines)]
        case .table(let table):
            return table.rows.map { row in
                row.cells.map { cell in cell.paragraphs.map { text($0.inlines) }.joined(separator: "/") }.joined(separator: " | ")
            }
        case .signatures(let block):
            return block.signatures.map { signature in
                ([text(signature.label)] + (signature.name.isEmpty ? [] : [text(signature.name)])
                    + (signature.date.map { [text($0)] } ?? [])).joined(separator: " / ")
            }
        case .section(let section):
            return section.blocks.flatMap(lines)
        case .pageBreak, .picture:
            return []
        }
    }

    private func text(_ inlines: [Inline]) -> String {
        inlines.map { inline in
            if case .blank(let width) = inline { return String(repeating: "＿", count: width) }
            return inline.plainText ?? "#"
        }.joined()
    }

    private func containsField(_ blocks: [Block]) -> Bool {
        func fields(_ inlines: [Inline]) -> Bool { inlines.contains { if case .field = $0 { return true } else { return false } } }
        return blocks.contains { block in
            switch block {
            case .title(let inlines), .subtitle(let inlines, _), .heading(_, let inlines): return fields(inlines)
            case .paragraph(let paragraph): return fields(paragraph.inlines)
            case .table(let table): return table.rows.contains { $0.cells.contains { $0.paragraphs.contains { fields($0.inlines) } } }
            case .signatures(let block): return block.signatures.contains { fields($0.label + $0.name + ($0.date ?? [])) }
            case .section(let section): return containsField(section.blocks)
            case .pageBreak, .picture: return false
            }
        }
    }
}
