import WenshuDocument
import XCTest
@testable import WenshuWriters

final class TextPaginationTests: XCTestCase {
    let options = WriterOptions(textColumns: 56, textLines: 22)

    func metadata() -> DocumentMetadata { DocumentMetadata(formID: "t", title: "t") }

    /// The printed footer number of the first and last page on which a line containing `marker` appears.
    func printedPages(containing marker: String, in text: String) -> (first: Int?, last: Int?) {
        let pages = TextOutput.pages(text).filter { page in page.contains { $0.contains(marker) } }
        return (pages.first.flatMap(TextOutput.footerNumber), pages.last.flatMap(TextOutput.footerNumber))
    }

    /// The contents page of a dossier prints, for each document, the first and last page on which that
    /// document's text really stands; the cover's count is the number of numbered pages.
    func testPageReferencesAgreeWithThePrintedPages() throws {
        for paragraphs in [[30, 3, 45], [1, 1, 1], [9, 10, 60], [70, 2, 2]] {
            let text = try TextWriter(options: options).text(TextSamples.dossier(documentParagraphs: paragraphs))
            let pages = TextOutput.pages(text)
            XCTAssertNil(TextOutput.footerNumber(pages[0]), "the cover carries no number")
            XCTAssertNil(TextOutput.footerNumber(pages[1]), "the contents carry no number")
            XCTAssertEqual(TextOutput.footerNumber(pages[2]), 1, "numbering starts at the first document")
            let numbered = pages.compactMap(TextOutput.footerNumber)
            XCTAssertEqual(numbered, Array(1...numbered.count))
            XCTAssertTrue(pages[0].contains { $0.contains("本卷共\(numbered.count)页。") }, "\(pages[0])")

            let contents = pages[1].joined(separator: "\n")
            for (i, title) in ["人民调解申请书", "人民调解当事人权利义务告知书", "人民调解协议书"].enumerated() {
                let printed = printedPages(containing: "〔\(title)〕", in: text)
                let entry = try XCTUnwrap(pages[1].first { $0.contains("│  \(i + 1)") || $0.contains("│ \(i + 1) ") }, contents)
                let range = TextOutput.texts(of: entry).last!
                XCTAssertEqual(range, "\(printed.first!)-\(printed.last!)", "\(title) with \(paragraphs)")
            }
            XCTAssertEqual(TextOutput.violations(in: text, options: options), [])
        }
    }

    /// A document whose page count, printed near its top, changes the layout: `共1页` fits a line and the
    /// text fills exactly ten pages, but `共10页` takes a second line and pushes the last line onto an
    /// eleventh page. Only laying out again until the numbers settle prints the true count (11).
    func testReferencesWhoseWidthMovesTheLayout() throws {
        let options = WriterOptions(textColumns: 19, textLines: 22)
        var blocks: [Block] = [.paragraph(Paragraph([.text("本卷共"), .pageCount, .text("页。一二三四")]))]
        blocks += Array(repeating: .paragraph(Paragraph([.text("一二三")])), count: 199)
        let document = Document(metadata: metadata(), blocks: blocks)
        for passes in [4, 0] {   // 0: straight to giving every reference a fixed width
            let writer = TextWriter(options: options)
            let text = writer.render(try writer.paginate(document, settlingPasses: passes))
            let pages = TextOutput.pages(text)
            XCTAssertEqual(pages.count, 11)
            XCTAssertEqual(pages[0][0], "本卷共11页。一二三", "with \(passes) settling passes")
            XCTAssertEqual(pages[0][1], "四")
            XCTAssertEqual(TextOutput.violations(in: text, options: options), [])
        }
    }

    /// With references of different widths and the fixed-width fallback, the numbers still agree with
    /// the pages, right-aligned in a common width.
    func testFixedWidthFallbackStillPrintsTheTruePages() throws {
        let writer = TextWriter(options: options)
        let document = TextSamples.dossier(documentParagraphs: [5, 90, 5])
        let text = writer.render(try writer.paginate(document, settlingPasses: 0))
        let pages = TextOutput.pages(text)
        let first = printedPages(containing: "〔人民调解申请书〕", in: text)
        let third = printedPages(containing: "〔人民调解协议书〕", in: text)
        XCTAssertEqual(first.first, 1)
        XCTAssertGreaterThanOrEqual(third.first!, 10)
        XCTAssertTrue(pages[1].contains { $0.contains(" 1- 1") }, pages[1].joined(separator: "\n"))
        XCTAssertTrue(pages[1].contains { $0.contains("\(third.first!)-\(third.last!)") })
    }

