import WenshuDiagnostics
import XCTest

/// The one index counter and result slots every stage that works on all cores uses.
final class ParallelTests: XCTestCase {
    func testEveryIndexIsTakenOnceAndItsSlotFilled() {
        let count = 1_000
        let slots = ResultSlots<Int>(count: count)
        let workersSeen = ResultSlots<Int>(count: count)
        inParallel(count: count, workers: 4) { worker, index in
            XCTAssertNil(slots[index], "index \(index) taken twice")
            slots[index] = index * 2
            workersSeen[index] = worker
        }
        XCTAssertEqual(slots.values, (0..<count).map { $0 * 2 })
        XCTAssertTrue(workersSeen.values.allSatisfy { (0..<4).contains($0) })
    }

    func testUnfilledSlotsAreLeftOutInOrder() {
        let slots = ResultSlots<String>(count: 5)
        slots[3] = "d"
        slots[1] = "b"
        XCTAssertEqual(slots.values, ["b", "d"])
        XCTAssertEqual(slots.filled, [1: "b", 3: "d"])
        let counter = IndexCounter(below: 2)
        XCTAssertEqual([counter.next(), counter.next(), counter.next()], [0, 1, nil])
    }

    func testAlongsideReturnsOnlyWhenTheSideWorkIsDone() throws {
        let side = ResultSlots<Bool>(count: 1)
        let value = alongside({
            usleep(50_000)    // longer than the main work: the call must still wait for it
            side[0] = true
        }) { 42 }
        XCTAssertEqual(value, 42)
        XCTAssertEqual(side[0], true)
        struct Failure: Error {}
        let failedSide = ResultSlots<Bool>(count: 1)
        XCTAssertThrowsError(try alongside({ usleep(20_000); failedSide[0] = true }) { () throws -> Int in throw Failure() })
        XCTAssertEqual(failedSide[0], true, "a main part that throws still waits for the side work")
    }
}
