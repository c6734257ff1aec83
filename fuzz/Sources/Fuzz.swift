// libFuzzer entry point for Wenshu's parsers (fuzz/README.md). Built only when WENSHU_FUZZ is set (see
// Package.swift), with `-sanitize=fuzzer,address`; `main` hands over to libFuzzer's driver. Which parser a run feeds is
// chosen by the WENSHU_FUZZ_TARGET environment variable: yaml, json, xml, template or archive.
import Foundation
import WenshuAssembly
import WenshuCase
import WenshuTemplate
import WenshuXML

/// What one input goes through, per target.
enum FuzzTarget: String, CaseIterable {
    case yaml, json, xml, template, archive

    static let chosen: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["WENSHU_FUZZ_TARGET"] ?? ""
        guard let target = FuzzTarget(rawValue: name) else {
            FileHandle.standardError.write(Data("set WENSHU_FUZZ_TARGET to one of \(allCases.map(\.rawValue).joined(separator: ", "))\n".utf8))
            exit(2)
        }
        return target
    }()

    /// The repository (the fuzzer runs from it): the template schema, fragments and an example case.
    static let root = URL(fileURLWithPath: ProcessInfo.processInfo.environment["WENSHU_ROOT"] ?? FileManager.default.currentDirectoryPath)
    static let checker = CaseChecker()
    static let exampleCase: XMLDocument = {
        try! CaseLoader.load(root.appendingPathComponent("examples/cases/traffic-instalments.xml")).document
    }()
    static let templateSchema: (schema: RelaxNGSchema, document: XMLDocument) = {
        let url = root.appendingPathComponent("templates/wenshu-template.rng")
        return (try! RelaxNGSchema(contentsOf: url), try! XMLDocument(contentsOf: url))
    }()
    static let fragments: [String: String] = {
        let folder = root.appendingPathComponent("templates/fragments")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return Dictionary(uniqueKeysWithValues: names.filter { $0.hasSuffix(".xml") }.compactMap { name in
            (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)).map { ("fragments/" + name, $0) }
        })
    }()

    func run(_ data: Data) {
        switch self {
        case .yaml, .json, .xml:
            let format: SourceFormat = self == .yaml ? .yaml : self == .json ? .json : .xml
            guard let file = try? CaseLoader.load(data, name: "fuzz.\(rawValue)", format: format, kind: .caseFile) else { return }
            let findings = Self.checker.check(file)
            _ = findings.map(\.description)
        case .template:
            var files = Self.fragments
            files["fuzz.form.xml"] = String(decoding: data, as: UTF8.self)
            let (library, _) = TemplateLibrary.load(files: files, schema: Self.templateSchema.schema,
                                                    schemaDocument: Self.templateSchema.document)
            for template in library.templates {
                _ = template.render(Self.exampleCase)
                _ = template.renderBlank()
            }
        case .archive:
            let verification = ArchivePackage.verify(data)
            _ = verification.problems.map(\.description)
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
    FuzzTarget.chosen.run(data)
    return 0
}

/// libFuzzer's driver, for a program that has its own `main`.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<Int32>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

/// SwiftPM links an executable target's `main` to `<module>_main`; this one hands over to libFuzzer.
@_cdecl("WenshuFuzz_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { bytes, size in fuzzOneInput(bytes, size) }
}