    /// Each restart begins again at its number; unnumbered pages between do not count.
    func testRestartAndUnnumberedSections() throws {
        let filler = (0..<25).map { _ in Block.paragraph(Paragraph([.text("正文正文正文")])) }
        let document = Document(metadata: metadata(), blocks: [
            .section(Section(id: "a", numbering: .restart(at: 1), blocks: filler)),
            .section(Section(id: "cover", numbering: .unnumbered, blocks: [.paragraph(Paragraph([.text("封面")]))])),
            .section(Section(id: "b", numbering: .restart(at: 5), blocks: filler + [
                .paragraph(Paragraph([.text("甲"), .pageRef(target: "a", end: true), .text("乙"), .pageRef(target: "b", end: false),
                                      .text("丙"), .pageRef(target: "cover", end: false), .text("丁"), .pageCount])),
            ])),
        ])
        let text = try TextWriter(options: options).text(document)
        let pages = TextOutput.pages(text)
        XCTAssertEqual(pages.map(TextOutput.footerNumber), [1, 2, nil, 5, 6])
        XCTAssertTrue(text.contains("甲2乙5丙丁4"), "end of a, start of b, the unnumbered cover prints nothing, 4 numbered pages")
    }

    /// A section that does not start a new page goes on below what came before.
    func testSectionsStartNewPagesOnlyWhenAsked() throws {
        let document = Document(metadata: metadata(), blocks: [
            .section(Section(id: "one", blocks: [.paragraph(Paragraph([.text("第一部分")]))])),
            .section(Section(id: "two", startsNewPage: false, blocks: [.paragraph(Paragraph([.text("第二部分")]))])),
            .section(Section(id: "three", blocks: [.paragraph(Paragraph([.text("第三部分")]))])),
            .pageBreak,
            .paragraph(Paragraph([.text("分页之后")])),
        ])
        let pages = TextOutput.pages(try TextWriter(options: options).text(document))
        XCTAssertEqual(pages.map { $0.first! }, ["第一部分", "第三部分", "分页之后"])
        XCTAssertEqual(pages[0][1], "第二部分")
    }

    /// Pages are at most `textLines` lines — body, an empty line, the footer — separated by form feeds;
    /// the number stands right on odd pages and left on even ones, one character in from the margin.
    func testPageGeometryAndFooter() throws {
        let filler = (0..<150).map { n in Block.paragraph(Paragraph([.text("第\(n)行")])) }
        let document = Document(metadata: metadata(), blocks: filler)
        for (columns, lines) in [(56, 22), (80, 66)] {
            let options = WriterOptions(textColumns: columns, textLines: lines)
            let text = try TextWriter(options: options).text(document)
            let pages = TextOutput.pages(text)
            XCTAssertEqual(pages.count, (150 + lines - 3) / (lines - 2))
            XCTAssertFalse(text.hasSuffix("\u{0C}"))
            for (index, page) in pages.enumerated() {
                XCTAssertEqual(page.count, lines, "every numbered page reaches down to its footer")
                XCTAssertEqual(page[lines - 2], "")
                let footer = page[lines - 1]
                let number = "— \(index + 1) —"
                let expected = index % 2 == 0
                    ? String(repeating: " ", count: columns - DisplayWidth().of(number) - 2) + number
                    : "  " + number
                XCTAssertEqual(footer, expected)
            }
            XCTAssertEqual(pages[0][0], "第0行")
            XCTAssertEqual(pages[1][0], "第\(lines - 2)行", "the body is the page less two lines")
        }
    }

    /// A signature block that does not fit moves to the next page whole, taking the last two lines of
    /// the paragraph before it along.
    func testSignatureBlockStaysOnOnePage() throws {
        let signatures = SignatureBlock([
            Signature(label: [.text("甲方（签名）：")], date: [.blank(width: 4)]),
            Signature(label: [.text("乙方（签名）：")], date: [.blank(width: 4)]),
            Signature(label: [.text("人民调解员（签名）：")]),
        ])
        for filler in 0..<20 {
            var blocks = (0..<filler).map { _ in Block.paragraph(Paragraph([.text("正文")])) }
            blocks.append(.paragraph(Paragraph([.text("最后一段第一行。"), .lineBreak, .text("第二行。"), .lineBreak, .text("第三行。")])))
            blocks.append(.signatures(signatures))
            let text = try TextWriter(options: options).text(Document(metadata: metadata(), blocks: blocks))
            let pages = TextOutput.pages(text)
            let withSignatures = pages.filter { $0.contains { $0.contains("签名") } }
            XCTAssertEqual(withSignatures.count, 1, "filler \(filler)")
            let page = try XCTUnwrap(withSignatures.first)
            XCTAssertEqual(page.filter { $0.contains("年　　月　　日") }.count, 2)
            XCTAssertEqual(page.filter { $0.contains("签名") }.count, 3)
            XCTAssertTrue(page.contains("第三行。"), "the paragraph's end goes with the signatures (filler \(filler))")
            XCTAssertEqual(TextOutput.violations(in: text, options: options), [])
        }
    }

