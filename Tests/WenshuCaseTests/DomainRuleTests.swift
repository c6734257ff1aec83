import XCTest
import WenshuDiagnostics
@testable import WenshuCase

/// The small pure rules, each specified by its table.
final class DomainRuleTests: XCTestCase {
    func date(_ text: String) -> CivilDate { CivilDate(iso: text)! }

    func testConfirmationWindowCountsThirtyDaysAndMovesOffRestDays() {
        let calendar = Repository.officeProfile.calendar
        // effective, last day to apply, why
        let table: [(String, String, String)] = [
            ("2026-03-10", "2026-04-09", "the 30th day is a Thursday"),
            ("2026-03-05", "2026-04-07", "04-04 is 清明 (4–6 April): the next working day"),
            ("2026-01-15", "2026-02-14", "a Saturday, but a make-up working day (调休上班)"),
            ("2026-01-16", "2026-02-24", "02-15 starts 春节, which runs to 02-23"),
            ("2026-04-01", "2026-05-06", "劳动节 1–5 May"),
            ("2026-05-20", "2026-06-22", "端午 19–21 June"),
            ("2026-08-21", "2026-09-20", "a Sunday, but a make-up working day"),
            ("2026-08-26", "2026-09-28", "中秋 25–27 September"),
            ("2026-09-01", "2026-10-08", "国庆 1–7 October"),
            ("2026-02-06", "2026-03-09", "an ordinary Sunday"),
            ("2025-12-02", "2026-01-04", "元旦 1–3 January, then a make-up Sunday"),
        ]
        for (effective, last, why) in table {
            let window = ConfirmationWindow(effective: date(effective), calendar: calendar)
            XCTAssertEqual(window.nominalLastDay, date(effective).adding(days: 30), why)
            XCTAssertEqual(window.lastDay, date(last), why)
            XCTAssertEqual(window.yearsWithoutArrangement, [], why)
            XCTAssertTrue(window.isTimely(date(last)), why)
            XCTAssertFalse(window.isTimely(date(last).adding(days: 1)), why)
        }
    }

    func testConfirmationWindowWithoutTheYearsArrangementCountsWeekendsAndSaysSo() {
        let profile = Repository.officeProfile.calendar
        let table: [(RestDayCalendar, String, String, [Int])] = [
            (.weekendsOnly, "2026-03-05", "2026-04-06", [2026]),  // 清明 not known: Monday 04-06 looks like a working day
            (.weekendsOnly, "2026-01-15", "2026-02-16", [2026]),  // the make-up Saturday not known either
            (.weekendsOnly, "2026-03-10", "2026-04-09", [2026]),
            (profile, "2026-12-10", "2027-01-11", [2027]),        // 2027 is not in the profile
        ]
        for (calendar, effective, last, unknown) in table {
            let window = ConfirmationWindow(effective: date(effective), calendar: calendar)
            XCTAssertEqual(window.lastDay, date(last), effective)
            XCTAssertEqual(window.yearsWithoutArrangement, unknown, effective)
        }
    }

    func testRestDays() {
        let calendar = Repository.officeProfile.calendar
        let table: [(String, Bool)] = [
            ("2026-02-14", false), ("2026-02-15", true), ("2026-02-23", true), ("2026-02-24", false),
            ("2026-02-28", false), ("2026-03-01", true), ("2026-10-07", true), ("2026-10-10", false),
            ("2026-11-21", true), ("2026-11-23", false),
        ]
        for (day, rest) in table {
            XCTAssertEqual(calendar.isRestDay(date(day)), rest, day)
        }
        XCTAssertTrue(calendar.knows(year: 2026))
        XCTAssertFalse(calendar.knows(year: 2027))
    }

    func testPhoneNumbers() {
        let table: [(String, PhoneNumber.Kind?)] = [
            ("13805712345", .mobile), ("138 0571 2345", .mobile), ("138-0571-2345", .mobile),
            ("0571-87654321", .landline), ("010-12345678", .landline), ("0571-8765432", .landline),
            ("(0571)87654321", .landline), ("（0571）87654321", .landline),
            ("0571-87654321-802", .landline), ("0571-87654321转802", .landline),
            ("1380571234", nil), ("23805712345", nil), ("87654321", nil), ("0571-07654321", nil),
            ("571-87654321", nil), ("0571-87654321-", nil), ("0571-87654321-1234567", nil), ("12348", nil),
            ("-13805712345", nil), ("", nil),
        ]
        for (text, kind) in table {
            XCTAssertEqual(PhoneNumber.kind(of: text), kind, text)
        }
    }

