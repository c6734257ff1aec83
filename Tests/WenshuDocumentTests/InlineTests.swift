import XCTest
@testable import WenshuDocument

final class InlineTests: XCTestCase {
    func testPlainTextOfRunsThatDoNotDependOnPagination() {
        XCTAssertEqual(Inline.text("经调解").plainText, "经调解")
        XCTAssertEqual(Inline.field("王建国").plainText, "王建国")
        XCTAssertEqual(Inline.checkbox(label: "申请", checked: true).plainText, "☑申请")
        XCTAssertEqual(Inline.checkbox(label: "主动", checked: false).plainText, "□主动")
        XCTAssertNil(Inline.blank(width: 4).plainText)
        XCTAssertNil(Inline.pageRef(target: "agreement", end: false).plainText)
        XCTAssertNil(Inline.pageCount.plainText)
    }

    /// A paragraph introduces what follows when its last character is a colon; the byte test that rules
    /// most paragraphs out first must give the answer of the character itself, a colon that a combining
    /// mark or a prepended mark makes part of another character included.
    func testAParagraphEndingInAColonIntroducesWhatFollows() {
        let endings = ["分期履行如下：", "Terms:", "经调解，双方达成如下协议。", "", "：\u{301}", "\u{600}：", "x\u{600}:",
                       "金额¥", "（大写）", "：。", "a:b", "\u{FF1A}\u{FE0F}", "\u{1F600}", "\n"]
        for text in endings {
            let expected = text.last == "：" || text.last == ":"
            XCTAssertEqual(Paragraph([.text(text)]).introducesWhatFollows, expected, text.debugDescription)
            XCTAssertEqual(Paragraph([.text("前文"), .field(text)]).introducesWhatFollows, expected, text.debugDescription)
        }
        XCTAssertTrue(Paragraph([.text("履行方式、时限：")]).isLeadIn)
        XCTAssertTrue(Paragraph([.text("履行方式、时限：")]).staysWith(.paragraph(Paragraph([.text("x")]))))
        XCTAssertFalse(Paragraph([.text("履行方式、时限："), .blank(width: 4)]).introducesWhatFollows)
    }
}
