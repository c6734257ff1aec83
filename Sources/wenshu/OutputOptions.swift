import ArgumentParser
import Foundation
import WenshuWriters

/// The output conventions every document-writing command shares (docs/guide.md): `-o DIR`, `--to` (repeatable),
/// `--page`, `--encoding`.
struct OutputOptions: ParsableArguments {
    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The folder to write into (created if missing); nothing is written outside it.", valueName: "dir"))
    var output: String?

    @Option(name: .customLong("to"), help: ArgumentHelp("Document format, repeatable: odt, fodt (flat ODF), xml (archival copy), txt (plain text for any printer). Default: odt.",
                                                  valueName: "format"))
    var formats: [OutputFormat] = []

    @Option(help: ArgumentHelp("Plain-text page: 28x22 (GB/T 9704: 28 characters × 22 lines), 80x66 or 132x66 (line printers).",
                               valueName: "28x22|80x66|132x66"))
    var page: TextPage?

    @Option(help: ArgumentHelp("Plain-text encoding (gb18030 for older printer drivers).", valueName: "utf-8|gb18030"))
    var encoding: TextEncoding = .utf8

    enum TextPage: String, ExpressibleByArgument, CaseIterable {
        case gbt9704 = "28x22"
        case printer = "80x66"
        case wide = "132x66"

        /// Columns (a CJK character takes two) and lines.
        var geometry: (columns: Int, lines: Int) {
            switch self {
            case .gbt9704: return (56, 22)
            case .printer: return (80, 66)
            case .wide: return (132, 66)
            }
        }
    }

    /// The formats asked for, or odt.
    var chosenFormats: [OutputFormat] { formats.isEmpty ? [.odt] : formats }

    func writerOptions(defaultPage: TextPage) -> WriterOptions {
        let (columns, lines) = (page ?? defaultPage).geometry
        return WriterOptions(textColumns: columns, textLines: lines, textEncoding: encoding)
    }

    var outputFolder: URL? { output.map { URL(fileURLWithPath: $0, isDirectory: true) } }
}

extension OutputFormat: ExpressibleByArgument {}
extension TextEncoding: ExpressibleByArgument {}
