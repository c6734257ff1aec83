import Foundation
import WenshuCase
import WenshuDocument
import WenshuTestSupport
import WenshuWriters
import WenshuXML
import XCTest
@testable import WenshuAssembly

/// What makes the statistics and the subsidy table the office's own papers: they count only the office's
/// committees, and they end with 填表人, 审核人, 填报日期 and room for the office's seal.
final class StatisticsOfficeTests: XCTestCase {
    static let office: Set<String> = ["杭州市西湖区道路交通事故人民调解委员会", "杭州市西湖区劳动争议人民调解委员会",
                                      "杭州市西湖区医疗纠纷人民调解委员会"]

    /// Cases of other committees are in no figure, and the report says how many were left out; the count of
    /// the office's cases agrees with a plain XPath count over the examples.
    func testOnlyTheOfficesCommitteesCount() throws {
        let facts = try StatisticsExamplesTests.facts()
        let filter = LedgerFilter(ownCommittees: Self.office)
        let statistics = Statistics(cases: facts, filter: filter)
        let trees = try StatisticsExamplesTests.trees()
        let own = try trees.filter { file in
            let name = try XPathContext(document: file.document).evaluate("string(/case/committee/name)").stringValue
            return Self.office.contains(name)
        }
        XCTAssertGreaterThan(own.count, 0)
        XCTAssertEqual(statistics.total.accepted, own.count)
        XCTAssertEqual(statistics.otherCommitteeCases, trees.count - own.count)
        XCTAssertEqual(Set(statistics.byCommittee.map(\.label)).subtracting(Self.office), [])
        XCTAssertTrue(Self.notes(statistics.document()).contains("另有\(trees.count - own.count)件案件属其他调解组织，未计入"))

        let (profile, _) = OfficeProfile.load(Repository.examples.appendingPathComponent("office.yaml"))
        let subsidy = SubsidyReport(cases: facts, rules: SubsidyRules(profile: try XCTUnwrap(profile)), filter: filter)
        let considered = subsidy.lines.flatMap(\.cases) + subsidy.refused.map(\.facts.number)
        XCTAssertEqual(considered.count, own.count)
        XCTAssertEqual(subsidy.otherCommitteeCases, trees.count - own.count)
        // Without a list of the office's committees, every committee counts and nothing is said.
        let all = Statistics(cases: facts)
        XCTAssertEqual(all.total.accepted, trees.count)
        XCTAssertEqual(all.otherCommitteeCases, 0)
        XCTAssertFalse(Self.notes(all.document()).contains("未计入"))
    }

    static func notes(_ document: Document) -> String {
        document.blocks.compactMap { block -> String? in
            guard case .paragraph(let p) = block else { return nil }
            return p.inlines.compactMap(\.plainText).joined()
        }.joined(separator: "\n")
    }

    /// Both reports end with the office's seal line over its name, the seal's room kept (`seal`), then as a
    /// statistics report's foot does: 填表人 and 审核人, each with a line to sign on, and the 填报日期 on one row.
    func testBothReportsEndWithTheSignOff() throws {
        let facts = try StatisticsExamplesTests.facts()
        let (profile, _) = OfficeProfile.load(Repository.examples.appendingPathComponent("office.yaml"))
        let subsidy = SubsidyReport(cases: facts, rules: SubsidyRules(profile: try XCTUnwrap(profile)))
        for document in [Statistics(cases: facts).document(keeper: "杭州市西湖区司法局"),
                         subsidy.document(keeper: "杭州市西湖区司法局")] {
            guard case .signatures(let seal)? = document.blocks.dropLast().last,
                  case .signatures(let people)? = document.blocks.last else { return XCTFail("no sign-off") }
            XCTAssertEqual(people.signatures.count, 1, "one row")
            let row = people.signatures[0].label
            XCTAssertEqual(row.compactMap(\.plainText).joined(), "填表人（签名）　审核人（签名）　填报日期：年月日")
            for label in ["填表人（签名）", "审核人（签名）"] {
                let index = try XCTUnwrap(row.firstIndex(of: .text(label)))
                guard case .blank(let width) = row[index + 1] else { return XCTFail("\(label): no line to sign on") }
                XCTAssertGreaterThanOrEqual(width, 5)
            }
            XCTAssertEqual(seal.signatures.count, 1)
            XCTAssertTrue(seal.signatures[0].seal)
            XCTAssertEqual(seal.signatures[0].label.compactMap(\.plainText).joined(), "杭州市西湖区司法局（印）")
        }
    }

    /// On paper (LibreOffice): 填表人, 审核人 and 填报日期 print on one line, and the 42 mm seal centred on the
    /// office's name and the line under it covers no other word.
    func testTheSealOnTheReportCoversNothingInLibreOffice() throws {
        _ = try LibreOffice.require()
        let statistics = Statistics(cases: try StatisticsExamplesTests.facts(), filter: LedgerFilter(ownCommittees: Self.office))
        let pdf = try LibreOffice.convertToPDF(try ODFWriter(flat: false).write(statistics.document(keeper: "杭州市西湖区司法局")),
                                               name: "statistics.odt")
        let last = try LibreOffice.pageCount(pdf)
        let text = try LibreOffice.text(pdf, page: last).replacingOccurrences(of: " ", with: "")
        for line in ["填表人（签名）", "审核人（签名）", "杭州市西湖区司法局（印）", "填报日期："] {
            XCTAssertTrue(text.contains(line), "\(line) not on the last page:\n\(text)")
        }
        let words = try LibreOffice.words(pdf, page: last)
        let row = try ["填表人", "审核人", "填报日期"].map { label in try XCTUnwrap(words.first { $0.text.hasPrefix(label) }, label) }
        XCTAssertLessThan(row.map(\.top).max()! - row.map(\.top).min()!, 1, "填表人, 审核人 and 填报日期 on one line")
        let name = try XCTUnwrap(words.first { $0.text.hasSuffix("（印）") })
        // The seal is centred on the name's line and the (empty) date line under it: at the foot of the name.
        let centre = (x: (name.left + name.right) / 2, y: name.bottom)
        // The page number under the text block is not the paper's text.
        let foot = try LibreOffice.pageSize(pdf, page: last).height - 25
        for word in words where abs(word.top - name.top) > 1 && word.top < foot {
            let dx = max(word.left - centre.x, 0, centre.x - word.right)
            let dy = max(word.top - centre.y, 0, centre.y - word.bottom)
            XCTAssertGreaterThan((dx * dx + dy * dy).squareRoot(), 21, "the seal would cover “\(word.text)”")
        }
    }
}
