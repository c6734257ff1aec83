import Foundation
import XCTest
import WenshuCase
import WenshuTemplate
import WenshuTestSupport
import WenshuWriters
@testable import WenshuAssembly

/// What a clerk sees where papers are signed, in text and through LibreOffice's PDF: every signatory has a
/// line naming it, and many parties sign two to a row (issue 13).
final class SignaturePaperTests: XCTestCase {
    static let root = TestPaths.packageRoot
    static let twelve = "Tests/Golden/cases/twelve-claimants.yaml"
    static let claimants = "王德胜 李桂兰 张建军 刘振华 陈志刚 杨秀英 赵国庆 黄明亮 周海燕 吴长春 徐立新 孙建平".split(separator: " ").map(String.init)

    static let pipeline: RenderPipeline = {
        let (library, _) = TemplateLibrary.load(directory: root.appendingPathComponent("templates"))
        let (profile, _) = OfficeProfile.load(root.appendingPathComponent("examples/office.yaml"), displayName: "examples/office.yaml")
        return RenderPipeline(library: library, profile: profile, settings: .init(forms: ["agreement"], formats: [.odt, .txt]))
    }()

    func file(_ name: String, of path: String = twelve) throws -> Data {
        let result = Self.pipeline.render(caseAt: Self.root.appendingPathComponent(path), displayName: path)
        XCTAssertTrue(result.succeeded, "\(result.diagnostics)")
        return try XCTUnwrap(result.files.first { $0.name == name }?.data, "\(name) not rendered")
    }

    /// Twelve claimants sign on six rows of two in the text, each by name, then the company seals and its
    /// representative and agent sign by name.
    func testTwelveClaimantsSignTwoToARowInText() throws {
        let lines = String(decoding: try file("agreement.txt"), as: UTF8.self).split(separator: "\n").map(String.init)
        let rows = lines.filter { $0.hasPrefix("申请人：") }
        XCTAssertEqual(rows.count, 6)
        for (index, row) in rows.enumerated() {
            let first = Self.claimants[2 * index], second = Self.claimants[2 * index + 1]
            XCTAssertTrue(row.hasPrefix("申请人：\(first)____________"), row)
            XCTAssertTrue(row.hasSuffix("申请人：\(second)____________"), row)
        }
        XCTAssertTrue(lines.contains("被申请人：测试市洁雅保洁服务有限公司（盖章）"))
        XCTAssertTrue(lines.contains("法定代表人：钱卫国____________"))
        XCTAssertTrue(lines.contains("委托代理人：郑晓梅____________"))
    }

    /// Through LibreOffice: each pair of claimants stands on one line, the second from the middle of the
    /// text block on, and every claimant's name is printed once among the signatures.
    func testTwelveClaimantsSignTwoToARowOnPaper() throws {
        let pdf = try LibreOffice.convertToPDF(try file("agreement.odt"), name: "agreement.odt")
        var found: [String: LibreOffice.Word] = [:]
        for page in 1...(try LibreOffice.pageCount(pdf)) {
            for word in try LibreOffice.words(pdf, page: page) where word.text.hasPrefix("申请人：") {
                let name = String(word.text.dropFirst(4))
                if Self.claimants.contains(name) { found[name] = word }
            }
        }
        XCTAssertEqual(Set(found.keys), Set(Self.claimants), "every claimant has a named signature line")
        for index in stride(from: 0, to: 12, by: 2) {
            guard let left = found[Self.claimants[index]], let right = found[Self.claimants[index + 1]] else { continue }
            XCTAssertEqual(left.top, right.top, accuracy: 1, "\(Self.claimants[index]) and \(Self.claimants[index + 1]) share a row")
            // The text block runs from 28 mm to 184 mm: the second signatory starts past its middle.
            XCTAssertLessThan(left.left, 40)
            XCTAssertGreaterThan(right.left, 28 + 78)
        }
    }
}
