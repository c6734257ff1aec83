import Foundation
import WenshuXML
import XCTest
@testable import WenshuTemplate

/// The renderer's own evaluation of simple expressions must give what libxml2 gives, value for value.
final class DirectExpressionTests: XCTestCase {
    let caseXML = """
    <case><number>（2026）青调字第5号</number><accepted>2026-03-01</accepted><title>
        标题 两侧有空白	 </title><mixed> 甲<b>乙</b>丙 </mixed><mixed>第二</mixed>
      <parties>
        <party><name>张三</name><role>申请人</role><id_number>110101199003071233</id_number><phone/></party>
        <party><name>李四</name><role>被申请人</role><birth_date>1985-06-01</birth_date></party>
        <party xmlns:x="urn:x"><x:name>不是</x:name><name>王五</name></party>
      </parties>
      <agreement><date>2026-03-10</date><copies>3</copies>
        <instalments><instalment><amount>100.50</amount></instalment><instalment><amount>200</amount></instalment></instalments>
        <terms><term><text>赔偿300.50元。</text><amount>300.50</amount></term></terms>
      </agreement>
      <padded>	 1200.5 </padded><unit> 条 </unit><flag> true </flag>
    </case>
    """

    func testSimpleExpressionsGiveWhatLibxml2Gives() throws {
        let document = try XMLDocument(parsing: Data(caseXML.utf8), fileName: "case.xml")
        let root = try XCTUnwrap(document.root)
        let party = try XCTUnwrap(ChildSteps(path: "parties/party").firstElement(from: root))
        let context = XPathContext(document: document)
        context.register(TemplateFunctions.table)
        let variables: [String: XPathValue] = ["case": .nodes([root]), "party": .nodes([party]), "n": .number(2),
                                               "none": .nodes([])]
        for (name, value) in variables { context.setVariable(name, value) }
        let sources = [
            "number", "parties/party", "parties/party/name", "agreement/instalments/instalment/amount", "missing/path",
            "agreement/date", "$case", "$case/accepted", "$party/name", "$none/name", "$n", "'字面'",
            "not(agreement/facts)", "not(agreement/date)", "w:money(agreement/instalments/instalment/amount)",
            "w:money-capitals(w:sum-amounts(agreement/instalments/instalment/amount))", "w:date-cn(agreement/date)",
            "w:number-cn($n)", "w:count-cn(agreement/copies)", "w:spell-amount(agreement/terms/term/text, agreement/terms/term/amount)",
            "w:age(w:id-birth-date(parties/party/id_number), $case/accepted)", "w:date(missing)",
            "role = '被申请人'", "parties/party/role = '被申请人'", "'申请人' = parties/party/role", "role != '申请人'",
            "parties/party/role != '申请人'", "missing = ''", "missing != ''", "phone = ''", "parties/party/phone = ''",
            "$party/role = '申请人'", "$none/role != 'x'", "name and $case/accepted", "missing and name", "missing or name",
            "name or missing", "(not(id_type) or id_type = '居民身份证') and id_number and $case/accepted",
            "not(birth_date and $case/accepted)", "(agreement/date)", "(parties/party/name)", "name = '王五'",
            "title", "mixed", "mixed = ' 甲乙丙 '", "mixed = '第二'", "mixed != '第二'", "mixed/b", "$case/mixed",
            "$case/title = 'x' or mixed/b = '乙'",
            // Texts to trim, or not (a field's text from a function's or a literal's string is told by its ends).
            "' 两侧有空白 '", "'尾 '", "'\t首'", "''", "' '",
            // Path arguments handed to a function as their fields' text, or (`sum-amounts`, `ordinal`'s unit)
            // as node sets.
            "w:money(padded)", "w:money-capitals(padded)", "w:spell-amount(padded, padded)", "w:check(flag)",
            "w:check(missing)", "w:mask-id(parties/party/id_number)", "w:date($case/accepted)",
            "w:ordinal(agreement/copies, unit)", "w:sum-amounts(padded, agreement/instalments/instalment/amount)",
        ]
        for source in sources {
            for node in [root, party] {
                let direct = try XCTUnwrap(DirectExpression(source), source)
                let expected = try context.evaluate(XPathExpression(source), at: node)
                XCTAssertEqual(direct.evaluate(at: node, variables: variables), expected, "\(source) at \(node.path)")
                // The two cheaper questions agree with the value's own answers.
                XCTAssertEqual(direct.holds(at: node, variables: variables), expected.booleanValue, "\(source) at \(node.path)")
                XCTAssertEqual(direct.fieldText(at: node, variables: variables), .some(expected.fieldText), "\(source) at \(node.path)")
            }
        }
        // A namespaced element is not an unprefixed name test's match.
        XCTAssertEqual(DirectExpression("parties/party/name")?.evaluate(at: root, variables: [:])?.nodes.map(\.stringValue),
                       ["张三", "李四", "王五"])
    }

    func testOtherExpressionsAreLeftToLibxml2() {
        for source in ["parties/party[1]/name", "@id", "../name", ".", "//name",
                       "child::name", "text()", "a/text()", "count(parties/party)", "sum(a/b)", "x:name", "*", "a/*",
                       "w:no-such(a)", "w:money(a, b)", "concat('a', 'b')", "a | b", "$case/a[1]", "1", "a/",
                       "a = b", "a = 1", "'a' = 'b'", "a = 'x' = 'y'", "a < 'b'", "(a)/b", "(a)[1]", "a and", "(a", "a or b = c",
                       "w:money(a) = '1'", "not(a) = 'b'"] {
            XCTAssertNil(DirectExpression(source), source)
        }
    }

    func testAnUnboundVariableOrAFunctionThatRefusesIsLeftToLibxml2() throws {
        let document = try XMLDocument(parsing: Data("<case><amount>abc</amount></case>".utf8), fileName: "case.xml")
        let root = try XCTUnwrap(document.root)
        XCTAssertNil(DirectExpression("$missing/a")?.evaluate(at: root, variables: [:]))
        XCTAssertNil(DirectExpression("$n/a")?.evaluate(at: root, variables: ["n": .number(1)]))
        XCTAssertNil(DirectExpression("w:money(amount)")?.evaluate(at: root, variables: [:]))
    }
}