    func testTheRulesByteShortcutsAnswerAsTheTextsDo() {
        // `PhoneRule.isBlank` is `allSatisfy(\.isWhitespace)`, `RecusalRule.sameNumber` the equality of the
        // uppercased texts: ASCII, Chinese, combining marks, and letters that uppercase to ASCII (ﬀ → FF).
        let texts = ["", " ", "\t\n", "\r\n", "\u{3000}", "\u{85}", "\u{A0}", " 1", "1", "1\u{20E3}", "~", "\u{7F}", "x",
                     "13805712345", " \u{3000}x", "e\u{301}", "é", "ﬀ", "FF", "ff", "Ff", "ß", "SS", "１",
                     "110101199003077777", "11010119900307777x", "11010119900307777X", "11010119900307777ｘ"]
        for text in texts {
            XCTAssertEqual(PhoneRule.isBlank(text), text.allSatisfy(\.isWhitespace), text.debugDescription)
        }
        for a in texts {
            for b in texts {
                XCTAssertEqual(RecusalRule.sameNumber(a, b), a.uppercased() == b.uppercased(), "\(a.debugDescription) \(b.debugDescription)")
            }
        }
    }

    func testAmountsAreExactIntegerFen() {
        let table: [(String, Int?)] = [
            ("34020.00", 3_402_000), ("10000", 1_000_000), ("19.99", 1999), ("0.07", 7), ("0.1", 10),
            ("100000000.01", 10_000_000_001), ("0", 0),
            ("-5", nil), ("1,000", nil), ("1.234", nil), ("01", nil), (".5", nil), ("5.", nil), ("1e3", nil), ("", nil),
            ("1.2.3", nil), ("1..2", nil), (" 5", nil), ("５", nil), ("1234567890123.45", 123_456_789_012_345),
            ("12345678901234", nil), ("0.05", 5), ("0.5", 50), ("00.5", nil),
        ]
        for (text, fen) in table {
            XCTAssertEqual(Amount(text)?.fen, fen, text)
        }
        // What binary floating point gets wrong, integers get right.
        XCTAssertEqual([Amount("0.1")!, Amount("0.2")!].sum(), Amount("0.3")!)
        XCTAssertEqual(Array(repeating: Amount("19.99")!, count: 100).sum(), Amount("1999")!)
        XCTAssertEqual(Amount("1409.02")!.grouped, "1,409.02")
        XCTAssertEqual(Amount("100000000.01")!.grouped, "100,000,000.01")
        XCTAssertEqual(Amount("7")!.description, "7.00")
    }

    /// `grouped` writes bytes; the way it was written before (`Character`s in groups of three, joined) is
    /// the reference, over every digit count, the group boundaries and random amounts up to `maximum`.
    func testGroupedFiguresAgreeWithGroupingByCharacters() {
        func reference(_ fen: Int) -> String {
            var digits = Array(String(fen / 100))
            var groups: [String] = []
            while digits.count > 3 {
                groups.insert(String(digits.suffix(3)), at: 0)
                digits.removeLast(3)
            }
            groups.insert(String(digits), at: 0)
            let cents = fen % 100
            return groups.joined(separator: ",") + "." + (cents < 10 ? "0" : "") + "\(cents)"
        }
        var values = [0, 1, 9, 10, 99, 100, 101, 99_999, 100_000, 100_001, Amount.maximum.fen]
        var power = 1
        for _ in 0..<15 { values += [power - 1, power, power + 1]; power *= 10 }
        var generator = SystemRandomNumberGenerator()
        values += (0..<2_000).map { _ in Int.random(in: 0...Amount.maximum.fen, using: &generator) }
        for fen in values where fen >= 0 && fen <= Amount.maximum.fen {
            XCTAssertEqual(Amount(fen: fen).grouped, reference(fen), "\(fen)")
        }
        XCTAssertEqual(Amount.maximum.grouped, "999,999,999,999.99")
        XCTAssertEqual(Amount(fen: 5).grouped, "0.05")
    }

    /// Where a term's text writes its amount in figures, so the 大写 can follow that figure.
    func testTheFigureOfAnAmountIsFoundInTheText() {
        // text, amount, the matched text (nil: none)
        let table: [(String, String, String?)] = [
            ("赔偿人民币318,640元，其中医疗费1,950元", "318640", "318,640元"),
            ("其中医疗费1,950元，共计318640元", "318640", "318640元"),
            ("共计318,640.00元", "318640", "318,640.00元"),
            ("共计￥318,640.00，分期支付", "318640", "318,640.00"),
            ("先付100,000元，再付86,420元", "86420", "86,420元"),
            ("医疗费4,830.60元，各负担2,415.30元", "4830.6", "4,830.60元"),
            ("于2026年3月31日前支付", "2026", nil),                         // a year is no sum of money
            ("共计31.86万元", "31.86", nil),                                 // read in 万
            ("共计318,640元（大写：人民币叁拾壹万捌仟陆佰肆拾元整）", "318640", nil), // already spelled
            ("共计1318,640元", "318640", nil),                              // inside a longer number
            ("共计318,641元", "318640", nil),
            ("共计3\u{301}18,640元", "318640", nil),
            ("", "1", nil),
        ]
        for (text, amount, expected) in table {
            let range = Amount(amount)!.figureRange(in: text)
            XCTAssertEqual(range.map { String(text[$0]) }, expected, text)
        }
    }

