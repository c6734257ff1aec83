import Foundation
import XCTest
import WenshuCase
import WenshuRun
import WenshuTemplate
import WenshuTestSupport
import WenshuWriters
import WenshuXML
@testable import WenshuAssembly

/// The agreement's copies clause and its amounts, and `check` telling the truth about what `render` prints
/// (issue 13).
final class AgreementClauseTests: XCTestCase {
    static let root = TestPaths.packageRoot
    static let pipeline: RenderPipeline = {
        let (library, _) = TemplateLibrary.load(directory: root.appendingPathComponent("templates"))
        let (profile, _) = OfficeProfile.load(root.appendingPathComponent("examples/office.yaml"), displayName: "examples/office.yaml")
        return RenderPipeline(library: library, profile: profile, settings: .init(forms: ["agreement"], formats: [.txt]))
    }()

    /// The traffic example with `edit` applied, written to a temporary file: what check and render say.
    func outcome(_ edit: (String) -> String) throws -> (check: [Diagnostic], render: RenderPipeline.CaseResult) {
        let source = try String(contentsOf: Self.root.appendingPathComponent("examples/cases/traffic-instalments.xml"), encoding: .utf8)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-clause-\(UUID().uuidString).xml")
        try edit(source).write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        return (CaseChecker(profile: nil).check(contentsOf: url), Self.pipeline.render(caseAt: url))
    }

    func agreementText(_ result: RenderPipeline.CaseResult) throws -> String {
        String(decoding: try XCTUnwrap(result.files.first { $0.name == "agreement.txt" }).data, as: UTF8.self)
            .replacingOccurrences(of: "\n", with: "")
    }

    func testTwoCopiesReadLiang() throws {
        let (check, render) = try outcome {
            $0.replacingOccurrences(of: "<copies>3</copies>", with: "<copies>2</copies>")
        }
        XCTAssertEqual(check.filter { $0.id == "case.copies-count" }.count, 1, "two parties and the committee keep three")
        XCTAssertTrue(try agreementText(render).contains("本协议一式两份，当事人、人民调解委员会各持一份。"))
    }

    func testTheHoldersTheCaseNamesAreTheClause() throws {
        let (check, render) = try outcome {
            $0.replacingOccurrences(of: "<copies>3</copies>", with: """
                <copies>5</copies><copy_holders>
                <copy_holder><holder>申请人</holder><copies>2</copies></copy_holder>
                <copy_holder><holder>被申请人</holder><copies>2</copies></copy_holder>
                <copy_holder><holder>人民调解委员会</holder><copies>1</copies></copy_holder></copy_holders>
                """)
        }
        XCTAssertEqual(check.filter { $0.severity != Diagnostic.Severity.note }.map { $0.id }, [])
        XCTAssertTrue(try agreementText(render).contains("本协议一式五份，申请人两份、被申请人两份、人民调解委员会一份。"))
    }

    /// The largest amount 大写 writes passes both; a fen more is refused by both, with the same id.
    func testCheckRefusesExactlyTheAmountsRenderCannotPrint() throws {
        for (amount, printable) in [("999999999999.99", true), ("1000000000000.00", false), ("1000000000000", false)] {
            let (check, render) = try outcome {
                $0.replacingOccurrences(of: "<amount>34020</amount>", with: "<amount>\(amount)</amount>")
            }
            let checkErrors: [String] = check.filter { $0.severity == .error }.map { $0.id }
            let renderErrors: [String] = render.diagnostics.filter { $0.severity == .error }.map { $0.id }
            XCTAssertEqual(checkErrors.isEmpty, printable, amount)
            XCTAssertEqual(render.succeeded, printable, amount)
            XCTAssertEqual(Set(checkErrors), Set(renderErrors), amount)
            if printable {
                XCTAssertTrue(try agreementText(render).contains("人民币玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"), amount)
            } else {
                XCTAssertEqual(checkErrors, ["case.bad-money"], amount)
            }
        }
    }
}
