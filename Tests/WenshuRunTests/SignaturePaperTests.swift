import Foundation
import XCTest
import WenshuCase
import WenshuRun
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
        // A page's first line follows the form feed that ends the page before.
        let lines = String(decoding: try file("agreement.txt"), as: UTF8.self).split(separator: "\n")
            .map { String($0.drop { $0 == "\u{0C}" }) }
        // The signature rows, not the particulars (申请人：王德胜　性别：……).
        let rows = lines.filter { $0.hasPrefix("申请人：") && !$0.contains("性别：") }
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

/// Nothing signs alone, in LibreOffice's PDF: the committee's name, seal and date share their page with the
/// mediators' lines, and the parties' first signatures share theirs with the end of the text they sign —
/// on agreements whose signatures do not fit on one page with the text (issue 13).
final class SignaturesKeptTogetherTests: XCTestCase {
    func testTheSealNeverStartsAPageAlone() throws {
        _ = try LibreOffice.require()
        let root = TestPaths.packageRoot
        let (library, _) = TemplateLibrary.load(directory: root.appendingPathComponent("templates"))
        let pipeline = RenderPipeline(library: library, profile: nil, settings: .init(forms: ["agreement"], formats: [.odt]))
        for path in ["examples/cases/medical-knee-infection.xml", "examples/cases/wages-subcontractor.json",
                     "Tests/Golden/cases/twelve-claimants.yaml", "examples/cases/traffic-instalments.xml"] {
            let result = pipeline.render(caseAt: root.appendingPathComponent(path))
            let odt = try XCTUnwrap(result.files.first, path).data
            let pdf = try LibreOffice.convertToPDF(odt, name: "agreement.odt")
            let pages = try (1...LibreOffice.pageCount(pdf)).map { try LibreOffice.text(pdf, page: $0).replacingOccurrences(of: "\n", with: "") }
            let seal = try XCTUnwrap(pages.firstIndex { $0.contains("（印）") }, path)
            XCTAssertTrue(pages[seal].contains("人民调解员："), "\(path): the seal's page carries the mediators' lines")
            XCTAssertTrue(pages[seal].contains("记录人："), path)
            let parties = try XCTUnwrap(pages.firstIndex { $0.contains("当事人（签名、盖章或按指印）：") }, path)
            XCTAssertTrue(pages[parties].contains("之日起生效。"), "\(path): the parties sign under the text's last lines")
        }
    }
}

/// Room for the seal: a 42 mm round seal stamped over the committee's (or unit's) name and the date, centred
/// on them, covers no other word of the page, in LibreOffice's PDF (issue 13, domain.md §9).
final class SealRoomTests: XCTestCase {
    static let root = TestPaths.packageRoot

    func rendered(_ path: String, _ forms: [String]) throws -> [RenderPipeline.RenderedFile] {
        let (library, _) = TemplateLibrary.load(directory: Self.root.appendingPathComponent("templates"))
        let (profile, _) = OfficeProfile.load(Self.root.appendingPathComponent("examples/office.yaml"), displayName: "examples/office.yaml")
        let pipeline = RenderPipeline(library: library, profile: profile, settings: .init(forms: forms, formats: [.odt]))
        let result = pipeline.render(caseAt: Self.root.appendingPathComponent(path), displayName: path)
        XCTAssertTrue(result.succeeded, "\(result.diagnostics)")
        return result.files
    }

    /// In text on GB/T 9704's page (10.2 mm a line) the seal takes five lines: two free lines above the
    /// committee's name and two under the date.
    func testTheTextLeavesTheSealItsLines() throws {
        let (library, _) = TemplateLibrary.load(directory: Self.root.appendingPathComponent("templates"))
        let pipeline = RenderPipeline(library: library, profile: nil, settings: .init(forms: ["agreement", "rights-notice"], formats: [.txt]))
        let result = pipeline.render(caseAt: Self.root.appendingPathComponent("examples/cases/traffic-instalments.xml"))
        XCTAssertEqual(result.files.count, 2)
        for file in result.files {
            let lines = String(decoding: file.data, as: UTF8.self).components(separatedBy: "\n")
            let seal = try XCTUnwrap(lines.firstIndex { $0.hasSuffix("（印）") }, file.name)
            XCTAssertEqual(Array(lines[(seal - 2)..<seal]), ["", ""], file.name)
            XCTAssertTrue(lines[seal + 1].hasSuffix("日"), "the date under the seal line")
            XCTAssertEqual(Array(lines[(seal + 2)...(seal + 3)]), ["", ""], file.name)
        }
    }

