import Foundation
import NIOCore
import Vapor

/// At most a few reports computed at once in one process; the others wait their turn, in order.
///
/// A report of a national project reads 100,000 rows and holds its figures in memory for about a
/// second. Sixty-four at once (a busy morning, or a client retrying) made every other page of the
/// process wait and its memory pass 400 MB (the scale benchmark, 2026-12-05); one at a time per
/// core gives the same throughput with the memory of two. A report that cannot start within
/// `patience` is answered 503 ("try again shortly") rather than held until the client has gone.
actor ReportGate {
    let permits: Int
    let patience: Duration
    private var running = 0
    private var queue: [(id: Int, turn: CheckedContinuation<Bool, Never>)] = []
    private var nextID = 0

    init(permits: Int, patience: Duration) {
        self.permits = max(1, permits)
        self.patience = patience
    }

    /// Runs `body` when a permit is free; throws 503 when none came within `patience`.
    func run<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        guard await enter() else { throw Abort(.serviceUnavailable, reason: "reports busy") }
        defer { leave() }
        return try await body()
    }

    /// Reports running and waiting now (for tests and the metrics).
    var load: (running: Int, waiting: Int) { (running, queue.count) }

    private func enter() async -> Bool {
        if running < permits {
            running += 1
            return true
        }
        let id = nextID
        nextID += 1
        let patience = patience
        return await withCheckedContinuation { turn in
            queue.append((id, turn))
            Task { [weak self] in
                try? await Task.sleep(for: patience)
                await self?.giveUp(id)
            }
        }
    }

    private func giveUp(_ id: Int) {
        guard let i = queue.firstIndex(where: { $0.id == id }) else { return }
        queue.remove(at: i).turn.resume(returning: false)
    }

    /// A leaving report hands its permit to the first in the queue.
    private func leave() {
        if queue.isEmpty {
            running -= 1
        } else {
            queue.removeFirst().turn.resume(returning: true)
        }
    }
}

extension Application {
    private struct ReportGateKey: StorageKey { typealias Value = ReportGate }

    /// One gate per process, set by `configure`: as many reports at once as there are cores, each
    /// waiting at most 20 s (nginx's default answer time is 60 s).
    var reportGate: ReportGate {
        get { storage[ReportGateKey.self]! }
        set { storage[ReportGateKey.self] = newValue }
    }
}
