import Foundation
import WenshuCase
import WenshuXML

/// Reads the facts of many cases with memory that stays flat as the batch grows: each worker loads one case,
/// extracts its `CaseFacts` and drops the tree before taking the next, so at most one tree per worker is
/// alive. The facts come back in input order whatever the number of workers, so output is reproducible.
package enum CaseFactsBatch {
    /// What loading one case gives: its tree (`nil` when it could not be used) and the findings about it.
    package struct Loaded {
        package var root: XMLNode?
        /// The name messages use for the case.
        package var name: String
        package var diagnostics: [Diagnostic]

        package init(root: XMLNode?, name: String, diagnostics: [Diagnostic] = []) {
            self.root = root
            self.name = name
            self.diagnostics = diagnostics
        }
    }

    /// The facts of cases `0 ..< count`, each loaded by `load(i)` on one of `workers` threads.
    ///
    /// Cases that load without a tree are left out; their findings are returned with the others. Two cases
    /// with one number get a warning `ledger.duplicate-number` on the later file (both are kept: the ledger
    /// shows them, and the clerk decides).
    package static func collect(count: Int, extractor: CaseFactsExtractor,
                               workers: Int = ProcessInfo.processInfo.activeProcessorCount,
                               load: @escaping @Sendable (Int) -> Loaded) -> (facts: [CaseFacts], diagnostics: [Diagnostic]) {
        let sink = Sink()
        let workers = max(1, min(workers, count))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var facts: [(Int, CaseFacts)] = []
            var diagnostics: [(Int, [Diagnostic])] = []
            for index in stride(from: worker, to: count, by: workers) {
                // One tree alive per worker: it is released at the end of this iteration.
                let loaded = load(index)
                if !loaded.diagnostics.isEmpty { diagnostics.append((index, loaded.diagnostics)) }
                if let root = loaded.root { facts.append((index, extractor.facts(from: root, file: loaded.name))) }
            }
            sink.add(facts, diagnostics)
        }
        let (facts, diagnostics) = sink.ordered()
        return (facts, diagnostics + duplicateNumbers(facts))
    }

    /// The facts of the case files `files`, each loaded by `CaseLoader` and, with a `checker`, checked first
    /// (schema and domain rules): a case with errors is left out, and its findings say why; warnings come back
    /// with the facts. A file that loads as another kind (an office profile, a register, a work log in the
    /// same folder, its name not saying so) is skipped with a warning `ledger.not-a-case`.
    /// - Parameter displayNames: what locations call each file (default: its path as given).
    package static func collect(files: [URL], displayNames: [String]? = nil, extractor: CaseFactsExtractor,
                               checker: CaseChecker? = CaseChecker(),
                               workers: Int = ProcessInfo.processInfo.activeProcessorCount) -> (facts: [CaseFacts], diagnostics: [Diagnostic]) {
        collect(count: files.count, extractor: extractor, workers: workers) { index in
            let name = displayNames?[index] ?? files[index].relativePath
            let file: CaseFile
            do throws(Diagnostic) {
                file = try CaseLoader.load(files[index], displayName: name)
            } catch {
                return Loaded(root: nil, name: name, diagnostics: [error])
            }
            guard file.kind == .caseFile else {
                return Loaded(root: nil, name: name, diagnostics: [
                    Diagnostic(LedgerID.notACase, at: SourceLocation(file: name), ["kind": "\(file.kind.rawValue)"]),
                ])
            }
            let findings = checker?.check(file) ?? file.loadDiagnostics
            return Loaded(root: findings.hasErrors ? nil : file.root, name: name, diagnostics: findings)
        }
    }

    /// Warnings for case numbers used by more than one file, on every file after the first.
    static func duplicateNumbers(_ facts: [CaseFacts]) -> [Diagnostic] {
        var firstFile: [String: String] = [:]
        var findings: [Diagnostic] = []
        for c in facts where !c.number.isEmpty {
            if let first = firstFile[c.number] {
                findings.append(Diagnostic(LedgerID.duplicateNumber, at: SourceLocation(file: c.file), subject: "number",
                                           ["number": "\(c.number)", "first": "\(first)"]))
            } else {
                firstFile[c.number] = c.file
            }
        }
        return findings
    }

    /// Where workers drop their results; read once all have finished.
    private final class Sink: @unchecked Sendable {
        private let lock = NSLock()
        private var facts: [(Int, CaseFacts)] = []
        private var diagnostics: [(Int, [Diagnostic])] = []

        func add(_ f: [(Int, CaseFacts)], _ d: [(Int, [Diagnostic])]) {
            lock.lock()
            defer { lock.unlock() }
            facts += f
            diagnostics += d
        }

        func ordered() -> ([CaseFacts], [Diagnostic]) {
            lock.lock()
            defer { lock.unlock() }
            return (facts.sorted { $0.0 < $1.0 }.map(\.1), diagnostics.sorted { $0.0 < $1.0 }.flatMap(\.1))
        }
    }
}
