import Foundation
import WenshuWriters
import WenshuXML

/// Renders many cases on all cores into `DIR/<case>/…`, with flat memory and thread-independent output.
///
/// Files are first written to a staging folder inside the output folder (so the final renames stay on one
/// file system), one case at a time per worker; nothing is kept in memory once a case is written. Only when
/// every case is done, and no two cases would share a folder, are the files moved into place — each by an
/// atomic rename, so a reader never sees half a file and a failed run leaves what was there before.
public struct BatchRenderer: Sendable {
    public let pipeline: RenderPipeline
    public let output: URL
    /// Worker threads; the default is one per core.
    public let jobs: Int

    public init(pipeline: RenderPipeline, output: URL, jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.pipeline = pipeline
        self.output = output
        self.jobs = max(1, jobs)
    }

    /// What a batch did: per case, in input order, where its files went and what was found.
    public struct Report: Sendable {
        public var cases: [CaseReport]
        /// Problems of the batch as a whole (two cases mapping to one folder); when present nothing was written.
        public var batchDiagnostics: [Diagnostic]
        public var filesWritten: Int { cases.reduce(0) { $0 + $1.files.count } }
        public var failedCases: Int { cases.filter { !$0.succeeded }.count }
        public var succeeded: Bool { batchDiagnostics.isEmpty && failedCases == 0 }
    }

    public struct CaseReport: Sendable {
        public var source: String
        public var caseNumber: String?
        /// The files written, as URLs below the output folder.
        public var files: [URL]
        public var diagnostics: [Diagnostic]
        public var succeeded: Bool { !diagnostics.hasErrors }
    }

    /// Renders `cases` (with the names messages use); returns when everything is written or refused.
    public func run(cases: [URL], displayNames: [String]? = nil) throws -> Report {
        let fileManager = FileManager.default
        try fileManager.createDirectory(at: output, withIntermediateDirectories: true)
        let staging = output.appendingPathComponent(".wenshu-staging-\(UUID().uuidString)", isDirectory: true)
        try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
        defer { try? fileManager.removeItem(at: staging) }

        let results = ResultSlots<CaseReport>(count: cases.count)
        let next = Counter()
        let group = DispatchGroup()
        for _ in 0..<min(jobs, max(cases.count, 1)) {
            DispatchQueue.global().async(group: group) {
                while let index = next.take(below: cases.count) {
                    results[index] = autoreleasepool {
                        stage(case: cases[index], name: displayNames?[index], index: index, in: staging)
                    }
                }
            }
        }
        group.wait()
        var reports = results.values

        // Two cases whose numbers map to one folder name: refuse the batch before anything is written.
        let numbers = reports.compactMap { $0.succeeded ? $0.caseNumber : nil }
        let collisions = OutputLayout.collisions(among: numbers)
        if !collisions.isEmpty {
            let diagnostics = collisions.keys.sorted().map { name in
                Diagnostic("render.folder-collision", at: SourceLocation(file: output.path),
                           "cases \(collisions[name]!.joined(separator: ", ")) would share the folder \(name); give them distinct case numbers")
            }
            return Report(cases: reports.map { var r = $0; r.files = []; return r }, batchDiagnostics: diagnostics)
        }

        // Move each case's staged files into place.
        let layout = OutputLayout(root: output)
        for index in reports.indices where reports[index].succeeded {
            guard let number = reports[index].caseNumber else { continue }
            let folder = layout.folder(forCase: number)
            try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
            reports[index].files = try reports[index].files.map { staged in
                let name = staged.lastPathComponent.drop { $0 != "." }.dropFirst()
                let target = folder.appendingPathComponent(String(name))
                if rename(staged.path, target.path) != 0 {
                    throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target.path])
                }
                return target
            }
        }
        return Report(cases: reports, batchDiagnostics: [])
    }

    /// Renders one case into the staging folder; the report lists the staged files.
    private func stage(case url: URL, name: String?, index: Int, in staging: URL) -> CaseReport {
        let result = pipeline.render(caseAt: url, displayName: name)
        var report = CaseReport(source: result.source, caseNumber: result.caseNumber, files: [], diagnostics: result.diagnostics)
        guard result.succeeded else { return report }
        guard result.caseNumber?.isEmpty == false else {
            report.diagnostics.append(Diagnostic("render.no-case-number", at: SourceLocation(file: result.source),
                                                 "the case has no number, so its documents have no folder to go to"))
            return report
        }
        do {
            // Flat, `<index>.<name>`: a folder per case here would double the batch's mkdir cost.
            for file in result.files {
                let url = staging.appendingPathComponent("\(index).\(file.name)")
                try AtomicFile.writeUnsynced(file.data, to: url)
                report.files.append(url)
            }
        } catch {
            report.files = []
            report.diagnostics.append(Diagnostic("render.write-failed", at: SourceLocation(file: result.source), "\(error)"))
        }
        return report
    }
}

/// A fixed number of slots that threads fill by index.
final class ResultSlots<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    subscript(index: Int) -> Value? {
        get { lock.withLock { slots[index] } }
        set { lock.withLock { slots[index] = newValue } }
    }
    var values: [Value] { lock.withLock { slots.map { $0! } } }
}

/// Hands out 0, 1, 2 … to worker threads.
final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    func take(below limit: Int) -> Int? {
        lock.withLock {
            guard value < limit else { return nil }
            defer { value += 1 }
            return value
        }
    }
}

/// Linux has no autorelease pool; keep the call shape so the worker loop reads the same everywhere.
@inline(__always)
func autoreleasepool<T>(_ body: () -> T) -> T { body() }
