import Foundation
import XCTest
@testable import WenshuAssembly
import WenshuCase
import WenshuDocument
import WenshuTemplate
import WenshuWriters
import WenshuXML

/// What goes into a dossier and in which order, what refuses it, and what `--force` says; bound with
/// stand-in forms (`DossierFixtures.stubs`) so the list is known exactly.
final class DossierAssemblyTests: XCTestCase {
    func assemble(_ url: URL = DossierFixtures.richestCase, force: Bool = false, profile: OfficeProfileChoice = .examples) -> DossierAssembler.CaseResult {
        DossierAssembler(library: DossierFixtures.stubs, profile: profile.profile, force: force)
            .assemble(caseAt: url, displayName: "case.xml")
    }

    enum OfficeProfileChoice {
        case examples, none
        var profile: WenshuCase.OfficeProfile? { self == .examples ? DossierFixtures.profile : nil }
    }

    func testPapersFollowTheModelRowByRow() throws {
        for profile in [OfficeProfileChoice.examples, .none] {
            let result = assemble(profile: profile)
            XCTAssertEqual(result.diagnostics.filter { $0.severity == .error }, [])
            let dossier = try XCTUnwrap(result.dossier)
            XCTAssertEqual(dossier.items.map(\.title), [
                "人民调解申请书", "人民调解当事人权利义务告知书", "王建国居民身份证复印件", "李明居民身份证复印件", "王建国授权委托书",
                "道路交通事故认定书", "人民调解记录（2026年3月10日）", "人民调解协议书", "银行转账凭证",
            ], "GB/T 9705: the 备考表 and the 封底 are not listed")
            XCTAssertEqual(dossier.items.map(\.row.position), [1, 2, 3, 3, 4, 6, 7, 8, 9])
            XCTAssertEqual(dossier.items.map(\.position), Array(1...9))
            XCTAssertEqual(dossier.items.map(\.sectionID), (1...9).map { "item-\($0)" })
            XCTAssertEqual(dossier.items.map(\.knownPages), [nil, nil, 1, 1, 1, 2, nil, nil, 3])
            // 文号, 责任者 and 日期 of the contents: a form's own, nothing for an attachment.
            XCTAssertEqual(dossier.items[0].author, "王建国")
            XCTAssertEqual(dossier.items[1].author, "杭州市西湖区道路交通事故人民调解委员会")
            XCTAssertNil(dossier.items[2].author)
            XCTAssertNil(dossier.items[2].date)
            XCTAssertEqual(dossier.missingRows, [])
        }
    }

    func testTheVolumeIsCoverContentsThenNumberedPapers() throws {
        let document = try XCTUnwrap(assemble().dossier).document
        let sections = document.blocks.compactMap { block -> Section? in if case .section(let s) = block { return s } else { return nil } }
        XCTAssertEqual(sections.count, document.blocks.count, "every part is a section")
        XCTAssertEqual(sections.map(\.id), ["cover", "contents"] + (1...9).map { "item-\($0)" } + ["dossier-notes", "dossier-back"])
        XCTAssertTrue(sections.allSatisfy(\.startsNewPage))
        XCTAssertEqual(sections.map(\.numbering), [.unnumbered, .unnumbered, .restart(at: 1)] + Array(repeating: .continues, count: 8)
                       + [.unnumbered, .unnumbered], "the 备考表 and the 封底 close the volume unnumbered")
        XCTAssertEqual(document.metadata.number, "（2026）西交人调卷字第37号")
        XCTAssertEqual(document.metadata.date, "2026-05-28")
    }

    func testFormsWrittenPerRecordGiveOneItemEach() throws {
        let firstSession = "<sessions><session><date>2026-03-09</date><place>调解室</place><course>第一次调解。</course></session>"
        let url = try DossierFixtures.changedCase { $0.replacingOccurrences(of: "<sessions>", with: firstSession) }
        let result = assemble(url)
        let dossier = try XCTUnwrap(result.dossier, "\(result.diagnostics)")
        let records = dossier.items.filter { $0.row.position == 7 }
        XCTAssertEqual(records.map(\.title), ["人民调解记录（2026年3月9日）", "人民调解记录（2026年3月10日）"])
        XCTAssertEqual(records.map { item -> String? in
            if case .form(let form) = item.content { return form.stem } else { return nil }
        }, ["mediation-record-1", "mediation-record-2"])
    }

