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
    public static var syncByDefault: Bool { ProcessInfo.processInfo.environment["WENSHU_FSYNC"] != "0" }
}

/// What a run did: per job, in input order, where its files went and what was found; and the run's own problems.
public struct RunReport: Sendable {
    public struct Job: Sendable {
        public var source: String
        public var caseNumber: String?
        public var diagnostics: [Diagnostic]
        public var overridden: [Diagnostic]
        /// The folder the files went to (set once placed) and their names in it: a batch of 10,000 cases
        /// keeps only these until the end, not a URL per file.
        public var folder: URL?
        public var fileNames: [String]
        /// The files written, below the output folder.
        public var files: [URL] { folder.map { folder in fileNames.map { folder.appendingPathComponent($0, isDirectory: false) } } ?? [] }
        /// Placed, and stopped by no error (other than one `--force` overrode).
        public var succeeded: Bool { !stopped && folder != nil }
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

        // Jobs: each worker stages its job's files at once, so memory stays flat however long the batch.
        let slots = ResultSlots<StagedJob>(count: count)
        inParallel(count: count, workers: workers(for: count)) { worker, index in
            guard !Interruption.shared.requested else { return }
            slots[index] = stage(job(index), index: index, worker: worker, staging: staging)
        }
        var staged = slots.values
        if let printing = settings.printing { print(&staged, with: printing) }
        // Every staged file and folder on the disk before the first rename: one syncfs for the batch
        // (an fsync per file cost more than rendering; bench/README.md gives the figures).
        if settings.sync { Placement.syncFileSystem(containing: staging.path) }

        // Two jobs whose folders would be one: refuse both before anything is placed.
        let numbered = staged.indices.filter { !staged[$0].job.stopped && staged[$0].stagedFolder != nil && staged[$0].fixedFolder == nil && staged[$0].job.caseNumber != nil }
        for (position, diagnostic) in CaseFolderName.collisionDiagnostics(numbered.map { (SourceLocation(file: staged[$0].job.source), staged[$0].job.caseNumber!) }) {
            staged[numbered[position]].job.diagnostics.append(diagnostic)
        }

        // Placement, one job's folder at a time per worker; each all-or-nothing.
        let placement = Placement(settings: settings)
        let placed = ResultSlots<StagedJob>(count: count)
        let snapshot = staged
        inParallel(count: count, workers: workers(for: count)) { _, index in
            var entry = snapshot[index]
            if !entry.job.stopped, let stagedFolder = entry.stagedFolder, let name = entry.folderName {
                Interruption.shared.placing {
                    entry.job.diagnostics += placement.place(stagedFolder, names: entry.names, digests: entry.digests,
                                                             into: name, source: entry.job.source)
                }
                if !entry.job.stopped { entry.job.folder = name.isEmpty ? output : output.appendingPathComponent(name, isDirectory: true) }
            }
            placed[index] = entry
        }
        if settings.sync { Placement.syncFileSystem(containing: output.path) }
        report.jobs = placed.values.map(\.job)
        return report
    }

    /// A job's report while it is staged: its folder there, the final folder's name, its files' digests.
    struct StagedJob: Sendable {
        var job: RunReport.Job
        var fixedFolder: String?
        var folderName: String?
        var stagedFolder: String?
        var names: [String] = []
        var digests: [String] = []
    }

    /// Runs one job and writes its files into its own folder in the staging area.
    private func stage(_ output: JobOutput, index: Int, worker: Int, staging: Staging) -> StagedJob {
        var entry = StagedJob(job: .init(source: output.source, caseNumber: output.caseNumber, diagnostics: output.diagnostics,
                                         overridden: output.overridden, folder: nil, fileNames: []),
                              fixedFolder: output.folder)
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
            entry.names = names
            // Digests from the bytes in hand; a file a staging step made is read back.
            let written = Dictionary(output.files.filter { $0.writer == nil }.map { ($0.name, $0.data) }, uniquingKeysWith: { _, last in last })
            entry.digests = try names.map { name in
                if let data = written[name] { return SHA256Digest.hex(of: data) }
                return try Placement.digest(ofFileAt: folder + "/" + name, shownAs: finalFolder + "/" + name)
            }
            entry.stagedFolder = folder
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
    /// place among the names to place, or joins it when the `.odt` was asked for too. A job with a document
    /// LibreOffice fails on gets the finding and, like any job with an error, is not placed; the others are.
    private func print(_ staged: inout [StagedJob], with printing: PDFPrinting) {
        var jobs: [PDFConverter.Job] = []
        var owners: [(job: Int, name: String)] = []
        for j in staged.indices where !staged[j].job.stopped {
            guard let folder = staged[j].stagedFolder else { continue }
            for name in staged[j].names where name.hasSuffix(".odt") {
                let pdf = String(name.dropLast(4)) + ".pdf"
                jobs.append(PDFConverter.Job(source: staged[j].job.source, document: pdf,
                                             odf: URL(fileURLWithPath: folder + "/" + name),
                                             pdf: URL(fileURLWithPath: folder + "/" + pdf)))
                owners.append((j, name))
            }
        }
        let failures = printing.converter.failures(jobs)
        for (index, owner) in owners.enumerated() {
            if let finding = failures[index] {
                staged[owner.job].job.diagnostics.append(finding)
                continue
            }
            let pdf = jobs[index].document!
            var entry = staged[owner.job]
            let finalFolder = settings.output.path + "/" + (entry.folderName ?? "")
            do {
                let digest = try Placement.digest(ofFileAt: jobs[index].pdf.path, shownAs: finalFolder + "/" + pdf)
                if printing.keepODF {
                    entry.names.append(pdf)
                    entry.digests.append(digest)
                } else if let at = entry.names.firstIndex(of: owner.name) {
                    entry.names[at] = pdf
                    entry.digests[at] = digest
                    // A new case folder is placed by renaming the staged one whole: the .odt must not be in it.
                    unlink(jobs[index].odf.path)
                }
                entry.job.fileNames = entry.names
            } catch let problem as FileProblem {
                entry.job.diagnostics.append(problem.diagnostic(source: entry.job.source))
            } catch {
                entry.job.diagnostics.append(Diagnostic(OutputID.writeFailed, at: SourceLocation(file: entry.job.source), ["detail": "\(error)"], wording: OutputWording.unexpected))
            }
            staged[owner.job] = entry
        }
    }

    /// The threads a run of `count` jobs uses.
    private func workers(for count: Int) -> Int { min(settings.jobs, max(count, 1)) }
}

extension Array where Element == Diagnostic {
    /// An error that `--force` did not override.
    func hasBlockingErrors(overridden: [Diagnostic]) -> Bool {
        contains { $0.severity == .error && !overridden.contains($0) }
    }
}
