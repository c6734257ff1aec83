import Foundation
import XCTest
@testable import WenshuAssembly
import WenshuCase
import WenshuDocument
import WenshuTemplate
import WenshuTestSupport
import WenshuXML

/// What the dossier tests share: the libraries and profile they bind with, cases changed on the fly, and
/// the check that a volume's 卷内目录 agrees with where its papers really start.
enum DossierFixtures {
    static let root = TestPaths.packageRoot
    static let templates = root.appendingPathComponent("templates")
    static let richestCase = root.appendingPathComponent("examples/cases/traffic-instalments.xml")

    static let profile: OfficeProfile = {
        let (profile, diagnostics) = OfficeProfile.load(root.appendingPathComponent("examples/office.yaml"))
        precondition(profile != nil, "examples/office.yaml loads: \(diagnostics)")
        return profile!
    }()

    /// The installed templates (the whole catalogue once it is merged).
    static let bundled: TemplateLibrary = TemplateLibrary.load(directory: templates).library

    /// The four dossier templates as installed, with stand-ins for the forms of the required rows, so a
    /// test knows exactly what is bound whatever the catalogue holds.
    static let stubs: TemplateLibrary = {
        var files: [String: String] = [:]
        for id in ["dossier-cover", "dossier-contents", "dossier-notes", "dossier-back"] {
            files["\(id).form.xml"] = try! String(contentsOf: templates.appendingPathComponent("\(id).form.xml"), encoding: .utf8)
        }
        func stub(_ id: String, _ title: String, _ attributes: String = "", body: String = "<p><value select=\"number\"/></p>") -> String {
            "<form xmlns=\"urn:wenshu:template:1\" id=\"\(id)\" title=\"\(title)\" version=\"1\" \(attributes)><title>\(title)</title>\(body)</form>"
        }
        files["application.form.xml"] = stub("application", "人民调解申请书", "applies-when=\"source/kind = '申请'\"")
        files["rights-notice.form.xml"] = stub("rights-notice", "人民调解当事人权利义务告知书")
        files["mediation-record.form.xml"] = stub("mediation-record", "人民调解记录", "for-each=\"sessions/session\" date=\"date\"",
                                                  body: "<p><value select=\"course\"/></p>")
        files["agreement.form.xml"] = stub("agreement", "人民调解协议书", "applies-when=\"agreement/form = 'written'\"",
                                           body: "<each select=\"agreement/terms/term\"><item level=\"1\"><value select=\"text\"/></item></each>")
        let (library, diagnostics) = TemplateLibrary.load(files: files, schema: templates.appendingPathComponent(TemplateLibrary.schemaFileName))
        precondition(!diagnostics.hasErrors, "the stand-in templates load: \(diagnostics)")
        return library
    }()

    /// The richest example with `change` applied to its XML text, written to a fresh folder (with `files`
    /// beside it, e.g. scans); returns the case file's URL.
    static func changedCase(_ change: (String) -> String, files: [String: Data] = [:]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-dossier-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent("case.xml")
        try Data(change(try String(contentsOf: richestCase, encoding: .utf8)).utf8).write(to: url)
        for (name, data) in files {
            let file = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: file)
        }
        return url
    }

    /// The XML text without the attachments of `kind`.
    static func removingAttachments(ofKind kind: String) -> (String) -> String {
        { text in
            text.replacingOccurrences(of: #"(?s)\s*<attachment>\s*<kind>\#(kind)</kind>.*?</attachment>"#, with: "",
                                      options: .regularExpression)
        }
    }
}

/// One printed page: the number in its footer (`nil` when it has none) and its lines of text.
struct PrintedPage {
    var number: Int?
    var lines: [String]

    /// The first line with text, without white space.
    var firstLine: String? { lines.map(Self.squeezed).first { !$0.isEmpty } }

    static func squeezed(_ line: String) -> String { line.filter { !$0.isWhitespace } }

    /// The page number in a `— 12 —` footer line.
    /// The page number in the footer: among the page's last two lines of text, since pdftotext may read a
    /// signature's date line (set lower right) after the footer.
    static func footerNumber(_ lines: [String]) -> Int? {
        let last = lines.map(squeezed).filter { !$0.isEmpty }.suffix(2)
        guard let match = last.reversed().lazy.compactMap({ $0.wholeMatch(of: /—(\d+)—/) }).first else { return nil }
        return Int(match.1)
    }
}

/// A row of a printed 卷内目录.
struct ContentsRow: Equatable {
    var position: Int
    /// 题名; `nil` where the printed layout does not let it be read (a PDF's text drops empty cells).
    var title: String?
    var start: Int
    var end: Int?
}

enum DossierCheck {
    /// The line each item's first page begins with: a form's title (or first text), a placeholder's
    /// 此处装订 line, a scan's caption.
    static func startMarker(_ item: DossierItem) -> String {
        switch item.content {
        case .form(let form):
            return PrintedPage.squeezed(firstText(form.documents.first?.blocks ?? []) ?? "")
        case .attachment(let attachment):
            if attachment.scan != nil { return "" }
            return PrintedPage.squeezed(DossierPaper.placeholderText(attachment.title, page: 1, of: attachment.pages))
        }
    }

