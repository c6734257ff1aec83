import Foundation
import WenshuXML
import XCTest
@testable import WenshuTemplate

/// Every `w:` function, called through libxml2 as a template calls it, with a table per function.
final class FunctionTests: XCTestCase {
    let document = try! XMLDocument(parsing: Data("""
    <case>
      <amount>19.99</amount><empty/><amounts><a>14020.00</a><a>10000</a><a>10000.00</a></amounts>
      <id>330106197803121239</id><woman>330106198207152463</woman><old>330106780312123</old>
      <badid>330106197803121238</badid><flag>true</flag><off>false</off>
    </case>
    """.utf8), fileName: "functions.xml")

    func evaluate(_ xpath: String) throws -> XPathValue {
        let context = XPathContext(document: document)
        context.register(TemplateFunctions.table)
        return try context.evaluate(xpath)
    }

    /// Each row: an expression and the string it must give.
    func check(_ table: [(String, String)], file: StaticString = #filePath, line: UInt = #line) {
        for (xpath, expected) in table {
            XCTAssertEqual(try evaluate(xpath).stringValue, expected, xpath, file: file, line: line)
        }
    }

    /// Each row: an expression that must fail, and a phrase of the message.
    func refuse(_ table: [(String, String)], file: StaticString = #filePath, line: UInt = #line) {
        for (xpath, phrase) in table {
            XCTAssertThrowsError(try evaluate(xpath), xpath, file: file, line: line) { error in
                let message = (error as? XMLIssue)?.message ?? ""
                XCTAssertTrue(message.contains(phrase), "\(xpath): \(message)", file: file, line: line)
            }
        }
    }

    func testMoneyCapitals() {
        check([("w:money-capitals(amount)", "人民币壹拾玖元玖角玖分"), ("w:money-capitals('12000')", "人民币壹万贰仟元整"),
               ("w:money-capitals(empty)", ""), ("w:money-capitals(missing)", "")])
        refuse([("w:money-capitals('-5')", "negative"), ("w:money-capitals('abc')", "not an amount"),
                ("w:money-capitals('1000000000000')", "largest amount"), ("w:money-capitals(0.1 + 0.2)", "more than two decimals")])
    }

    func testMoneyFigures() {
        check([("w:money(amount)", "¥19.99"), ("w:money('12000')", "¥12,000.00"), ("w:money(empty)", "")])
        refuse([("w:money('1.234')", "more than two decimals")])
    }

    func testSumOfAmountsIsExact() {
        check([("w:sum-amounts(amounts/a)", "34020.00"), ("w:sum-amounts('0.1', '0.2')", "0.30"),
               ("w:sum-amounts(amount, amounts/a)", "34039.99"), ("w:sum-amounts(missing)", ""),
               ("w:sum-amounts(amounts/a, empty)", "")])
        refuse([("w:sum-amounts('1', 'x')", "not an amount")])
    }

    func testDates() {
        check([("w:date('2026-03-10')", "2026年3月10日"), ("w:date('2026-11-22')", "2026年11月22日"),
               ("w:date-cn('2026-03-10')", "二〇二六年三月十日"), ("w:date-cn('2026-11-22')", "二〇二六年十一月二十二日"),
               ("w:date-cn('2000-10-31')", "二〇〇〇年十月三十一日"), ("w:date-cn('1999-12-20')", "一九九九年十二月二十日"),
               ("w:date(empty)", ""), ("w:date-cn(missing)", "")])
        refuse([("w:date('2026-02-30')", "not a date"), ("w:date('2026/3/10')", "not a date"), ("w:date-cn('10 March')", "not a date")])
    }

    func testNumbersAndOrdinals() {
        check([("w:number-cn(0)", "零"), ("w:number-cn(3)", "三"), ("w:number-cn(10)", "十"), ("w:number-cn(12)", "十二"),
               ("w:number-cn(20)", "二十"), ("w:number-cn(105)", "一百零五"), ("w:number-cn(110)", "一百一十"),
               ("w:number-cn(1001)", "一千零一"), ("w:number-cn(10010)", "一万零一十"), ("w:number-cn(100000)", "十万"),
               ("w:number-cn('3')", "三"), ("w:number-cn(empty)", ""),
               ("w:ordinal(3)", "第三"), ("w:ordinal(3, '条')", "第三条"), ("w:ordinal(11, '条')", "第十一条"),
               ("concat('一式', w:number-cn(3), '份')", "一式三份"),
               // A count before a measure word says two as 两 (一式两份), never 二份; other numbers as number-cn.
               ("concat('一式', w:count-cn(2), '份')", "一式两份"), ("w:count-cn(3)", "三"), ("w:count-cn(12)", "十二"),
               ("w:count-cn(20)", "二十"), ("w:count-cn(22)", "二十二"), ("w:count-cn(empty)", "")])
        refuse([("w:number-cn(3.5)", "whole number"), ("w:number-cn(-1)", "whole number"), ("w:ordinal('三')", "whole number")])
    }

    func testAge() {
        check([("w:age('1978-03-12', '2026-03-10')", "47"), ("w:age('1978-03-12', '2026-03-12')", "48"),
               ("w:age('2000-02-29', '2026-02-28')", "25"), ("w:age('2000-02-29', '2026-03-01')", "26"),
               ("w:age(empty, '2026-03-10')", ""), ("w:age(w:id-birth-date(id), '2026-03-10')", "47")])
        refuse([("w:age('2026-03-10', '2020-01-01')", "before the birth date")])
    }

    func testIdentityNumbers() {
        check([("w:id-birth-date(id)", "1978-03-12"), ("w:id-gender(id)", "男"), ("w:id-gender(woman)", "女"),
               ("w:id-birth-date(old)", "1978-03-12"), ("w:id-gender(old)", "男"),
               ("w:mask-id(id)", "330106********1239"), ("w:id-gender(empty)", ""), ("w:mask-id(missing)", "")])
        refuse([("w:id-gender('330106197803121238')", "330106********1238 has a wrong check character"),
                ("w:id-birth-date('12345')", "is not a resident ID number")])
    }

    func testIdentityErrorsNeverShowTheWholeNumber() {
        XCTAssertThrowsError(try evaluate("w:id-gender(badid)")) { error in
            XCTAssertTrue("\(error)".contains("330106********1238"), "\(error)")
            XCTAssertFalse("\(error)".contains("330106197803121238"))
        }
    }

    func testCheckbox() {
        check([("w:check(flag)", "☑"), ("w:check(off)", "□"), ("w:check(true())", "☑"), ("w:check(1 = 2)", "□"),
               ("w:check(missing)", "□"), ("w:check('true')", "☑")])
    }

    func testArgumentCountsAreCheckedWhenCalled() {
        refuse([("w:money()", "takes 1 argument, not 0"), ("w:ordinal(1, '条', 2)", "takes 1 or 2 arguments, not 3"),
                ("w:age('2000-01-01')", "takes 2 arguments, not 1")])
    }

    func testEveryFunctionIsInTheTableOnce() {
        XCTAssertEqual(Set(TemplateFunctions.all.map(\.name)).count, TemplateFunctions.all.count)
        XCTAssertEqual(TemplateFunctions.table.names, TemplateFunctions.all.map(\.name).sorted())
    }
}
