import Foundation
import WenshuCase
import WenshuDiagnostics
import WenshuRun
import WenshuTemplate
import WenshuTestSupport
import WenshuXML
import XCTest

/// `check` tells the truth about `render` (issue 13): every example with each of its fields dropped in
/// turn — `check` (the case's own rules and what filling its forms finds) fails exactly when `render`
/// refuses the case, and names the same finding.
final class CheckTellsRenderTests: XCTestCase {
    static let root = TestPaths.packageRoot

    func testDroppingAnyFieldOfAnyExampleFailsCheckExactlyWhenRenderRefuses() throws {
        let (library, problems) = TemplateLibrary.load(directory: Self.root.appendingPathComponent("templates"))
        XCTAssertFalse(problems.hasErrors)
        let profile = Self.root.appendingPathComponent("examples/office.yaml")
        let pipeline = RenderPipeline(library: library, profile: OfficeProfile.load(profile).profile,
                                      settings: .init(forms: [], formats: []))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-drop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        // Every variant: an example as XML with one element (and everything under it) removed.
        var variants: [(name: String, url: URL)] = []
        for example in try InputFiles.expand([Self.root.appendingPathComponent("examples/cases").path]) {
            let xml = try CaseLoader.load(example, kind: .caseFile).document.serialized()
            let count = try XMLDocument(parsing: xml, fileName: nil).root!.descendantElements.count
            for index in 0..<count {
                let variant = try XMLDocument(parsing: xml, fileName: nil)
                let dropped = variant.root!.descendantElements[index]
                let name = "\(example.deletingPathExtension().lastPathComponent)-\(index)"
                let field = dropped.path
                dropped.remove()
                let url = folder.appendingPathComponent(name + ".xml")
                try variant.serialized().write(to: url)
                variants.append(("\(example.lastPathComponent) without \(field)", url))
            }
        }
        XCTAssertGreaterThan(variants.count, 1000)
        let cases = variants

        let outcomes = ResultSlots<(mismatch: String?, refused: Bool)>(count: variants.count)
        inParallel(count: variants.count, workers: ProcessInfo.processInfo.activeProcessorCount) { _, index in
            let (name, url) = cases[index]
            let check = CheckReport.check([url], profile: profile, forms: library)
            let render = pipeline.render(caseAt: url)
            let checkErrors = Set(check.diagnostics.filter { $0.severity == .error }.map(\.id))
            let renderErrors = Set(render.diagnostics.filter { $0.severity == .error }.map(\.id))
            let mismatch = checkErrors == renderErrors ? nil
                : "\(name): check \(checkErrors.sorted()), render \(renderErrors.sorted())"
            outcomes[index] = (mismatch, !render.succeeded)
        }
        let mismatches = outcomes.values.compactMap(\.mismatch)
        XCTAssertEqual(mismatches, [], "\(mismatches.count) of \(variants.count) variants")
        // Not vacuous: dropping fields makes both refuse many variants.
        XCTAssertGreaterThan(outcomes.values.filter(\.refused).count, variants.count / 10)
    }
}

private extension XMLNode {
    /// Every element under this one, in document order.
    var descendantElements: [XMLNode] {
        elements.flatMap { [$0] + $0.descendantElements }
    }
}
