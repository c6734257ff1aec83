import Foundation
import WenshuDocument
import WenshuXML
import XCTest
@testable import WenshuTemplate

/// Small templates bound to small cases, compared with the exact document model they must give.
final class BindingTests: XCTestCase {
    let people = """
    <case><number>（2026）青调字第5号</number>
      <parties>
        <party><name>张三</name><role>申请人</role><gender>男</gender></party>
        <party><name>李四</name><role>被申请人</role></party>
      </parties>
      <agreement><total_amount>12000</total_amount><date>2026-03-10</date></agreement>
    </case>
    """

    func testTitleNumberAndFieldsInAParagraph() throws {
        let blocks = try Fixtures.blocks("""
          <title>人民调解协议书</title>
          <number>编号：<value select="number"/></number>
          <p>申请人<value select="parties/party[1]/name"/>，
             金额<value select="w:money-capitals(agreement/total_amount)"/>（<value select="w:money(agreement/total_amount)"/>）。</p>
        """, case: people)
        XCTAssertEqual(blocks, [
            .title([.text("人民调解协议书")]),
            .subtitle([.text("编号："), .field("（2026）青调字第5号")], alignment: .right),
            p(.text("申请人"), .field("张三"), .text("，金额"), .field("人民币壹万贰仟元整"), .text("（"), .field("￥12,000.00"), .text("）。")),
        ])
    }

    func testMetadataComesFromTheTemplateAndTheNumberLine() throws {
        let template = try Fixtures.template("<number><value select=\"number\"/></number>",
                                             attributes: "date=\"agreement/date\" case-number=\"number\"")
        let document = try XCTUnwrap(template.render(try Fixtures.caseDocument(people)).documents.first)
        XCTAssertEqual(document.metadata, DocumentMetadata(formID: "t", title: "测试", number: "（2026）青调字第5号",
                                                           caseNumber: "（2026）青调字第5号", date: "2026-03-10", templateVersion: "1"))
        XCTAssertEqual(document.pageStyle, .prose)
    }
}
