import Foundation
import WenshuDocument
import XCTest
@testable import WenshuWriters

/// A writer lays each paragraph out once and takes the lines from its cache afterwards: the lines it takes
/// must be those a fresh layout makes, whatever else was laid out before.
final class TextLayoutCacheTests: XCTestCase {
    /// Texts that break differently with the width, the indent, the alignment and the ambiguous width
    /// (“ ” and ① are ambiguous), with labels and checkboxes marked from the text itself.
    static let texts = [
        "经调解，双方自愿达成如下协议：被申请人于2026年10月1日前向申请人支付人民币34,020.00元（“赔偿款”）①。",
        "单位或住址：杭州市西湖区古荡街道和平里27幢1单元604室",
        "□山林土地　■合同债务　□其他",
        "人民调解委员会（印）\n二〇二六年九月三日",
        "",
    ]

    /// The same paragraph laid out again at another width, indent, alignment or ambiguous width gets its own
    /// lines, and laid out again the same way gets the lines it got the first time.
    func testACachedLayoutEqualsAFreshOne() {
        let cache = ParagraphLayoutCache()
        for round in 1...2 {
            for ambiguous in [2, 1] {
                let cached = ParagraphLayout(width: DisplayWidth(ambiguous: ambiguous), cache: cache)
                let fresh = ParagraphLayout(width: DisplayWidth(ambiguous: ambiguous))
                for text in Self.texts {
                    for columns in [56, 20, 9] {
                        for alignment in [Alignment.left, .center, .right] {
                            for indent in [false, true] {
                                let expected = fresh.lines(text, alignment: alignment, firstLineIndent: indent, columns: columns)
                                XCTAssertEqual(cached.lines(text, alignment: alignment, firstLineIndent: indent, columns: columns),
                                               expected, "round \(round), \(columns) columns, \(alignment), indent \(indent), "
                                                   + "ambiguous \(ambiguous): \(text)")
                            }
                        }
                    }
                }
            }
        }
        // The layouts above differ with each setting: a key that left one out would have failed above.
        let layout = ParagraphLayout(width: DisplayWidth())
        XCTAssertNotEqual(layout.lines(Self.texts[0], alignment: .left, columns: 56),
                          layout.lines(Self.texts[0], alignment: .left, columns: 20))
        XCTAssertNotEqual(layout.lines(Self.texts[1], alignment: .left, columns: 56),
                          layout.lines(Self.texts[1], alignment: .center, columns: 56))
        XCTAssertNotEqual(layout.lines(Self.texts[1], alignment: .left, columns: 56),
                          layout.lines(Self.texts[1], alignment: .left, firstLineIndent: true, columns: 56))
        XCTAssertNotEqual(layout.lines(Self.texts[0], alignment: .left, columns: 20),
                          ParagraphLayout(width: DisplayWidth(ambiguous: 1)).lines(Self.texts[0], alignment: .left, columns: 20))
    }

    /// Texts that are canonically equivalent but not the same bytes (é precomposed and decomposed) are two
    /// keys: each gets the lines of its own bytes.
    func testTextsAreKeyedOnTheirBytes() {
        let cache = ParagraphLayoutCache()
        let layout = ParagraphLayout(width: DisplayWidth(), cache: cache)
        let composed = "caf\u{E9} au lait", decomposed = "cafe\u{301} au lait"
        XCTAssertEqual(composed, decomposed)
        XCTAssertEqual(layout.lines(composed, alignment: .left, columns: 56).map { Array($0.text.utf8) }, [Array(composed.utf8)])
        XCTAssertEqual(layout.lines(decomposed, alignment: .left, columns: 56).map { Array($0.text.utf8) }, [Array(decomposed.utf8)])
    }

    /// A cache holds at most its slots' worth of layouts, and none of a text longer than it keeps.
    func testTheCacheStaysWithinItsSlots() {
        let cache = ParagraphLayoutCache()
        let layout = ParagraphLayout(width: DisplayWidth(), cache: cache)
        _ = layout.lines(String(repeating: "事", count: ParagraphLayoutCache.longestText / 3 + 1), alignment: .left, columns: 56)
        XCTAssertEqual(cache.count, 0)
        for number in 0..<(4 * ParagraphLayoutCache.slotCount) {
            _ = layout.lines("申请人：第\(number)号当事人", alignment: .left, columns: 56)
        }
        XCTAssertLessThanOrEqual(cache.count, ParagraphLayoutCache.slotCount)
        XCTAssertGreaterThan(cache.count, ParagraphLayoutCache.slotCount / 2)
    }

    /// One writer writing documents on several threads at once gives each the bytes a fresh writer gives it.
    func testAWriterSharedByThreadsWritesWhatFreshWritersWrite() throws {
        let documents = TextWriterTests.samples.map(\.1) + [TextSamples.dossier(documentParagraphs: [3, 12, 5])]
        for options in TextWriterTests.geometries {
            let expected = try documents.map { try TextWriter(options: options).write($0) }
            let shared = TextWriter(options: options)
            let results = ResultSlots(count: documents.count * 8)
            DispatchQueue.concurrentPerform(iterations: documents.count * 8) { index in
                results.set(index, try? shared.write(documents[index % documents.count]))
            }
            for index in 0..<(documents.count * 8) {
                XCTAssertEqual(results.value(index), expected[index % documents.count], "document \(index % documents.count)")
            }
        }
    }
}

/// Results written by several threads, one slot each.
private final class ResultSlots: @unchecked Sendable {
    private var slots: [Data?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Data?) { lock.withLock { slots[index] = value } }
    func value(_ index: Int) -> Data? { lock.withLock { slots[index] } }
}
