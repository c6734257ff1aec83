import Foundation
import XCTest
import WenshuAssembly
import WenshuRun
import WenshuCase
import WenshuTemplate
import WenshuWriters

/// The plain text of every form that applies to a few chosen example cases, and of every blank form,
/// committed under Tests/Golden/forms/ and compared byte for byte: any change to a form's look is a
/// reviewed diff.
///
/// Regenerate after a deliberate change, then read the diff:
///   WENSHU_REGENERATE_GOLDEN=all swift test --filter FormGoldenTests
///   WENSHU_REGENERATE_GOLDEN=referral,supervision swift test --filter FormGoldenTests   (only those forms)
final class FormGoldenTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let golden = root.appendingPathComponent("Tests/Golden/forms")
    /// Cases chosen to cover the variants: instalments and an agent; three parties and a confirmation;
    /// organisations and routing slips; an oral agreement; a failed mediation; a specialised committee;
    /// the replies back to a court (agreement reached, mediation ended), a declined application, a 受理
    /// notice with the agreement served on both parties, and twelve claimants against one company
    /// (Tests/Golden/cases, not an example).
    static let cases = [
        "examples/cases/traffic-instalments.xml", "examples/cases/family-maintenance.yaml",
        "examples/cases/wages-subcontractor.json", "examples/cases/dog-bite-oral.yaml",
        "examples/cases/renovation-failed.json", "examples/cases/medical-knee-infection.xml",
        "examples/cases/court-referred-loan.json", "examples/cases/gym-prepaid-terminated.yaml",
        "examples/cases/wages-arbitration-declined.yaml", "examples/cases/neighbour-drainage.yaml",
        "Tests/Golden/cases/twelve-claimants.yaml",
    ]

    lazy var pipeline: RenderPipeline = {
        let (library, problems) = TemplateLibrary.load(directory: Self.root.appendingPathComponent("templates"))
        XCTAssertEqual(problems.filter { $0.severity == .error }, [], "the bundled templates load cleanly")
        let (profile, _) = OfficeProfile.load(Self.root.appendingPathComponent("examples/office.yaml"), displayName: "examples/office.yaml")
        return RenderPipeline(library: library, profile: profile, settings: .init(forms: [], formats: [.txt]))
    }()

    /// Form ids to regenerate (`all` for every one), from the environment.
    var regenerating: Set<String>? {
        guard let value = ProcessInfo.processInfo.environment["WENSHU_REGENERATE_GOLDEN"], !value.isEmpty else { return nil }
        return Set(value.split(separator: ",").map(String.init))
    }

    func testFilledFormsMatchGoldenTexts() throws {
        for path in Self.cases {
            let url = Self.root.appendingPathComponent(path)
            let result = pipeline.render(caseAt: url, displayName: path)
            XCTAssertTrue(result.succeeded, "\(path): \(result.diagnostics.filter { $0.severity == .error })")
            let name = url.lastPathComponent
            let folder = Self.golden.appendingPathComponent((name as NSString).deletingPathExtension)
            try compare(result.files, in: folder, label: name)
        }
    }

    func testBlankFormsMatchGoldenTexts() throws {
        try compare(try pipeline.blankForms(), in: Self.golden.appendingPathComponent("blank"), label: "blank")
    }

    /// Every produced file equals its golden file, and no golden file is left without a produced one.
    private func compare(_ files: [RenderPipeline.RenderedFile], in folder: URL, label: String) throws {
        let fileManager = FileManager.default
        for file in files {
            let text = String(decoding: file.data, as: UTF8.self)
            for placeholder in ["nil", "(null)", "Optional(", "（）", "()", "undefined", "NaN"] {
                XCTAssertFalse(text.contains(placeholder), "\(label)/\(file.name) prints \(placeholder)")
            }
            let url = folder.appendingPathComponent(file.name)
            let formID = String(file.name.prefix { $0 != "." }).replacingOccurrences(of: #"-\d+$"#, with: "", options: .regularExpression)
            if let regenerating, regenerating.contains("all") || regenerating.contains(formID) {
                try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
                try file.data.write(to: url)
                continue
            }
            guard let expected = fileManager.contents(atPath: url.path) else {
                XCTFail("\(label)/\(file.name) has no golden file; regenerate (see this file's header) and review it")
                continue
            }
            if expected != file.data {
                let got = text.components(separatedBy: "\n"), want = String(decoding: expected, as: UTF8.self).components(separatedBy: "\n")
                let line = zip(got, want).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(got.count, want.count)
                XCTFail("\(label)/\(file.name) differs from its golden text at line \(line + 1):\n  got:  \(line < got.count ? got[line] : "<end>")\n  want: \(line < want.count ? want[line] : "<end>")")
            }
        }
        let produced = Set(files.map(\.name))
        let existing = (try? fileManager.contentsOfDirectory(atPath: folder.path)) ?? []
        for stale in existing where !produced.contains(stale) {
            if let regenerating, regenerating.contains("all") {
                try fileManager.removeItem(at: folder.appendingPathComponent(stale))
            } else {
                XCTFail("\(label)/\(stale) is a golden file for a form no longer produced")
            }
        }
    }
}
