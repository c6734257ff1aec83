import XCTest
@testable import WenshuTemplate

/// The reader that finds what an expression reads and calls (libxml2 still compiles and evaluates).
final class XPathAnalyzerTests: XCTestCase {
    func reads(_ source: String) throws -> [String] {
        try XPathAnalysis(source).reads.map { reference in
            let base: String
            switch reference.base {
            case .context: base = "."
            case .root: base = ""
            case .variable(let name): base = "$" + name
            }
            return ([base] + reference.steps).joined(separator: "/")
        }
    }

    func testPathsRead() throws {
        let table: [(String, [String])] = [
            ("number", ["./number"]),
            ("parties/party/name", ["./parties/party/name"]),
            ("/case/number", ["/case/number"]),
            ("$party/name", ["$party/name"]),
            ("$case", ["$case"]),
            ("../name", ["./../name"]),
            ("@id", ["./@id"]),
            ("agreement//amount", ["./agreement//amount"]),
            ("w:money-capitals(agreement/total_amount)", ["./agreement/total_amount"]),
            ("parties/party[role = '申请人']/name", ["./parties/party/role", "./parties/party/name"]),
            ("count(parties/party) > 1 and agreement/form = 'written'",
             ["./parties/party", "./agreement/form"]),
            ("sum(a/b) div 2 * c", ["./a/b", "./c"]),
            ("name | address", ["./name", "./address"]),
            ("(a | b)/c", ["./a", "./b", "./a/c", "./b/c"]),
            ("concat(name, '：', w:mask-id(id_number))", ["./name", "./id_number"]),
            ("name/text()", ["./name/text()"]),
            ("self::node()/name", ["./name"]),
            ("-amount", ["./amount"]),
            ("'a' = \"b\" or 1.5 >= .5", []),
            ("*", ["./*"]),
            ("agents/agent[1]", ["./agents/agent"]),
        ]
        for (source, expected) in table {
            XCTAssertEqual(try reads(source), expected, source)
        }
    }

    func testOperatorNamesAndStarDependOnWhatComesBefore() throws {
        // `div` and `*` are operators after an operand, names elsewhere (each path is listed once).
        XCTAssertEqual(try reads("div div div"), ["./div"])
        XCTAssertEqual(try XPathAnalysis("div div div").calls, [])
        XCTAssertEqual(try reads("* * item"), ["./*", "./item"])
        XCTAssertEqual(try reads("and/or"), ["./and/or"])
    }

    func testCallsVariablesAndResults() throws {
        let analysis = try XPathAnalysis("w:ordinal(count($terms[amount]), '条') = concat($a, w:x())")
        XCTAssertEqual(analysis.calls.map(\.qualifiedName), ["count", "w:ordinal", "w:x", "concat"])
        XCTAssertEqual(analysis.calls.map(\.argumentCount), [1, 2, 0, 2])
        XCTAssertEqual(analysis.variables, ["terms", "a"])
        XCTAssertEqual(try XPathAnalysis("parties/party[kind='person']").results,
                       [PathReference(base: .context, steps: ["parties", "party"])])
        XCTAssertEqual(try XPathAnalysis("count(x)").results, [])
    }

    func testNamesAndLiteralsOutsideASCII() throws {
        // The lexer reads Unicode scalars: Chinese names, a letter below U+00C0 (µ), a combining mark.
        XCTAssertEqual(try reads("当事人/姓名"), ["./当事人/姓名"])
        XCTAssertEqual(try reads("µ-x/e\u{301}"), ["./µ-x/e\u{301}"])
        XCTAssertEqual(try XPathAnalysis("concat('甲方', w:x($乙))").variables, ["乙"])
    }

    func testSyntaxErrorsSayWhere() {
        let table: [(String, Int)] = [
            ("parties/party[", 15),
            ("name = ", 8),
            ("'open", 1),
            ("a !b", 3),
            ("name name", 6),
            ("f(1,", 5),
            ("a ^ b", 3),
            // Positions count characters, though the lexer reads scalars: 'é' written as e and a combining
            // acute is one character of two scalars, and so is a CR LF.
            ("'e\u{301}' = 申请人 ^", 11),
            ("name\r\n= ^", 8),
            ("名称 名称", 4),
        ]
        for (source, position) in table {
            XCTAssertThrowsError(try XPathAnalysis(source), source) { error in
                XCTAssertEqual((error as? XPathSyntaxError)?.position, position, "\(source): \(error)")
            }
        }
    }
}
