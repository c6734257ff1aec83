import Foundation
import XCTest
import WenshuCase
import WenshuRun
import WenshuTemplate
import WenshuTestSupport
import WenshuWriters

/// A failed or ended case prints the reason and the advice it records (outcome/reason, outcome/advice) in
/// the last session's 调解记录, as the 终止调解告知书 and the letter to the court do (issue 13).
final class FailedCaseRecordTests: XCTestCase {
    func texts(_ path: String, forms: [String]) throws -> [String: String] {
        let root = TestPaths.packageRoot
        let (library, _) = TemplateLibrary.load(directory: root.appendingPathComponent("templates"))
        let pipeline = RenderPipeline(library: library, profile: nil, settings: .init(forms: forms, formats: [.txt]))
        let result = pipeline.render(caseAt: root.appendingPathComponent(path))
        XCTAssertTrue(result.succeeded, "\(result.diagnostics)")
        // The text's own line breaks and page breaks are not the case's: compare the text run together.
        return Dictionary(uniqueKeysWithValues: result.files.map {
            ($0.name, String(decoding: $0.data, as: UTF8.self).components(separatedBy: .newlines)
                .filter { !$0.contains("— ") }.joined().replacingOccurrences(of: "　", with: ""))
        })
    }

    func testTheLastRecordOfAFailedCaseSaysWhyAndWhatThePartiesWereTold() throws {
        for (path, reason, advice) in [
            ("examples/cases/renovation-failed.json", "终止调解原因：双方对卫生间渗漏原因及责任认识分歧较大", "已告知双方：施工合同未约定仲裁条款"),
            ("examples/cases/gym-prepaid-terminated.yaml", "终止调解原因：被申请人经两次通知无正当理由未到场", "已告知申请人：本委员会将终止调解情况函告"),
        ] {
            let files = try texts(path, forms: ["mediation-record"])
            let records = files.keys.sorted()
            let last = try XCTUnwrap(records.last.flatMap { files[$0] }, path)
            XCTAssertTrue(last.contains(reason), "\(path): \(last)")
            XCTAssertTrue(last.contains(advice), "\(path): \(last)")
            for earlier in records.dropLast() {
                XCTAssertFalse(files[earlier]!.contains("终止调解原因"), "\(path) \(earlier): only the last session records the ending")
            }
        }
    }

    func testASuccessfulCaseRecordsNoEnding() throws {
        for (name, text) in try texts("examples/cases/traffic-instalments.xml", forms: ["mediation-record"]) {
            XCTAssertFalse(text.contains("终止调解原因"), name)
        }
    }
}
