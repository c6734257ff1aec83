import Foundation
import WenshuDiagnostics
import XCTest

/// The catalogue is the one place ids and their wording live: every entry in both languages with the same
/// parameters, every id declared once in Sources and nowhere built, docs/diagnostics.md generated from it.
final class DiagnosticCatalogueTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    func testEveryWordingHasBothLanguagesWithTheSameParameters() {
        for entry in DiagnosticCatalogue.entries {
            for wording in entry.variants {
                XCTAssertFalse(wording.english.isEmpty, entry.id)
                XCTAssertFalse(wording.chinese.isEmpty, entry.id)
                XCTAssertEqual(wording.parameters(in: .en), wording.parameters(in: .zh), "\(entry.id): \(wording.english)")
                XCTAssertNotEqual(wording.english, wording.chinese, "\(entry.id) is not translated")
            }
            XCTAssertFalse(entry.meaning.isEmpty, entry.id)
            XCTAssertFalse(entry.fix.isEmpty, entry.id)
        }
    }

    /// The phrases outside entries (other wordings, parts of messages, summaries) are checked where they are
    /// written: every `en: "…", zh: "…"` pair in Sources names the same parameters in both languages.
    func testEveryPhraseInSourcesHasTheSameParametersInBothLanguages() throws {
        let pair = try NSRegularExpression(
            pattern: #"en:\s*"((?:[^"\\]|\\.)*)"\s*,\s*zh:\s*"((?:[^"\\]|\\.)*)""#)
        let placeholder = try NSRegularExpression(pattern: #"\{([A-Za-z0-9]+)\}"#)
        func names(_ text: String) -> Set<String> {
            Set(placeholder.matches(in: text, range: NSRange(text.startIndex..., in: text))
                .map { String(text[Range($0.range(at: 1), in: text)!]) })
        }
        var checked = 0
        let enumerator = FileManager.default.enumerator(at: Self.root.appendingPathComponent("Sources"), includingPropertiesForKeys: nil)!
        for case let url as URL in enumerator where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            for match in pair.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let english = String(text[Range(match.range(at: 1), in: text)!])
                let chinese = String(text[Range(match.range(at: 2), in: text)!])
                if english.contains("\\(") { continue }  // built from values at run time, not a declared phrase
                XCTAssertEqual(names(english), names(chinese), "\(url.lastPathComponent): \(english)")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 200, "the scan found the catalogue's phrases")
    }

    func testIDsAreUniqueDottedAndBelongToTheirStage() {
        let ids = DiagnosticCatalogue.entries.map(\.id)
        XCTAssertEqual(Set(ids).count, ids.count, "an id is declared twice")
        for id in ids {
            XCTAssertNotNil(id.range(of: #"^[a-z]+\.[a-z0-9-]+$"#, options: .regularExpression), id)
        }
        func prefixes(_ entries: [DiagnosticEntry]) -> Set<String> { Set(entries.map { String($0.id.prefix { $0 != "." }) }) }
        XCTAssertEqual(prefixes(DiagnosticCatalogue.inputs.flatMap { $0.ids.map { $0 } }.map {
            DiagnosticEntry($0, .error, message: Phrase(en: "", zh: ""), meaning: "", fix: "")
        }), ["case", "office", "register", "worklog"])
        XCTAssertEqual(prefixes(DiagnosticCatalogue.templates.map(\.entry)), ["template"])
        XCTAssertEqual(prefixes(DiagnosticCatalogue.rendering.map(\.entry)), ["render"])
        XCTAssertEqual(prefixes(DiagnosticCatalogue.packets.map(\.entry)), ["packet"])
        XCTAssertEqual(prefixes(DiagnosticCatalogue.dossiers.map(\.entry)), ["dossier"])
        XCTAssertEqual(prefixes(DiagnosticCatalogue.ledgers.map(\.entry)), ["ledger", "report", "subsidy"])
    }

    /// `grep` finds each id once in Sources (its declaration), and no quoted id outside the catalogue.
    func testEachIDIsWrittenOnceInSourcesAndNoneIsBuilt() throws {
        let sources = Self.root.appendingPathComponent("Sources")
        var counts: [String: Int] = [:]
        var uncatalogued: [String] = []
        let known = Set(DiagnosticCatalogue.entries.map(\.id))
        let quotedID = try NSRegularExpression(
            pattern: #""((?:case|office|register|worklog|template|render|print|packet|dossier|ledger|subsidy|verify|stats|output|report|desk)\.[a-z0-9-]+)""#)
        let enumerator = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
        for case let url as URL in enumerator where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            for match in quotedID.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let id = String(text[Range(match.range(at: 1), in: text)!])
                if id.range(of: #"\.(rng|ya?ml|json|xml|odt|fodt|txt|csv|md|png)$"#, options: .regularExpression) != nil {
                    continue  // a file name, not an id
                }
                counts[id, default: 0] += 1
                if !known.contains(id) { uncatalogued.append("\(url.lastPathComponent): \(id)") }
            }
            XCTAssertNil(text.range(of: #""\\\([^)]*\)\.[a-z-]+""#, options: .regularExpression),
                         "\(url.lastPathComponent) builds an id by interpolation (\"\\(prefix).syntax\")")
            if url.deletingLastPathComponent().lastPathComponent != "WenshuDiagnostics" {
                XCTAssertNil(text.range(of: #"Diagnostic\("[a-z]"#, options: .regularExpression),
                             "\(url.lastPathComponent) makes a diagnostic with an uncatalogued id")
            }
        }
        XCTAssertEqual(uncatalogued, [], "ids used in Sources but not declared in the catalogue")
        for id in known { XCTAssertEqual(counts[id], 1, "\(id) should be written once in Sources") }
    }

    func testTheLanguageComesFromTheEnvironmentInItsOrder() {
        let table: [([String: String], MessageLanguage)] = [
            ([:], .en),
            (["LANG": "zh_CN.UTF-8"], .zh),
            (["LANG": "C"], .en),
            (["LANG": "zh_CN.UTF-8", "LC_MESSAGES": "en_US.UTF-8"], .en),
            (["LANG": "C", "LC_MESSAGES": "zh_TW.UTF-8"], .zh),
            (["LC_ALL": "zh_CN.GB18030", "LC_MESSAGES": "C", "LANG": "C"], .zh),
            (["LC_ALL": "", "LANG": "zh_CN.UTF-8"], .zh),
            (["LC_ALL": "C.UTF-8", "LANG": "zh_CN.UTF-8"], .en),
        ]
        for (environment, expected) in table {
            XCTAssertEqual(MessageLanguage.fromEnvironment(environment), expected, "\(environment)")
        }
    }

    func testAFindingReadsInEitherLanguage() {
        let finding = Diagnostic(entry: InputID.idCheckDigit.entry(kindPrefix: "case"),
                                 at: SourceLocation(file: "case.yaml", line: 14, column: 7), subject: "parties[1].id_number",
                                 ["id": "330106********1230", "expected": "9"])
        XCTAssertEqual(finding.description(in: .en),
                       "case.yaml:14:7: error: parties[1].id_number: check digit of 330106********1230 should be 9: a digit is mistyped [case.id-check-digit]")
        XCTAssertEqual(finding.description(in: .zh),
                       "case.yaml:14:7: 错误: parties[1].id_number: 身份证号码330106********1230的校验位应为9：有数字录入错误 [case.id-check-digit]")
        let note = Diagnostic(InputID.holidaysUnknown.entries["case"]!.severity == .note ? PacketID.windowOpen : PacketID.window,
                              at: SourceLocation(file: "a.yaml"), ["lastDay": "2026-05-11", "effective": "2026-04-10", "moved": ""])
        XCTAssertTrue(note.description(in: .zh).hasPrefix("a.yaml: 提示: "), note.description(in: .zh))
    }

    /// docs/diagnostics.md is the catalogue's own page. Regenerate it with
    /// `WENSHU_REGENERATE_GOLDEN=diagnostics swift test --filter DiagnosticCatalogueTests`.
    func testDocsDiagnosticsIsCurrent() throws {
        let url = Self.root.appendingPathComponent("docs/diagnostics.md")
        let generated = DiagnosticCatalogue.markdown
        let spelling = ProcessInfo.processInfo.environment["WENSHU_REGENERATE_GOLDEN"] ?? ""
        if spelling.split(separator: ",").contains(where: { $0 == "diagnostics" || $0 == "all" }) {
            try Data(generated.utf8).write(to: url)
        }
        let onDisk = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        XCTAssertTrue(onDisk == generated, """
            docs/diagnostics.md is not what the catalogue says. After changing the catalogue:
            WENSHU_REGENERATE_GOLDEN=diagnostics swift test --filter DiagnosticCatalogueTests
            """)
    }
}
