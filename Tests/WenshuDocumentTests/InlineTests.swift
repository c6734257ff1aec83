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
}
