@testable import WenshuAssembly
import XCTest

/// What a register row prints as 纠纷简要情况.
final class LedgerFormatTests: XCTestCase {
    func testTheBriefIsTheTitleOrTheSummaryCutAtASentence() {
        let long = "来国良与韩小军系义桥镇新浦村前后相邻住户，两户之间有一条宽约2.8米的共用通道。2026年8月韩小军翻建院墙时将围墙向通道一侧外移，来国良多次阻止未果。"
        let table: [(title: String?, summary: String?, brief: String?)] = [
            ("来国良与韩小军宅基地相邻围墙纠纷", long, "来国良与韩小军宅基地相邻围墙纠纷"),
            (nil, "双方因排水沟堵塞发生争执。", "双方因排水沟堵塞发生争执。"),
            (nil, long, "来国良与韩小军系义桥镇新浦村前后相邻住户，两户之间有一条宽约2.8米的共用通道。"),
            ("", nil, nil),
            (nil, String(repeating: "甲", count: 30) + "，" + String(repeating: "乙", count: 40), String(repeating: "甲", count: 30) + "……"),
            (nil, String(repeating: "丙", count: 70), String(repeating: "丙", count: 60) + "……"),
        ]
        for row in table {
            XCTAssertEqual(LedgerFormat.brief(title: row.title, summary: row.summary), row.brief, "\(row)")
        }
    }
}
