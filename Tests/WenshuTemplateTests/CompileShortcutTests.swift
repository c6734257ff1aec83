import XCTest
@testable import WenshuTemplate

/// The compiler's quick ways (bytes and scalars where it walked `Character`s, one pass where it compared
/// everything with everything) held to the ways they replace, over random inputs that mix what the fast
/// paths must leave alone: combining marks and prepended marks beside spaces, CR LF, tabs, U+3000.
final class CompileShortcutTests: XCTestCase {
    /// A fixed-seed generator (SplitMix64), so a failure shows again on the next run.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Pieces random texts are made of: layout white space, text, and marks that join a neighbour.
    static let pieces: [String] = [" ", "  ", "\t", "\n", "\r\n", "\r", "\u{3000}", "甲方", "（", "）", "a", "x:y",
                                   "\u{0301}", "e\u{0301}", "\u{0600}", "\u{200D}", "/", "é", "\u{0085}", "“"]

    static func text(_ generator: inout Seeded, pieces: [String] = pieces, upTo count: Int = 12) -> String {
        (0..<Int.random(in: 0...count, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }

    func testTemplateTextOnBytesIsTheCharacterWalk() {
        var generator = Seeded(state: 11)
        for _ in 0..<20_000 {
            let raw = Self.text(&generator)
            XCTAssertEqual(Array(TemplateCompiler.templateText(raw).unicodeScalars),
                           Array(TemplateCompiler.templateTextByCharacters(raw).unicodeScalars), "\(Array(raw.unicodeScalars))")
        }
        XCTAssertEqual(TemplateCompiler.templateText("\n    甲方：\n    乙方 "), "甲方：乙方 ")
        XCTAssertEqual(TemplateCompiler.templateText("a \u{0301}\nb"), TemplateCompiler.templateTextByCharacters("a \u{0301}\nb"))
    }

    func testPrunedPathsAreThoseNoOtherPathContinues() {
        var generator = Seeded(state: 12)
        let steps = ["parties", "party", "name", "", "a", "a-b", "甲", "e\u{0301}", "text()"]
        for _ in 0..<3_000 {
            let paths = Set((0..<Int.random(in: 0...12, using: &generator)).map { _ in
                (0..<Int.random(in: 1...4, using: &generator)).map { _ in steps.randomElement(using: &generator)! }
                    .joined(separator: "/")
            })
            XCTAssertEqual(TemplateChecker.pruned(paths), Self.prunedByComparison(paths), "\(paths)")
        }
        XCTAssertEqual(TemplateChecker.pruned(["parties/party", "parties/party/name", "parties/party-x", "number"]),
                       ["number", "parties/party-x", "parties/party/name"])
    }

    func testDisplayedPathsJoinTheirStepsAfterARootStep() {
        XCTAssertEqual(TemplateChecker.display(["parties", "party", "name"]), "parties/party/name")
        XCTAssertEqual(TemplateChecker.display(["", "name"]), "//name")
        XCTAssertEqual(TemplateChecker.display([""]), "/")
        XCTAssertEqual(TemplateChecker.display(["a", ""]), "a/")
        XCTAssertEqual(TemplateChecker.display(["number", "text()"]), "number")
        XCTAssertNil(TemplateChecker.display(["text()"]))
    }

    func testCharacterPositionsInOneWalkAreThoseAskedOneByOne() {
        var generator = Seeded(state: 13)
        for _ in 0..<3_000 {
            let source = Self.text(&generator)
            let positions = XPathLexer.characterPositions(in: source)
            XCTAssertEqual(positions.count, source.unicodeScalars.count + 1)
            for (index, position) in positions.enumerated() {
                XCTAssertEqual(position, Self.characterPosition(index + 1, in: source), "\(Array(source.unicodeScalars)) at \(index + 1)")
            }
        }
    }

    func testClosingBracketsAreThoseOfTheCharacterTable() {
        let table: [Character: Character] = ["（": "）", "(": ")", "【": "】", "〔": "〕", "[": "]", "《": "》", "「": "」", "“": "”"]
        var generator = Seeded(state: 14)
        let others = ["a", "甲", "（\u{0301}", "\u{0600}(", "\r\n", "\u{FF08}", "\u{3000}"].map { $0.first! }
        let candidates = Array(table.keys) + Array(table.values) + others
        for open in candidates {
            XCTAssertEqual(TemplateCompiler.closingBracket(of: open), table[open], "\(Array(String(open).unicodeScalars))")
        }
        for _ in 0..<2_000 {
            let text = Self.text(&generator, pieces: Self.pieces + ["（", "《", "[", "“"], upTo: 3)
            guard let open = text.last else { continue }
            XCTAssertEqual(TemplateCompiler.closingBracket(of: open), table[open])
        }
    }

    /// `TemplateChecker.pruned` as first written, every path against every other: the oracle.
    static func prunedByComparison(_ paths: Set<String>) -> [String] {
        let sorted = paths.sorted()
        return sorted.filter { path in !sorted.contains { $0.hasPrefix(path + "/") } }
    }

    /// The 1-based position in characters of the scalar at 1-based `position`, one text walk per question,
    /// as the lexer first asked it: the oracle of `XPathLexer.characterPositions`.
    static func characterPosition(_ position: Int, in source: String) -> Int {
        var scalarsBefore = 0
        var characters = 0
        for character in source {
            guard scalarsBefore < position - 1 else { break }
            scalarsBefore += character.unicodeScalars.count
            characters += 1
        }
        return characters + 1
    }
}
