import Foundation
import XCTest
import WenshuCase
import WenshuDocument
import WenshuWriters
import WenshuXML
@testable import WenshuAssembly

/// The packet built from real case files with the bundled templates: refused with the rule named when the
/// court would refuse it, built — as one document of parts each on a new page — when it would not.
final class PacketBuilderTests: XCTestCase {
    let packet = PacketFixtures.packet

    func errors(_ result: JudicialConfirmationPacket.Result) -> [Diagnostic] {
        result.diagnostics.filter { $0.severity == .error }
    }

    /// The parts of a packet: each section's id, whether it starts a new page, its numbering.
    func parts(_ document: Document) -> [String] {
        document.blocks.map { block in
            guard case .section(let section) = block else { return "not a section" }
            return "\(section.id ?? "-") \(section.startsNewPage ? "new page" : "same page") \(section.numbering)"
        }
    }

    func section(_ id: String, of document: Document) -> Section? {
        for case .section(let section) in document.blocks where section.id == id { return section }
        return nil
    }

    /// In the checklist's order: the application, the agreement, the certificate, a placeholder page for each
    /// paper attached (王建国's ID copy, his power of attorney, 李明's ID copy), the 送达地址确认书, the evidence,
    /// then the checklist.
    func testTheReferenceCaseBuildsOneDocumentInTheChecklistsOrder() throws {
        let result = packet.build(try PacketFixtures.traffic())
        XCTAssertEqual(errors(result), [])
        XCTAssertEqual(result.diagnostics.map(\.id), ["packet.missing-material"], "only the lawyer's identity paper is missing")
        let document = try XCTUnwrap(result.document)
        XCTAssertEqual(parts(document), ["application", "agreement", "certificate", "material-4-1", "material-6-1", "material-7-1",
                                         "service-address", "material-9-1", "checklist"].map { $0 + " new page continues" })
        let placeholder = plainText(try XCTUnwrap(section("material-6-1", of: document)).blocks)
        XCTAssertTrue(placeholder.contains("此处装订：王建国授权委托书（第1页，共1页）"), placeholder)
        XCTAssertTrue(placeholder.contains("（申请材料清单第6项，王建国出具的授权委托书（周敏，特别授权））"), placeholder)
        let addresses = plainText(try XCTUnwrap(section("service-address", of: document)).blocks)
        XCTAssertEqual(addresses.components(separatedBy: "送达地址确认书").count - 1, 2, "one per party")
        XCTAssertTrue(addresses.contains("杭州市西湖区古荡街道嘉绿苑12幢3单元402室"), addresses)
        guard case .signatures(let checker)? = try XCTUnwrap(section("checklist", of: document)).blocks.last else {
            return XCTFail("the checklist ends with the checker's signature")
        }
        XCTAssertEqual(checker.signatures[0].label, [.text("材料核对人（签名）"), .blank(width: 8)], "a line to sign on")
        XCTAssertEqual(document.metadata.formID, "confirmation-packet")
        XCTAssertEqual(document.metadata.caseNumber, "（2026）西交调字第37号")
        XCTAssertEqual(document.metadata.date, "2026-03-16", "the application date, not the clock")

        let application = plainText(try XCTUnwrap(section("application", of: document)).blocks)
        for expected in ["司法确认申请书", "申请人：王建国", "申请人：李明", "委托代理人：周敏", "代理权限：特别授权",
                         "确认申请人王建国、李明于2026年3月10日经杭州市西湖区道路交通事故人民调解委员会主持调解达成的编号为（2026）西交调协字第37号的人民调解协议有效。",
                         "1.被申请人李明赔偿申请人王建国", "申请人承诺：", "杭州市西湖区人民法院"] {
            XCTAssertTrue(application.contains(expected), "application lacks \(expected)")
        }
        XCTAssertTrue(plainText(try XCTUnwrap(section("agreement", of: document)).blocks).contains("人民调解协议书"))
        let certificate = plainText(try XCTUnwrap(section("certificate", of: document)).blocks)
        XCTAssertTrue(certificate.contains("当事人为申请人王建国、被申请人李明"), certificate)
        XCTAssertTrue(certificate.contains("指派人民调解员陈晓红主持调解"), certificate)
        let checklist = plainText(try XCTUnwrap(section("checklist", of: document)).blocks)
        XCTAssertTrue(checklist.contains("委托代理人周敏的身份证明|未附|缺"), checklist)
        XCTAssertTrue(checklist.contains("1.委托代理人周敏的身份证明；"), checklist)
    }

