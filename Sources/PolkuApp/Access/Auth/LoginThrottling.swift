import Fluent
import Foundation
import Vapor

/// Slows and then briefly stops repeated failed logins, following OWASP's authentication guidance:
/// the keys are one account *from one address* and one address, never an account alone, so that
/// anyone cannot lock any coach out, and the right password from an address that has not failed
/// always works. The wait doubles with each failure past the limit and is told to the person.
/// Counts live in the database so that every Polku process behind a load balancer sees the same ones.
struct LoginThrottling {
    let db: any Database
    let settings: Settings

    enum Verdict: Equatable { case allowed(delayMilliseconds: Int), wait(seconds: Int) }

    static func keys(email: String, address: String) -> [String] {
        ["pair:" + email.lowercased() + "|" + address, "address:" + address]
    }

    func verdict(for keys: [String], now: Date) async throws -> Verdict {
        let rows = try await LoginThrottle.query(on: db).filter(\.$id ~~ keys).all()
        var worst = 0
        for row in rows {
            if let until = row.lockedUntil, until > now { return .wait(seconds: max(1, Int(until.timeIntervalSince(now).rounded(.up)))) }
            // Failures older than the window are forgotten.
            if now.timeIntervalSince(row.lastFailureAt) < Double(settings.loginLockSeconds), row.id?.hasPrefix("pair:") == true {
                worst = max(worst, row.failures)
            }
        }
        let over = worst - settings.loginSlowAfter
        return .allowed(delayMilliseconds: over > 0 ? min(over, 8) * settings.loginDelayMilliseconds : 0)
    }

    func recordFailure(for keys: [String], now: Date) async throws {
        for key in keys {
            let row =
                try await LoginThrottle.find(key, on: db)
                ?? LoginThrottle(key: key, failures: 0, lastFailureAt: now)
            if now.timeIntervalSince(row.lastFailureAt) >= Double(settings.loginLockSeconds) { row.failures = 0 }
            row.failures += 1
            row.lastFailureAt = now
            let limit = key.hasPrefix("address:") ? settings.loginAddressLockAfter : settings.loginLockAfter
            if row.failures >= limit {
                row.lockedUntil = now.addingTimeInterval(Double(Self.wait(failuresOver: row.failures - limit, settings: settings)))
            }
            try await row.save(on: db)
        }
    }

    /// 30 s, 60 s, 120 s … up to the window.
    static func wait(failuresOver over: Int, settings: Settings) -> Int {
        min(settings.loginLockSeconds, settings.loginFirstWaitSeconds << min(over, 16))
    }

    /// A successful login clears this account's count from this address (the address keeps its own).
    func recordSuccess(email: String, address: String) async throws {
        try await LoginThrottle.query(on: db).filter(\.$id == Self.keys(email: email, address: address)[0]).delete()
    }
}
