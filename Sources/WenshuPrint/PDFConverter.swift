import Foundation
import WenshuDiagnostics
import WenshuXML

/// Converts ODF documents to PDF with LibreOffice headless: a pool of converters, each a `soffice` with its
/// own profile (one shared profile silently loses documents when two run at once), each run converting a
/// chunk of documents (a start costs about 1.5 s), each stopped when it makes no progress for a while.
///
/// A chunk that fails is retried one document at a time, so a document LibreOffice cannot convert is a
/// finding about that document alone and the others still get their PDFs. Every PDF is checked to exist
/// and to start with `%PDF`. Fonts: every `soffice` gets `FONTCONFIG_FILE` = `settings.fontsConf` in its
/// own environment (Wenshu's `templates/fonts/fonts.conf`, which maps the official font names to free GB
/// faces); the environment of the process that calls this is not changed.
///
/// LibreOffice 7.4's PDFs are not byte-reproducible: the embedded font subsets differ from run to run, and
/// the creation date and `/ID` are those of the conversion.
public struct PDFConverter: Sendable {
    public struct Settings: Sendable {
        /// Converters running at once (`--jobs`).
        public var converters: Int
        /// Seconds a converter may go without finishing a document before it is stopped.
        public var idleLimit: Double
        /// Documents per `soffice` run.
        public var documentsPerRun: Int
        /// PDF/A-2b (for the archive) instead of plain PDF.
        public var pdfA: Bool
        /// The fontconfig file every `soffice` gets; nil leaves the system's setup.
        public var fontsConf: URL?

        public init(converters: Int = 1, idleLimit: Double = 60, documentsPerRun: Int = 40, pdfA: Bool = false, fontsConf: URL? = nil) {
            self.converters = max(1, converters)
            self.idleLimit = idleLimit
            self.documentsPerRun = max(1, documentsPerRun)
            self.pdfA = pdfA
            self.fontsConf = fontsConf
        }
    }

    /// One document to convert: the ODF file (`.odt` or `.fodt`, told apart by content when the name does
    /// not say), where its PDF goes (it may be the ODF's own path: the PDF then replaces it), and where a
    /// finding about it points: the source (a case file) and the document (`agreement.pdf`).
    public struct Job: Sendable {
        public var source: String
        public var document: String?
        public var odf: URL
        public var pdf: URL
        public init(source: String, document: String? = nil, odf: URL, pdf: URL) {
            self.source = source
            self.document = document
            self.odf = odf
            self.pdf = pdf
        }
    }

    public let libreOffice: LibreOffice
    public let settings: Settings

    public init(libreOffice: LibreOffice, settings: Settings) {
        self.libreOffice = libreOffice
        self.settings = settings
    }

    /// LibreOffice's filter for `--convert-to`: PDF, or PDF/A-2b.
    var filter: String {
        settings.pdfA ? #"pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}"# : "pdf"
    }

    /// Converts every job, writing each PDF where the job says; returns a finding for each document that got
    /// no PDF, in job order.
    public func convert(_ jobs: [Job]) -> [Diagnostic] {
        failures(jobs).sorted { $0.key < $1.key }.map(\.value)
    }

    /// The findings of `convert(_:)` by job index.
    public func failures(_ jobs: [Job]) -> [Int: Diagnostic] {
        guard !jobs.isEmpty else { return [:] }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-print-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: work) }
        // Chunks small enough that every converter gets work, large enough to spread a start over many files.
        let perRun = min(settings.documentsPerRun, (jobs.count + settings.converters - 1) / settings.converters)
        let chunks = stride(from: 0, to: jobs.count, by: perRun).map { Array($0..<min($0 + perRun, jobs.count)) }
        let failures = ResultSlots<Diagnostic>(count: jobs.count)
        let next = IndexCounter(below: chunks.count)
        let group = DispatchGroup()
        for worker in 0..<min(settings.converters, chunks.count) {
            DispatchQueue.global().async(group: group) {
                let converter = Converter(pool: self, folder: work.appendingPathComponent("\(worker)", isDirectory: true))
                while let chunk = next.next() {
                    for (index, finding) in converter.convert(chunks[chunk].map { (index: $0, job: jobs[$0]) }) {
                        failures[index] = finding
                    }
                }
            }
        }
        group.wait()
        return failures.filled
    }

    /// In-memory documents to PDF bytes, in order; `source` and `document` say where a finding points.
    public func convert(_ documents: [(source: String, document: String, odf: Data)]) -> [Result<Data, Diagnostic>] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-print-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var jobs: [Job] = []
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (index, document) in documents.enumerated() {
                let odf = folder.appendingPathComponent(String(index) + ".odf")
                try document.odf.write(to: odf)
                jobs.append(Job(source: document.source, document: document.document, odf: odf,
                                pdf: folder.appendingPathComponent(String(index) + ".pdf")))
            }
        } catch {
            return documents.map {
                .failure(Diagnostic(PrintID.conversionFailed, at: SourceLocation(file: $0.source), subject: $0.document,
                                    ["reason": .phrase(PrintWording.unstaged, ["detail": "\(error)"])]))
            }
        }
        let failed = failures(jobs)
        return jobs.indices.map { index in
            if let finding = failed[index] { return .failure(finding) }
            guard let data = try? Data(contentsOf: jobs[index].pdf) else {
                return .failure(Diagnostic(PrintID.conversionFailed, at: SourceLocation(file: jobs[index].source),
                                           subject: jobs[index].document, ["reason": .phrase(PrintWording.unreadablePDF)]))
            }
            return .success(data)
        }
    }
}

