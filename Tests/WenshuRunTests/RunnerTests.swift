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
        // The step's file is in the manifest written at staging, with the digest of its bytes read back.
        XCTAssertEqual(read(out.appendingPathComponent("A1/.wenshu-manifest")), """
            test\t8197ad0f414b26018aa6f3c9d5d66ee83cdf128992525dd0de8399596473bb13\tagreement.odt
            test\ta57bb7c42c42ee17883fb4cb9d1cec630bb5d8c31a02d9b091f4d847ac8c6936\tagreement.pdf

            """)
    }

    /// The manifest is written into the staged folder with the files: a new folder is placed with it as it
    /// is; into an existing folder it is merged with the folder's own, and a stale file goes.
    func testTheStagedManifestIsPlacedWithANewFolderAndMergedIntoAnExistingOne() throws {
        let out = temporaryFolder()
        let x = "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881", y = "a1fce4363854ff888cff4b8e7875d600c2682390412a8cf79b37d0b11148b0fa"
        let first = Runner(RunSettings(output: out, manifestKey: "test", jobs: 2, sync: false))
            .run(count: 2) { index in Self.job(index == 0 ? "A1" : "B2", ["a.txt": "x", "b.txt": "y"]) }
        XCTAssertTrue(first.succeeded)
        XCTAssertEqual(first.jobs.map { $0.folder?.lastPathComponent }, ["A1", "B2"])
        for folder in ["A1", "B2"] {
            XCTAssertEqual(read(out.appendingPathComponent("\(folder)/.wenshu-manifest")), "test\t\(x)\ta.txt\ntest\t\(y)\tb.txt\n")
        }
        let again = Runner(RunSettings(output: out, manifestKey: "test", sync: false)).run(count: 1) { _ in Self.job("A1", ["a.txt": "y"]) }
        XCTAssertTrue(again.succeeded)
        XCTAssertEqual(read(out.appendingPathComponent("A1/.wenshu-manifest")), "test\t\(y)\ta.txt\n")
        XCTAssertEqual(read(out.appendingPathComponent("A1/a.txt")), "y")
        XCTAssertNil(read(out.appendingPathComponent("A1/b.txt")), "the file the last run wrote and this one does not is removed")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("A1").path).sorted(), [".wenshu-manifest", "a.txt"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasPrefix(".wenshu-staging") }, [])
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
