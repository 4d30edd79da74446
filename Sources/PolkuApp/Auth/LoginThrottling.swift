import Fluent
import Foundation
import Vapor

/// Slows and then refuses repeated failed logins, per account and per client address. Counts live
/// in the database so that every Polku process behind a load balancer sees the same ones.
struct LoginThrottling {
    let db: any Database
    let settings: Settings

    enum Verdict: Equatable { case allowed(delayMilliseconds: Int), locked }

    static func keys(email: String, address: String) -> [String] {
        ["account:" + email.lowercased(), "address:" + address]
    }

    func verdict(for keys: [String], now: Date = Date()) async throws -> Verdict {
        let rows = try await LoginThrottle.query(on: db).filter(\.$id ~~ keys).all()
        var worst = 0
        for row in rows {
            if let until = row.lockedUntil, until > now { return .locked }
            // Failures older than the lock window are forgotten.
            if now.timeIntervalSince(row.lastFailureAt) < Double(settings.loginLockSeconds) {
                worst = max(worst, row.failures)
            }
        }
        let over = worst - settings.loginSlowAfter
        return .allowed(delayMilliseconds: over > 0 ? min(over, 8) * settings.loginDelayMilliseconds : 0)
    }

    func recordFailure(for keys: [String], now: Date = Date()) async throws {
        for key in keys {
            let row = try await LoginThrottle.find(key, on: db)
                ?? LoginThrottle(key: key, failures: 0, lastFailureAt: now)
            if now.timeIntervalSince(row.lastFailureAt) >= Double(settings.loginLockSeconds) { row.failures = 0 }
            row.failures += 1
            row.lastFailureAt = now
            if row.failures >= settings.loginLockAfter {
                row.lockedUntil = now.addingTimeInterval(Double(settings.loginLockSeconds))
            }
            try await row.save(on: db)
        }
    }

    /// A successful login clears the account's count (the address keeps its own).
    func recordSuccess(email: String) async throws {
        try await LoginThrottle.query(on: db).filter(\.$id == "account:" + email.lowercased()).delete()
    }
}