    /// `figureRange` reads bytes; the scalar walk it replaced, kept here, finds the same ranges.
    func testFigureRangesAreFoundOnBytesAsOnScalars() {
        func scalarWalk(_ amount: Amount, _ text: String) -> Range<String.Index>? {
            let scalars = text.unicodeScalars
            var index = scalars.startIndex
            func isDigit(_ i: String.UnicodeScalarView.Index) -> Bool {
                i < scalars.endIndex && scalars[i].value >= 0x30 && scalars[i].value <= 0x39
            }
            while index < scalars.endIndex {
                guard isDigit(index) else {
                    index = scalars.index(after: index)
                    continue
                }
                let start = index
                let marked = start > scalars.startIndex && ["￥", "¥"].contains(scalars[scalars.index(before: start)])
                var digits = ""
                var end = index
                var sawPoint = false
                while end < scalars.endIndex {
                    let scalar = scalars[end]
                    if isDigit(end) {
                        digits.unicodeScalars.append(scalar)
                    } else if scalar == ",", !sawPoint, isDigit(scalars.index(after: end)) {
                    } else if scalar == ".", !sawPoint, isDigit(scalars.index(after: end)) {
                        sawPoint = true
                        digits.unicodeScalars.append(scalar)
                    } else {
                        break
                    }
                    end = scalars.index(after: end)
                }
                index = end
                guard let figure = Amount(digits), figure == amount else { continue }
                if end < scalars.endIndex, scalars[end].properties.generalCategory == .nonspacingMark { continue }
                var after = end
                if after < scalars.endIndex, scalars[after] == "万" || scalars[after] == "亿" { continue }
                if after < scalars.endIndex, scalars[after] == "元" {
                    after = scalars.index(after: after)
                } else if !marked {
                    continue
                }
                if text[after...].hasPrefix("（大写") || text[after...].hasPrefix("(大写") { continue }
                return start..<after
            }
            return nil
        }
        let pieces = ["1", "2", "0", "5", ",", ".", "元", "万", "亿", "￥", "¥", "（大写", "(大写", "付", "\u{301}", "人民币", "，", "a", " "]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<4000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            for amount in ["1", "12", "1.2", "0.5", "120", "1,201", "12.05", "2"].compactMap({ Amount($0.replacingOccurrences(of: ",", with: "")) }) {
                let bytes = amount.figureRange(in: text), scalars = scalarWalk(amount, text)
                XCTAssertEqual(bytes.map { String(text[$0]) }, scalars.map { String(text[$0]) }, text)
                XCTAssertEqual(bytes.map { text.utf8.distance(from: text.startIndex, to: $0.upperBound) },
                               scalars.map { text.utf8.distance(from: text.startIndex, to: $0.upperBound) }, text)
            }
        }
    }

    func testNumberPatterns() {
        let pattern = NumberPattern("（{year}）{prefix}调字第{n}号")
        let table: [(String, String?, Bool?)] = [
            ("（2026）西交调字第37号", "西交", true),
            ("（2026）西交调字第037号", "西交", false),
            ("〔2026〕西交调字第37号", "西交", false),
            ("（2026）西医调字第37号", "西交", false),
            ("（26）西交调字第37号", "西交", false),
            ("（2026）西交调字第37号", nil, nil),
        ]
        for (number, prefix, matches) in table {
            XCTAssertEqual(pattern.matches(number, prefix: prefix), matches, number)
        }
        XCTAssertEqual(pattern.format(year: 2026, prefix: "西交", n: 37), "（2026）西交调字第37号")
        XCTAssertEqual(NumberPattern("西矛调交〔{year}〕{n}号").matches("西矛调交〔2026〕8号", prefix: nil), true)
        XCTAssertFalse(NumberPattern("第{year}号").hasRunningNumber)
        XCTAssertEqual(NumberPattern("{month}-{n}").unknownPlaceholders, ["month"])
    }

    func testEditDistanceCountsASwapAsOne() {
        XCTAssertEqual(editDistance("nmae", "name"), 1)
        XCTAssertEqual(editDistance("phnoe", "phone"), 1)
        XCTAssertEqual(editDistance("id_numer", "id_number"), 1)
        XCTAssertEqual(editDistance("", "abc"), 3)
    }
}
