import Foundation
import XCTest
import WenshuRun
import WenshuXML

/// The runner on its own: placement all or nothing, the staging step, the manifest.
final class RunnerTests: XCTestCase {
    func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-runner-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    static func job(_ number: String, _ files: [String: String]) -> JobOutput {
        JobOutput(source: "\(number).yaml", caseNumber: number,
                  files: files.keys.sorted().map { OutputFile(name: $0, data: Data(files[$0]!.utf8)) })
    }

    func read(_ url: URL) -> String? { try? String(contentsOf: url, encoding: .utf8) }

    func testAJobIsPlacedWholeOrNotAtAll() throws {
        let out = temporaryFolder()
        let folder = out.appendingPathComponent("A1")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("b.txt"), withIntermediateDirectories: true)
        try Data("old a".utf8).write(to: folder.appendingPathComponent("a.txt"))
        let runner = Runner(RunSettings(output: out, manifestKey: "test", sync: false))
        let report = runner.run(count: 2) { index in
            index == 0 ? Self.job("A1", ["a.txt": "new a", "b.txt": "new b"]) : Self.job("B2", ["c.txt": "c"])
        }
        XCTAssertEqual(report.jobs.map(\.succeeded), [false, true])
        XCTAssertEqual(report.jobs[0].diagnostics.map(\.id), [OutputID.notAFolder.id])
        XCTAssertEqual(read(folder.appendingPathComponent("a.txt")), "old a", "a refused job replaces nothing")
        XCTAssertEqual(read(out.appendingPathComponent("B2/c.txt")), "c")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasPrefix(".wenshu-staging") }, [])
    }

    func testAStagingStepAddsFilesThatArePlacedWithTheOthers() throws {
        let out = temporaryFolder()
        let step: RunSettings.StagingStep = { folder, names in
            for name in names where name.hasSuffix(".odt") {
                let pdf = (name as NSString).deletingPathExtension + ".pdf"
                try Data("pdf of \(name)".utf8).write(to: folder.appendingPathComponent(pdf))
            }
            return names + names.filter { $0.hasSuffix(".odt") }.map { ($0 as NSString).deletingPathExtension + ".pdf" }
        }
        let report = Runner(RunSettings(output: out, manifestKey: "test", sync: false, afterStaging: [step]))
            .run(count: 1) { _ in Self.job("A1", ["agreement.odt": "odt"]) }
        XCTAssertTrue(report.succeeded)
        XCTAssertEqual(report.jobs[0].fileNames, ["agreement.odt", "agreement.pdf"])
        XCTAssertEqual(read(out.appendingPathComponent("A1/agreement.pdf")), "pdf of agreement.odt")
    }

    func testTheManifestKeepsOtherCommandsFilesAndIsReproducible() throws {
        let out = temporaryFolder()
        _ = Runner(RunSettings(output: out, manifestKey: "render", sync: false)).run(count: 1) { _ in Self.job("A1", ["agreement.txt": "x"]) }
        _ = Runner(RunSettings(output: out, manifestKey: "dossier", sync: false)).run(count: 1) { _ in Self.job("A1", ["dossier.txt": "y"]) }
        let manifest = try XCTUnwrap(read(out.appendingPathComponent("A1/.wenshu-manifest")))
        XCTAssertEqual(manifest.split(separator: "\n").map { $0.split(separator: "\t").first.map(String.init) ?? "" }, ["dossier", "render"])
        XCTAssertEqual(read(out.appendingPathComponent("A1/agreement.txt")), "x", "another command's file is not stale")
        // The same run again gives the same manifest, byte for byte.
        _ = Runner(RunSettings(output: out, manifestKey: "dossier", sync: false)).run(count: 1) { _ in Self.job("A1", ["dossier.txt": "y"]) }
        XCTAssertEqual(read(out.appendingPathComponent("A1/.wenshu-manifest")), manifest)
    }
}
