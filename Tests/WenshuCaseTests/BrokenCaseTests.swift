import Foundation
import XCTest
import WenshuXML
@testable import WenshuCase

/// Every file under Broken/ with exactly the findings it must produce — id, `line:column` (XML: line only)
/// and field path — checked with the example office profile. The table is the specification: removing a
/// check, or moving its finding, fails here.
final class BrokenCaseTests: XCTestCase {
    typealias Expected = (id: String, at: String, subject: String?)

    static let table: [String: [Expected]] = [
        "id-check-digit.yaml": [("case.id-check-digit", "18:5", "parties[1].id_number")],
        "id-first-generation.yaml": [("case.id-first-generation", "26:5", "parties[2].id_number")],
        "id-first-generation-contradicts.yaml": [("case.id-gender", "24:5", "parties[2].gender"),
                                                 ("case.id-birth-date", "25:5", "parties[2].birth_date"),
                                                 ("case.id-first-generation", "26:5", "parties[2].id_number")],
        "id-birth-date.yaml": [("case.id-birth-date", "17:5", "parties[1].birth_date")],
        "id-gender.yaml": [("case.id-gender", "24:5", "parties[2].gender")],
        "credit-code.yaml": [("case.credit-code-check", "24:5", "parties[2].credit_code"),
                             ("case.credit-code-malformed", "33:5", "parties[3].credit_code")],
        "phone.yaml": [("case.phone", "19:5", "parties[1].phone"), ("case.phone", "27:5", "parties[2].phone")],
        "date-order.yaml": [("case.date-order", "10:1", "accepted"),
                            ("case.date-order", "33:5", "sessions[1].date"),
                            ("case.date-order", "46:5", "visits[1].date")],
        "instalment-sum.yaml": [("case.instalment-sum", "45:3", "agreement.instalments")],
        "payments-exceed.json": [("case.payments-exceed", "22:7", "agreement.performance.payments")],
        "recusal-id.yaml": [("case.recusal", "29:5", "mediators[1]")],
        "recusal-name.yaml": [("case.recusal-name", "32:5", "mediators[2]")],
        "confirmation-late.yaml": [("case.confirmation-late", "47:3", "confirmation.applied")],
        "missing-field.yaml": [("case.missing-field", "2:1", "received"),
                               ("case.missing-field", "19:5", "parties[2].name")],
        "unknown-field.yaml": [("case.unknown-field", "20:5", "parties[1].wechat"),
                               ("case.missing-field", "21:5", "parties[2].name"),
                               ("case.unknown-field", "24:5", "parties[2].nmae")],
        "bad-enum.yaml": [("case.not-in-list", "7:1", "type"), ("case.not-in-list", "16:5", "parties[1].gender")],
        "bad-enum.xml": [("case.not-in-list", "21", "outcome.result"),
                         ("case.not-in-list", "26", "visits[1].satisfaction")],
        "bad-values.yaml": [("case.bad-date", "9:1", "received"),
                            ("case.empty-value", "34:5", "sessions[1].result"),
                            ("case.bad-money", "44:3", "agreement.total_amount")],
        "expected-list.yaml": [("case.expected-list", "11:1", "claims"), ("case.expected-list", "29:1", "mediators")],
        "yaml-syntax.yaml": [("case.syntax", "15:10", nil)],
        "duplicate-key.yaml": [("case.duplicate-key", "6:1", nil)],
        "json-syntax.json": [("case.syntax", "6:3", nil)],
        "xxe.xml": [("case.doctype", "2", nil)],
        "billion-laughs.xml": [("case.doctype", "2", nil)],
        "alias-bomb.yaml": [("case.too-many-nodes", "3:21", nil)],
        // Issue 15, item 2: a NUL no longer cuts a value silently; controls, line breaks in one-line fields and
        // invisible formatting characters are found in every format.
        "nul-in-name.json": [("case.control-character", "20:3", "accepted_by"),
                             ("case.control-character", "32:7", "parties[1].name"),
                             ("case.control-character", "33:7", "parties[1].gender"),
                             ("case.not-in-list", "33:7", "parties[1].gender")],
        "control-characters.yaml": [("case.control-character", "6:1", "title"),
                                    ("case.invisible-character", "29:5", "parties[1].name"),
                                    ("case.line-break", "36:5", "parties[1].address")],
        "control-characters.xml": [("case.line-break", "8", "title"),
                                   ("case.control-character", "38", "parties[1].name"),
                                   ("case.invisible-character", "52", "parties[2].name")],
    ]

    /// What a finding quotes from a file is escaped: no control or bidi character reaches the terminal, and
    /// the invisible character is named by its code point.
    func testMessagesEscapeWhatTheyQuote() throws {
        let checker = CaseChecker(profile: Repository.officeProfile)
        for name in ["nul-in-name.json", "control-characters.yaml", "control-characters.xml"] {
            let found = checker.check(contentsOf: Resources.url("Broken", name), displayName: name)
            for line in found.map(\.description) {
                XCTAssertFalse(line.unicodeScalars.contains { TerminalText.isControl($0) || TerminalText.isInvisibleFormat($0) },
                               line.debugDescription)
            }
            if name == "nul-in-name.json" {
                XCTAssertTrue(found.contains { $0.description.contains(#"not `男\u{1B}[2J`"#) }, "\(found)")
            }
            if name == "control-characters.yaml" {
                XCTAssertTrue(found.contains { $0.severity == .warning && $0.message.contains("U+202E") }, "\(found)")
            }
        }
        XCTAssertEqual(TerminalText.escaped("沈\u{1B}[2J\u{202E}a\tb"), #"沈\u{1B}[2J\u{202E}a\u{9}b"#)
    }

    /// The value after a NUL is kept (as U+FFFD), never cut: 马\0建伟 is not "马".
    func testANulDoesNotCutTheValue() throws {
        let file = try CaseLoader.load(Resources.url("Broken", "nul-in-name.json"))
        let party = try XCTUnwrap(file.root.element(named: "parties")?.elements(named: "party").first)
        XCTAssertEqual(party.element(named: "name")?.stringValue, "马\u{FFFD}建伟")
    }

    func testEachBrokenFileGivesExactlyItsFindings() throws {
        let checker = CaseChecker(profile: Repository.officeProfile)
        for (name, expected) in Self.table.sorted(by: { $0.key < $1.key }) {
            let found = checker.check(contentsOf: Resources.url("Broken", name), displayName: name)
            XCTAssertTrue(found.allSatisfy { $0.location.file == name }, name)
            let got = found.map { "\($0.id) \(Self.lineColumn($0.location)) \($0.subject ?? "-")" }
            let want = expected.map { "\($0.id) \($0.at) \($0.subject ?? "-")" }
            XCTAssertEqual(got, want, name)
        }
    }

    func testEveryBrokenFileIsInTheTable() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Resources.url("Broken", "").path)
            .filter { !$0.hasPrefix(".") }
        XCTAssertEqual(Set(names), Set(Self.table.keys))
    }

    func testBrokenFilesAreErrorsExceptTheWarningOnes() {
        let checker = CaseChecker(profile: Repository.officeProfile)
        let warningsOnly: Set = ["id-first-generation.yaml", "recusal-name.yaml", "confirmation-late.yaml"]
        for name in Self.table.keys {
            let found = checker.check(contentsOf: Resources.url("Broken", name), displayName: name)
            XCTAssertEqual(found.hasErrors, !warningsOnly.contains(name), name)
        }
    }

    static func lineColumn(_ location: SourceLocation) -> String {
        location.column > 0 ? "\(location.line):\(location.column)" : "\(location.line)"
    }
}
