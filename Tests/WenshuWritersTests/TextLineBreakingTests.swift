import XCTest
@testable import WenshuWriters

final class TextLineBreakingTests: XCTestCase {
    let breaker = LineBreaker(width: DisplayWidth(ambiguous: 2))

    /// The specification: text, columns, first-line indent, and the lines a clerk expects.
    func testBreaks() {
        let table: [(String, Int, Int, [String], String)] = [
            ("一二三四五。六", 10, 0, ["一二三四", "五。六"], "a full stop never starts a line: 五 moves down with it"),
            ("一二三四五，六", 10, 0, ["一二三四", "五，六"], "nor does a comma"),
            ("一二三四五）六", 10, 0, ["一二三四", "五）六"], "nor a closing bracket"),
            ("一二三四五”。", 10, 0, ["一二三四", "五”。"], "a closing quote and full stop go down together"),
            ("一二三四……", 10, 0, ["一二三", "四……"], "the two-em ellipsis is not split and does not start a line"),
            ("一二三四——五", 10, 0, ["一二三", "四——五"], "nor the two-em dash"),
            ("一二三四（五", 10, 0, ["一二三四", "（五"], "an opening bracket never ends a line"),
            ("一二三四“五”", 10, 0, ["一二三四", "“五”"], "nor an opening quote"),
            ("金额为34,020.00元", 12, 0, ["金额为", "34,020.00元"], "a number with separators stays whole"),
            ("电话13805712345", 14, 0, ["电话", "13805712345"], "a telephone number stays whole"),
            ("合计￥1,409.02元", 12, 0, ["合计", "￥1,409.02元"], "the yen sign stays with its figure"),
            ("Wenshu writes text", 10, 0, ["Wenshu", "writes", "text"], "Latin words break at spaces, which vanish"),
            ("一二三四五六", 10, 4, ["一二三", "四五六"], "the first line is narrower by its indent"),
            ("一二\n三", 10, 0, ["一二", "三"], "a forced break"),
            ("一二三四五", 10, 0, ["一二三四五"], "a text exactly as wide as the line is one line"),
            ("一二三四五六", 10, 0, ["一二三四五", "六"], "one column more and it breaks"),
            ("一二三四", 10, 4, ["一二三", "四"], "the indent counts against the first line's room"),
            ("一二三　", 8, 0, ["一二三"], "a line that fits ends without its trailing spaces"),
            ("一二三 ", 8, 0, ["一二三"], "ASCII ones too"),
            ("一二三一", 8, 0, ["一二三一"], "一 ends in the byte 80, as U+3000 does, and stays"),
            ("一二\n三四五六七八", 10, 0, ["一二", "三四五六七", "八"], "each hard line fits or is filled on its own"),
            ("", 10, 0, [""], "an empty paragraph is one empty line"),
            ("ABCDE\u{200B}FGHIJ", 6, 0, ["ABCDE\u{200B}", "FGHIJ"], "a zero width space lets a word break"),
            ("ABCDEFGHIJKL", 5, 0, ["ABCDE", "FGHIJ", "KL"], "a word wider than the line is cut"),
            ("□男　☑女", 6, 0, ["□男", "☑女"], "a checkbox stays with its label; trailing spaces go"),
            ("□邻里　□山林土地", 14, 0, ["□邻里", "□山林土地"], "an option's label is not split over two lines"),
            ("□合同□损害赔偿", 12, 0, ["□合同", "□损害赔偿"], "the next box ends a label"),
            ("电话：____　住址：____", 16, 0, ["电话：____", "住址：____"], "a label stays with its write-in blank"),
            ("本人，住址：____", 14, 0, ["本人，", "住址：____"], "a label runs back to the punctuation before it"),
            ("公司　法定代表人：韩志强", 16, 0, ["公司", "法定代表人：韩志", "强"], "a label is not split and keeps its value's first character"),
            ("■一二三四五六七八九十", 12, 0, ["■一二三四五", "六七八九十"], "a label longer than eight characters breaks like text"),
            ("一二三四ゝ\u{3099}", 8, 0, ["一二三", "四ゝ\u{3099}"], "ゝ with a combining sound mark is ゞ, which never starts a line"),
            ("ABC\u{0301}DEFGH", 4, 0, ["ABC\u{0301}D", "EFGH"], "a combining accent stays with its letter when a word is cut"),
            ("一二三👍🏽四", 6, 0, ["一二三", "👍🏽四"], "an emoji keeps its skin tone"),
            ("一二🇨🇳🇨🇳", 6, 0, ["一二🇨🇳", "🇨🇳"], "a flag is two regional indicators, never split"),
            ("一二三\u{037E}", 6, 0, ["一二", "三\u{037E}"], "a Greek question mark is a semicolon: it does not start a line"),
        ]
        for (text, columns, indent, expected, rule) in table {
            XCTAssertEqual(breaker.lines(text, columns: columns, firstLineIndent: indent).map(\.text), expected, rule)
        }
    }