    /// Day 31 after the agreement took effect (2026-03-10) is refused, naming the rule at the application
    /// date's line; day 30 is in time.
    func testDay31IsRefusedAndDay30Accepted() throws {
        let late = packet.build(try PacketFixtures.traffic([("<applied>2026-03-16</applied>", "<applied>2026-04-10</applied>"),
                                                            ("<decided>2026-03-27</decided>", "<decided>2026-04-20</decided>")]))
        XCTAssertNil(late.document)
        XCTAssertEqual(errors(late).map(\.id), ["packet.window"])
        XCTAssertEqual(errors(late).first?.location, SourceLocation(file: "traffic.xml", line: PacketFixtures.trafficLine("<applied>")))
        XCTAssertEqual(errors(late).first?.subject, "confirmation.applied")
        XCTAssertFalse(late.diagnostics.contains { $0.id == "case.confirmation-late" }, "the packet's own finding replaces check's warning")

        let lastDay = packet.build(try PacketFixtures.traffic([("<applied>2026-03-16</applied>", "<applied>2026-04-09</applied>"),
                                                               ("<decided>2026-03-27</decided>", "<decided>2026-04-20</decided>")]))
        XCTAssertEqual(errors(lastDay), [])
        XCTAssertNotNil(lastDay.document)
    }

    /// A last day on a public holiday moves to the next working day: effective 2026-09-05, day 30 is
    /// 2026-10-05 (国庆节), so an application on 2026-10-08 is in time with the office's arrangement.
    func testALastDayOnAHolidayMovesToTheNextWorkingDay() throws {
        let edits = [("<effective>2026-03-10</effective>", "<effective>2026-09-05</effective>"),
                     ("<applied>2026-03-16</applied>", "<applied>2026-10-08</applied>"),
                     ("<decided>2026-03-27</decided>", "<decided>2026-10-20</decided>")]
        let inTime = packet.build(try PacketFixtures.traffic(edits))
        XCTAssertEqual(errors(inTime), [])
        XCTAssertNotNil(inTime.document)

        let withoutHolidays = JudicialConfirmationPacket(library: PacketFixtures.templates, profile: nil)
            .build(try PacketFixtures.traffic(edits))
        XCTAssertEqual(errors(withoutHolidays).map(\.id), ["packet.window"], "with weekends only, 10-05 is a Monday")
        XCTAssertTrue(withoutHolidays.diagnostics.contains { $0.id == "packet.holidays-unknown" })
    }

    func testAMissingIDNumberIsRefusedNamingTheParty() throws {
        let result = packet.build(try PacketFixtures.traffic([("<id_number>330106198207152463</id_number>", "")]))
        XCTAssertNil(result.document)
        let error = try XCTUnwrap(errors(result).first)
        XCTAssertEqual(errors(result).map(\.id), ["packet.missing-identity"])
        XCTAssertEqual(error.subject, "parties[2].id_number")
        XCTAssertTrue(error.message.contains("李明"), error.message)
        XCTAssertEqual(error.location.line, PacketFixtures.trafficLine("<name>李明</name>") - 4, "the party's own line")
    }

    func testAnAgentWithoutSpecialAuthorityIsRefused() throws {
        let result = packet.build(try PacketFixtures.traffic([("<authority>特别授权</authority>", "<authority>一般授权</authority>")]))
        XCTAssertNil(result.document)
        XCTAssertEqual(errors(result).map(\.id), ["packet.agent-authority"])
        XCTAssertEqual(errors(result).first?.subject, "parties[1].agents[1].authority")
        XCTAssertTrue(errors(result).first?.message.contains("周敏") == true)

        // Kept out of the application, the same agent needs no authority: 王建国 applies in person.
        let keptOut = packet.build(try PacketFixtures.traffic([
            ("<authority>特别授权</authority>", "<authority>一般授权</authority>"),
            ("<may_apply_confirmation>true</may_apply_confirmation>", "<may_apply_confirmation>false</may_apply_confirmation>"),
        ]))
        XCTAssertEqual(errors(keptOut), [])
        let application = plainText(try XCTUnwrap(keptOut.document.flatMap { section("application", of: $0) }).blocks)
        XCTAssertFalse(application.contains("周敏"), "an agent who does not apply is not listed")
    }

    func testAgreementsCourtsDoNotConfirmAreRefused() throws {
        for (flag, id) in [("confirms_status_relation", "packet.excluded-status"), ("confirms_ownership", "packet.excluded-ownership")] {
            let result = packet.build(try PacketFixtures.traffic([("<\(flag)>false</\(flag)>", "<\(flag)>true</\(flag)>")]))
            XCTAssertNil(result.document, flag)
            XCTAssertEqual(errors(result).map(\.id), [id])
            XCTAssertEqual(errors(result).first?.location.line, PacketFixtures.trafficLine("<\(flag)>"))
        }
    }

    /// A family case without the flags is asked about, not refused; with them it is not even asked.
    func testAFamilyCaseWithoutFlagsGetsAQuestion() throws {
        let url = Repository.cases.appendingPathComponent("family-maintenance.yaml")
        let asked = packet.build(try CaseLoader.load(Data(try String(contentsOf: url, encoding: .utf8)
            .replacingOccurrences(of: "  confirms_status_relation: false\n", with: "").utf8),
            name: "family.yaml", format: .yaml, kind: .caseFile))
        XCTAssertNotNil(asked.document)
        XCTAssertEqual(asked.diagnostics.filter { $0.id == "packet.exclusion-unknown" }.map(\.severity), [.warning])
        XCTAssertFalse(packet.build(caseAt: url).diagnostics.contains { $0.id == "packet.exclusion-unknown" })
    }

