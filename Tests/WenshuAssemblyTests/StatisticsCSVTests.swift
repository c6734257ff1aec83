import Foundation
import WenshuCase
import XCTest
@testable import WenshuAssembly

final class StatisticsCSVTests: XCTestCase {
    func testFieldsAreQuotedOnlyWhenRFC4180AsksAndFormulasAreDefused() {
        let table: [(String, String)] = [
            ("调解成功", "调解成功"),
            ("", ""),
            ("a,b", "\"a,b\""),
            ("他说\"好\"", "\"他说\"\"好\"\"\""),
            ("第一行\n第二行", "\"第一行\n第二行\""),
            ("a\r\nb", "\"a\r\nb\""),
            ("\"", "\"\"\"\""),
            ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""),
            ("+86 138", "'+86 138"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("-3", "-3"),          // a plain number is data, not a formula
            ("85.7%", "85.7%"),
            ("（2026）西交调字第37号", "（2026）西交调字第37号"),
        ]
        for (value, field) in table { XCTAssertEqual(CSV.field(value), field, value.debugDescription) }
    }

    func testFileIsUTF8WithBOMAndCRLFRecords() {
        let data = CSV.encode([["编号", "说明"], ["（2026）西交调字第37号", "甲,乙"]])
        XCTAssertEqual(Array(data.prefix(3)), [0xEF, 0xBB, 0xBF])
        XCTAssertEqual(String(decoding: data.dropFirst(3), as: UTF8.self),
                       "编号,说明\r\n（2026）西交调字第37号,\"甲,乙\"\r\n")
    }

    /// The CSV of the statistics parses back (with a strict RFC 4180 reader) to rows of equal width.
    func testStatisticsCSVIsRectangularAndParsesBack() throws {
        let cases = [
            CaseFacts(file: "a", number: "A1", accepted: .init(iso: "2026-01-05"), type: "邻里", sourceKind: "申请",
                      committee: "甲,委员会", committeeLevel: "村(居)", mediators: [.init(name: "张\"三\"", presides: true)],
                      outcome: "调解成功", agreementForm: .written, agreedAmount: Amount("3207.40"), visits: 1,
                      escalations: [.init(kind: "自杀", persons: 1)], dossierNumber: "D1"),
        ]
        let statistics = Statistics(cases: cases)
        let records = statistics.csvRecords()
        let parsed = try Self.parse(String(decoding: statistics.csv().dropFirst(3), as: UTF8.self))
        XCTAssertEqual(parsed, records)
        XCTAssertEqual(Set(records.map(\.count)).count, 1, "every record has the same number of fields")
        let committeeRow = try XCTUnwrap(records.first { $0[0] == "调解组织" })
        XCTAssertEqual(committeeRow[1], "甲,委员会")
        XCTAssertEqual(committeeRow[records[0].firstIndex(of: "协议涉及金额（元）")!], "3207.40")
    }

    /// A strict RFC 4180 reader: CRLF record ends, quoted fields with doubled quotes.
    static func parse(_ text: String) throws -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var scalars = Array(text.unicodeScalars)[...]
        var quoted = false
        while let c = scalars.popFirst() {
            if quoted {
                if c == "\"" {
                    if scalars.first == "\"" { scalars.removeFirst(); field.unicodeScalars.append("\"") } else { quoted = false }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" && field.isEmpty {
                quoted = true
            } else if c == "," {
                record.append(field); field = ""
            } else if c == "\r" {
                guard scalars.popFirst() == "\n" else { throw CocoaError(.fileReadCorruptFile) }
                record.append(field); field = ""
                records.append(record); record = []
            } else {
                field.unicodeScalars.append(c)
            }
        }
        guard record.isEmpty, field.isEmpty, !quoted else { throw CocoaError(.fileReadCorruptFile) }
        return records
    }
}