    /// Over many widths, a long mixed paragraph keeps every rule, loses no character, and never splits
    /// the numbers in it. From 8 columns, the widest run the rules glue together (付”……) fits a line;
    /// from 13, the longest number with the comma after it.
    func testRulesHoldAtEveryWidth() {
        let text = "甲方要求乙方赔偿医疗费、误工费（含护理费）、交通费及财产损失共计人民币34,020.00元；乙方对赔偿数额无异议，"
            + "但提出“分期支付”……电话13805712345，账号6222020200012345678。经调解——双方自愿达成如下协议：《协议》第①条。"
        for columns in 8...60 {
            let lines = breaker.lines(text, columns: columns)
            XCTAssertEqual(lines.map(\.text).joined(), text, "at \(columns) columns")
            for line in lines {
                XCTAssertLessThanOrEqual(breaker.width.of(line.text), columns)
                XCTAssertEqual(line.width, breaker.width.of(line.text))
                if let first = line.text.first { XCTAssertFalse(TextOutput.closing.contains(first), "«\(line.text)» at \(columns)") }
                if let last = line.text.last { XCTAssertFalse(TextOutput.opening.contains(last), "«\(line.text)» at \(columns)") }
            }
            let joinedWithBreaks = lines.map(\.text).joined(separator: "|")
            for number in ["34,020.00", "13805712345"] where columns >= 13 {
                XCTAssertTrue(joinedWithBreaks.contains(number), "\(number) split at \(columns) columns")
            }
        }
    }

    /// A text that fits its room is one line without measuring its clusters (`oneLineWidth`): whenever it
    /// says so, the clusters agree (no line feed, no blank to trim, the same width), and without a line
    /// feed in the bytes and within twice its room's bytes it says so whenever they do.
    func testOneLineWidthAgreesWithTheClusters() {
        let texts = ["", "一二三", "一二三　", "一二三 ", "一二\n三", "e\u{0301}一", "一👍🏽四", "🇨🇳🇨🇳", "A\r\nB",
                     "一\u{3000}二", "￥1,409.02元", "一二三一", "□男　☑女", "“分期”……"]
        for text in texts {
            let clusters = breaker.clusters(text)
            let width = clusters.reduce(0) { $0 + $1.width }
            let isOneLine = !clusters.contains { $0.traits.contains(.lineFeed) }
                && !(clusters.last?.traits.contains(.trailingBlank) ?? false)
            for room in 1...14 {
                if let found = breaker.oneLineWidth(text, room: room) {
                    XCTAssertTrue(isOneLine && width <= room, "«\(text)» in \(room)")
                    XCTAssertEqual(found, width, "«\(text)» in \(room)")
                } else if !text.utf8.contains(0x0A) && text.utf8.count <= 2 * room {
                    XCTAssertFalse(isOneLine && width <= room, "«\(text)» in \(room)")
                }
            }
        }
    }

    func testAlignment() {
        let line = MeasuredLine(text: "协议书", width: 6)
        XCTAssertEqual(line.aligned(.center, in: 12).text, "   协议书")
        XCTAssertEqual(line.aligned(.right, in: 12).text, "      协议书")
        XCTAssertEqual(line.aligned(.justify, in: 12).text, "协议书")
        XCTAssertEqual(line.aligned(.left, in: 12, indent: "　　", indentWidth: 4).text, "　　协议书")
    }