    /// The mediators' signatures stay on the page of the parties' signatures, as ODF keeps them.
    func testConsecutiveSignatureBlocksShareAPage() throws {
        let parties = SignatureBlock([Signature(label: [.text("甲方（签名）")]), Signature(label: [.text("乙方（签名）")])],
                                     alignment: .left)
        let mediators = SignatureBlock([Signature(label: [.text("人民调解员（签名）")]), Signature(label: [.text("记录人（签名）")])],
                                       alignment: .right)
        for filler in 0..<20 {
            var blocks = (0..<filler).map { _ in Block.paragraph(Paragraph([.text("正文")])) }
            blocks.append(.paragraph(Paragraph([.text("最后一段第一行。"), .lineBreak, .text("第二行。")])))
            blocks += [.signatures(parties), .signatures(mediators)]
            let text = try TextWriter(options: options).text(Document(metadata: metadata(), blocks: blocks))
            let withSignatures = TextOutput.pages(text).filter { $0.contains { $0.contains("签名") } }
            XCTAssertEqual(withSignatures.count, 1, "filler \(filler)")
            // The parties' two short lines share a row (SignatureRows): four signatories on three lines.
            let signatories = withSignatures.first?.map { $0.components(separatedBy: "签名").count - 1 }.reduce(0, +)
            XCTAssertEqual(signatories, 4, "filler \(filler)")
            XCTAssertEqual(withSignatures.first?.filter { $0.contains("甲方（签名）") && $0.contains("乙方（签名）") }.count, 1)
            XCTAssertTrue(withSignatures.first?.contains("第二行。") ?? false, "filler \(filler)")
        }
    }

    /// A group of signatures taller than a page breaks only between the parties' rows: the lead line and two
    /// parties stay with the text's last two lines, the last party with the mediators; a one-line paragraph
    /// before the signatures takes a line of the paragraph before it along.
    func testATallSignatureGroupBreaksOnlyBetweenPartyRows() throws {
        let parties = SignatureBlock([Signature(label: [.text("当事人（签名、盖章或按指印）：")])]
            + (1...9).map { Signature(label: [.text("第\($0)个当事人的代表人：某某某某"), .blank(width: 6)]) }, alignment: .left)
        let mediators = SignatureBlock([Signature(label: [.text("人民调解员（签名）")]), Signature(label: [.text("记录人（签名）")]),
                                        Signature(label: [.text("某某人民调解委员会（印）")], date: [.text("二〇二六年五月一日")], seal: true)])
        for filler in 0..<20 {
            var blocks = (0..<filler).map { _ in Block.paragraph(Paragraph([.text("正文")])) }
            blocks.append(.paragraph(Paragraph([.text("倒数第二段第一行。"), .lineBreak, .text("倒数第二段末行。")])))
            blocks.append(.paragraph(Paragraph([.text("最后一段只有一行。")])))
            blocks += [.signatures(parties), .signatures(mediators)]
            let text = try TextWriter(options: options).text(Document(metadata: metadata(), blocks: blocks))
            let pages = TextOutput.pages(text).map { $0.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("— ") } }
            let first = try XCTUnwrap(pages.firstIndex { $0.contains("当事人（签名、盖章或按指印）：") })
            XCTAssertTrue(pages[first].contains("倒数第二段末行。") && pages[first].contains("最后一段只有一行。"), "filler \(filler)")
            XCTAssertEqual(pages[first].filter { $0.contains("个当事人") }.count >= 2, true, "two parties with the text (filler \(filler))")
            for page in pages[(first + 1)...] {
                XCTAssertTrue(page.first?.contains("个当事人") ?? false, "a continued page starts with a party: \(page) (filler \(filler))")
            }
            let seal = try XCTUnwrap(pages.lastIndex { $0.contains("某某人民调解委员会（印）") })
            XCTAssertEqual(seal, pages.count - 1)
            XCTAssertTrue(pages[seal].contains { $0.contains("第9个当事人") }, "the last party goes with the seal (filler \(filler))")
            XCTAssertEqual(TextOutput.violations(in: text, options: options), [])
        }
    }

    func testUnknownPageTargetIsAnError() {
        let document = Document(metadata: metadata(), blocks: [.paragraph(Paragraph([.pageRef(target: "nowhere", end: false)]))])
        XCTAssertThrowsError(try TextWriter(options: options).text(document)) {
            XCTAssertEqual($0 as? WriterError, .unknownPageTarget("nowhere"))
        }
    }
}
