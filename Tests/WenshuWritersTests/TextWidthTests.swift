import Foundation
import XCTest
@testable import WenshuWriters

final class TextWidthTests: XCTestCase {
    /// The specification: columns in Chinese printing (ambiguous 2) and on a Western terminal (ambiguous 1).
    func testTheIndentIsFourColumnsOnEveryPrinter() {
        // ParagraphLayout keeps the indent's width as a constant.
        for ambiguous in [1, 2] {
            XCTAssertEqual(DisplayWidth(ambiguous: ambiguous).of(ParagraphLayout.indent), ParagraphLayout.indentWidth)
        }
    }

    func testWidthsOfWhatFormsPrint() {
        let table: [(String, Int, Int, String)] = [
            ("A", 1, 1, "Latin letter"),
            ("7", 1, 1, "digit"),
            ("中", 2, 2, "CJK ideograph (W)"),
            ("　", 2, 2, "ideographic space (F)"),
            ("，", 2, 2, "fullwidth comma (F)"),
            ("￥", 2, 2, "fullwidth yen sign (F)"),
            ("〇", 2, 2, "ideographic number zero (W)"),
            ("“", 2, 1, "left double quotation mark (A)"),
            ("”", 2, 1, "right double quotation mark (A)"),
            ("…", 2, 1, "ellipsis (A)"),
            ("—", 2, 1, "em dash (A)"),
            ("·", 2, 1, "middle dot (A)"),
            ("×", 2, 1, "multiplication sign (A)"),
            ("①", 2, 1, "circled digit one (A)"),
            ("□", 2, 1, "white square (A)"),
            ("─", 2, 1, "box drawing (A)"),
            ("☑", 1, 1, "ballot box with check (N)"),
            ("\u{0301}", 0, 0, "combining acute accent (Mn, though A)"),
            ("\u{200B}", 0, 0, "zero width space (Cf)"),
            ("\u{200D}", 0, 0, "zero width joiner (Cf)"),
            ("\u{FEFF}", 0, 0, "byte order mark (Cf)"),
            ("\u{302A}", 0, 0, "ideographic level tone mark (Mn, though W)"),
            ("\u{1160}", 0, 0, "Hangul conjoining vowel filler (V)"),
            ("\u{0600}", 1, 1, "Arabic number sign (prepended concatenation mark, visible)"),
            ("\u{20000}", 2, 2, "CJK Extension B (plane 2)"),
            ("\u{2FFFD}", 2, 2, "unassigned in plane 2 (W by default)"),
            ("\u{E000}", 2, 1, "private use (A)"),
            ("\u{0378}", 1, 1, "unassigned, not in a wide block"),
        ]
        for (text, chinese, western, what) in table {
            let scalar = text.unicodeScalars.first!
            XCTAssertEqual(DisplayWidth(ambiguous: 2).of(scalar), chinese, what)
            XCTAssertEqual(DisplayWidth(ambiguous: 1).of(scalar), western, what)
        }
        XCTAssertEqual(DisplayWidth().of("人民币34,020.00元（￥34,020.00）"), 6 + 9 + 2 + 2 + 2 + 9 + 2)
        XCTAssertEqual(DisplayWidth().of("e\u{0301}" as Character), 1)
    }

