import XCTest
import WenshuCase
@testable import WenshuAssembly

/// The checklist's materials: what the court needs, matched against the case's attachments by title.
final class PacketMaterialsTests: XCTestCase {
    typealias Attachment = PacketFacts.Attachment

    func materials(_ facts: PacketFacts) -> PacketMaterials {
        PacketMaterials(facts)
    }

    func row(_ material: PacketMaterials.Material) -> String {
        switch material.source {
        case .packet(let section): return "\(material.title) = packet:\(section)"
        case .attached(let files): return "\(material.title) = " + files.map(\.title).joined(separator: " + ")
        case .toSign(let n): return "\(material.title) = 待签:\(n)"
        case .missing: return "\(material.title) = 缺"
        }
    }

    func testTheReferenceCaseLacksOnlyTheLawyersIdentityPaper() throws {
        let facts = PacketFacts(try PacketFixtures.traffic())
        let list = materials(facts)
        XCTAssertEqual(list.items.map(row), [
            "司法确认申请书 = packet:application",
            "人民调解协议书 = packet:agreement",
            "调解组织主持调解的证明 = packet:certificate",
            "申请人王建国的身份证明 = 王建国居民身份证复印件",
            "委托代理人周敏的身份证明 = 缺",
            "王建国出具的授权委托书（周敏，特别授权） = 王建国授权委托书",
            "申请人李明的身份证明 = 李明居民身份证复印件",
            "各申请人的送达地址确认书 = packet:service-address",
            "其他证据材料 = 道路交通事故认定书",
        ], "receipts of performance (银行转账凭证) are not part of an application")
        XCTAssertEqual(list.findings.map(\.id), ["packet.missing-material"])
        XCTAssertEqual(list.findings[0].severity, .warning)
        XCTAssertEqual(list.findings[0].diagnostic.location.line, PacketFixtures.trafficLine("<name>周敏</name>") - 1)
        XCTAssertEqual(list.findings[0].notice, "缺委托代理人周敏的身份证明。")
    }

    func testOrganisationsAgentsKeptOutAndGuardians() {
        let hospital = PacketFacts.Party(name: "成都市青羊区光华中医骨伤医院", role: "被申请人", isOrganisation: true, idNumber: nil,
                                         creditCode: "12510105450719311K", address: "成都", phone: "028-87314560",
                                         representative: "罗志远", agents: [], origin: PacketFacts.origin("parties[2]"))
        let son = PacketFacts.Agent.agent("邓文博", authority: "一般授权", mayApply: false)
        let mother = PacketFacts.Agent.agent("李雪", kind: "法定代理人", authority: nil, path: "parties[1].agents[2]")
        let facts = PacketFacts.sample(parties: [.person("孙浩然", agents: [son, mother]), hospital], attachments: [
            Attachment(kind: "身份证明", title: "孙浩然户口簿及李雪居民身份证复印件", pages: 2),
            Attachment(kind: "身份证明", title: "事业单位法人证书复印件及法定代表人身份证明书", pages: 2),
            Attachment(kind: "履行凭证", title: "银行转账凭证", pages: 1),
        ])
        XCTAssertEqual(materials(facts).items.dropFirst(3).map(row), [
            "申请人孙浩然的身份证明 = 孙浩然户口簿及李雪居民身份证复印件",
            "法定代理人李雪的身份证明 = 孙浩然户口簿及李雪居民身份证复印件",
            "李雪与孙浩然的监护关系证明 = 孙浩然户口簿及李雪居民身份证复印件",
            "申请人成都市青羊区光华中医骨伤医院的主体资格证明及法定代表人罗志远的身份证明 = 事业单位法人证书复印件及法定代表人身份证明书",
            "各申请人的送达地址确认书 = packet:service-address",
        ], "the son keeps out (may_apply_confirmation false), so none of his papers are asked for")
        XCTAssertEqual(materials(facts).findings, [])
    }

    func testAnAgreementOnPropertyAsksForTheProofOfRight() {
        let terms = "被申请人将位于新沙村的宅基地使用权证交由申请人保管，双方按现状通行。"
        let asked = materials(.sample(agreement: .agreement(terms: terms)))
        XCTAssertEqual(asked.findings.map(\.id).filter { $0 == "packet.property-proof" }, ["packet.property-proof"])
        XCTAssertTrue(asked.items.map(\.title).contains("与调解协议相关的财产权利证明（协议涉及宅基地）"))

        let proved = materials(.sample(agreement: .agreement(terms: terms),
                                       attachments: [Attachment(kind: "证据材料", title: "集体土地使用权证复印件", pages: 1)]))
        XCTAssertEqual(proved.findings.map(\.id).filter { $0 == "packet.property-proof" }, [])

        let money = materials(.sample(agreement: .agreement(terms: "被申请人赔偿申请人人民币5,000元。")))
        XCTAssertFalse(money.items.map(\.title).contains { $0.hasPrefix("与调解协议相关的财产权利证明") })
    }

    /// A 委托代理人 without a signed power of attorney among the attachments gets the 授权委托书 filled for
    /// signing (待签) — the n-th of the form's documents, counting every 委托代理人 in case order — not a 缺.
    func testAMissingPowerOfAttorneyIsPrintedToSign() {
        let son = PacketFacts.Agent.agent("邓文博", authority: "一般授权", mayApply: false)
        let lawyer = PacketFacts.Agent.agent("周敏", authority: "特别授权", path: "parties[1].agents[2]")
        let facts = PacketFacts.sample(parties: [.person("王建国", agents: [son, lawyer]), .person("李明")], attachments: [
            Attachment(kind: "身份证明", title: "王建国居民身份证复印件", pages: 1),
            Attachment(kind: "身份证明", title: "周敏律师执业证", pages: 1),
            Attachment(kind: "身份证明", title: "李明居民身份证复印件", pages: 1),
        ])
        let list = materials(facts)
        XCTAssertTrue(list.items.map(row).contains("王建国出具的授权委托书（周敏，特别授权） = 待签:2"), list.items.map(row).description)
        XCTAssertEqual(list.findings, [])
    }
}
