import Foundation
import XCTest
import WenshuXML
@testable import WenshuCase

final class CaseLoaderTests: XCTestCase {
    /// The byte test that lets nearly every value skip the character walk never skips a value with a finding,
    /// and lets Chinese punctuation through.
    func testTheByteFilterOfTextCharactersMissesNoFinding() {
        let scalars: [UInt32] = [0x41, 0x0A, 0x09, 0x00, 0x1F, 0x7F, 0x80, 0x9F, 0xA0, 0xA5, 0x200A, 0x200B, 0x200F, 0x2010, 0x2014,
                                 0x201C, 0x2026, 0x2029, 0x202A, 0x202E, 0x202F, 0x205F, 0x2060, 0x2064, 0x2065, 0x2066, 0x2069,
                                 0x206A, 0x3001, 0x4E2D, 0xFEFE, 0xFEFF, 0xFF0C, 0xFF1A, 0xFFFD, 0x1F600]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                text.append(Unicode.Scalar(scalars.randomElement(using: &generator)!)!)
            }
            var value = String(text)
            let flagged = value.withUTF8 { TextCharacters.mayHoldFinding($0) }
            let findings = TextCharacters.findings(in: value, multiLine: { false })
            XCTAssertTrue(flagged || findings.isEmpty, "\(value.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        var chinese = "甲方：“张三”、乙方——合计…，（一）"
        XCTAssertFalse(chinese.withUTF8 { TextCharacters.mayHoldFinding($0) })
    }

    let xml = Repository.url("examples/cases/traffic-instalments.xml")
    let yaml = Resources.url("Twins", "traffic-instalments.yaml")
    let json = Resources.url("Twins", "traffic-instalments.json")

    func testTheSameCaseInXMLYAMLAndJSONLoadsToTheSameTree() throws {
        let trees = try [xml, yaml, json].map { url -> String in
            let file = try CaseLoader.load(url)
            XCTAssertEqual(file.kind, .caseFile)
            return outline(file.root)
        }
        XCTAssertEqual(trees[1], trees[0], "YAML twin differs from the XML example")
        XCTAssertEqual(trees[2], trees[0], "JSON twin differs from the XML example")
        XCTAssertTrue(trees[0].contains("\n    total_amount = 34020.00\n"), trees[0])
        XCTAssertEqual(trees[0].split(separator: "\n").count, 173)  // every element
    }

    /// The tree as indented `name = text` lines: every element, every text node, in order.
    func outline(_ node: XMLNode, depth: Int = 0) -> String {
        let pad = String(repeating: "  ", count: depth)
        let texts = node.children.filter(\.isText).map(\.stringValue)
        var lines = pad + node.name + (texts.isEmpty ? "" : " = " + texts.joined(separator: "|")) + "\n"
        for child in node.elements { lines += outline(child, depth: depth + 1) }
        return lines
    }

    func testNumbersAreReadAsWrittenNeverThroughDouble() throws {
        // In the JSON twin amounts are JSON numbers (34020.00, 10000, 14020.00); they stay as written.
        let file = try CaseLoader.load(json)
        let agreement = try XCTUnwrap(file.root.element(named: "agreement"))
        XCTAssertEqual(agreement.value("total_amount"), "34020.00")
        XCTAssertEqual(agreement.nodes("instalments/instalment/amount").map(\.stringValue), ["14020.00", "10000", "10000.00"])
        XCTAssertEqual(agreement.value("confirms_ownership"), "false")

        let case2 = try load("""
            a: 19.990
            b: 0.07
            c: 1e5
            d: 0x1F
            e: 09:30
            f: 330106197803121239
            g: yes
            """)
        XCTAssertEqual(case2.root.elements.map(\.stringValue), ["19.990", "0.07", "1e5", "0x1F", "09:30", "330106197803121239", "yes"])
    }

    func testNullLeavesTheFieldOutButQuotedNullIsText() throws {
        let file = try load("""
            a: null
            b: ~
            c:
            d: "null"
            es: [x, null, y]
            """)
        XCTAssertEqual(file.root.elements.map(\.name), ["d", "es"])
        XCTAssertEqual(file.root.value("d"), "null")
        XCTAssertEqual(file.root.element(named: "es")?.elements.map(\.stringValue), ["x", "y"])
    }

    func testListItemsAreNamedBySingularisingTheKey() {
        let table: [(String, String?)] = [
            ("parties", "party"), ("terms", "term"), ("instalments", "instalment"), ("exchanges", "exchange"),
            ("subsidies", "subsidy"), ("make_up_days", "make_up_day"), ("entries", "entry"),
            ("address", nil), ("present", nil), ("s", nil),
        ]
        for (key, item) in table {
            XCTAssertEqual(ListNaming.itemName(forList: key), item, key)
        }
    }

    func testEveryElementKnowsItsLocationAndFieldPath() throws {
        let yamlFile = try CaseLoader.load(yaml, displayName: "traffic.yaml")
        let id = try XCTUnwrap(yamlFile.root.nodes("parties/party").last?.element(named: "id_number"))
        XCTAssertEqual(yamlFile.fieldPath(of: id), "parties[2].id_number")
        XCTAssertEqual(yamlFile.location(of: id), SourceLocation(file: "traffic.yaml", line: 54, column: 5))

        let jsonFile = try CaseLoader.load(json, displayName: "traffic.json")
        let due = try XCTUnwrap(jsonFile.root.nodes("agreement/instalments/instalment/due").first)
        XCTAssertEqual(jsonFile.fieldPath(of: due), "agreement.instalments[1].due")
        XCTAssertEqual(jsonFile.location(of: due), SourceLocation(file: "traffic.json", line: 133, column: 9))

        let xmlFile = try CaseLoader.load(xml, displayName: "traffic.xml")
        let phone = try XCTUnwrap(xmlFile.root.node("parties/party/agents/agent/phone"))
        XCTAssertEqual(xmlFile.fieldPath(of: phone), "parties[1].agents[1].phone")
        XCTAssertEqual(xmlFile.location(of: phone), SourceLocation(file: "traffic.xml", line: 48))
        XCTAssertEqual(xmlFile.fieldPath(of: xmlFile.root), "")
    }

