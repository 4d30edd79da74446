import Foundation
import NIOConcurrencyHelpers
import NIOCore
import Vapor

/// The requests being answered right now, so that a stopping server can wait for them (issue 13).
///
/// Vapor shuts the application down in the order its parts were registered: Fluent's pools close
/// before the HTTP server stops, so a request still running after SIGTERM found no database (a crash
/// in `Request.db`, and 500s from closed pools). Polku stops the server first, waits for these, and
/// only then closes the pools.
final class InFlightRequests: Sendable {
    private let count = NIOLockedValueBox(0)

    var current: Int { count.withLockedValue { $0 } }

    func begin() { count.withLockedValue { $0 += 1 } }
    func end() { count.withLockedValue { $0 -= 1 } }
}

/// Counts each request while it is answered. First in the stack, so it covers every other middleware.
struct InFlightMiddleware: AsyncMiddleware {
    let requests: InFlightRequests

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        requests.begin()
        defer { requests.end() }
        return try await next.respond(to: req)
    }
}

extension Application {
    private struct InFlightKey: StorageKey { typealias Value = InFlightRequests }

    /// Set by `configure` before the server starts.
    var inFlight: InFlightRequests? {
        get { storage[InFlightKey.self] }
        set { storage[InFlightKey.self] = newValue }
    }

    /// Stops accepting connections, lets the requests already accepted finish, and returns whether
    /// they all did before `deadline`. Keep-alive connections are closed once their current answer is
    /// sent; the database pools stay open until this returns.
    public func stopServing(deadline: TimeAmount) async -> Bool {
        let start = NIODeadline.now()
        http.server.configuration.shutdownTimeout = deadline
        await server.shutdown()
        while let running = inFlight?.current, running > 0 {
            guard NIODeadline.now() - start < deadline else {
                logger.warning("Shutdown deadline passed with \(running) requests still running")
                return false
            }
            try? await Task.sleep(for: .milliseconds(20))
        }
        logger.notice("Stopped serving: every accepted request was answered")
        return true
    }
}