    func testAMissingRequiredPaperRefusesTheDossierNamingTheRow() throws {
        let url = try DossierFixtures.changedCase(DossierFixtures.removingAttachments(ofKind: "身份证明"))
        let result = assemble(url)
        XCTAssertTrue(result.dossier == nil)
        XCTAssertFalse(result.succeeded)
        let missing = result.diagnostics.filter { $0.id == DossierID.missingRequired.id }
        XCTAssertEqual(missing.map(\.subject), ["卷内目录第3项 当事人身份证明"])
        XCTAssertEqual(missing.map(\.severity), [.error])
        XCTAssertEqual(missing.map(\.location.file), ["case.xml"])
    }

    func testForceBindsItAndSaysWhatIsMissingOnTheCoverAndInTheNotes() throws {
        let url = try DossierFixtures.changedCase(DossierFixtures.removingAttachments(ofKind: "身份证明"))
        let result = assemble(url, force: true)
        XCTAssertTrue(result.succeeded, "\(result.diagnostics)")
        XCTAssertEqual(result.diagnostics.filter { $0.id == DossierID.missingRequired.id }.map(\.severity), [.warning])
        let dossier = try XCTUnwrap(result.dossier)
        XCTAssertEqual(dossier.missingRows.map(\.position), [3])
        let note = "本卷经强制立卷，缺少必备材料：第3项当事人身份证明。"
        guard case .section(let cover) = dossier.document.blocks[0] else { return XCTFail("the cover comes first") }
        XCTAssertTrue(plainText(cover.blocks).contains(note), plainText(cover.blocks))
        XCTAssertTrue(plainText(try notesSheet(dossier).blocks).contains(note))
        XCTAssertFalse(dossier.items.contains { $0.row.position == 3 })
    }

    func testACompleteDossierHasNoOverrideNote() throws {
        let dossier = try XCTUnwrap(assemble(force: true).dossier)
        let text = try TextWriter(options: WriterOptions()).text(dossier.document)
        XCTAssertFalse(text.contains("强制立卷"))
        XCTAssertTrue(PrintedPage.squeezed(text).contains("卷内纸质材料5件共8页"), "5 attachments of 1+1+1+2+3 pages")
    }

    func testAnAttachmentNoRowTakesIsBoundAsOtherMaterialsBeforeTheNotes() throws {
        let other = "<attachment><kind>其他</kind><title>现场照片</title><pages>1</pages></attachment></attachments>"
        let url = try DossierFixtures.changedCase { $0.replacingOccurrences(of: "</attachments>", with: other) }
        let result = assemble(url)
        XCTAssertTrue(result.succeeded)
        let finding = try XCTUnwrap(result.diagnostics.first { $0.id == DossierID.attachmentWithoutRow.id })
        XCTAssertEqual(finding.severity, .note)
        XCTAssertEqual(finding.subject, "attachments[6]")
        let titles = try XCTUnwrap(result.dossier).items.map(\.title)
        XCTAssertEqual(titles.suffix(2), ["银行转账凭证", "现场照片"])
        XCTAssertEqual(try XCTUnwrap(result.dossier).items.first { $0.title == "现场照片" }?.row.title, "其他材料")
    }

    func testAMediationThatFailedNeedsNoAgreement() throws {
        let url = DossierFixtures.root.appendingPathComponent("examples/cases/renovation-failed.json")
        let result = assemble(url)
        XCTAssertEqual(result.diagnostics.filter { $0.id == DossierID.missingRequired.id }, [])
        let dossier = try XCTUnwrap(result.dossier, "\(result.diagnostics)")
        XCTAssertFalse(dossier.items.contains { $0.row.position == 8 })
        let notes = plainText(try notesSheet(dossier).blocks)
        XCTAssertTrue(notes.contains("本案调解不成功，未达成调解协议，卷内无调解协议书。"))
        // The recorded reason and advice, as the case writes them (renovation-failed.json's outcome).
        XCTAssertTrue(notes.contains("调解不成功原因：双方对卫生间渗漏原因及责任认识分歧较大"), notes)
        XCTAssertTrue(notes.contains("告知当事人的其他途径：已告知双方：施工合同未约定仲裁条款"), notes)
    }

