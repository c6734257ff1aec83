import Foundation
import WenshuAssembly
import WenshuCase
import WenshuDiagnostics
import WenshuPrint
import WenshuXML

/// One file a job gives: its name in the job's folder and its bytes — or, for a file too large to hold in
/// memory (an archive package with its scans), a function that writes it at a path as a stream.
public struct OutputFile: Sendable, Equatable {
    public var name: String
    public var data: Data
    /// Writes the file at the path it is given; `data` is then unused.
    public var writer: (@Sendable (URL) throws -> Void)?

    public init(name: String, data: Data) {
        self.name = name
        self.data = data
    }

    public init(name: String, writer: @escaping @Sendable (URL) throws -> Void) {
        self.name = name
        self.data = Data()
        self.writer = writer
    }

    public static func == (a: OutputFile, b: OutputFile) -> Bool {
        a.name == b.name && a.data == b.data && (a.writer == nil) == (b.writer == nil)
    }
}

/// What one job gave: the files of one folder below the output folder, or the reasons it gave none.
public struct JobOutput: Sendable {
    /// The input, as messages name it.
    public var source: String
    /// The case number; the job's folder is this number made safe, unless `folder` is given.
    public var caseNumber: String?
    /// A fixed folder below the output folder instead of the case's: `blank`, or `""` for the output folder itself.
    public var folder: String?
    public var files: [OutputFile]
    public var diagnostics: [Diagnostic]
    /// Findings that `--force` overrode (they are in `diagnostics` too; the report marks them).
    public var overridden: [Diagnostic]

    public init(source: String, caseNumber: String? = nil, folder: String? = nil, files: [OutputFile] = [],
                diagnostics: [Diagnostic] = [], overridden: [Diagnostic] = []) {
        self.source = source
        self.caseNumber = caseNumber
        self.folder = folder
        self.files = files
        self.diagnostics = diagnostics
        self.overridden = overridden
    }

    /// False when an error (other than one `--force` overrode) stopped the job: then nothing of it is placed.
    public var succeeded: Bool { !diagnostics.hasBlockingErrors(overridden: overridden) }
}

/// How a run writes: where, on how many threads, whether it waits for the disk, which earlier files it answers for.
public struct RunSettings: Sendable {
    /// A step over a job's staged folder before placement (say, turning each staged `.odt` into a `.pdf`):
    /// it gets the folder and the staged file names and returns the names to place. Its errors stop the job.
    public typealias StagingStep = @Sendable (_ folder: URL, _ names: [String]) throws -> [String]

    /// `-o`: created if missing; nothing is written outside it.
    public var output: URL
    /// Worker threads; the default is one per core.
    public var jobs: Int
    /// Flush the staged files and folders to the disk (one `syncfs`) before the renames that place them, and
    /// the placed folders after, so that a power cut cannot leave a renamed but empty file
    /// (bench/README.md gives the cost).
    public var sync: Bool
    /// The command whose files the manifest records (`render`, `dossier` …): a run answers only for files
    /// an earlier run of the same command wrote.
    public var manifestKey: String
    /// Which names of an earlier run this run answers for: such a file that this run no longer writes is
    /// removed (or, if edited since, kept with a warning). Default: all of the command's files.
    public var claims: @Sendable (String) -> Bool
    /// Steps over each staged folder, in order, before placement.
    public var afterStaging: [StagingStep]
    /// With `--to pdf`: every staged `.odt` of the whole run is printed in one batch through the converter
    /// pool before placement (a LibreOffice start costs more than a dozen documents; a step per job would pay
    /// it per case).
    public var printing: PDFPrinting?

    public init(output: URL, manifestKey: String, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                sync: Bool = RunSettings.syncByDefault, claims: @escaping @Sendable (String) -> Bool = { _ in true },
                afterStaging: [StagingStep] = [], printing: PDFPrinting? = nil) {
        self.output = output
        self.manifestKey = manifestKey
        self.jobs = max(1, jobs)
        self.sync = sync
        self.claims = claims
        self.afterStaging = afterStaging
        self.printing = printing
    }

