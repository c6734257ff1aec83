import Foundation
import XCTest
@testable import WenshuXML

final class XPathTests: XCTestCase {
    let doc = try! XMLDocument(parsing: Data("""
    <case><party role="申请人"><name>张三</name></party><party role="被申请人"><name>李四</name></party>
    <amount>19.99</amount></case>
    """.utf8), fileName: "c.xml")

    func testNodeSetStringNumberBoolean() throws {
        let context = XPathContext(document: doc)
        XCTAssertEqual(try context.evaluate("party").nodes.count, 2)
        XCTAssertEqual(try context.evaluate("string(party[@role='被申请人']/name)"), .string("李四"))
        XCTAssertEqual(try context.evaluate("count(party)"), .number(2))
        XCTAssertEqual(try context.evaluate("amount > 19"), .boolean(true))
    }

    /// Plain paths are compiled without libxml2's streaming patterns, and select exactly what they did.
    func testPlainPathsSelectTheSameNodesInDocumentOrder() throws {
        XCTAssertEqual(XPathExpression.unstreamed("party/name"), "(party/name)")
        XCTAssertEqual(XPathExpression.unstreamed("party[1]/name"), "party[1]/name")
        XCTAssertEqual(XPathExpression.unstreamed("string(name)"), "string(name)")
        let context = XPathContext(document: doc)
        XCTAssertEqual(try context.evaluate("party/name").nodes.map(\.stringValue), ["张三", "李四"])
        XCTAssertEqual(try context.evaluate("//name | amount").nodes.map(\.stringValue), ["张三", "李四", "19.99"])
        XCTAssertEqual(try context.evaluate(".//name").nodes.count, 2)
        XCTAssertEqual(try context.evaluate("nothing/here").nodes.count, 0)
        XCTAssertEqual(try context.evaluate("amount").nodes.first?.stringValue, "19.99")
    }

    func testContextNodeAndVariables() throws {
        let context = XPathContext(document: doc)
        let second = try context.evaluate("party[2]").nodes[0]
        XCTAssertEqual(try context.evaluate("string(name)", at: second), .string("李四"))
        context.setVariable("who", .string("张三"))
        XCTAssertEqual(try context.evaluate("string(party[name=$who]/@role)"), .string("申请人"))
        context.setVariable("who", .string("李四"))
        XCTAssertEqual(try context.evaluate("string(party[name=$who]/@role)"), .string("被申请人"))
    }

    func testExtensionFunctionsReceiveArgumentsAndRaiseErrors() throws {
        var table = XPathFunctionTable(prefix: "w", namespaceURI: "urn:test")
        table.register("twice") { args in
            guard args.count == 1 else { throw XPathFunctionError("takes one argument") }
            return .string(args[0].stringValue + args[0].stringValue)
        }
        table.register("count-nodes") { args in .number(Double(args.first?.nodes.count ?? -1)) }
        let context = XPathContext(document: doc)
        context.register(table)
        XCTAssertEqual(try context.evaluate("w:twice(string(party[1]/name))"), .string("张三张三"))
        XCTAssertEqual(try context.evaluate("w:count-nodes(party)"), .number(2))
        XCTAssertThrowsError(try context.evaluate("w:twice(1, 2)")) { error in
            XCTAssertTrue((error as? XMLIssue)?.message.contains("takes one argument") ?? false, "\(error)")
        }
        XCTAssertThrowsError(try context.evaluate("w:missing()"))
        // Only in the table's namespace: not without a prefix, not under another namespace.
        XCTAssertThrowsError(try context.evaluate("twice('a')"))
        context.registerNamespace(prefix: "x", uri: "urn:other")
        XCTAssertThrowsError(try context.evaluate("x:twice('a')"))
        // A context without the table knows none of its functions.
        XCTAssertThrowsError(try XPathContext(document: doc).evaluate("w:twice('a')"))
    }

    func testBadExpressionDoesNotCompile() {
        XCTAssertThrowsError(try XPathExpression("party[")) { error in
            XCTAssertEqual((error as? XMLIssue)?.kind, .xpath)
            XCTAssertTrue((error as? XMLIssue)?.message.contains("party[") ?? false)
        }
    }
}

extension XPathTests {
    /// libxml2 caches an extension function and its namespace in the compiled expression on first use;
    /// a compiled expression must keep working in later contexts, after the first one is gone.
    func testACompiledExpressionWithAFunctionServesManyContextsInTurn() throws {
        var table = XPathFunctionTable(prefix: "w", namespaceURI: "urn:test")
        table.register("upper") { args in .string(args[0].stringValue.uppercased()) }
        let expression = try XPathExpression("w:upper(string(party[1]/@role))")
        for _ in 0..<3 {
            let context = XPathContext(document: doc)  // freed at the end of each turn
            context.register(table)
            context.registerNamespace(prefix: "x", uri: "urn:other-\(UUID())")  // reshuffle the namespace table
            XCTAssertEqual(try context.evaluate(expression), .string("申请人"))
        }
    }

    func testACompiledExpressionServesManyThreadsAtOnce() throws {
        let table = {
            var table = XPathFunctionTable(prefix: "w", namespaceURI: "urn:test")
            table.register("twice") { args in .string(args[0].stringValue + args[0].stringValue) }
            return table
        }()
        let expression = try XPathExpression("w:twice(string(party[2]/name))")
        let source = String(decoding: doc.serialized(), as: UTF8.self)
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            guard let document = try? XMLDocument(parsing: Data(source.utf8), fileName: "c.xml") else { return failures.add() }
            for _ in 0..<200 {
                let context = XPathContext(document: document)
                context.register(table)
                if (try? context.evaluate(expression)) != .string("李四李四") { failures.add() }
            }
        }
        XCTAssertEqual(failures.count, 0)
    }
}

private final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func add() { lock.lock(); value += 1; lock.unlock() }
    var count: Int { lock.lock(); defer { lock.unlock() }; return value }
}
