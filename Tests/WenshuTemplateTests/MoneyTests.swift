import XCTest
@testable import WenshuTemplate
import WenshuCase

/// 大写金额 by the People's Bank rules for filling vouchers. Each row was worked out by
/// hand from the rules; the comment says which rule the row is there for. Where the rules allow two
/// spellings we keep one: a 零 for every run of zeros between non-zero digits, 万/亿/元 included, and no
/// 整 after 角 (see `Amount.capitals`).
final class MoneyTests: XCTestCase {
    static let capitals: [(amount: String, capitals: String)] = [
        // Zero and amounts under one yuan: nothing before 角/分
        ("0", "人民币零元整"),
        ("0.00", "人民币零元整"),
        ("0.07", "人民币柒分"),
        ("0.1", "人民币壹角"),
        ("0.50", "人民币伍角"),
        ("0.55", "人民币伍角伍分"),
        // 整 after 元 only; 零 after 元 when 角 is 0 and 分 is not
        ("1", "人民币壹元整"),
        ("1.00", "人民币壹元整"),
        ("1.01", "人民币壹元零壹分"),
        ("1.10", "人民币壹元壹角"),
        ("1.11", "人民币壹元壹角壹分"),
        ("7.7", "人民币柒元柒角"),
        // 壹拾 for a leading ten
        ("10", "人民币壹拾元整"),
        ("11", "人民币壹拾壹元整"),
        ("15.00", "人民币壹拾伍元整"),
        ("19.99", "人民币壹拾玖元玖角玖分"),
        ("20", "人民币贰拾元整"),
        ("10.5", "人民币壹拾元零伍角"),
        ("80.08", "人民币捌拾元零捌分"),
        // Zeros inside the number: one 零 per run
        ("100", "人民币壹佰元整"),
        ("101", "人民币壹佰零壹元整"),
        ("110", "人民币壹佰壹拾元整"),
        ("100.01", "人民币壹佰元零壹分"),
        ("100.10", "人民币壹佰元零壹角"),
        ("325.04", "人民币叁佰贰拾伍元零肆分"),          // the rules' own example
        ("600.06", "人民币陆佰元零陆分"),
        ("1000", "人民币壹仟元整"),
        ("1001", "人民币壹仟零壹元整"),
        ("1010", "人民币壹仟零壹拾元整"),
        ("1100", "人民币壹仟壹佰元整"),
        ("1409.02", "人民币壹仟肆佰零玖元零贰分"),       // the rules' own example
        ("1409.50", "人民币壹仟肆佰零玖元伍角"),         // the rules' own example: no 整 after 角
        ("1680.32", "人民币壹仟陆佰捌拾元零叁角贰分"),   // the rules' example, the spelling with 零
        ("4000.40", "人民币肆仟元零肆角"),
        // 万
        ("10000", "人民币壹万元整"),
        ("10001", "人民币壹万零壹元整"),
        ("10010", "人民币壹万零壹拾元整"),
        ("10100", "人民币壹万零壹佰元整"),
        ("11000", "人民币壹万壹仟元整"),
        ("12000", "人民币壹万贰仟元整"),                 // issue 3's example
        ("14020.00", "人民币壹万肆仟零贰拾元整"),
        ("16409.02", "人民币壹万陆仟肆佰零玖元零贰分"),   // the rules' own example
        ("20000.20", "人民币贰万元零贰角"),
        ("30000.03", "人民币叁万元零叁分"),
        ("34020", "人民币叁万肆仟零贰拾元整"),
        ("48600", "人民币肆万捌仟陆佰元整"),
        ("50505.05", "人民币伍万零伍佰零伍元零伍分"),
        ("100000", "人民币壹拾万元整"),
        ("100001", "人民币壹拾万零壹元整"),
        ("107000.53", "人民币壹拾万零柒仟元零伍角叁分"),  // the rules' example; our spelling keeps both 零
        ("110000", "人民币壹拾壹万元整"),
        ("1000000", "人民币壹佰万元整"),
        ("1001000", "人民币壹佰万零壹仟元整"),
        ("1010000", "人民币壹佰零壹万元整"),
        ("10000000", "人民币壹仟万元整"),
        ("10000001", "人民币壹仟万零壹元整"),
        ("12345678.9", "人民币壹仟贰佰叁拾肆万伍仟陆佰柒拾捌元玖角"),
        ("90000000.9", "人民币玖仟万元零玖角"),
        // 亿
        ("100000000", "人民币壹亿元整"),
        ("100000000.01", "人民币壹亿元零壹分"),
        ("100000001", "人民币壹亿零壹元整"),
        ("100010000", "人民币壹亿零壹万元整"),
        ("100100100", "人民币壹亿零壹拾万零壹佰元整"),
        ("110000000", "人民币壹亿壹仟万元整"),
        ("203000000", "人民币贰亿零叁佰万元整"),
        ("1000000000", "人民币壹拾亿元整"),
        ("1010101010.10", "人民币壹拾亿零壹仟零壹拾万零壹仟零壹拾元零壹角"),
        ("1234567890.12", "人民币壹拾贰亿叁仟肆佰伍拾陆万柒仟捌佰玖拾元零壹角贰分"),
        ("60000000000", "人民币陆佰亿元整"),
        ("500000000000", "人民币伍仟亿元整"),
        ("999999999999.99", "人民币玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),
        // How the text is read
        ("0009.00", "人民币玖元整"),
        (" 1409.02 ", "人民币壹仟肆佰零玖元零贰分"),
    ]

    func testCapitalsTable() throws {
        XCTAssertGreaterThanOrEqual(Self.capitals.count, 60)
        for (amount, expected) in Self.capitals {
            XCTAssertEqual(try Amount(validating: amount).capitals, expected, "amount \(amount)")
        }
    }

    func testAmountsBinaryFloatingPointGetsWrongAreExact() throws {
        // As Doubles: 19.99 * 100 = 1998.9999999999998, 0.07 * 100 = 7.000000000000001.
        XCTAssertEqual(try Amount(validating: "19.99").fen, 1999)
        XCTAssertEqual(try Amount(validating: "0.07").fen, 7)
        XCTAssertEqual(try Amount(validating: "100000000.01").fen, 10_000_000_001)
        XCTAssertEqual(try Amount.sum([Amount("0.1")!, Amount("0.2")!]).decimal, "0.30")
    }

    func testRefusals() {
        let cases: [(String, AmountError)] = [
            ("-5", .negative("-5")),
            ("-0.01", .negative("-0.01")),
            ("abc", .notAnAmount("abc")),
            ("12a", .notAnAmount("12a")),
            ("1,409.02", .notAnAmount("1,409.02")),
            ("12.", .notAnAmount("12.")),
            (".5", .notAnAmount(".5")),
            ("+5", .notAnAmount("+5")),
            ("1e3", .notAnAmount("1e3")),
            ("１２", .notAnAmount("１２")),
            ("", .notAnAmount("")),
            ("1.234", .tooManyDecimals("1.234")),
            ("1000000000000", .tooLarge("1000000000000")),
            ("99999999999999.99", .tooLarge("99999999999999.99")),
        ]
        for (text, expected) in cases {
            XCTAssertThrowsError(try Amount(validating: text), text) { error in
                XCTAssertEqual(error as? AmountError, expected, text)
            }
        }
        XCTAssertThrowsError(try Amount.sum([Amount.maximum, Amount(fen: 1)])) { error in
            XCTAssertEqual(error as? AmountError, .tooLarge("1000000000000.00"))
        }
    }

    /// The 大写 stands right after the figure it spells, not after the sentence (issue 13).
    func testTheCapitalsFollowTheirFigure() throws {
        XCTAssertEqual(Amount("318640")!.spelled(in: "赔偿人民币318,640元，其中医疗费1,950元。"),
                       "赔偿人民币318,640元（大写：人民币叁拾壹万捌仟陆佰肆拾元整），其中医疗费1,950元。")
        XCTAssertEqual(Amount("1950")!.spelled(in: "赔偿人民币318,640元，其中医疗费1,950元。"),
                       "赔偿人民币318,640元，其中医疗费1,950元（大写：人民币壹仟玖佰伍拾元整）。")
        // No figure with the amount's value: both at the end, unmistakably this term's sum.
        XCTAssertEqual(Amount("100000")!.spelled(in: "分两期支付，最后1,950元。"),
                       "分两期支付，最后1,950元。（本项金额¥100,000.00，大写：人民币壹拾万元整）")
    }

    func testFigures() throws {
        let table: [(String, String)] = [
            ("0", "¥0.00"), ("0.07", "¥0.07"), ("19.99", "¥19.99"), ("999", "¥999.00"), ("1000", "¥1,000.00"),
            ("1409.02", "¥1,409.02"), ("12000", "¥12,000.00"), ("1234567.8", "¥1,234,567.80"),
            ("100000000.01", "¥100,000,000.01"),
        ]
        for (amount, expected) in table {
            XCTAssertEqual(try Amount(validating: amount).figures, expected, amount)
        }
        XCTAssertEqual(try Amount(validating: "1").figures.unicodeScalars.first?.value, 0xA5, "the yuan sign U+00A5, which the Fandol faces draw (they draw U+FFE5 as a dollar sign)")
    }
}
