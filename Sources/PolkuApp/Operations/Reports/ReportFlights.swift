import Vapor

/// One computation for the same report asked for at the same time: the second and later askers wait
/// for the one under way instead of starting their own.
///
/// At the end of a month a project's whole team opens the same report; each computation of a
/// national project's report reads 100,000 rows. Shared, the figures are the same ones the first
/// asker gets (computed a moment earlier, from the same source, and the page says from which). Only
/// reports under way are shared; a finished one is not kept. Someone who has just written computes
/// their own, so that their change is in it (`LastWrite`).
actor ReportFlights {
    private var flights: [String: Task<any Sendable, any Error>] = [:]

    /// `compute`'s result, or that of the computation under `key` already under way.
    func shared<T: Sendable>(_ key: String, _ compute: @escaping @Sendable () async throws -> T) async throws -> T {
        // The same key asked for as another type (a page and an export) is another computation.
        let key = "\(T.self) \(key)"
        if let flight = flights[key] {
            joined += 1
            return try await flight.value as! T
        }
        let flight = Task<any Sendable, any Error> { try await compute() }
        flights[key] = flight
        defer { flights[key] = nil }
        return try await flight.value as! T
    }

    /// Computations under way now, and askers that have joined one (for tests).
    var underWay: Int { flights.count }
    private(set) var joined = 0
}

extension Application {
    private struct ReportFlightsKey: StorageKey { typealias Value = ReportFlights }

    /// One per process, set by `configure`.
    var reportFlights: ReportFlights {
        get { storage[ReportFlightsKey.self]! }
        set { storage[ReportFlightsKey.self] = newValue }
    }
}