/// One converter of the pool: a profile of its own, reused by all its runs.
private struct Converter {
    let pool: PDFConverter
    let folder: URL
    var profile: URL { folder.appendingPathComponent("profile", isDirectory: true) }

    /// Converts a chunk; returns the findings for documents left without a PDF. A failed chunk of several
    /// documents is retried one by one, to find the one LibreOffice fails on.
    func convert(_ chunk: [(index: Int, job: PDFConverter.Job)]) -> [(Int, Diagnostic)] {
        let outcome = run(chunk)
        var failed = chunk.filter { !outcome.converted.contains($0.index) }
        if failed.isEmpty { return [] }
        if chunk.count == 1 { return [(chunk[0].index, finding(chunk[0].job, outcome.reason))] }
        // After a time-out the document that hung may have left half a PDF: convert the whole chunk again.
        if outcome.reason.timedOut { failed = chunk }
        return failed.flatMap { convert([$0]) }
    }

    struct Outcome {
        var converted: Set<Int>
        var reason: Reason
    }

    struct Reason {
        var timedOut = false
        /// Why, in the catalogue's words (`PrintWording`).
        var detail: DiagnosticArgument = ""
    }

    private func run(_ chunk: [(index: Int, job: PDFConverter.Job)]) -> Outcome {
        let manager = FileManager.default
        let runFolder = folder.appendingPathComponent("run-\(UUID().uuidString)", isDirectory: true)
        let input = runFolder.appendingPathComponent("in", isDirectory: true)
        let output = runFolder.appendingPathComponent("out", isDirectory: true)
        defer { try? manager.removeItem(at: runFolder) }
        var inputs: [String] = []
        do {
            try manager.createDirectory(at: input, withIntermediateDirectories: true)
            try manager.createDirectory(at: output, withIntermediateDirectories: true)
            try manager.createDirectory(at: profile, withIntermediateDirectories: true)
            for (index, job) in chunk {
                // A name of our own (a batch's inputs share names such as agreement.odt); LibreOffice names
                // the PDF after it.
                let link = input.appendingPathComponent("\(index).\(Self.fileExtension(of: job.odf))")
                try manager.createSymbolicLink(atPath: link.path, withDestinationPath: job.odf.path)
                inputs.append(link.path)
            }
        } catch {
            return Outcome(converted: [], reason: Reason(detail: "could not prepare the conversion: \(error)"))
        }
        var environment = ProcessInfo.processInfo.environment
        if let conf = pool.settings.fontsConf { environment["FONTCONFIG_FILE"] = conf.path }
        let log = runFolder.appendingPathComponent("soffice.log").path
        let arguments = ["-env:UserInstallation=" + profile.absoluteString, "--headless", "--norestore", "--nologo",
                         "--convert-to", pool.filter, "--outdir", output.path] + inputs
        let ended: ChildProcess.Outcome
        do {
            ended = try ChildProcess.run(pool.libreOffice.soffice.path, arguments, environment: environment, log: log,
                                         idleLimit: pool.settings.idleLimit,
                                         progress: { (try? manager.contentsOfDirectory(atPath: output.path).count) ?? 0 })
        } catch {
            return Outcome(converted: [], reason: Reason(detail: "could not start \(pool.libreOffice.soffice.path): \(error)"))
        }
        // A killed soffice leaves a stale lock and perhaps a half-written profile: the next run makes a new one.
        if ended == .timedOut { try? manager.removeItem(at: profile) }
        var converted: Set<Int> = []
        if ended != .timedOut {
            for (index, job) in chunk {
                let pdf = output.appendingPathComponent(String(index) + ".pdf")
                guard Self.isPDF(pdf) else { continue }
                try? manager.removeItem(at: job.pdf)
                if (try? manager.moveItem(at: pdf, to: job.pdf)) != nil { converted.insert(index) }
            }
        }
        var reason = Reason(timedOut: ended == .timedOut)
        switch ended {
        case .timedOut: reason.detail = .phrase(PrintWording.idle, ["seconds": "\(Int(pool.settings.idleLimit))"])
        case .signalled(let signal): reason.detail = .phrase(PrintWording.killed, ["signal": "\(signal)"])
        case .exited(let status):
            let said = ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")
                .split(separator: "\n").filter { !$0.contains("javaldx") && !$0.hasPrefix("convert ") }.last.map(String.init)
            reason.detail = .phrase(PrintWording.noPDF, ["status": "\(status)", "said": "\(said.map { ": \($0)" } ?? "")"])
        }
        return Outcome(converted: converted, reason: reason)
    }

    private func finding(_ job: PDFConverter.Job, _ reason: Reason) -> Diagnostic {
        Diagnostic(PrintID.conversionFailed, at: SourceLocation(file: job.source), subject: job.document,
                   ["reason": reason.detail])
    }

    /// `odt` or `fodt`: from the name when it says, else from the content (a zip starts with `PK`).
    static func fileExtension(of url: URL) -> String {
        let named = url.pathExtension.lowercased()
        if named == "odt" || named == "fodt" { return named }
        guard let handle = FileHandle(forReadingAtPath: url.path) else { return "odt" }
        defer { try? handle.close() }
        return handle.readData(ofLength: 2) == Data("PK".utf8) ? "odt" : "fodt"
    }

    /// The file exists and starts as a PDF does.
    static func isPDF(_ url: URL) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: url.path) else { return false }
        defer { try? handle.close() }
        return handle.readData(ofLength: 5) == Data("%PDF-".utf8)
    }
}
