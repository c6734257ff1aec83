import Foundation
import WenshuPrint
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
    /// Prints PDFs from the staged `.odt` files when pdf is asked for (`BatchRenderer+PDF.swift`).
    public let printing: PDFPrinting?

    public init(pipeline: RenderPipeline, output: URL, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                printing: PDFPrinting? = nil) {
        self.pipeline = pipeline
        self.output = output
        self.jobs = max(1, jobs)
        self.printing = printing
    }

    /// What a batch did: per case, in input order, where its files went and what was found.
    public struct Report: Sendable {
        public var cases: [CaseReport]
        /// Problems of the batch as a whole (two cases mapping to one folder); when present nothing was written.
        public var batchDiagnostics: [Diagnostic]
        public var filesWritten: Int { cases.reduce(0) { $0 + $1.fileNames.count } }
        public var failedCases: Int { cases.filter { !$0.succeeded }.count }
        public var succeeded: Bool { batchDiagnostics.isEmpty && failedCases == 0 }
    }

    public struct CaseReport: Sendable {
        public var source: String
        public var caseNumber: String?
        /// The files written, as URLs below the output folder.
        public var files: [URL] { fileNames.map { folder.appendingPathComponent($0, isDirectory: false) } }
        public var diagnostics: [Diagnostic]
        public var succeeded: Bool { !diagnostics.hasErrors }

        /// Where the files are (the case's folder once placed) and their names in it: a batch of 10,000 cases
        /// keeps only these until the end, not a URL per file.
        var folder: URL
        var fileNames: [String]
        /// The worker whose staging folder holds the staged files.
        var worker = 0
    }

    /// Renders `cases` (with the names messages use); returns when everything is written or refused.
    public func run(cases: [URL], displayNames: [String]? = nil) throws -> Report {
        let fileManager = FileManager.default
        try fileManager.createDirectory(at: output, withIntermediateDirectories: true)
        let staging = output.appendingPathComponent(".wenshu-staging-\(UUID().uuidString)", isDirectory: true)
        try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
        defer { try? fileManager.removeItem(at: staging) }

        // A staging folder per worker: files created in one folder by several threads wait for each other
        // on that folder's lock in the kernel.
        let stagingPath = staging.path
        for worker in 0..<workers(for: cases.count) {
            try fileManager.createDirectory(atPath: Self.stagingFolder(stagingPath, worker), withIntermediateDirectories: false)
        }
        let results = ResultSlots<CaseReport>(count: cases.count)
        inParallel(count: cases.count) { worker, index in
            var report = stage(case: cases[index], name: displayNames?[index], index: index, in: staging,
                               path: Self.stagingFolder(stagingPath, worker))
            report.worker = worker
            results[index] = report
        }
        var reports = results.values
        if let printing { reports = printPDFs(reports, with: printing, staging: stagingPath) }

        // Two cases whose numbers map to one folder name: refuse the batch before anything is written.
        let numbers = reports.compactMap { $0.succeeded ? $0.caseNumber : nil }
        let collisions = OutputLayout.collisions(among: numbers)
        if !collisions.isEmpty {
            let diagnostics = collisions.keys.sorted().map { name in
                Diagnostic(RenderID.folderCollision, at: SourceLocation(file: output.path),
                           ["cases": .list(collisions[name]!), "folder": "\(name)"])
            }
            return Report(cases: reports.map { var r = $0; r.fileNames = []; return r }, batchDiagnostics: diagnostics)
        }

        // Move each case's staged files into place, on every worker (each case has its own folder, so the
        // order of the moves does not matter); each move is one atomic rename.
        let layout = OutputLayout(root: output)
        let failure = FirstError()
        let outputPath = output.path, staged = reports
        inParallel(count: staged.count) { _, index in
            let report = staged[index]
            guard report.succeeded, let number = report.caseNumber else { return }
            let folder = outputPath + "/" + OutputLayout.safeName(number)
            if mkdir(folder, 0o777) != 0 && errno != EEXIST {
                return failure.record(CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: folder]))
            }
            for (fileIndex, name) in report.fileNames.enumerated() {
                let target = folder + "/" + name
                let source = Self.stagingFolder(stagingPath, report.worker) + "/" + Self.stagedName(index, fileIndex)
                if rename(source, target) != 0 {
                    return failure.record(CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target]))
                }
            }
        }
        if let error = failure.error { throw error }
        for index in reports.indices where reports[index].succeeded {
            guard let number = reports[index].caseNumber else { continue }
            reports[index].folder = layout.folder(forCase: number)
        }
        return Report(cases: reports, batchDiagnostics: [])
    }

    /// The threads a batch of `count` cases uses.
    private func workers(for count: Int) -> Int { min(jobs, max(count, 1)) }

    /// Runs `body(worker, index)` for 0..<count on the batch's threads, each taking the next index; returns
    /// when all are done.
    private func inParallel(count: Int, _ body: @escaping @Sendable (Int, Int) -> Void) {
        let next = Counter()
        let group = DispatchGroup()
        for worker in 0..<workers(for: count) {
            DispatchQueue.global().async(group: group) {
                while let index = next.take(below: count) { body(worker, index) }
            }
        }
        group.wait()
    }

    static func stagingFolder(_ staging: String, _ worker: Int) -> String { staging + "/\(worker)" }

    /// A staged file's name: flat, `<case index>.<file index>` (a folder per case here would double the
    /// batch's mkdir cost, and short names keep the staging folder's lookups cheap).
    static func stagedName(_ caseIndex: Int, _ fileIndex: Int) -> String { "\(caseIndex).\(fileIndex)" }

    /// Renders one case into the staging folder; the report lists the staged files' final names.
    private func stage(case url: URL, name: String?, index: Int, in staging: URL, path stagingPath: String) -> CaseReport {
        let result = pipeline.render(caseAt: url, displayName: name)
        var report = CaseReport(source: result.source, caseNumber: result.caseNumber, diagnostics: result.diagnostics,
                                folder: staging, fileNames: [])
        guard result.succeeded else { return report }
        guard result.caseNumber?.isEmpty == false else {
            report.diagnostics.append(Diagnostic(RenderID.noCaseNumber, at: SourceLocation(file: result.source)))
            return report
        }
        do {
            for (fileIndex, file) in result.files.enumerated() {
                try AtomicFile.writeUnsynced(file.data, toPath: stagingPath + "/" + Self.stagedName(index, fileIndex))
                report.fileNames.append(file.name)
            }
        } catch {
            report.fileNames = []
            report.diagnostics.append(Diagnostic(RenderID.writeFailed, at: SourceLocation(file: result.source), ["detail": "\(error)"]))
        }
        return report
    }
}

/// The first error any worker met.
final class FirstError: @unchecked Sendable {
    private var first: Error?
    private let lock = NSLock()
    func record(_ error: Error) { lock.withLock { if first == nil { first = error } } }
    var error: Error? { lock.withLock { first } }
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
