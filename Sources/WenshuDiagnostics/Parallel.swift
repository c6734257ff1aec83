import Foundation

// The two small pieces every stage that works on all cores needs (the case checker, the PDF converters'
// pool, the job runner). They live here because this is the one target all of those stages import.

/// Hands out 0, 1, 2 … below a limit to worker threads, each number once.
package final class IndexCounter: @unchecked Sendable {
    private var value = 0
    private let limit: Int
    private let lock = NSLock()

    package init(below limit: Int) { self.limit = limit }

    /// The next number, or nil when all have been handed out.
    package func next() -> Int? {
        lock.withLock {
            guard value < limit else { return nil }
            defer { value += 1 }
            return value
        }
    }
}

/// A fixed number of slots that threads fill by index.
package final class ResultSlots<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    package init(count: Int) { slots = Array(repeating: nil, count: count) }

    package subscript(index: Int) -> Value? {
        get { lock.withLock { slots[index] } }
        set { lock.withLock { slots[index] = newValue } }
    }

    /// The filled slots in order of their index (a run stopped early leaves some empty).
    package var values: [Value] { lock.withLock { slots.compactMap { $0 } } }

    /// The filled slots by index.
    package var filled: [Int: Value] {
        lock.withLock { Dictionary(uniqueKeysWithValues: slots.enumerated().compactMap { i, v in v.map { (i, $0) } }) }
    }
}

/// Runs `body(worker, index)` for every index below `count` on `workers` threads, each thread taking the
/// next index as it finishes one; returns when all are done.
package func inParallel(count: Int, workers: Int, _ body: @escaping @Sendable (_ worker: Int, _ index: Int) -> Void) {
    let next = IndexCounter(below: count)
    let group = DispatchGroup()
    for worker in 0..<max(1, min(workers, count)) {
        DispatchQueue.global().async(group: group) {
            while let index = next.next() { body(worker, index) }
        }
    }
    group.wait()
}

/// Runs `side` on another thread while `main` runs on this one, and returns what `main` returns once both
/// are done: work a later step needs (a schema to compile) overlaps work this step needs now.
package func alongside<T>(_ side: @escaping @Sendable () -> Void, _ main: () throws -> T) rethrows -> T {
    let group = DispatchGroup()
    DispatchQueue.global().async(group: group, execute: side)
    defer { group.wait() }
    return try main()
}