    /// With `force`, every refusal is overridden and listed on a cover note in front, which carries no page
    /// number (the application is still page 1).
    func testForceBuildsWithACoverNoteListingEveryOverriddenProblem() throws {
        let file = try PacketFixtures.traffic([("<applied>2026-03-16</applied>", "<applied>2026-04-10</applied>"),
                                               ("<decided>2026-03-27</decided>", "<decided>2026-04-20</decided>"),
                                               ("<authority>特别授权</authority>", "<authority>一般授权</authority>"),
                                               ("<confirms_ownership>false</confirms_ownership>", "<confirms_ownership>true</confirms_ownership>")])
        XCTAssertNil(packet.build(file).document)
        let forced = packet.build(file, force: true)
        let document = try XCTUnwrap(forced.document)
        XCTAssertEqual(forced.overridden.map(\.id), ["packet.window", "packet.excluded-ownership", "packet.agent-authority"])
        XCTAssertEqual(parts(document).first, "cover-note new page unnumbered")
        XCTAssertEqual(parts(document).count, 10, "the cover note and the nine parts")
        let note = plainText(try XCTUnwrap(section("cover-note", of: document)).blocks)
        XCTAssertTrue(note.contains("一、申请超过法定期限"), note)
        XCTAssertTrue(note.contains("二、调解协议内容涉及确认物权"), note)
        XCTAssertTrue(note.contains("三、王建国的委托代理人周敏仅有一般授权"), note)
    }

    func testForceCannotBuildWithoutAWrittenAgreementNorOverBrokenCaseData() throws {
        let oral = packet.build(caseAt: Repository.cases.appendingPathComponent("dog-bite-oral.yaml"), force: true)
        XCTAssertNil(oral.document)
        XCTAssertEqual(errors(oral).map(\.id), ["packet.oral-agreement"])

        let broken = packet.build(try PacketFixtures.traffic([("330106198207152463", "330106198207152464")]), force: true)
        XCTAssertNil(broken.document)
        XCTAssertEqual(errors(broken).map(\.id), ["case.id-check-digit"], "fix the case first: `wenshu check`")
    }

    func testEveryExampleThatSoughtConfirmationBuilds() throws {
        for name in ["traffic-instalments.xml", "family-maintenance.yaml", "medical-knee-infection.xml", "court-referred-loan.json"] {
            let result = packet.build(caseAt: Repository.cases.appendingPathComponent(name))
            XCTAssertEqual(errors(result), [], name)
            XCTAssertNotNil(result.document, name)
        }
    }

    func testThePacketIsByteReproducibleInEveryFormat() throws {
        let first = try XCTUnwrap(packet.build(try PacketFixtures.traffic()).document)
        let second = try XCTUnwrap(packet.build(try PacketFixtures.traffic()).document)
        XCTAssertEqual(first, second)
        for format in OutputFormat.writtenFormats {
            XCTAssertEqual(try Writers.writer(for: format).write(first), try Writers.writer(for: format).write(second), "\(format)")
        }
    }

    func testFilesAreNamedByFormAndFormat() throws {
        let document = try XCTUnwrap(packet.build(try PacketFixtures.traffic()).document)
        let files = try JudicialConfirmationPacket.files(document, formats: [.txt, .fodt])
        XCTAssertEqual(files.map(\.name), ["confirmation-packet.txt", "confirmation-packet.fodt"])
        let text = String(decoding: files[0].data, as: UTF8.self)
        XCTAssertTrue(text.contains("司法确认申请书") && text.contains("司法确认申请材料清单"))
    }

    /// A 委托代理人 whose power of attorney the case does not attach: the packet prints the 授权委托书 filled
    /// from the agent's data (特别授权 ticked, with its items) where the checklist names it, which says 待签.
    func testAMissingPowerOfAttorneyIsPrintedFilledForSigning() throws {
        let file = try PacketFixtures.traffic([("<kind>授权委托书</kind>", "<kind>其他</kind>")])
        let result = packet.build(file)
        let document = try XCTUnwrap(result.document, "\(result.diagnostics)")
        XCTAssertTrue(parts(document).contains("power-of-attorney-1 new page continues"), "\(parts(document))")
        let blocks = try XCTUnwrap(section("power-of-attorney-1", of: document)).blocks
        let form = plainText(blocks)
        for text in ["授权委托书", "委托人：王建国", "受托人：周敏", "代理权限：□一般授权　☑特别授权", "☑代为申请司法确认"] {
            XCTAssertTrue(form.contains(text), "\(text) in \(form)")
        }
        let signatories = blocks.compactMap { block -> SignatureBlock? in if case .signatures(let s) = block { s } else { nil } }
            .flatMap(\.signatures).map { $0.label.compactMap(\.plainText).joined() }
        XCTAssertEqual(signatories, ["委托人：王建国（签名或者按指印）", "受托人：周敏（签名）"])
        let checklist = plainText(try XCTUnwrap(section("checklist", of: document)).blocks)
        XCTAssertTrue(checklist.contains("待委托人、受托人签名"), checklist)
        XCTAssertFalse(result.diagnostics.contains { $0.id == PacketID.missingMaterial.id && $0.message.contains("授权委托书") })
    }
}
