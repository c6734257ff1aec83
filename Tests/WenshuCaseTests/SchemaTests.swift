import Foundation
import XCTest
import WenshuXML
@testable import WenshuCase

final class SchemaTests: XCTestCase {
    func testEverySchemaCompilesAndIsWrittenInTheExplainableStyle() {
        for kind in FileKind.allCases {
            let entry = BundledSchemas.entry(for: kind)
            XCTAssertEqual(entry.outline.rules[entry.outline.root].name, kind.rootName, kind.rawValue)
        }
    }

    func testEveryValueTypeExplainsItself() throws {
        // A datatype without a:documentation would make a finding say "a valid value".
        for kind in FileKind.allCases {
            let outline = BundledSchemas.entry(for: kind).outline
            for rule in outline.rules {
                guard case .value(let value) = rule.content else { continue }
                if case .choice = value.kind { continue }
                XCTAssertNotNil(value.documentation, "\(kind.rawValue): <\(rule.name)>")
            }
        }
    }

    func testListsFollowTheNamingRule() {
        // Every list in every schema is named so that YAML and JSON lists map onto it.
        for kind in FileKind.allCases {
            let outline = BundledSchemas.entry(for: kind).outline
            for (index, rule) in outline.rules.enumerated() {
                if let item = outline.listItem(of: index) {
                    XCTAssertEqual(ListNaming.itemName(forList: rule.name), outline.rules[item.rule].name, rule.name)
                }
                for field in outline.fields(of: index) where field.repeats {
                    XCTAssertNotNil(outline.listItem(of: index), "\(rule.name) repeats \(outline.rules[field.rule].name) beside other fields")
                }
            }
        }
    }

    func testTheExampleCasesHaveNoErrors() throws {
        let folder = Repository.url("examples/cases")
        let files = try InputFiles.expand([folder.path])
        XCTAssertFalse(files.isEmpty)
        let checker = CaseChecker(profile: Repository.officeProfile)
        for file in files {
            let findings = checker.check(contentsOf: file)
            XCTAssertFalse(findings.hasErrors, "\(file.lastPathComponent): \(findings)")
        }
    }

    func testTheStructureWalkFindsNothingInFilesTheSchemaAccepts() throws {
        // SchemaCheck skips the walk when libxml2 accepts a file; that is only right while the walk has
        // nothing to say about such a file.
        var urls = try InputFiles.expand([Repository.url("examples/cases").path])
        urls += ["office.yaml", "registers/committees.yaml", "registers/mediators.yaml", "registers/worklog.yaml"]
            .map { Repository.url("examples/" + $0) }
        let files = try urls.map { try CaseLoader.load($0) }
        for file in files {
            let entry = BundledSchemas.entry(for: file.kind)
            XCTAssertEqual(entry.relaxNG.validate(file.document), [], file.name)
            var walk = StructureWalk(file: file, outline: entry.outline)
            walk.visit(file.root, rule: entry.outline.root)
            XCTAssertEqual(walk.findings, [], file.name)
        }
        XCTAssertGreaterThan(files.count, 10)
    }

    func testTheQuickValidationAcceptsExactlyWhatTheFullSchemaAccepts() throws {
        // A value of each patterned type in each kind of file, rewritten to values near and across the
        // patterns' edges: the quick check (patterns matched by Wenshu) must say what libxml2's full
        // validation says.
        let values = ["", " ", "\n", "x", "\u{3000}", "a b", "2026-03-10", " 2026-03-10", "2026-03-10 ", "2026-3-10",
                      "2026-02-30", "20261-03-10", "2026-03-10Z", "2026-03-10+08:00", "09:30", "9:30", "24:00", "23:59",
                      "2026", "1899", "10000", "10000.5", "14020.00", "12.345", "0", "01", "-1", "1e3", "１２", "1234567",
                      "\u{B}", "a\u{FFFE}", "\u{85}"]
        var verdicts: [Bool: Int] = [:]
        var seenTypes = Set<String>()
        try forEachExampleElement { url, file, entry, element, rule in
            guard !entry.quick.patterns[rule].isEmpty, case .value(let type) = entry.outline.rules[rule].content,
                  seenTypes.insert("\(file.kind) \(type.typeName ?? "")").inserted else { return }
            let original = element.stringValue
            for value in values + [original] {
                while let text = element.firstChild { text.remove() }
                element.addText(value)
                let valid = entry.relaxNG.validate(file.document).isEmpty
                XCTAssertEqual(entry.quick.accepts(file, outline: entry.outline), valid,
                               "\(url.lastPathComponent): \(file.fieldPath(of: element)) = \"\(value)\"")
                verdicts[valid, default: 0] += 1
            }
        }
        XCTAssertGreaterThan(seenTypes.count, 7)
        XCTAssertGreaterThan(verdicts[true] ?? 0, 20)
        XCTAssertGreaterThan(verdicts[false] ?? 0, 100)
    }

