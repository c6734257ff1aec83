import Foundation
import XCTest
import WenshuCase
import WenshuTemplate
import WenshuXML
@testable import WenshuAssembly

/// What the packet tests share: the bundled templates and office profile, the reference case (edited as
/// text to make each variant), and small builders of `PacketFacts` for the rule tables.
enum PacketFixtures {
    static let templates = TemplateLibrary.load(directory: Repository.root.appendingPathComponent("templates")).library
    static let profile = OfficeProfile.load(Repository.examples.appendingPathComponent("office.yaml"),
                                            displayName: "examples/office.yaml").profile
    static let packet = JudicialConfirmationPacket(library: templates, profile: profile)
    static let trafficURL = Repository.cases.appendingPathComponent("traffic-instalments.xml")
    static let trafficText = try! String(contentsOf: trafficURL, encoding: .utf8)

    /// The reference case with `edits` applied (each a literal replacement that must take place), loaded
    /// under the name `traffic.xml`.
    static func traffic(_ edits: [(String, String)] = [], file: StaticString = #filePath, line: UInt = #line) throws -> CaseFile {
        var text = trafficText
        for (old, new) in edits {
            XCTAssertTrue(text.contains(old), "the reference case has no \(old)", file: file, line: line)
            text = text.replacingOccurrences(of: old, with: new)
        }
        return try CaseLoader.load(Data(text.utf8), name: "traffic.xml", format: .xml, kind: .caseFile)
    }

    /// The line of the reference case holding `text` (first occurrence), so tests name locations without
    /// hard-coding them.
    static func trafficLine(_ text: String) -> Int {
        (trafficText.components(separatedBy: "\n").firstIndex { $0.contains(text) } ?? -1) + 1
    }

    /// The calendar of the example office: the State Council's 2025 and 2026 arrangements.
    static var calendar: RestDayCalendar { profile!.calendar }
}

extension PacketFacts {
    static let here = Origin(location: SourceLocation(file: "case.xml", line: 1), path: "")

    static func origin(_ path: String, line: Int = 1) -> Origin {
        Origin(location: SourceLocation(file: "case.xml", line: line), path: path)
    }

}

extension PacketFacts.Party {
    /// A person party with every identity field filled unless the caller says otherwise.
    static func person(_ name: String, role: String = "申请人", idNumber: String? = "330106197803121239",
                       address: String? = "杭州市西湖区文三路1号", phone: String? = "13805712345",
                       agents: [PacketFacts.Agent] = [], path: String = "parties[1]") -> Self {
        Self(name: name, role: role, isOrganisation: false, idNumber: idNumber, creditCode: nil, address: address,
              phone: phone, representative: nil, agents: agents, origin: PacketFacts.origin(path))
    }
}

extension PacketFacts.Agent {
    static func agent(_ name: String, kind: String? = "委托代理人", authority: String? = "特别授权", mayApply: Bool? = true,
                      idNumber: String? = "330102199001010389", phone: String? = "13967123456",
                      path: String = "parties[1].agents[1]") -> Self {
        Self(name: name, kind: kind, idNumber: idNumber, phone: phone, authority: authority,
             mayApplyConfirmation: mayApply, origin: PacketFacts.origin(path))
    }
}

extension PacketFacts.Agreement {
    static func agreement(effective: String = "2026-03-10", form: String = "written", status: Bool? = false,
                          ownership: Bool? = false, terms: String = "被申请人赔偿申请人人民币34,020元。") -> Self {
        Self(number: "（2026）西交调协字第37号", form: form, date: CivilDate(iso: effective),
                  effective: CivilDate(iso: effective), confirmsStatusRelation: status, confirmsOwnership: ownership,
                  terms: terms, origin: PacketFacts.origin("agreement"), effectiveOrigin: PacketFacts.origin("agreement.effective"),
                  statusFlagOrigin: status.map { _ in PacketFacts.origin("agreement.confirms_status_relation") },
                  ownershipFlagOrigin: ownership.map { _ in PacketFacts.origin("agreement.confirms_ownership") })
    }
}

extension PacketFacts {
    /// Two parties, a written agreement, an application on `applied` to a court.
    static func sample(type: String = "道路交通事故", parties: [Party]? = nil, agreement: Agreement? = .agreement(),
                       applied: String? = "2026-03-16", court: String? = "杭州市西湖区人民法院",
                       attachments: [Attachment] = []) -> PacketFacts {
        PacketFacts(caseNumber: "（2026）西交调字第37号", type: type, sourceKind: "申请", sourceBody: nil,
                    parties: parties ?? [.person("王建国"), .person("李明", role: "被申请人", path: "parties[2]")],
                    agreement: agreement,
                    confirmation: Confirmation(court: court, applied: applied.flatMap(CivilDate.init(iso:)),
                                               origin: origin("confirmation"),
                                               appliedOrigin: applied.map { _ in origin("confirmation.applied", line: 7) }),
                    attachments: attachments, origin: here)
    }
}

extension Array where Element == PacketFinding {
    /// `id subject` of each finding, for compact assertions.
    var summary: [String] { map { "\($0.id) \($0.diagnostic.subject ?? "")" } }
}
