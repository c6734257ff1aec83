import Foundation
import XCTest
import WenshuAssembly
import WenshuRun
import WenshuCase
import WenshuTemplate
import WenshuTestSupport
import WenshuWriters
import WenshuXML

/// Every bundled example × every form that applies to it, in all four formats, as the main job writes
/// them: each ODF file valid ODF 1.3 and opened by real LibreOffice, which prints the case's number and
/// its parties' names; the archival copy valid against its schema; and the same input twice gives the
/// same bytes.
final class CatalogueEndToEndTests: XCTestCase {
    static let root = TestPaths.packageRoot
    static let output: URL = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-e2e-\(UUID().uuidString)")
    nonisolated(unsafe) static var rendered: Result<RunReport, Error>?

    /// Renders the examples once for all tests of this class.
    func report() throws -> RunReport {
        if let rendered = Self.rendered { return try rendered.get() }
        let result = Result { try Self.render(into: Self.output) }
        Self.rendered = result
        return try result.get()
    }

    static func render(into folder: URL) throws -> RunReport {
        let (library, problems) = TemplateLibrary.load(directory: root.appendingPathComponent("templates"))
        XCTAssertFalse(problems.hasErrors, "\(problems)")
        let (profile, _) = OfficeProfile.load(root.appendingPathComponent("examples/office.yaml"))
        let pipeline = RenderPipeline(library: library, profile: profile,
                                      settings: .init(forms: [], formats: OutputFormat.writtenFormats))
        let cases = try InputFiles.expand([root.appendingPathComponent("examples/cases").path])
        return Runner(RunSettings(output: folder, manifestKey: "render")).run(count: cases.count) { pipeline.job(caseAt: cases[$0]) }
    }

    func testEveryExampleRendersEveryApplicableFormInAllFormats() throws {
        let report = try report()
        XCTAssertEqual(report.diagnostics, [])
        XCTAssertGreaterThanOrEqual(report.jobs.count, 12)
        for c in report.jobs {
            XCTAssertTrue(c.succeeded, "\(c.source): \(c.diagnostics.filter { $0.severity == .error })")
            XCTAssertFalse(c.files.isEmpty, "\(c.source) produced no document")
            let stems = Set(c.files.map { $0.deletingPathExtension().lastPathComponent })
            for stem in stems {
                for format in OutputFormat.writtenFormats {
                    XCTAssertTrue(c.files.contains { $0.lastPathComponent == "\(stem).\(format.fileExtension)" },
                                  "\(c.source): \(stem) has no .\(format.fileExtension)")
                }
            }
        }
    }

    func testEveryODFFileIsValidODF13() throws {
        let files = try report().jobs.flatMap(\.files).filter { ["odt", "fodt"].contains($0.pathExtension) }
        for file in files {
            XCTAssertEqual(try ODFSchemas.problems(inFile: file), [], file.path)
        }
    }

    func testEveryArchivalCopyIsValid() throws {
        let schema = try RelaxNGSchema(contentsOf: Self.root.appendingPathComponent("docs/wenshu-archive.rng"))
        for file in try report().jobs.flatMap(\.files) where file.pathExtension == "xml" {
            let document = try XMLDocument(contentsOf: file)
            XCTAssertEqual(schema.validate(document), [], file.path)
        }
    }

    func testLibreOfficeOpensEveryODTAndPrintsTheCase() throws {
        let report = try report()
        let odts = report.jobs.flatMap(\.files).filter { $0.pathExtension == "odt" }
        let pdfs = try LibreOffice.convertToPDFs(odts)
        for c in report.jobs {
            let file = try CaseLoader.load(URL(fileURLWithPath: c.source), kind: .caseFile)
            let names = file.root.elements(named: "parties").flatMap { $0.elements(named: "party") }
                .compactMap { $0.element(named: "name")?.stringValue }
            for odt in c.files where odt.pathExtension == "odt" {
                let text = try LibreOffice.text(try XCTUnwrap(pdfs[odt])).filter { !$0.isWhitespace }
                // Mainland glyph forms: the shipped fonts.conf keeps Noto CJK's Japanese face out.
                let japanese = try LibreOffice.fonts(pdfs[odt]!).filter { $0.contains("CJKjp") }
                XCTAssertEqual(japanese, [], "\(odt.path) embeds a Japanese face")
                XCTAssertGreaterThanOrEqual(try LibreOffice.pageCount(pdfs[odt]!), 1)
                // Every form names the case somewhere: its number or a party.
                let number = c.caseNumber ?? ""
                XCTAssertTrue(text.contains(number) || names.contains { text.contains($0) },
                              "\(odt.path): the PDF shows neither the case number nor a party")
                if odt.lastPathComponent == "agreement.odt" {
                    for name in names { XCTAssertTrue(text.contains(name), "\(odt.path): \(name) missing from the PDF") }
                }
            }
        }
    }

    func testRenderingIsByteReproducible() throws {
        let first = try report()
        let second = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-e2e-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: second) }
        let again = try Self.render(into: second)
        let firstFiles = first.jobs.flatMap(\.files).map { $0.path.replacingOccurrences(of: Self.output.path, with: "") }.sorted()
        let secondFiles = again.jobs.flatMap(\.files).map { $0.path.replacingOccurrences(of: second.path, with: "") }.sorted()
        XCTAssertEqual(firstFiles, secondFiles)
        for relative in firstFiles {
            XCTAssertEqual(FileManager.default.contents(atPath: Self.output.path + relative),
                           FileManager.default.contents(atPath: second.path + relative), relative)
        }
    }
}
