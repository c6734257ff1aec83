import ArgumentParser
import Foundation
import WenshuCommandLine
import WenshuDiagnostics
import WenshuPrint
import WenshuTemplate
import WenshuWriters
import WenshuXML

/// The output conventions every document-writing command shares (docs/guide.md): `-o DIR`, `--to` (repeatable),
/// `--page`, `--encoding`, `--pdf-a`.
struct OutputOptions: ParsableArguments {
    @Option(name: [.short, .customLong("output")], help: help("The folder to write into (created if missing); nothing is written outside it.",
                                                              zh: "写入的文件夹（不存在时新建）；不会写到它以外的地方。", valueName: "dir"))
    var output: String?

    @Option(name: .customLong("to"), help: help("Document format, repeatable: odt, fodt (flat ODF), xml (archival copy), txt (plain text for any printer), pdf (the .odt printed by LibreOffice, with free mainland fonts where the official ones are missing). Default: odt.",
                                                zh: "文书格式，可重复给出：odt，fodt（单文件ODF），xml（归档副本），txt（任何打印机都能打印的纯文本），pdf（由LibreOffice打印.odt而成，缺少公文字体时用免费的大陆字体）。默认：odt。",
                                                valueName: "format"))
    var formats: [OutputFormat] = []

    @Option(help: help("Plain-text page: 28x22 (GB/T 9704: 28 characters × 22 lines), 80x66 or 132x66 (line printers).",
                       zh: "纯文本的版面：28x22（GB/T 9704：每行28字，每页22行），80x66或132x66（行式打印机）。",
                       valueName: "28x22|80x66|132x66"))
    var page: TextPage?

    @Option(help: help("Plain-text encoding (gb18030 for older printer drivers).",
                       zh: "纯文本的编码（较旧的打印机驱动用gb18030）。", valueName: "utf-8|gb18030"))
    var encoding: TextEncoding = .utf8

    @Flag(name: .customLong("pdf-a"), help: help("With --to pdf: write PDF/A-2b, the archival form of PDF.",
                                                 zh: "与--to pdf同用：写成PDF/A-2b，即PDF的归档格式。"))
    var pdfA = false

    func validate() throws {
        if pdfA && !chosenFormats.contains(.pdf) { throw ValidationError(CommandWording.pdfANeedsPDF.render(in: .current)) }
    }

    enum TextPage: String, EnumArgument {
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

    /// The formats Wenshu's writers make: those asked for, with pdf as the .odt LibreOffice prints it from.
    var writtenFormats: [OutputFormat] { OutputFormat.formatsWritten(for: chosenFormats) }

    /// How PDFs are printed when pdf is asked for (nil otherwise), with `converters` LibreOffice processes and
    /// the fonts.conf of the templates folder in use (`--templates`, else the bundled one).
    ///
    /// Call it before writing anything: without LibreOffice it prints one line naming what to install and
    /// exits with status 1.
    func printing(converters: Int = ProcessInfo.processInfo.activeProcessorCount, templates: String? = nil) throws -> PDFPrinting? {
        guard chosenFormats.contains(.pdf) else { return nil }
        let libreOffice: LibreOffice
        do {
            libreOffice = try LibreOffice.locate()
        } catch {
            printError(error)
            throw ExitCode(1)
        }
        let conf = PDFConverter.fontsConf(templates: try? TemplateLibrary.locate(explicit: templates),
                                          fallback: try? TemplateLibrary.locate(explicit: nil, environment: [:]))
        let settings = PDFConverter.Settings(converters: converters, pdfA: pdfA, fontsConf: conf)
        return PDFPrinting(converter: PDFConverter(libreOffice: libreOffice, settings: settings),
                           keepODF: chosenFormats.contains(.odt))
    }

    func writerOptions(defaultPage: TextPage) -> WriterOptions {
        let (columns, lines) = (page ?? defaultPage).geometry
        return WriterOptions(textColumns: columns, textLines: lines, textEncoding: encoding)
    }

    var outputFolder: URL? { output.map { URL(fileURLWithPath: $0, isDirectory: true) } }
}

extension OutputFormat: EnumArgument {}
extension TextEncoding: EnumArgument {}
