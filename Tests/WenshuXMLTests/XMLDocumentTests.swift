import Foundation
import XCTest
@testable import WenshuXML

final class XMLDocumentTests: XCTestCase {
    func parse(_ text: String, file: String = "t.xml") throws -> XMLDocument {
        try XMLDocument(parsing: Data(text.utf8), fileName: file)
    }

    func testDroppingLayoutBlanksGivesTheSameTree() throws {
        // Texts libxml2's NOBLANKS heuristic is let loose on, and texts it must not be (comments, processing
        // instructions, CDATA, carriage returns): either way the tree after removeLayout is the same.
        let droppable = [
            "<a>\n  <b>x</b>\n  <c> y </c>\n</a>", "<a>  </a>", "<a> <b/> </a>", "<a>x<b/>  <c/> y</a>",
            "<a><b/>  x  <c/>  </a>", "<a><b/> &amp; <c/></a>", "<a>&#32;<b/>&#x20;  </a>", "<a><b/>\t \n<c/>\t</a>",
            "<a xml:space=\"preserve\">  <b/>  </a>", "<a>\u{3000}<b/>\u{3000} </a>", "<a><b></b>  </a>",
            "<a>" + String(repeating: "中 ", count: 200) + "  <b/>  </a>", "<a>  <b> <c/> </b>  x  </a>",
            "<?xml version=\"1.0\"?>\n<!-- prolog -->\n<a>\n  <b/>\n</a>",
        ]
        let exact = [
            "<a>  <!--c-->x</a>", "<a><!--c-->  </a>", "<a>  <?p?>  <b/></a>", "<a>  <![CDATA[ ]]>  <b/></a>",
            "<a>\r\n  <b/>\r\n</a>", "<a><b/></a>\n<!-- after -->",
        ]
        let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../examples/cases").standardized
        var texts = (droppable + exact).map { Data($0.utf8) }
        for name in try FileManager.default.contentsOfDirectory(atPath: examples.path) where name.hasSuffix(".xml") {
            texts.append(try Data(contentsOf: examples.appendingPathComponent(name)))
        }
        XCTAssertGreaterThan(texts.count, droppable.count + exact.count + 2)
        for (index, text) in texts.enumerated() {
            let expected = index < droppable.count || index >= droppable.count + exact.count
            XCTAssertEqual(XMLDocument.dropsOnlyLayoutBlanks(in: text), expected, String(decoding: text, as: UTF8.self))
            let trees = try [false, true].map { dropping in
                let document = try XMLDocument(parsing: text, fileName: "t.xml", allowDoctype: false,
                                               sizeLimit: XMLDocument.defaultSizeLimit, droppingLayoutBlanks: dropping)
                document.root?.removeLayout()
                return String(decoding: document.serialized(), as: UTF8.self)
            }
            XCTAssertEqual(trees[0], trees[1], String(decoding: text, as: UTF8.self))
        }
        // The heuristic does drop something: a blank between elements is gone before removeLayout.
        let parsed = try XMLDocument(parsing: Data(droppable[0].utf8), fileName: "t.xml", allowDoctype: false,
                                     sizeLimit: XMLDocument.defaultSizeLimit, droppingLayoutBlanks: true)
        XCTAssertEqual(parsed.root?.children.count, 2)
    }

    /// Found by the xml fuzzer: a text with no root start tag whose first byte is "!" made the scan read the
    /// byte before the data. Without a root there is nothing to drop, and the parse says what is wrong.
    func testTextsWithoutARootAreNotScannedForLayout() {
        for text in ["!", "?", "!<", "<!-- only -->", "<?xml version=\"1.0\"?>", "! read a local file (XXE)", "", "<"] {
            XCTAssertFalse(XMLDocument.dropsOnlyLayoutBlanks(in: Data(text.utf8)), text)
            XCTAssertThrowsError(try XMLDocument(parsing: Data(text.utf8), fileName: "t.xml", allowDoctype: false,
                                                 sizeLimit: XMLDocument.defaultSizeLimit, droppingLayoutBlanks: true), text)
        }
        var crash = Data([0x21] + [UInt8](repeating: 0, count: 71))
        crash += Data("ion=\"1.0\" encoding=\"UTF-8\"?> read a local file (XXE).".utf8)
        XCTAssertFalse(XMLDocument.dropsOnlyLayoutBlanks(in: crash))
    }

