@testable import PolkuApp
import Testing
import Vapor

/// Reports wait their turn: never more at once than the gate's permits, first come first served,
/// and a report that cannot start in time is refused with 503 instead of waiting forever.
@Suite struct ReportGateTests {
    /// Counts reports running at once.
    actor Meter {
        var now = 0, most = 0, done = 0, order: [Int] = []
        func start(_ n: Int) { now += 1; most = max(most, now); order.append(n) }
        func end() { now -= 1; done += 1 }
    }

    @Test func noMoreThanThePermitsRunAtOnceAndTheyRunInOrder() async throws {
        let gate = ReportGate(permits: 2, patience: .seconds(30))
        let meter = Meter()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for n in 0..<8 {
                group.addTask {
                    try await gate.run {
                        await meter.start(n)
                        try await Task.sleep(for: .milliseconds(30))
                        await meter.end()
                    }
                }
                // Each arrives after the one before it has queued (a fixed pause was too short for a
                // loaded machine running the suite in parallel).
                while true {
                    let load = await gate.load
                    if await load.running + load.waiting + meter.done >= n + 1 { break }
                    try await Task.sleep(for: .milliseconds(1))
                }
            }
            try await group.waitForAll()
        }
        #expect(await meter.most == 2)
        #expect(await meter.order == Array(0..<8))
        let load = await gate.load
        #expect(load.running == 0 && load.waiting == 0)
    }

    @Test func aReportThatCannotStartInTimeIsRefusedAndTheNextStillRuns() async throws {
        let gate = ReportGate(permits: 1, patience: .milliseconds(100))
        let long = Task { try await gate.run { try await Task.sleep(for: .milliseconds(600)) } }
        // Waits until the long report holds the permit (a fixed pause was too short on a loaded machine).
        while await gate.load.running == 0 { try await Task.sleep(for: .milliseconds(1)) }
        await #expect(throws: Abort.self) { try await gate.run { 1 } }
        try await long.value
        // The refused one left no permit taken: the next runs at once.
        #expect(try await gate.run { 2 } == 2)
        let load = await gate.load
        #expect(load.running == 0 && load.waiting == 0)
    }
}

/// The same report asked for at the same time is computed once; another report, or the same one
/// asked for later, is computed again.
@Suite struct ReportFlightsTests {
    actor Count {
        var n = 0
        func add() -> Int { n += 1; return n }
    }

    @Test func askersAtTheSameTimeShareOneComputation() async throws {
        let flights = ReportFlights()
        let count = Count()
        let compute: @Sendable () async throws -> Int = {
            let n = await count.add()
            try await Task.sleep(for: .milliseconds(200))
            return n
        }
        async let a = flights.shared("esf 1", compute)
        while await flights.underWay == 0 { try await Task.sleep(for: .milliseconds(1)) }
        async let b = flights.shared("esf 1", compute)
        async let other = flights.shared("esf 2", compute)
        let (first, second, third) = try await (a, b, other)
        #expect(first == second, "the second asker got the first one's figures")
        #expect(third != first, "another report is computed on its own")
        #expect(await count.n == 2)
        #expect(await flights.underWay == 0)
        // Asked for again later: computed again (nothing is kept).
        #expect(try await flights.shared("esf 1", compute) == 3)
        // The same key as another type is another computation.
        #expect(try await flights.shared("esf 1") { "text" } == "text")
    }
}
