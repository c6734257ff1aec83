import Foundation
import XCTest
@testable import WenshuPrint
import WenshuTestSupport

final class FontCheckTests: XCTestCase {
    func testFontconfigCharsetsAreReadWithTheirLastRange() {
        let ranges = CharacterRanges(fontconfig: "20-7e a0 3007 4e00-9fa5 ffe5\n")
        for scalar: Unicode.Scalar in ["A", "\u{A0}", "〇", "永", "￥"] { XCTAssertTrue(ranges.contains(scalar), "\(scalar)") }
        for scalar: Unicode.Scalar in ["\u{9F}", "☑", "\u{FFE6}"] { XCTAssertFalse(ranges.contains(scalar), "\(scalar)") }
    }

    func testCoverageSaysWhatNoFaceHasAndWhatAFallbackDraws() {
        let body = FontCheck.Face(name: "仿宋_GB2312", role: "body", family: "FandolFang", style: "Regular", file: "f.otf",
                                  japanese: false, charset: CharacterRanges(fontconfig: "4e00-9fa5"))
        let installed = [("DejaVu Sans", CharacterRanges(fontconfig: "2611")), ("Noto Sans CJK JP", CharacterRanges(fontconfig: "20000-2a6df"))]
        let (uncovered, fallback) = FontCheck(fontsConf: nil).coverage(of: "王☑𠀀王 ☑", faces: [body], installed: installed)
        XCTAssertEqual(fallback, ["☑"])
        XCTAssertEqual(uncovered, ["𠀀"], "a Japanese face does not count")
    }

    /// Under the shipped fonts.conf no official name resolves to a Japanese face, and with the Fandol faces
    /// installed the body is FandolFang and titles are FandolSong Bold.
    func testTheOfficialNamesResolveToMainlandFaces() throws {
        let check = FontCheck(fontsConf: TestPaths.fontsConf)
        guard check.fcMatch != nil else { throw XCTSkip("fc-match is not installed: apt-get install fontconfig") }
        let faces = try check.faces()
        XCTAssertEqual(faces.map(\.name), FontCheck.officialNames.map(\.name))
        XCTAssertEqual(faces.filter(\.japanese).map(\.name), [])
        guard faces[0].family == "FandolFang" else {
            throw XCTSkip("FandolFang is not installed (see README): the body resolves to \(faces[0].family)")
        }
        XCTAssertEqual(faces.map { "\($0.family) \($0.style)" },
                       ["FandolFang Regular", "FandolSong Bold", "FandolHei Regular", "FandolKai Regular", "FandolSong Regular"])
    }
}