    func testElementsKeepTheirLines() throws {
        let doc = try parse("<case>\n  <number>（2026）青调字第1号</number>\n  <party>\n    <name>张三</name>\n  </party>\n</case>")
        let root = try XCTUnwrap(doc.root)
        XCTAssertEqual(root.line, 1)
        XCTAssertEqual(root.element(named: "number")?.stringValue, "（2026）青调字第1号")
        XCTAssertEqual(root.element(named: "party")?.element(named: "name")?.line, 4)
    }

    func testSyntaxErrorNamesLineAndColumn() {
        XCTAssertThrowsError(try parse("<case>\n<a></b>\n</case>")) { error in
            let issue = error as? XMLIssue
            XCTAssertEqual(issue?.kind, .syntax)
            XCTAssertEqual(issue?.line, 2)
            XCTAssertGreaterThan(issue?.column ?? 0, 0)
            XCTAssertEqual(issue?.file, "t.xml")
        }
    }

    func testDoctypeIsRefusedBeforeParsing() {
        let laughs = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [
         <!ENTITY lol "lol">
         <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
         <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
        ]>
        <lolz>&lol3;</lolz>
        """
        XCTAssertThrowsError(try parse(laughs)) { error in
            XCTAssertEqual((error as? XMLIssue)?.kind, .doctype)
            XCTAssertEqual((error as? XMLIssue)?.line, 2)
        }
    }

    func testExternalEntityIsNeverRead() throws {
        let xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n<x>&e;</x>"
        XCTAssertThrowsError(try parse(xxe))
        // Even where a DOCTYPE is allowed, the entity is not substituted.
        let doc = try XMLDocument(parsing: Data(xxe.utf8), fileName: "x.xml", allowDoctype: true)
        XCTAssertFalse(doc.root?.stringValue.contains("root:") ?? true)
    }

    func testSizeLimit() {
        let data = Data(repeating: 0x20, count: 2048)
        XCTAssertThrowsError(try XMLDocument(parsing: data, fileName: "big.xml", sizeLimit: 1024)) { error in
            XCTAssertEqual((error as? XMLIssue)?.kind, .tooLarge)
        }
    }

    func testBuildAndSerialize() throws {
        let doc = XMLDocument(rootName: "doc", namespace: "urn:x")
        let root = try XCTUnwrap(doc.root)
        root.addElement("p", text: "a < b & 文").setAttribute("k", "\"v\"")
        let text = String(decoding: doc.serialized(), as: UTF8.self)
        XCTAssertTrue(text.contains("<p k=\"&quot;v&quot;\">a &lt; b &amp; 文</p>"), text)
        XCTAssertTrue(text.contains("xmlns=\"urn:x\""))
    }

    func testAppendChildMovesAnElement() throws {
        let doc = try parse("<r><a/><b/><c/></r>")
        let root = try XCTUnwrap(doc.root)
        root.appendChild(try XCTUnwrap(root.element(named: "a")))
        XCTAssertEqual(root.elements.map(\.name), ["b", "c", "a"])
    }

    func testChildElementsWalkOnlyElementsAndSurviveRemovingTheCurrentOne() throws {
        let doc = try parse("<r> <a/>text<!-- c --><b><x/></b><c/> </r>")
        let root = try XCTUnwrap(doc.root)
        XCTAssertEqual(root.childElements.map(\.name), ["a", "b", "c"])
        XCTAssertTrue(root.hasElements)
        XCTAssertFalse(try XCTUnwrap(root.element(named: "a")).hasElements)
        for element in root.childElements where element.isNamed("b") { element.remove() }
        XCTAssertEqual(root.childElements.map(\.name), ["a", "c"])
        XCTAssertEqual(root.elements.map(\.name), ["a", "c"])
    }

    func testSiblingsAreWalkedOneByOne() throws {
        let doc = try parse("<r><a/>t<b/></r>")
        var names: [String] = []
        var node = doc.root?.firstChild
        while let current = node {
            names.append(current.isElement ? current.name : "#" + current.stringValue)
            node = current.nextSibling
        }
        XCTAssertEqual(names, ["a", "#t", "b"])
    }

    func testIsNamedComparesTheWholeName() throws {
        let root = try XCTUnwrap(try parse("<phone/>").root)
        XCTAssertTrue(root.isNamed("phone"))
        XCTAssertFalse(root.isNamed("phon"))
        XCTAssertFalse(root.isNamed("phones"))
        XCTAssertFalse(root.isNamed(""))
    }

    func testWhitespaceTextIsJudgedAsCharacterIsWhitespaceJudgesIt() throws {
        // Layout, an ideographic space, a space with a combining accent (one Character, whitespace by its
        // first scalar), NEL; then text that is not only whitespace.
        let texts = [" \n\t\r\n ", "\u{3000}", " \u{301}", "\u{85}", " 1 ", "\u{3000}x", "文", "\u{A0}", "\u{200B}"]
        for text in texts {
            let doc = XMLDocument(rootName: "r")
            let root = try XCTUnwrap(doc.root)
            root.addElement("e")
            root.addText(text)
            let textNode = try XCTUnwrap(root.firstChild?.nextSibling)
            let expected = text.allSatisfy(\.isWhitespace)
            XCTAssertEqual(textNode.isWhitespaceText, expected, text.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))
            XCTAssertEqual(root.hasNonWhitespaceText, !expected)
        }
        let root = try XCTUnwrap(try parse("<r><a/> <b/>\n</r>").root)
        XCTAssertFalse(root.hasNonWhitespaceText)
        XCTAssertFalse(try XCTUnwrap(root.firstChild).isWhitespaceText, "an element is not text")
    }

    func testChildStepsFollowChildNamesInDocumentOrder() throws {
        let doc = try parse("<case><parties><party><n>1</n></party><other/><party><n>2</n><n>3</n></party></parties><parties><party><n>4</n></party></parties></case>")
        let root = try XCTUnwrap(doc.root)
        func reached(_ path: String) -> [XMLNode] { ChildSteps(path: path).elements(from: root) }
        XCTAssertEqual(reached("parties/party/n").map(\.stringValue), ["1", "2", "3", "4"])
        XCTAssertEqual(reached("parties/party").count, 3)
        XCTAssertEqual(reached("parties/part").count, 0)
        XCTAssertEqual(reached("parties/partyx").count, 0)
        XCTAssertEqual(reached("nothing/party").count, 0)
        // Empty steps are skipped, as splitting on "/" would skip them; an empty path is the node itself.
        XCTAssertEqual(reached("/parties//party/").count, 3)
        XCTAssertEqual(reached(""), [root])
        // The first element reached is the first in document order, even when an earlier branch is a dead end.
        XCTAssertEqual(ChildSteps(path: "parties/party/n").firstElement(from: root)?.stringValue, "1")
        XCTAssertEqual(ChildSteps(path: "party/n").firstElement(from: try XCTUnwrap(reached("parties").last))?.stringValue, "4")
        XCTAssertNil(ChildSteps(path: "parties/other/n").firstElement(from: root))
        XCTAssertEqual(ChildSteps(path: "").firstElement(from: root), root)
    }

    /// An unprefixed step matches elements in no namespace only, as an XPath name test does. The case rules
    /// walk these paths too, over trees where that never decides: YAML and JSON build no namespaces, the
    /// loader refuses an XML case whose root has one, and the case schema (in no namespace) refuses any
    /// element below that has one (`CaseRuleTests.testANamespacedElementIsASchemaErrorTheRulesPassBy`).
    func testChildStepsMatchElementsInNoNamespace() throws {
        let doc = try parse("<case xmlns:x=\"urn:x\"><parties><party><n>1</n></party><x:party><n>2</n></x:party><party xmlns=\"urn:y\"><n>3</n></party></parties></case>")
        let root = try XCTUnwrap(doc.root)
        XCTAssertEqual(ChildSteps(path: "parties/party/n").elements(from: root).map(\.stringValue), ["1"])
        XCTAssertEqual(root.descendants(named: "party").count, 3, "the local names all match")
    }

    func testDescendantsNamedAreEveryMatchingElementBelowInDocumentOrder() throws {
        let doc = try parse("<phone><a>t<phone>1</phone><b><phone>2<phone>3</phone></phone></b></a><!--c--><phones/><phone>4</phone></phone>")
        let root = try XCTUnwrap(doc.root)
        // The element itself, nested matches, and nothing past the element's own subtree.
        XCTAssertEqual(root.descendants(named: "phone").map(\.stringValue), ["t1234", "1", "23", "3", "4"])
        let b = try XCTUnwrap(ChildSteps(path: "a/b").firstElement(from: root))
        XCTAssertEqual(b.descendants(named: "phone").map(\.stringValue), ["23", "3"])
        let nested = try XCTUnwrap(b.descendants(named: "phone").last)
        XCTAssertEqual(nested.descendants(named: "phone").map(\.stringValue), ["3"], "a leaf stops at itself, not at its following siblings")
        XCTAssertEqual(root.descendants(named: "phon").count, 0)
        XCTAssertEqual(root.descendants(named: "b").count, 1)
    }

    func testRootAttributeReadsOnlyTheRootsStartTag() throws {
        let form = "<?xml version=\"1.0\"?>\n<!-- id=\"comment\" -->\n<form xmlns=\"urn:x\" id=\"agree&amp;ment\"><a id=\"inner\"/></form>"
        XCTAssertEqual(XMLDocument.rootAttribute("id", in: Data(form.utf8)), "agree&ment")
        XCTAssertEqual(XMLDocument.rootAttribute("id", in: Data(form.utf8)),
                       try XMLDocument(parsing: Data(form.utf8), fileName: nil).root?.attribute("id"))
        XCTAssertNil(XMLDocument.rootAttribute("id", in: Data("<form title=\"x\"><p id=\"a\"/></form>".utf8)))
        XCTAssertNil(XMLDocument.rootAttribute("id", in: Data("<form id=\"a\"".utf8)))
        XCTAssertNil(XMLDocument.rootAttribute("id", in: Data("<!DOCTYPE form [<!ENTITY e \"a\">]><form id=\"&e;\"/>".utf8)))
    }

    func testACursorFollowsNamesAlongTheChildElementsInOrder() throws {
        let names = ElementNames(["a", "b", "c"])
        func walk(_ xml: String, refusing refused: String? = nil) throws -> (Bool, [String]) {
            let document = try XMLDocument(parsing: Data(xml.utf8), fileName: "r.xml")
            let root = try XCTUnwrap(document.root)
            var seen: [String] = []
            let all = ElementCursor(root).forEachChildInOrder(names) { child, position in
                let name = child.node(in: document).name
                seen.append("\(name)\(position)")
                return name != refused
            }
            return (all, seen)
        }
        // Repeated fields keep their position; text and comments between them are passed by.
        let inOrder = try walk("<r><a/> text <b/><!--c--><b/><c/></r>")
        XCTAssertTrue(inOrder.0)
        XCTAssertEqual(inOrder.1, ["a0", "b1", "b1", "c2"])
        // A field after a later one, or a name not in the list, stops the walk there.
        let outOfOrder = try walk("<r><a/><c/><b/></r>")
        XCTAssertFalse(outOfOrder.0)
        XCTAssertEqual(outOfOrder.1, ["a0", "c2"])
        let unknown = try walk("<r><x/><a/></r>")
        XCTAssertFalse(unknown.0)
        XCTAssertEqual(unknown.1, [])
        // A child `body` refuses stops it too; no children is a walk that matched everything.
        let refused = try walk("<r><a/><b/><c/></r>", refusing: "b")
        XCTAssertFalse(refused.0)
        XCTAssertEqual(refused.1, ["a0", "b1"])
        XCTAssertTrue(try walk("<r>only text</r>").0)
    }
}