    /// The breaker takes a code point in `standaloneRanges` as a cluster of its own when its neighbour is
    /// one too, without asking Swift's grapheme breaking. That holds when none of them belongs to a grapheme
    /// break class that joins (UAX #29): probes of each class must find every one of them apart.
    func testStandaloneCodePointsNeverJoinTheirNeighbours() {
        func clusters(_ values: UInt32...) -> Int {
            var text = ""
            text.unicodeScalars.append(contentsOf: values.map { Unicode.Scalar($0)! })
            return text.count
        }
        let letter: UInt32 = 0x61, hangulL: UInt32 = 0x1100, hangulV: UInt32 = 0x1161, hangulT: UInt32 = 0x11A8
        let hangulLV: UInt32 = 0xAC00, regionalIndicator: UInt32 = 0x1F1E8
        // The probes do find joiners.
        XCTAssertEqual(clusters(letter, 0x0301), 1)          // Extend
        XCTAssertEqual(clusters(0x0600, letter), 1)          // Prepend
        XCTAssertEqual(clusters(0x0D, 0x0A), 1)              // CR LF
        XCTAssertEqual(clusters(hangulL, hangulV), 1)
        XCTAssertEqual(clusters(hangulLV, hangulT), 1)
        XCTAssertEqual(clusters(regionalIndicator, regionalIndicator), 1)
        var joining: [String] = []
        var checked = 0
        for range in LineBreaker.standaloneRanges {
            // Every code point of the Basic Multilingual Plane; a sample of the ideographs above it.
            for value in stride(from: range.lowerBound, through: range.upperBound, by: range.lowerBound < 0x10000 ? 1 : 97) {
                guard Unicode.Scalar(value) != nil else { continue }
                checked += 1
                let apart = clusters(letter, value) == 2              // not Extend, ZWJ, SpacingMark
                    && clusters(value, letter) == 2                   // not Prepend
                    && clusters(value, 0x0A) == 2                     // not CR
                    && clusters(value, hangulV) == 2 && clusters(value, hangulT) == 2
                    && clusters(hangulL, value) == 2 && clusters(hangulLV, value) == 2   // no conjoining Hangul
                    && clusters(regionalIndicator, value) == 2
                if !apart { joining.append("U+\(String(value, radix: 16, uppercase: true))") }
            }
        }
        XCTAssertGreaterThan(checked, 30_000)
        XCTAssertEqual(joining, [])
    }

    /// For a single code point the breaker looks its rule up in a table: the table must say what the rule
    /// sets say of that code point as a `Character`, for every code point (canonical equivalents included).
    func testCodePointTableAgreesWithTheRuleSets() {
        var differing: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let traits = LineBreaker.traits(of: scalar)
            let character = Character(scalar)
            if traits.contains(.noLineStart) != LineBreaker.noLineStart.contains(character)
                || traits.contains(.noLineEnd) != LineBreaker.noLineEnd.contains(character) {
                differing.append("U+\(String(value, radix: 16, uppercase: true))")
            }
        }
        XCTAssertEqual(differing, [])
    }

    func testEveryCheckboxGlyphKeepsItsLabel() {
        // `clusters` notes the boxes as it decodes: each glyph, and no neighbour of one, starts a label.
        for value in LineBreaker.checkboxGlyphs.sorted() {
            let box = String(Unicode.Scalar(value)!)
            let traits = breaker.clusters("甲\(box)山林 乙").map(\.traits)
            XCTAssertEqual(traits.map { $0.contains(.checkboxLabel) }, [false, false, true, true, false, false], box)
        }
        for value: UInt32 in [0x259F, 0x25A2, 0x260F, 0x2612] {
            let traits = breaker.clusters("甲\(String(Unicode.Scalar(value)!))山林 乙").map(\.traits)
            XCTAssertFalse(traits.contains { $0.contains(.checkboxLabel) }, String(value, radix: 16))
        }
    }
}
