import Foundation
import WenshuDocument
import XCTest
@testable import WenshuWriters

/// The samples as a clerk would print them, kept as golden files in `Tests/Golden/text/` and reviewed as
/// diffs. After an intended change, regenerate them with
/// `WENSHU_REGENERATE_GOLDEN=all swift test --filter TextGoldenTests` (or a comma-separated list of sample names,
/// the spelling every golden test shares) and read the diff; never edit them by hand.
final class TextGoldenTests: XCTestCase {
    static let cases: [(String, Document, WriterOptions)] = [
        ("agreement-56x22", TextSamples.agreement, WriterOptions()),
        ("agreement-80x66-western", TextSamples.agreement, WriterOptions(textColumns: 80, textLines: 66, ambiguousWidth: 1)),
        ("intake-56x22", TextSamples.intakeForm, WriterOptions()),
        ("intake-80x66-western", TextSamples.intakeForm, WriterOptions(textColumns: 80, textLines: 66, ambiguousWidth: 1)),
        ("dossier-56x22", TextSamples.dossier(), WriterOptions()),
    ]

    func testSamplesMatchTheirGoldenFiles() throws {
        let folder = TextOutput.packageRoot.appendingPathComponent("Tests/Golden/text")
        let regenerating = Set((ProcessInfo.processInfo.environment["WENSHU_REGENERATE_GOLDEN"] ?? "").split(separator: ",").map(String.init))
        for (name, document, options) in Self.cases {
            let regenerate = regenerating.contains("all") || regenerating.contains(name)
            let url = folder.appendingPathComponent("\(name).txt")
            let produced = try TextWriter(options: options).write(document)
            if regenerate {
                try produced.write(to: url)
                continue
            }
            let golden = try Data(contentsOf: url)
            guard produced != golden else { continue }
            let producedLines = String(decoding: produced, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let goldenLines = String(decoding: golden, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let line = zip(producedLines, goldenLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(producedLines.count, goldenLines.count)
            XCTFail("""
                \(name).txt differs from its golden file at line \(line + 1):
                  produced «\(line < producedLines.count ? producedLines[line] : "")»
                  golden   «\(line < goldenLines.count ? goldenLines[line] : "")»
                If the change is intended: WENSHU_REGENERATE_GOLDEN=\(name) swift test --filter TextGoldenTests
                """)
        }
    }
}