    func testFieldsArePutInTheSchemasOrder() throws {
        let file = try load("""
            received: 2026-04-01
            parties:
              - name: 张伟
                kind: person
                role: 申请人
            type: 邻里
            unknown: kept last
            number: （2026）西交调字第90号
            """)
        XCTAssertEqual(file.root.elements.map(\.name), ["number", "type", "received", "parties", "unknown"])
        XCTAssertEqual(file.root.node("parties/party")?.elements.map(\.name), ["role", "kind", "name"])
    }

    func testKeysThatCannotBeFieldsAndListsInListsAreReported() throws {
        let file = try load("""
            number: x
            "no spaces": 1
            claims:
              - [a, b]
            present: [a, b]
            """)
        XCTAssertEqual(ids(file.loadDiagnostics), ["case.bad-key", "case.nested-list", "case.list-key"])
        XCTAssertEqual(file.loadDiagnostics.map(\.location.line), [2, 4, 5])
    }

    func testAFiftyMegabyteFileIsRefusedUnread() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["big.yaml", "big.xml", "big.json"] {
            let url = folder.appendingPathComponent(name)
            FileManager.default.createFile(atPath: url.path, contents: nil)
            let handle = try FileHandle(forWritingTo: url)
            let chunk = Data(repeating: 0x20, count: 1 << 20)
            for _ in 0..<50 { handle.write(chunk) }
            try handle.close()
            XCTAssertThrowsError(try CaseLoader.load(url)) { error in
                XCTAssertEqual((error as? Diagnostic)?.id, "case.too-large", name)
            }
        }
    }

    func testAFileThatCannotBeReadIsOneFindingAndAnEmptyFileReadsAsEmpty() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let directory = folder.appendingPathComponent("folder.xml")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for url in [folder.appendingPathComponent("missing.yaml"), directory] {
            XCTAssertThrowsError(try CaseLoader.load(url, displayName: "x")) { error in
                let diagnostic = error as? Diagnostic
                XCTAssertEqual(diagnostic?.id, "case.unreadable", url.lastPathComponent)
                XCTAssertEqual(diagnostic?.location, SourceLocation(file: "x"))
                XCTAssertTrue(diagnostic?.message.hasPrefix("cannot read the file: ") ?? false)
            }
        }
        for name in ["empty.xml", "empty.yaml"] {
            let url = folder.appendingPathComponent(name)
            FileManager.default.createFile(atPath: url.path, contents: Data())
            let format = try XCTUnwrap(SourceFormat(fileExtension: url.pathExtension))
            var fromFile: Diagnostic?
            var fromMemory: Diagnostic?
            XCTAssertThrowsError(try CaseLoader.load(url, kind: .caseFile, displayName: name)) { fromFile = $0 as? Diagnostic }
            XCTAssertThrowsError(try CaseLoader.load(Data(), name: name, format: format, kind: .caseFile)) { fromMemory = $0 as? Diagnostic }
            XCTAssertNotNil(fromFile)
            XCTAssertEqual(fromFile, fromMemory)
        }
    }

    func testDeepNestingIsRefused() {
        let depth = 200
        let text = String(repeating: "{a: ", count: depth) + "x" + String(repeating: "}", count: depth)
        XCTAssertThrowsError(try load("number: " + text)) { error in
            XCTAssertEqual((error as? Diagnostic)?.id, "case.too-deep")
        }
    }

    func testTextThatIsNotUTF8IsRefused() {
        let gbk = Data([0x6E, 0x3A, 0x20, 0xD5, 0xC5, 0xCE, 0xB0])  // "n: 张伟" in GBK
        XCTAssertThrowsError(try CaseLoader.load(gbk, name: "gbk.yaml", format: .yaml, kind: .caseFile)) { error in
            XCTAssertEqual((error as? Diagnostic)?.id, "case.encoding")
        }
    }

    func testAnXMLFilesRootElementDecidesItsKind() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("anything.xml")
        try Data("<office><name>x</name></office>".utf8).write(to: url)
        XCTAssertEqual(try CaseLoader.load(url).kind, .office)
        XCTAssertThrowsError(try CaseLoader.load(url, kind: .caseFile)) { error in
            XCTAssertEqual((error as? Diagnostic)?.id, "case.wrong-root")
        }
    }

    func testAnEmptyFileAndANonMappingAreRefused() {
        XCTAssertThrowsError(try load("# nothing\n")) { XCTAssertEqual(($0 as? Diagnostic)?.id, "case.empty") }
        XCTAssertThrowsError(try load("- a\n- b\n")) { XCTAssertEqual(($0 as? Diagnostic)?.id, "case.not-a-mapping") }
    }

    func testXMLLayoutCommentsAndWhitespaceAreNotData() throws {
        let file = try load("<case>\n  <!-- note -->\n  <number> 1 </number>\n</case>", format: .xml, name: "t.xml")
        XCTAssertEqual(file.root.children.count, 1)
        XCTAssertEqual(file.root.value("number"), " 1 ")
    }
}
