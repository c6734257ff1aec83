import Foundation
import XCTest
import WenshuAssembly
import WenshuCase
import WenshuPrint
import WenshuRun
import WenshuTemplate
import WenshuTestSupport
import WenshuWriters
import WenshuXML

/// `render --to pdf` in the batch: PDFs staged in place of (or beside) the `.odt`, and a case whose document
/// cannot be printed refused alone. A stand-in `soffice` makes the PDFs, so no LibreOffice is needed.
final class BatchPrintTests: XCTestCase {
    /// Writes a "PDF" for every input except the documents of the job with index 1 (the runner stages a
    /// job's files in a folder named by its index).
    static let fakeSoffice = """
        #!/bin/sh
        out=""; previous=""
        for argument in "$@"; do
          [ "$previous" = "--outdir" ] && out="$argument"
          previous="$argument"
        done
        for argument in "$@"; do
          case "$argument" in *.odt)
            case "$(basename "$(dirname "$(readlink "$argument")")")" in
              1) ;;
              *) printf '%%PDF-1.4 stand-in\\n' > "$out/$(basename "$argument" .odt).pdf" ;;
            esac ;;
          esac
        done

        """

    func render(keepODF: Bool) throws -> (report: RunReport, output: URL) {
        let folder = try PrintFixtures.temporaryFolder()
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let soffice = folder.appendingPathComponent("soffice")
        try Data(Self.fakeSoffice.utf8).write(to: soffice)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: soffice.path)
        let printing = PDFPrinting(converter: PDFConverter(libreOffice: WenshuPrint.LibreOffice(soffice: soffice),
                                                           settings: .init(converters: 2, idleLimit: 10)),
                                   keepODF: keepODF)
        let root = TestPaths.packageRoot
        let (library, _) = TemplateLibrary.load(directory: root.appendingPathComponent("templates"))
        let formats: [OutputFormat] = keepODF ? [.odt, .pdf, .txt] : [.pdf, .txt]
        let pipeline = RenderPipeline(library: library, profile: nil,
                                      settings: .init(forms: ["agreement"], formats: OutputFormat.formatsWritten(for: formats)))
        let cases = ["traffic-instalments.xml", "court-referred-loan.json", "minors-playground-injury.yaml"]
            .map { root.appendingPathComponent("examples/cases/" + $0) }
        let output = folder.appendingPathComponent("out")
        let report = Runner(RunSettings(output: output, manifestKey: "render", jobs: 2, printing: printing))
            .run(count: cases.count) { pipeline.job(caseAt: cases[$0]) }
        return (report, output)
    }

    func testThePDFTakesTheODTsPlaceAndACaseThatCannotBePrintedIsRefusedAlone() throws {
        let (report, output) = try render(keepODF: false)
        XCTAssertEqual(report.jobs.map(\.succeeded), [true, false, true])
        let finding = try XCTUnwrap(report.jobs[1].diagnostics.first { $0.id == PrintID.conversionFailed.id })
        XCTAssertEqual(finding.subject, "agreement.pdf")
        XCTAssertTrue(finding.location.file.hasSuffix("court-referred-loan.json"), finding.location.file)
        for index in [0, 2] {
            XCTAssertEqual(report.jobs[index].files.map(\.lastPathComponent), ["agreement.pdf", "agreement.txt"])
            let pdf = try Data(contentsOf: report.jobs[index].files[0])
            XCTAssertEqual(String(decoding: pdf, as: UTF8.self), "%PDF-1.4 stand-in\n")
        }
        let folders = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
        XCTAssertEqual(folders.count, 2, "the refused case has no folder, and no staging is left: \(folders)")
    }

    func testThePDFJoinsTheODTWhenBothAreAskedFor() throws {
        let (report, _) = try render(keepODF: true)
        XCTAssertEqual(report.jobs[0].files.map(\.lastPathComponent), ["agreement.odt", "agreement.txt", "agreement.pdf"])
        let odt = try Data(contentsOf: report.jobs[0].files[0])
        XCTAssertEqual(odt.prefix(2), Data("PK".utf8), "the .odt is still the .odt")
    }
}
