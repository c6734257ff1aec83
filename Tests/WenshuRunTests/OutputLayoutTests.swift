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