    /// The 备考表 as bound: the closing section `dossier-notes`.
    func notesSheet(_ dossier: Dossier, file: StaticString = #filePath, line: UInt = #line) throws -> Section {
        let sections = dossier.document.blocks.compactMap { block -> Section? in if case .section(let s) = block { return s } else { return nil } }
        return try XCTUnwrap(sections.first { $0.id == "dossier-notes" }, file: file, line: line)
    }

    /// The table is the rule: a required row is excused only for agreement forms when mediation failed.
    func testWhichRowsAreRequired() {
        let agreement = DossierModel.Row(position: 8, title: "人民调解协议书", required: true, forms: ["人民调解协议书", "人民调解口头协议登记表"])
        let record = DossierModel.Row(position: 7, title: "人民调解记录", required: true, forms: ["人民调解记录"])
        let ids = DossierModel.Row(position: 3, title: "当事人身份证明", required: true, attachmentKinds: ["身份证明"])
        let optional = DossierModel.Row(position: 10, title: "人民调解回访记录", required: false, forms: ["人民调解回访记录"])
        let table: [(DossierModel.Row, String?, Bool)] = [
            (agreement, "调解成功", true), (agreement, nil, true), (agreement, "调解不成功", false), (agreement, "终止调解", false),
            (record, "调解不成功", true), (ids, "终止调解", true), (optional, "调解成功", false),
        ]
        for (row, outcome, required) in table {
            XCTAssertEqual(DossierModel.isRequired(row, outcome: outcome), required, "\(row.title), \(outcome ?? "no outcome")")
        }
    }

    func testACaseWithErrorsGetsNoDossier() throws {
        let url = try DossierFixtures.changedCase { $0.replacingOccurrences(of: "330106197803121239", with: "330106197803121230") }
        let result = assemble(url, force: true)
        XCTAssertTrue(result.dossier == nil)
        XCTAssertTrue(result.diagnostics.contains { $0.id == "case.id-check-digit" })
    }

    func testTheCoverAndContentsTemplatesAreNeeded() throws {
        let files = ["x.form.xml": "<form xmlns=\"urn:wenshu:template:1\" id=\"x\" title=\"封底\" version=\"1\" parameters=\"dossier\"><p>x</p></form>"]
        let library = TemplateLibraryFixture.load(files)
        let result = DossierAssembler(library: library, profile: nil, force: true).assemble(caseAt: DossierFixtures.richestCase)
        XCTAssertTrue(result.dossier == nil)
        XCTAssertEqual(result.diagnostics.filter { $0.id == DossierID.missingTemplate.id }.map(\.subject), ["dossier-cover", "dossier-contents"])
    }

    func testTheSameCaseGivesTheSameBytes() throws {
        let first = try XCTUnwrap(assemble().dossier), second = try XCTUnwrap(assemble().dossier)
        for format in OutputFormat.writtenFormats {
            XCTAssertEqual(try first.write(format), try second.write(format), format.rawValue)
        }
        XCTAssertEqual(try first.archivePackage().serialized(), try second.archivePackage().serialized())
    }

    func testSectionsInsideAPaperTakeItsPrefixAndOnlyTheirOwnReferencesFollow() {
        let blocks: [Block] = [
            .paragraph(Paragraph([.pageRef(target: "x", end: false), .pageRef(target: "item-1", end: true)])),
            .section(Section(id: "x", blocks: [.table(Table(columnWidths: [1], rows: [
                TableRow(cells: [TableCell([Paragraph([.pageRef(target: "x", end: true)])])]),
            ]))])),
        ]
        XCTAssertEqual(DossierSections.prefixed(blocks, with: "item-3_"), [
            .paragraph(Paragraph([.pageRef(target: "item-3_x", end: false), .pageRef(target: "item-1", end: true)])),
            .section(Section(id: "item-3_x", blocks: [.table(Table(columnWidths: [1], rows: [
                TableRow(cells: [TableCell([Paragraph([.pageRef(target: "item-3_x", end: true)])])]),
            ]))])),
        ])
    }
}

/// Loads in-memory templates against the installed schema.
enum TemplateLibraryFixture {
    static func load(_ files: [String: String]) -> WenshuTemplate.TemplateLibrary {
        WenshuTemplate.TemplateLibrary.load(files: files, schema: DossierFixtures.templates.appendingPathComponent("wenshu-template.rng")).library
    }
}
