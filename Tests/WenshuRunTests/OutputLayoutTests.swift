import Foundation
import XCTest
import WenshuAssembly
import WenshuRun

final class OutputLayoutTests: XCTestCase {
    func testSafeNames() {
        let table: [(String, String)] = [
            ("（2026）西交调字第37号", "（2026）西交调字第37号"),
            ("(2026)青调字第1/2号", "(2026)青调字第1_2号"),
            ("../../etc/passwd", "___.._etc_passwd"),
            ("..", "__"),
            ("a\u{0}b\nc", "a_b_c"),
            ("C:\\x", "C__x"),
            ("a<b>c:d\"e|f?g*h", "a_b_c_d_e_f_g_h"),
            ("case. ", "case__"),
            ("CON", "_CON"),
            ("nul.txt", "_nul.txt"),
            ("", "_"),
            // Around the shortcut for names that need no change: reserved names up to four scalars before
            // a dot, whatever their case; a dot or space only at the end; longer first parts pass as written.
            ("Lpt9.tar.gz", "_Lpt9.tar.gz"),
            ("com1", "_com1"),
            ("COM10", "COM10"),
            ("abcd", "abcd"),
            ("ab.cdefgh", "ab.cdefgh"),
            ("（2026）第1号.", "（2026）第1号_"),
            ("（2026）第1号 ", "（2026）第1号_"),
            (".（2026）第1号", "_（2026）第1号"),
            ("（2026）\u{7F}第1号", "（2026）_第1号"),
        ]
        for (input, expected) in table {
            XCTAssertEqual(OutputLayout.safeName(input), expected, input.debugDescription)
        }
    }

    func testFilesNestUnderRootOnly() {
        let layout = OutputLayout(root: URL(fileURLWithPath: "/tmp/out"))
        XCTAssertEqual(layout.file(caseNumber: "../x", formID: "agreement", fileExtension: "odt").path,
                       "/tmp/out/___x/agreement.odt")
        XCTAssertEqual(layout.file(caseNumber: "A1", formID: "follow-up", repeatIndex: 2, fileExtension: "txt").path,
                       "/tmp/out/A1/follow-up-2.txt")
        XCTAssertEqual(layout.file(caseNumber: nil, formID: "agreement", fileExtension: "fodt").path,
                       "/tmp/out/blank/agreement.fodt")
    }

    func testCollisionsAreFound() {
        XCTAssertEqual(OutputLayout.collisions(among: ["a/b", "a:b", "c"]), ["a_b": ["a/b", "a:b"]])
        XCTAssertEqual(OutputLayout.collisions(among: ["a", "b"]), [:])
        XCTAssertEqual(OutputLayout.collisions(among: ["a", "a"]), ["a": ["a", "a"]])
    }
}