    /// Python's `wcwidth` as an outside oracle over the whole BMP, where the two conventions agree: code
    /// points that either side counts as ambiguous are left out (Chinese printing counts them 2,
    /// wcwidth 1), and so are the controls wcwidth calls unprintable (-1; the writer removes them).
    ///
    /// wcwidth 0.7.0 accepts `unicode_version=` but ignores it and uses Unicode 17.0 tables, so the
    /// disagreements it finds are listed and explained here rather than ignored:
    /// - characters assigned after Unicode 15.0 (our table follows 15.0: unassigned there is narrow);
    /// - the Yijing trigrams, digrams and hexagrams, East Asian Width N in 15.0, W since 16.0;
    /// - the Hangul fillers U+3164 and U+FFA0: wcwidth gives these default-ignorable letters 0, the
    ///   Unicode data W and H (we keep the data's width; they do not occur in Chinese forms).
    func testAgreesWithWcwidthWhereConventionsAgree() throws {
        try TextOutput.requirePython(importing: "wcwidth")
        let chinese = DisplayWidth(ambiguous: 2)
        let western = DisplayWidth(ambiguous: 1)
        var listing = ""
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }   // surrogates are not scalars
            let width = chinese.of(scalar)
            if width == western.of(scalar) { listing += "\(value) \(width)\n" }
        }
        let file = TextOutput.temporaryFile("widths.txt")
        try listing.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
            import sys, wcwidth
            compared = 0
            for line in open(sys.argv[1]):
                cp, ours = map(int, line.split())
                theirs = wcwidth.wcwidth(chr(cp), unicode_version='15.0.0')
                if theirs < 0 or theirs != wcwidth.wcwidth(chr(cp), unicode_version='15.0.0', ambiguous_width=2):
                    continue
                compared += 1
                if theirs != ours:
                    print(cp, ours, theirs)
            print('compared', compared)
            """
        let result = try XCTUnwrap(TextOutput.run(["python3", "-c", script, file.path]))
        XCTAssertEqual(result.status, 0)
        var compared = 0
        var unexplained: [String] = []
        var explained = 0
        for line in String(decoding: result.output, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: " ")
            if fields.first == "compared" {
                compared = Int(fields[1]) ?? 0
                continue
            }
            let value = UInt32(fields[0])!
            if Self.explainedDisagreement(value) {
                explained += 1
            } else {
                unexplained.append("U+\(String(value, radix: 16, uppercase: true)) ours \(fields[1]) wcwidth \(fields[2])")
            }
        }
        XCTAssertGreaterThan(compared, 55_000, "the oracle must really compare the BMP")
        XCTAssertEqual(unexplained, [], "widths that differ from wcwidth without a known reason")
        XCTAssertLessThan(explained, 200)
    }

    static func explainedDisagreement(_ value: UInt32) -> Bool {
        let scalar = Unicode.Scalar(value)!
        if let age = scalar.properties.age {
            if age.major > 15 || (age.major == 15 && age.minor > 0) { return true }
        } else {
            return true
        }
        let yijing: [ClosedRange<UInt32>] = [0x2630...0x2637, 0x268A...0x268F, 0x4DC0...0x4DFF]
        return yijing.contains { $0.contains(value) } || value == 0x3164 || value == 0xFFA0
    }

    /// The committed table is exactly what the generator prints from the installed Unicode data.
    func testGeneratorReproducesTheCommittedTable() throws {
        guard FileManager.default.fileExists(atPath: "/usr/share/unicode/EastAsianWidth.txt") else {
            throw XCTSkip("Debian's unicode-data is not installed")
        }
        let folder = TextOutput.packageRoot.appendingPathComponent("Sources/WenshuWriters/Text")
        let result = try XCTUnwrap(TextOutput.run(["python3", folder.appendingPathComponent("generate-width-table.py").path]),
                                   "python3 is needed to run the generator")
        XCTAssertEqual(result.status, 0)
        let committed = try Data(contentsOf: folder.appendingPathComponent("DisplayWidthTable.swift"))
        XCTAssertEqual(result.output, committed, "regenerate DisplayWidthTable.swift with generate-width-table.py")
        XCTAssertEqual(DisplayWidth.unicodeVersion, "15.0.0")
    }

    /// The Basic Multilingual Plane is measured from a lookup table built from the ranges: it must give
    /// every code point the class the ranges give it.
    func testBasicPlaneTableAgreesWithTheRanges() {
        let table = DisplayWidth.basicPlane
        XCTAssertEqual(table.count, 0x10000)
        var differing: [String] = []
        for value in UInt32(0)...0xFFFF where table[Int(value)] != DisplayWidth.kind(of: value) {
            differing.append("U+\(String(value, radix: 16, uppercase: true))")
        }
        XCTAssertEqual(differing, [])
        // The classes really come from the ranges: one of each, and the ambiguous class follows the option.
        XCTAssertEqual(["\u{0301}", "A", "中", "“"].map { DisplayWidth(ambiguous: 1).of($0.unicodeScalars.first!) }, [0, 1, 2, 1])
        XCTAssertEqual(["\u{0301}", "A", "中", "“"].map { DisplayWidth(ambiguous: 2).of($0.unicodeScalars.first!) }, [0, 1, 2, 2])
    }
}