    func testTheSealCoversNoOtherText() throws {
        _ = try LibreOffice.require()
        var files = try rendered("examples/cases/traffic-instalments.xml", ["agreement", "rights-notice", "mediation-certificate", "intake-register"])
        files += try rendered("examples/cases/wages-subcontractor.json", ["referral", "supervision"])
        XCTAssertEqual(files.count, 6)
        for file in files {
            let pdf = try LibreOffice.convertToPDF(file.data, name: file.name)
            var found = false
            for page in 1...(try LibreOffice.pageCount(pdf)) {
                let words = try LibreOffice.words(pdf, page: page)
                // The name with its （印）, or a （印） the cell's width sent under a name that fills its line.
                guard let nameIndex = words.firstIndex(where: { $0.text.hasSuffix("（印）") || $0.text.hasSuffix("（盖章）") }),
                      words[nameIndex].text.count > 6
                        || (nameIndex > 0 && words[nameIndex - 1].text.hasSuffix("委员会")) else { continue }
                let name = words[nameIndex]
                // The date is the next line's word under the name's end.
                guard let dateIndex = words.indices.first(where: { $0 > nameIndex && words[$0].top > name.top + 1 }) else { continue }
                let date = words[dateIndex]
                found = true
                let centre = (x: (date.left + date.right) / 2, y: (name.top + date.bottom) / 2)
                // Words of the name's and the date's own lines are what the seal goes over; the page number
                // under the text block (from 262 mm down) is not the paper's text.
                var sealed = words.filter { abs($0.top - name.top) < 1 || abs($0.top - date.top) < 1 }
                // A name too long for a table cell's line runs over two: its first line is the name too.
                if nameIndex > 0, case let above = words[nameIndex - 1], name.top - above.top < 7,
                   (above.text + name.text).contains("委员会（印）") {
                    sealed.append(above)
                }
                for word in words where word.top < 262 && !sealed.contains(where: { $0.left == word.left && $0.top == word.top }) {
                    // The distance from the seal's centre to the nearest point of the word's box.
                    let dx = max(word.left - centre.x, 0, centre.x - word.right)
                    let dy = max(word.top - centre.y, 0, centre.y - word.bottom)
                    XCTAssertGreaterThan((dx * dx + dy * dy).squareRoot(), 21, "\(file.name): the seal would cover “\(word.text)”")
                }
            }
            XCTAssertTrue(found, "\(file.name): no seal line found")
        }
    }
}

/// Blank forms through LibreOffice: a write-in space never hangs unseen at a line's end, so no line starts
/// with the closing mark that followed it (issue 13: the blank 司法确认申请书 printed lines starting with
/// "，住址" and the 调解组织证明 one starting with "。").
final class BlankFormPaperTests: XCTestCase {
    func testNoLineStartsWithAClosingMark() throws {
        _ = try LibreOffice.require()
        let root = TestPaths.packageRoot
        let (library, _) = TemplateLibrary.load(directory: root.appendingPathComponent("templates"))
        let pipeline = RenderPipeline(library: library, profile: nil, settings: .init(forms: [], formats: [.odt]))
        let forms = try pipeline.blankForms().filter { ["confirmation-application.odt", "mediation-certificate.odt"].contains($0.name) }
        XCTAssertEqual(forms.count, 2)
        let closing: Set<Character> = ["，", "。", "、", "；", "：", "？", "！", "）", "」", "』", "》"]
        for form in forms {
            let pdf = try LibreOffice.convertToPDF(form.data, name: form.name)
            var commas = 0
            for page in 1...(try LibreOffice.pageCount(pdf)) {
                for word in try LibreOffice.words(pdf, page: page) where word.text.contains(where: closing.contains) {
                    commas += 1
                    // The text block starts 28 mm from the page's left edge; a word there starts a line.
                    if word.text.first.map(closing.contains) ?? false {
                        XCTAssertGreaterThan(word.left, 30, "\(form.name) page \(page): a line starts with “\(word.text)”")
                    }
                }
            }
            XCTAssertGreaterThan(commas, 3, "\(form.name): the marks after blanks are found")
        }
    }
}

/// Nothing signs alone in the text layout (issue 13, the text paginator): on every page after the first of
/// every example's and every blank form with signature blocks, signature lines follow at least two lines of
/// the text they sign, or carry on the parties' lines of a group too tall for one page.
final class SignaturesInTextTests: XCTestCase {
    func testSignaturesKeepTwoLinesOfTheirTextInText() throws {
        let root = TestPaths.packageRoot
        let (library, _) = TemplateLibrary.load(directory: root.appendingPathComponent("templates"))
        let (profile, _) = OfficeProfile.load(root.appendingPathComponent("examples/office.yaml"), displayName: "examples/office.yaml")
        let pipeline = RenderPipeline(library: library, profile: profile, settings: .init(forms: [], formats: [.txt]))
        var files: [(name: String, file: RenderPipeline.RenderedFile)] = []
        for url in try InputFiles.expand([root.appendingPathComponent("examples/cases").path]) {
            let result = pipeline.render(caseAt: url)
            XCTAssertTrue(result.succeeded, "\(url.lastPathComponent): \(result.diagnostics)")
            files += result.files.map { (url.lastPathComponent, $0) }
        }
        files += try pipeline.blankForms().map { ("blank", $0) }
        var pages = 0
        for (source, file) in files {
            let formID = String(file.name.dropLast(4)).replacing(/-\d+$/, with: "")
            let template = try String(contentsOf: root.appendingPathComponent("templates/\(formID).form.xml"), encoding: .utf8)
            guard SignedPages.hasSignatureBlocks(template: template) else { continue }
            let text = String(decoding: file.data, as: UTF8.self).split(separator: "\u{0C}", omittingEmptySubsequences: false)
            let lines = text.map { page in
                page.split(separator: "\n").map(String.init).filter {
                    let line = $0.trimmingCharacters(in: .whitespaces)
                    return !line.isEmpty && !(line.hasPrefix("— ") && line.hasSuffix(" —"))
                }
            }
            pages += lines.count - 1
            for problem in SignedPages.problems(lines, name: "\(source): \(file.name)") {
                XCTFail(problem)
            }
        }
        XCTAssertGreaterThan(pages, 50, "the signed forms have pages after the first")
    }
}
