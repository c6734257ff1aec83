import Foundation
import XCTest
import WenshuCase
import WenshuRun
import WenshuTemplate
import WenshuTestSupport
import WenshuWriters

/// The two table registers (受理登记表, 口头协议登记表) tell labels from values (issue 13): on paper, every
/// particular of a party reads 姓名：马建伟, no label ends a line with its value on the next, and the blank
/// registers stay one sheet each.
final class RegisterLabelTests: XCTestCase {
    static let root = TestPaths.packageRoot
    static let library = TemplateLibrary.load(directory: root.appendingPathComponent("templates")).library
    static let profile = OfficeProfile.load(root.appendingPathComponent("examples/office.yaml"), displayName: "examples/office.yaml").0

    static let labels = ["姓名", "性别", "年龄", "联系方式", "单位或住址", "名称", "法定代表人", "住所"]

    func pipeline(_ forms: [String]) -> RenderPipeline {
        RenderPipeline(library: Self.library, profile: Self.profile, settings: .init(forms: forms, formats: [.odt]))
    }

    func printed(_ file: RenderPipeline.RenderedFile) throws -> (lines: [String], pages: Int) {
        let pdf = try LibreOffice.convertToPDF(file.data, name: file.name)
        let lines = try LibreOffice.text(pdf).components(separatedBy: "\n").map { $0.replacingOccurrences(of: " ", with: "") }
        return (lines, try LibreOffice.pageCount(pdf))
    }

    /// The wages case's register (three parties: a group's representative, a subcontractor, a contractor)
    /// and the oral register of the dog-bite case: each label is followed by its colon and its value on the
    /// same line, and a person's first line (姓名, 性别, 年龄) is whole.
    func testFilledRegistersPrintLabelColonValue() throws {
        _ = try LibreOffice.require()
        let cases = [("wages-subcontractor.json", "intake-register", "姓名：马建伟"), ("dog-bite-oral.yaml", "oral-agreement", "姓名：陆晓燕")]
        for (name, form, person) in cases {
            let result = pipeline([form]).render(caseAt: Self.root.appendingPathComponent("examples/cases/" + name))
            let file = try XCTUnwrap(result.files.first { $0.name.hasPrefix(form) }, "\(name): \(result.diagnostics)")
            let (lines, _) = try printed(file)
            let first = try XCTUnwrap(lines.first { $0.hasPrefix(person) }, "\(name): \(lines)")
            XCTAssertTrue(first.contains("性别：") && first.contains("年龄：") && first.hasSuffix("岁"), "\(name): \(first)")
            for line in lines {
                for label in Self.labels {
                    var rest = Substring(line)
                    while let range = rest.range(of: label) {
                        let after = rest[range.upperBound...]
                        // 名称 also ends words such as 纠纷名称 (a row label, in its own cell).
                        if !(label == "名称" && line.hasPrefix("纠纷名称")) {
                            XCTAssertEqual(after.first, "：", "\(name): “\(label)” without its colon in “\(line)”")
                        }
                        rest = after
                    }
                }
                XCTAssertFalse(line.hasSuffix("："), "\(name): a label ends the line “\(line)”, its value on the next")
            }
        }
    }

    /// The blank registers print the same labels with colons and stay one sheet each.
    func testBlankRegistersStayOneSheetWithColons() throws {
        _ = try LibreOffice.require()
        let files = try pipeline(["intake-register", "oral-agreement"]).blankForms()
        XCTAssertEqual(files.count, 2)
        for file in files {
            let (lines, pages) = try printed(file)
            XCTAssertEqual(pages, 1, file.name)
            let text = lines.joined()
            for label in ["姓名：", "性别：", "年龄：", "联系方式：", "单位或住址："] {
                XCTAssertTrue(text.contains(label), "\(file.name): \(label)")
            }
        }
    }
}