    /// On, unless the environment sets `WENSHU_FSYNC=0` (for measuring what the fsyncs cost).
    public static var syncByDefault: Bool { ProcessEnvironment.value("WENSHU_FSYNC") != "0" }
}

/// What a run did: per job, in input order, where its files went and what was found; and the run's own problems.
public struct RunReport: Sendable {
    public struct Job: Sendable {
        public var source: String
        public var caseNumber: String?
        public var diagnostics: [Diagnostic]
        public var overridden: [Diagnostic]
        /// The output folder (one URL shared by every job) and, once placed, the folder's name below it
        /// (`""`: the output folder itself); the file names in it. A batch of 10,000 cases keeps only these
        /// until the end: a URL per job cost 300 bytes of the 2.5 KB a job held (docs/development.md).
        let output: URL
        var placedFolder: String?
        public var fileNames: [String]
        /// The folder the files went to (once placed).
        public var folder: URL? {
            placedFolder.map { $0.isEmpty ? output : output.appendingPathComponent($0, isDirectory: true) }
        }
        /// The files written, below the output folder.
        public var files: [URL] { folder.map { folder in fileNames.map { folder.appendingPathComponent($0, isDirectory: false) } } ?? [] }
        /// Placed, and stopped by no error (other than one `--force` overrode).
        public var succeeded: Bool { !stopped && placedFolder != nil }
        var stopped: Bool { diagnostics.hasBlockingErrors(overridden: overridden) }
    }

    public var output: URL
    public var jobs: [Job]
    /// Problems of the run as a whole (the output folder cannot be written); when present nothing was written.
    public var diagnostics: [Diagnostic]

    public var filesWritten: Int { jobs.reduce(0) { $0 + ($1.succeeded ? $1.fileNames.count : 0) } }
    public var failed: Int { jobs.filter { !$0.succeeded }.count }
    public var succeeded: Bool { !diagnostics.hasErrors && failed == 0 }
}

/// The one way every command writes: inputs → jobs (on all cores) → staged outputs → atomic placement per
/// job → a report. Files are staged in a folder inside the output folder (same file system, so placement is
/// renames); a job's folder appears whole or not at all; a manifest per folder records what each command
/// wrote, so the next run removes what it no longer writes; SIGINT and SIGTERM remove the staging folder,
/// and the next run removes any left by a process that is gone.
public struct Runner: Sendable {
    public let settings: RunSettings

    public init(_ settings: RunSettings) { self.settings = settings }