    func testTheQuickValidationAcceptsAChoiceWrittenExactlyAndAsksTheFullSchemaOtherwise() throws {
        // Each value of each choice of values in each kind of file, written exactly, with blanks around it
        // (RelaxNG's `token` takes it; the quick check leaves it to libxml2), and values no choice has.
        var checked = Set<String>(), exact = 0, padded = 0, refused = 0
        try forEachExampleElement { url, file, entry, element, rule in
            guard case .value(let type) = entry.outline.rules[rule].content, case .choice(let options) = type.kind,
                  checked.insert("\(file.kind) \(rule)").inserted else { return }
            XCTAssertNotNil(entry.quick.choices[rule])
            let original = element.stringValue
            var values = options.map { ($0, true) } + options.map { (" \($0)\n", false) }
            values += ["", " ", "x", options[0] + options[0], "\u{3000}" + options[0], options[0].uppercased() + "X"].map { ($0, false) }
            for (value, isExact) in values + [(original, true)] {
                while let text = element.firstChild { text.remove() }
                element.addText(value)
                let valid = entry.relaxNG.validate(file.document).isEmpty
                let quick = entry.quick.accepts(file, outline: entry.outline)
                let place = "\(url.lastPathComponent): \(file.fieldPath(of: element)) = \"\(value)\""
                if isExact || !valid {
                    XCTAssertEqual(quick, valid, place)
                    if isExact { exact += 1 } else { refused += 1 }
                } else {
                    XCTAssertFalse(quick, place)  // valid, but only libxml2 says so
                    padded += 1
                }
            }
            while let text = element.firstChild { text.remove() }
            element.addText(original)
        }
        XCTAssertGreaterThan(checked.count, 12)
        XCTAssertGreaterThan(exact, 40)
        XCTAssertGreaterThan(padded, 30)
        XCTAssertGreaterThan(refused, 50)
    }

    /// Calls `visit` with every element of every example file (cases, office profile, registers) that the
    /// file's schema outline knows, and its rule; `visit` may rewrite the element's value.
    private func forEachExampleElement(_ visit: (URL, CaseFile, BundledSchemas.Entry, XMLNode, Int) throws -> Void) throws {
        var urls = try InputFiles.expand([Repository.url("examples/cases").path])
        urls += ["office.yaml", "registers/committees.yaml", "registers/mediators.yaml", "registers/worklog.yaml"]
            .map { Repository.url("examples/" + $0) }
        for url in urls {
            let file = try CaseLoader.load(url)
            let entry = BundledSchemas.entry(for: file.kind)
            var pending = [(file.root, entry.outline.root)]
            while let (element, rule) = pending.popLast() {
                for child in element.childElements {
                    if let field = entry.outline.field(named: child.name, in: rule) { pending.append((child, field.rule)) }
                }
                try visit(url, file, entry, element, rule)
            }
        }
    }

    func testTheExampleOfficeFilesHaveNoFindings() {
        for path in ["examples/office.yaml", "examples/registers/committees.yaml", "examples/registers/mediators.yaml",
                     "examples/registers/worklog.yaml"] {
            XCTAssertEqual(CaseChecker().check(contentsOf: Repository.url(path)), [], path)
        }
    }

    func testTheOfficeProfileReadsAsData() throws {
        let profile = Repository.officeProfile
        XCTAssertEqual(profile.name, "杭州市西湖区司法局")
        XCTAssertEqual(profile.committee(named: "杭州市西湖区道路交通事故人民调解委员会")?.prefix, "西交")
        XCTAssertEqual(profile.committee(named: "杭州市西湖区道路交通事故人民调解委员会")?.seal, "杭州市西湖区道路交通事故人民调解委员会")
        XCTAssertEqual(profile.holidayArrangements.map(\.year), [2025, 2026])
        XCTAssertEqual(profile.holidayArrangements[1].holidays.map(\.name),
                       ["元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"])
        XCTAssertEqual(profile.holidayArrangements[1].makeUpWorkingDays.count, 6)
        XCTAssertEqual(profile.subsidyRate(level: "乡镇(街道)", grade: "疑难")?.amount, Amount("200"))
        XCTAssertEqual(profile.subsidyRates.count, 12)
        XCTAssertEqual(profile.retention, "10年")
        XCTAssertEqual(profile.dossierRows.count, 13)
        XCTAssertEqual(profile.dossierRows.filter(\.required).map(\.position), [1, 2, 3, 7, 8, 13])
        XCTAssertEqual(profile.dossierRows[2].attachmentKinds, ["身份证明"])
        let caseSeries = try XCTUnwrap(profile.numberFormats.first { $0.kind == "案件" })
        XCTAssertEqual(caseSeries.pattern.matches("（2026）西交调字第37号", prefix: "西交"), true)
    }

    func testAProfileWithErrorsIsNotUsed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("office.yaml")
        try Data("name: x\n".utf8).write(to: url)
        let (profile, findings) = OfficeProfile.load(url)
        XCTAssertNil(profile)
        XCTAssertEqual(ids(findings), ["office.missing-field"])
    }

    func testTheDocumentationNamesEveryElementAndEveryRuleId() throws {
        let docs = try String(contentsOf: Repository.url("docs/case-format.md"), encoding: .utf8)
        // Every `code span` of the docs, and each step of a path like `parties/party`.
        let spans = docs.split(separator: "`", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map { String($0.element) }
        let named = Set(spans + spans.flatMap { $0.split(separator: "/").map(String.init) })
        for kind in FileKind.allCases {
            for rule in BundledSchemas.entry(for: kind).outline.rules {
                XCTAssertTrue(named.contains(rule.name), "docs/case-format.md does not name `\(rule.name)` (\(kind.rawValue))")
            }
        }
        // The ids are listed, with their messages, in the page generated from the catalogue
        // (DiagnosticCatalogueTests keeps it current); this page points there instead of listing them again.
        XCTAssertTrue(docs.contains("[diagnostics.md](diagnostics.md)"), "docs/case-format.md should point to diagnostics.md")
        let diagnostics = try String(contentsOf: Repository.url("docs/diagnostics.md"), encoding: .utf8)
        for id in DiagnosticCatalogue.inputs.flatMap(\.ids) {
            XCTAssertTrue(diagnostics.contains("`\(id)`"), "docs/diagnostics.md does not list `\(id)`")
        }
    }
}
