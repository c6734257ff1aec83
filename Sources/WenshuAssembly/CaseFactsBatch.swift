import Foundation
import WenshuXML

/// Reads the facts of many cases with memory that stays flat as the batch grows: each worker loads one case,
/// extracts its `CaseFacts` and drops the tree before taking the next, so at most one tree per worker is
/// alive. The facts come back in input order whatever the number of workers, so output is reproducible.
public enum CaseFactsBatch {
    /// What loading one case gives: its tree (`nil` when it could not be used) and the findings about it.
    public struct Loaded {
        public var root: XMLNode?
        /// The name messages use for the case.
        public var name: String
        public var diagnostics: [Diagnostic]

        public init(root: XMLNode?, name: String, diagnostics: [Diagnostic] = []) {
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
    public static func collect(count: Int, extractor: CaseFactsExtractor,
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

    /// Warnings for case numbers used by more than one file, on every file after the first.
    static func duplicateNumbers(_ facts: [CaseFacts]) -> [Diagnostic] {
        var firstFile: [String: String] = [:]
        var findings: [Diagnostic] = []
        for c in facts where !c.number.isEmpty {
            if let first = firstFile[c.number] {
                findings.append(Diagnostic("ledger.duplicate-number", .warning, at: SourceLocation(file: c.file),
                                           subject: "number",
                                           "case number \(c.number) is also used by \(first); the ledger lists both"))
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