    /// Runs `count` jobs, `job(index)` on the run's threads; returns when everything is placed or refused.
    public func run(count: Int, job: @escaping @Sendable (Int) -> JobOutput) -> RunReport {
        let output = settings.output
        var report = RunReport(output: output, jobs: [], diagnostics: [])
        let staging: Staging
        do {
            try Placement.prepareOutputFolder(output)
            Staging.removeAbandoned(in: output)
            staging = try Staging(in: output, workers: workers(for: count))
        } catch let problem as FileProblem {
            report.diagnostics = [problem.diagnostic(source: output.path)]
            return report
        } catch {
            report.diagnostics = [Diagnostic(OutputID.writeFailed, at: SourceLocation(file: output.path), ["detail": "\(error)"], wording: OutputWording.unexpected)]
            return report
        }
        defer { staging.remove() }

        // Jobs: each worker stages its job's files at once, with the folder's manifest, and keeps only a
        // small record (no bytes, no digests, no URL), so memory stays nearly flat however long the batch.
        // A new folder whose files are on the disk is placed while the others are staged (`EarlyPlacement`),
        // unless steps still change the staged folders after staging.
        let table = ResultSlots<StagedJob>(count: count)
        let early = settings.afterStaging.isEmpty && settings.printing == nil
            ? EarlyPlacement(output: output.path, staging: staging, waitsForFlush: settings.sync) : nil
        let flush = EarlyFlush(path: staging.path, placing: early)
        inParallel(count: count, workers: workers(for: count)) { worker, index in
            guard !Interruption.shared.requested else { return }
            let entry = stage(job(index), index: index, worker: worker, staging: staging)
            table[index] = entry
            if let early, entry.isStaged, !entry.job.stopped, entry.fixedFolder == nil, let name = entry.folderName {
                early.claim(name, index: index, worker: worker)
            }
            if settings.sync && (index + 1) % EarlyFlush.jobs == 0 { flush.start() }
        }
        flush.wait()
        for index in early?.placed ?? [] { table[index]?.job.placedFolder = table[index]?.folderName }
        if let printing = settings.printing { print(table, count: count, staging: staging, with: printing) }
        // Every staged file and folder on the disk before the first rename: one syncfs for a batch (an fsync
        // per file cost more than rendering; bench/README.md gives the figures), an fsync of each for a few
        // jobs (a syncfs also waits for everything else written to the file system, by any process).
        let few = count <= Runner.fewJobs
        if settings.sync {
            if few { flushStaged(table, count: count, staging: staging) } else { Placement.syncFileSystem(containing: staging.path) }
        }

        // Two jobs whose folders would be one: refuse both (neither was placed early).
        do {
            let numbered = (0..<count).filter { index in table[index].map { $0.isStaged && $0.fixedFolder == nil && !$0.job.stopped } ?? false }
            let numbers = numbered.map { index in table[index].map { (SourceLocation(file: $0.job.source), $0.job.caseNumber!) }! }
            for (position, diagnostic) in CaseFolderName.collisionDiagnostics(numbers) {
                table[numbered[position]]?.job.diagnostics.append(diagnostic)
            }
        }

        // Placement of the rest, one job's folder at a time per worker; each all-or-nothing. Each record is updated in place.
        let placement = Placement(settings: settings, flushesEachMerge: settings.sync && few)
        inParallel(count: count, workers: workers(for: count)) { _, index in
            guard var entry = table[index], entry.isStaged, !entry.job.stopped, entry.job.placedFolder == nil,
                  let name = entry.folderName else { return }
            Interruption.shared.placing {
                entry.job.diagnostics += placement.place(staging.jobFolder(worker: entry.worker, index: index), names: entry.job.fileNames,
                                                         into: name, source: entry.job.source)
            }
            if !entry.job.stopped { entry.job.placedFolder = name }
            table[index] = entry
        }
        // A new folder was renamed in whole, its contents flushed before: only `-o` holds something new
        // (this flush comes after the last rename, early ones included).
        if settings.sync {
            if few { Placement.flush(output.path) } else { Placement.syncFileSystem(containing: output.path) }
        }
        report.jobs = (0..<count).compactMap { table[$0]?.job }
        return report
    }

    /// A job's record from staging to placement: the final folder's name and which worker staged it (its
    /// staged folder is `Staging.jobFolder(worker:index:)`); the files' digests are in the staged manifest.
    struct StagedJob: Sendable {
        var job: RunReport.Job
        var fixedFolder: String?
        var folderName: String?
        var worker = 0
        var isStaged = false
    }

