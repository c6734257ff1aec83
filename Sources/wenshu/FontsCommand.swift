import ArgumentParser
import Foundation
import WenshuAssembly
import WenshuCase
import WenshuCommandLine
import WenshuDiagnostics
import WenshuDocument
import WenshuPrint
import WenshuRun
import WenshuTemplate
import WenshuXML

/// `wenshu fonts`: which face prints each official font name here, and which characters nothing can print.
struct FontsCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "fonts",
            abstract: "Show the face each official font name prints in on this machine, and characters no face has.",
            zhAbstract: "显示各公文字体名在本机用哪种字形印出，以及没有任何字形的字符。",
            discussion: """
                Wenshu's documents name the official fonts (仿宋_GB2312 for the body, 方正小标宋简体 for titles, \
                黑体, 楷体_GB2312, 宋体). Where they are missing, the fonts.conf in the templates folder maps them \
                to free mainland faces, and every PDF Wenshu prints uses it. This command asks fontconfig, under \
                that setup, which face each name resolves to (a Japanese face is a problem: it prints some \
                characters in their Japanese forms).

                Given cases, it fills every form that applies and lists the characters of the documents that no \
                installed face has (they would print as empty boxes), and those the body face lacks that another \
                face draws.

                  wenshu fonts
                  wenshu fonts examples/cases --format json

                Exit status: 0 every name has a non-Japanese face and every character a face; 1 otherwise.
                """,
            zhDiscussion: """
                文书中使用公文字体（正文用仿宋_GB2312，标题用方正小标宋简体，还有黑体、楷体_GB2312、宋体）。缺少这\
                些字体时，模板文件夹中的fonts.conf把它们对应到免费的大陆字形，Wenshu打印的每份PDF都用这一设\
                置。本命令在这一设置下询问fontconfig每个字体名落到哪种字形（落到日文字形就有问题：有些字会印成日文的写\
                法）。

                给出案件时，填写适用的每种文书，列出文书中任何已安装的字形都没有的字符（会印成空框），以及正文字形缺少、由其他字\
                形补印的字符。

                  wenshu fonts
                  wenshu fonts examples/cases --format json

                退出状态：0每个字体名都有非日文字形，每个字符都有字形可印；1其他情况。
                """)
    }

    @Argument(help: help("Case files, or folders of them, whose documents to check.",
                         zh: "要检查其文书的案件文件，或存放案件文件的文件夹。", valueName: "case"))
    var cases: [String] = []

    @Option(help: help("Report: text or json.",
                       zh: "报告：text或json。"))
    var format: ReportFormat = .text

    @OptionGroup var office: ProfileOptions
    @OptionGroup var library: TemplateLibraryOptions

    func run() throws {
        let conf = PDFConverter.fontsConf(templates: try? TemplateLibrary.locate(explicit: library.templates),
                                          fallback: try? TemplateLibrary.locate(explicit: nil, environment: [:]))
        let check = FontCheck(fontsConf: conf)
        let faces: [FontCheck.Face]
        var documents: [Report.Document] = []
        var failed = false
        do {
            faces = try check.faces()
            if !cases.isEmpty {
                let installed = try check.installedCharacters()
                let (library, problems) = try self.library.load()
                failed = problems.hasErrors
                let pipeline = RenderPipeline(library: library, profile: try office.load(), settings: .init())
                for url in try LongArgumentLists.files(cases) {
                    let file: CaseFile
                    do {
                        file = try CaseLoader.load(url, kind: .caseFile, displayName: url.relativePath)
                    } catch {
                        printError(error)
                        failed = true
                        continue
                    }
                    let (filled, diagnostics) = pipeline.documents(for: file.document)
                    diagnostics.filter { $0.severity == .error }.forEach(printError)
                    let text = filled.map { Self.text(of: $0.document) }.joined(separator: "\n")
                    let (uncovered, fallback) = check.coverage(of: text, faces: faces, installed: installed)
                    documents.append(Report.Document(source: url.relativePath, forms: filled.count,
                                                     characters: Set(text.unicodeScalars.filter { $0.value > 0x7F }).count,
                                                     uncovered: uncovered.map(Report.Character.init), fallback: fallback.map(Report.Character.init)))
                }
            }
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(1)
        }
        let report = Report(fontsConf: conf?.path, faces: faces, documents: documents)
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        case .text:
            let none: DiagnosticArgument = .phrase(FontsWording.noFontsConf)
            print(FontsWording.fontsConf.render(in: .current, ["path": conf.map { "\($0.path)" } ?? none]))
            for face in faces {
                let note: DiagnosticArgument = face.japanese ? .phrase(FontsWording.japaneseFace)
                    : face.family == face.name ? .phrase(FontsWording.officialFont) : ""
                print(FontsWording.face.render(in: .current, [
                    "name": "\(face.name)", "role": .localized(en: face.role, zh: FontsWording.roles[face.role] ?? face.role),
                    "face": "\(face.family) \(face.style)", "file": "\(face.file)", "note": note,
                ]))
            }
            for document in documents {
                let characters = { (list: [Report.Character]) in DiagnosticArgument.text(list.map(\.description).joined(separator: " ")) }
                print(FontsWording.document.render(in: .current, [
                    "source": "\(document.source)", "forms": "\(document.forms)", "characters": "\(document.characters)",
                    "coverage": document.uncovered.isEmpty ? .phrase(FontsWording.everyCharacterHasAFace)
                        : .phrase(FontsWording.noFaceHas, ["characters": characters(document.uncovered)]),
                    "fallback": document.fallback.isEmpty ? "" : .phrase(FontsWording.drawnByAnother, ["characters": characters(document.fallback)]),
                ]))
            }
        }
        if failed || faces.contains(where: \.japanese) || documents.contains(where: { !$0.uncovered.isEmpty }) { throw ExitCode(1) }
    }

    struct Report: Encodable {
        struct Character: Encodable, CustomStringConvertible {
            let character: String
            let codePoint: String
            init(_ scalar: Unicode.Scalar) {
                character = String(scalar)
                codePoint = String(format: "U+%04X", scalar.value)
            }
            var description: String { "\(character) \(codePoint)" }
        }
        struct Document: Encodable {
            let source: String
            let forms: Int
            let characters: Int
            let uncovered: [Character]
            let fallback: [Character]
        }
        let fontsConf: String?
        let faces: [FontCheck.Face]
        let documents: [Document]
    }

    /// The text a filled document prints (page numbers aside).
    static func text(of document: Document) -> String {
        func inlines(_ runs: [Inline]) -> String { runs.compactMap(\.plainText).joined() }
        func lines(_ blocks: [Block]) -> [String] {
            blocks.flatMap { block -> [String] in
                switch block {
                case .title(let runs), .subtitle(let runs, _), .heading(_, let runs): return [inlines(runs)]
                case .paragraph(let paragraph): return [inlines(paragraph.inlines)]
                case .table(let table): return table.rows.flatMap { $0.cells.flatMap { $0.paragraphs.map { inlines($0.inlines) } } }
                case .signatures(let block):
                    return block.signatures.map { inlines($0.label) + inlines($0.name) + inlines($0.date ?? []) }
                case .section(let section): return lines(section.blocks)
                case .pageBreak, .picture: return []
                }
            }
        }
        return ([document.metadata.title] + lines(document.blocks)).joined(separator: "\n")
    }
}
