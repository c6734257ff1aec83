import Foundation
import WenshuDocument
import XCTest
@testable import WenshuWriters

/// Writes the samples to a folder named by `WENSHU_TEXT_PREVIEW` (when set) for reading in a terminal:
/// `WENSHU_TEXT_PREVIEW=/tmp/preview swift test --filter TextPreviewTests; cat /tmp/preview/agreement-56x22.txt`.
final class TextPreviewTests: XCTestCase {
    func testWritePreviews() throws {
        guard let folder = ProcessInfo.processInfo.environment["WENSHU_TEXT_PREVIEW"] else {
            throw XCTSkip("set WENSHU_TEXT_PREVIEW to a folder to write the sample renderings")
        }
        let samples = [("agreement", TextSamples.agreement), ("intake", TextSamples.intakeForm), ("dossier", TextSamples.dossier())]
        for (name, document) in samples {
            for (columns, lines, ambiguous) in [(56, 22, 2), (80, 66, 2), (80, 66, 1)] {
                let writer = TextWriter(options: WriterOptions(textColumns: columns, textLines: lines, ambiguousWidth: ambiguous))
                let url = URL(fileURLWithPath: folder).appendingPathComponent("\(name)-\(columns)x\(lines)\(ambiguous == 1 ? "-narrow" : "").txt")
                try AtomicFile.write(try writer.write(document), to: url)
            }
        }
    }
}