    /// Runs one job and writes its files, then its manifest, into its own folder in the staging area.
    private func stage(_ output: JobOutput, index: Int, worker: Int, staging: Staging) -> StagedJob {
        var entry = StagedJob(job: .init(source: output.source, caseNumber: output.caseNumber, diagnostics: output.diagnostics,
                                         overridden: output.overridden, output: settings.output, placedFolder: nil, fileNames: []),
                              fixedFolder: output.folder, worker: worker)
        guard output.succeeded else { return entry }
        let name: String
        if let folder = output.folder {
            name = folder
        } else if let number = output.caseNumber, !number.isEmpty {
            if let problem = CaseFolderName.problem(number, at: SourceLocation(file: output.source)) {
                entry.job.diagnostics.append(problem)
                return entry
            }
            name = CaseFolderName.safe(number)
        } else {
            entry.job.diagnostics.append(Diagnostic(OutputID.noCaseNumber, at: SourceLocation(file: output.source)))
            return entry
        }
        entry.folderName = name
        let finalFolder = name.isEmpty ? settings.output.path : settings.output.path + "/" + name
        let folder = staging.jobFolder(worker: worker, index: index)
        do {
            try Placement.makeFolder(folder, shownAs: finalFolder)
            for file in output.files {
                if let injected = Placement.injectedFailure { throw FileProblem("write", path: finalFolder + "/" + file.name, code: injected) }
                if let writer = file.writer {
                    try writer(URL(fileURLWithPath: folder + "/" + file.name, isDirectory: false))
                } else {
                    try Placement.writeNew(file.data, toPath: folder + "/" + file.name,
                                           shownAs: finalFolder + "/" + file.name)
                }
            }
            var names = output.files.map(\.name)
            for step in settings.afterStaging { names = try step(URL(fileURLWithPath: folder, isDirectory: true), names) }
            // Digests from the bytes in hand; a file a staging step made is read back.
            let written = Dictionary(output.files.filter { $0.writer == nil }.map { ($0.name, $0.data) }, uniquingKeysWith: { _, last in last })
            let digests = try names.map { name in
                if let data = written[name] { return SHA256Digest.hex(of: data) }
                return try Placement.digest(ofFileAt: folder + "/" + name, shownAs: finalFolder + "/" + name)
            }
            try Placement.writeManifest(names: names, digests: digests, key: settings.manifestKey, inStaged: folder, shownAs: finalFolder)
            entry.isStaged = true
            entry.job.fileNames = names
        } catch let problem as FileProblem {
            entry.job.diagnostics.append(problem.diagnostic(source: output.source))
        } catch let diagnostic as Diagnostic {
            entry.job.diagnostics.append(diagnostic)
        } catch {
            entry.job.diagnostics.append(Diagnostic(OutputID.writeFailed, at: SourceLocation(file: output.source), ["detail": "\(error)"], wording: OutputWording.unexpected))
        }
        return entry
    }

    /// Prints every staged `.odt` of the jobs still standing to PDF, in one batch; the PDF takes the `.odt`'s
    /// place among the names to place, or joins it when the `.odt` was asked for too (and the staged manifest
    /// says so). A job with a document LibreOffice fails on gets the finding and, like any job with an error,
    /// is not placed; the others are.
    private func print(_ table: ResultSlots<StagedJob>, count: Int, staging: Staging, with printing: PDFPrinting) {
        var jobs: [PDFConverter.Job] = []
        var owners: [(job: Int, name: String)] = []
        for j in 0..<count {
            guard let entry = table[j], entry.isStaged, !entry.job.stopped else { continue }
            let folder = staging.jobFolder(worker: entry.worker, index: j)
            for name in entry.job.fileNames where name.hasSuffix(".odt") {
                let pdf = String(name.dropLast(4)) + ".pdf"
                jobs.append(PDFConverter.Job(source: entry.job.source, document: pdf,
                                             odf: URL(fileURLWithPath: folder + "/" + name),
                                             pdf: URL(fileURLWithPath: folder + "/" + pdf)))
                owners.append((j, name))
            }
        }
        let failures = printing.converter.failures(jobs)
        for (index, owner) in owners.enumerated() {
            guard var entry = table[owner.job] else { continue }
            if let finding = failures[index] {
                entry.job.diagnostics.append(finding)
                table[owner.job] = entry
                continue
            }
            let pdf = jobs[index].document!
            let folder = staging.jobFolder(worker: entry.worker, index: owner.job)
            let finalFolder = settings.output.path + "/" + (entry.folderName ?? "")
            do {
                let digest = try Placement.digest(ofFileAt: jobs[index].pdf.path, shownAs: finalFolder + "/" + pdf)
                var names = entry.job.fileNames
                var digests = Dictionary(Manifest(contentsOfFile: folder + "/" + Manifest.fileName).entries(settings.manifestKey).map { ($0.name, $0.digest) },
                                         uniquingKeysWith: { _, last in last })
                if printing.keepODF {
                    names.append(pdf)
                } else if let at = names.firstIndex(of: owner.name) {
                    names[at] = pdf
                    digests[owner.name] = nil
                    // A new case folder is placed by renaming the staged one whole: the .odt must not be in it.
                    unlink(jobs[index].odf.path)
                }
                digests[pdf] = digest
                try Placement.writeManifest(names: names, digests: names.map { digests[$0] ?? "" }, key: settings.manifestKey,
                                            inStaged: folder, shownAs: finalFolder, replacing: true)
                entry.job.fileNames = names
            } catch let problem as FileProblem {
                entry.job.diagnostics.append(problem.diagnostic(source: entry.job.source))
            } catch {
                entry.job.diagnostics.append(Diagnostic(OutputID.writeFailed, at: SourceLocation(file: entry.job.source), ["detail": "\(error)"], wording: OutputWording.unexpected))
            }
            table[owner.job] = entry
        }
    }