    static func firstText(_ blocks: [Block]) -> String? {
        for block in blocks {
            switch block {
            case .title(let inlines), .subtitle(let inlines, _), .heading(_, let inlines):
                let text = inlines.compactMap(\.plainText).joined()
                if !text.isEmpty { return text }
            case .paragraph(let p):
                let text = p.inlines.compactMap(\.plainText).joined()
                if !text.isEmpty { return text }
            case .section(let section):
                if let text = firstText(section.blocks) { return text }
            case .table(let table):
                if let text = table.rows.first?.cells.first?.paragraphs.first?.inlines.compactMap(\.plainText).joined() { return text }
            case .signatures, .pageBreak, .picture:
                continue
            }
        }
        return nil
    }

    /// Where each item really starts: the printed number of the first page, after the previous item's,
    /// whose first line is the item's marker. Fails the test for an item not found.
    static func printedStarts(of items: [DossierItem], in pages: [PrintedPage], file: StaticString = #filePath, line: UInt = #line) -> [Int] {
        var next = pages.firstIndex { $0.number != nil } ?? pages.count
        var starts: [Int] = []
        for item in items {
            let marker = startMarker(item)
            guard let index = pages[next...].firstIndex(where: { marker.isEmpty ? true : $0.firstLine == marker }),
                  let number = pages[index].number else {
                XCTFail("item \(item.position) (\(item.title)) does not start any page after page \(next + 1): \(marker)", file: file, line: line)
                return starts
            }
            starts.append(number)
            next = index + 1
        }
        return starts
    }

    /// Checks the printed contents against the pages: each row's 序号 and title, its first page where the
    /// paper starts, and a range on the last row only, ending on the volume's last page.
    static func assertContents(_ rows: [ContentsRow], match items: [DossierItem], pages: [PrintedPage],
                               file: StaticString = #filePath, line: UInt = #line) {
        let starts = printedStarts(of: items, in: pages, file: file, line: line)
        guard starts.count == items.count else { return }
        XCTAssertEqual(rows.map(\.position), items.map(\.position), "序号", file: file, line: line)
        if rows.allSatisfy({ $0.title != nil }) {
            XCTAssertEqual(rows.map { PrintedPage.squeezed($0.title ?? "") }, items.map { PrintedPage.squeezed($0.title) }, "题名", file: file, line: line)
        }
        XCTAssertEqual(rows.map(\.start), starts, "first pages in the contents against where each paper starts", file: file, line: line)
        // GB/T 9705: every paper its first page; the last paper its first and last (the volume's extent).
        XCTAssertEqual(rows.dropLast().compactMap(\.end), [], "only the last row prints a range", file: file, line: line)
        if let last = rows.last {
            // The 备考表 and the 封底 that follow carry no number.
            let lastPage = pages.compactMap(\.number).max() ?? 0
            XCTAssertEqual(last.end ?? last.start, lastPage, "the last row ends on the last numbered page", file: file, line: line)
        }
    }

    /// The rows of a 卷内目录 as printed, from lines of text (PDF with -layout, or the text writer's
    /// table, where a long title goes on in the next line): 序号, 文件名称, 页号 as `a` or `a～b`.
    /// The rows of a 卷内目录 printed by LibreOffice, from the words' boxes: each 序号 in the first column with
    /// the page (a number or a range of up to three digits; a date has eight) on the same line of the row —
    /// cells are centred vertically, so single-line cells share their top. Titles are not read (nil).
    static func contentsRows(words: [LibreOffice.Word]) -> [ContentsRow] {
        let page = /(\d{1,3})(?:～(\d{1,3}))?/
        guard let header = words.first(where: { $0.text == "序号" || $0.text == "序" }) else { return [] }
        return words.filter { $0.left < header.right + 2 && $0.top > header.bottom }.compactMap { word -> ContentsRow? in
            guard let position = Int(word.text) else { return nil }
            let same = words.filter { abs($0.top - word.top) < 1.5 && $0.left > word.right }
            guard let pages = same.lazy.compactMap({ $0.text.wholeMatch(of: page) }).first else { return nil }
            return ContentsRow(position: position, title: nil, start: Int(pages.1)!, end: pages.2.map { Int($0)! })
        }.sorted { $0.position < $1.position }
    }

    static func contentsRows(_ lines: [String]) -> [ContentsRow] {
        var rows: [ContentsRow] = []
        // The columns of GB/T 9705: 序号, 文号, 责任者, 题名, 日期, 页号, 备注. In the text writer's table a row
        // runs over several lines (│ … │), its first holding the 序号; its title and its pages are the lines'
        // cells joined (a range may wrap in the narrow 页号 column).
        let page = /(\d{1,3})(?:\s*～\s*(\d{1,3}))?/
        var open: (position: Int, title: String, pages: String)?
        func close() {
            if let row = open, let pages = row.pages.wholeMatch(of: page) {
                rows.append(ContentsRow(position: row.position, title: row.title, start: Int(pages.1)!, end: pages.2.map { Int($0)! }))
            }
            open = nil
        }
        for line in lines {
            let cells = line.split(separator: "│", omittingEmptySubsequences: false).dropFirst().map { $0.trimmingCharacters(in: .whitespaces) }
            guard line.contains("│"), cells.count >= 6 else { close(); continue }
            if let position = Int(cells[0]) {
                close()
                open = (position, cells[3], cells[5])
            } else if open != nil, cells[0].isEmpty {
                open!.title += cells[3]
                open!.pages += cells[5]
            } else {
                close()
            }
        }
        close()
        return rows
    }
}
