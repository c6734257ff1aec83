import Foundation
import WenshuPrint
import WenshuXML

extension BatchRenderer {
    /// Prints every staged `.odt` of the cases that succeeded to PDF, in one batch through the converter
    /// pool; the PDF is staged in the `.odt`'s place, or as a file of its own when the `.odt` was asked for
    /// too. A case with a document LibreOffice fails on gets the finding and, like any case with an error,
    /// none of its files are written; the other cases are.
    func printPDFs(_ reports: [CaseReport], with printing: PDFPrinting, staging: String) -> [CaseReport] {
        var reports = reports
        var jobs: [PDFConverter.Job] = []
        var owners: [Int] = []  // the report each job belongs to
        for r in reports.indices where reports[r].succeeded {
            let folder = Self.stagingFolder(staging, reports[r].worker)
            for (f, name) in reports[r].fileNames.enumerated() where name.hasSuffix(".odt") {
                let pdfName = String(name.dropLast(4)) + ".pdf"
                let pdfIndex = printing.keepODF ? reports[r].fileNames.count : f
                if printing.keepODF { reports[r].fileNames.append(pdfName) } else { reports[r].fileNames[f] = pdfName }
                jobs.append(PDFConverter.Job(source: reports[r].source, document: pdfName,
                                             odf: URL(fileURLWithPath: folder + "/" + Self.stagedName(r, f)),
                                             pdf: URL(fileURLWithPath: folder + "/" + Self.stagedName(r, pdfIndex))))
                owners.append(r)
            }
        }
        for (job, finding) in printing.converter.failures(jobs) {
            reports[owners[job]].diagnostics.append(finding)
        }
        return reports
    }
}