    /// Up to this many jobs, a run flushes the files and folders it wrote one by one instead of the whole file
    /// system: a one-case render waits for its 2–4 files, not for whatever else is being written.
    static let fewJobs = 8

    /// `fsync` of each staged file (the documents and the manifest) and of its job's folder, so the rename
    /// that places the folder cannot outrun its contents.
    private func flushStaged(_ table: ResultSlots<StagedJob>, count: Int, staging: Staging) {
        for index in 0..<count {
            guard let entry = table[index], entry.isStaged else { continue }
            let folder = staging.jobFolder(worker: entry.worker, index: index)
            for name in entry.job.fileNames + [Manifest.fileName] { Placement.flush(folder + "/" + name) }
            Placement.flush(folder)
        }
    }

    /// The threads a run of `count` jobs uses.
    private func workers(for count: Int) -> Int { min(settings.jobs, max(count, 1)) }
}

/// Flushes the file system while jobs are still being staged, every `jobs` jobs, one flush at a time, so
/// that the syncfs before the first rename — which every core waits for — finds little left to write (it
/// took 0.4–0.7 s of a 10,000-case run, a tenth of the run on two cores). That last syncfs still makes the
/// guarantee; these only move the writing to where the disk would otherwise wait. After each, the new
/// folders it covered are placed (`EarlyPlacement`).
final class EarlyFlush: @unchecked Sendable {
    static let jobs = 500
    private let path: String
    private let placing: EarlyPlacement?
    private let lock = NSLock()
    private var running = false
    private let group = DispatchGroup()
    /// Its own queue: the global queues' threads may all be busy staging.
    private let queue = DispatchQueue(label: "wenshu.early-flush")

    init(path: String, placing: EarlyPlacement?) {
        self.path = path
        self.placing = placing
    }

    /// Starts a flush unless one is running; once it returns, places what it covered.
    func start() {
        guard lock.withLock({ () -> Bool in defer { running = true }; return !running }) else { return }
        queue.async(group: group) { [self] in
            let covered = placing?.flushBegins() ?? []
            Placement.syncFileSystem(containing: path)
            lock.withLock { running = false }
            placing?.placeFlushed(covered)
        }
    }

    func wait() { group.wait() }
}

extension Array where Element == Diagnostic {
    /// An error that `--force` did not override.
    func hasBlockingErrors(overridden: [Diagnostic]) -> Bool {
        contains { $0.severity == .error && !overridden.contains($0) }
    }
}
