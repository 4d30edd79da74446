import Fluent
import FluentPostgresDriver
import Foundation
import PolkuCore
import SQLKit
import Vapor

extension DatabaseID {
    /// The streaming replica (`DATABASE_REPLICA_URL`), read by the reports and the public pages.
    static let replica = DatabaseID(string: "replica")
}

/// The replica's status, checked at most every `recheck` seconds whoever asks (one check at a time):
/// the primary's WAL position, then whether the replica has replayed up to it and the time of the
/// last commit it replayed. A replica that does not answer is "down" until the next check.
actor ReplicaMonitor {
    /// Seconds between checks; tests hold a check longer so that a write is certainly after it.
    let recheck: TimeInterval
    init(recheck: TimeInterval = 2) { self.recheck = recheck }
    private var status: ReplicaChoice.Status?
    private var checkedAt: Date?
    private var running: Task<ReplicaChoice.Status?, Never>?

    func current(now: Date, primary: any SQLDatabase, replica: any SQLDatabase) async -> ReplicaChoice.Status? {
        if let checkedAt, now.timeIntervalSince(checkedAt) >= 0, now.timeIntervalSince(checkedAt) < recheck { return status }
        if let running { return await running.value }
        let task = Task { await Self.check(primary: primary, replica: replica, now: now) }
        running = task
        let fresh = await task.value
        running = nil
        status = fresh
        checkedAt = now
        return fresh
    }

    /// A read on the replica failed: it counts as down until the next check.
    func failed(now: Date) {
        status = nil
        checkedAt = now
    }

    private struct Row: Decodable { let recovering: Bool; let caught_up: Bool?; let replayed_at: Date? }

    static func check(primary: any SQLDatabase, replica: any SQLDatabase, now: Date) async -> ReplicaChoice.Status? {
        do {
            guard let lsn = try await primary.raw("SELECT pg_current_wal_lsn()::text AS lsn").first(decodingColumn: "lsn", as: String.self)
            else { return nil }
            guard
                let row = try await replica.raw(
                    """
                    SELECT pg_is_in_recovery() AS recovering, pg_last_wal_replay_lsn() >= \(bind: lsn)::pg_lsn AS caught_up,
                    pg_last_xact_replay_timestamp() AS replayed_at
                    """
                ).first(decoding: Row.self)
            else { return nil }
            // A server not in recovery is a primary (a managed service's read endpoint of it): it holds everything.
            return ReplicaChoice.Status(checkedAt: now, caughtUp: !row.recovering || row.caught_up == true, replayedAt: row.replayed_at)
        } catch {
            return nil
        }
    }
}

extension Application {
    private struct ReplicaKey: StorageKey { typealias Value = ReplicaMonitor }

    /// Set by `configure` when `DATABASE_REPLICA_URL` names a PostgreSQL replica.
    var replica: ReplicaMonitor? {
        get { storage[ReplicaKey.self] }
        set { storage[ReplicaKey.self] = newValue }
    }

    /// Registers the replica's pool: small (reports only) and quick to give up, so a replica that
    /// hangs sends readers to the primary instead of holding them.
    func useReplica(url: String) throws {
        var config = try SQLPostgresConfiguration(url: url)
        config.searchPath = nil
        config.coreConfiguration.options.connectTimeout = .seconds(2)
        databases.use(.postgres(configuration: config, maxConnectionsPerEventLoop: 2, connectionPoolTimeout: .seconds(2)), as: .replica, isDefault: false)
        replica = ReplicaMonitor()
    }
}

extension Request {
    /// Runs a report's reads on the replica when `ReplicaChoice` allows, else on the primary; a read
    /// that fails on the replica is run again on the primary. Returns where the figures came from, for
    /// the page to say how fresh they are. A few reports at a time per process (`ReportGate`); those
    /// asked for with the same `sharing` key at the same time are computed once (`ReportFlights`).
    func reportReading<T: Sendable>(
        sharing key: String? = nil, _ body: @escaping @Sendable (any Database) async throws -> T
    ) async throws -> (T, ReplicaChoice) {
        let compute: @Sendable () async throws -> (T, ReplicaChoice) = { try await self.application.reportGate.run { try await self.reportChoosing(body) } }
        guard let key, LastWrite.read(self) == nil else { return try await compute() }
        return try await application.reportFlights.shared(key, compute)
    }

    private func reportChoosing<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> (T, ReplicaChoice) {
        guard let monitor = application.replica else { return (try await body(db), .primary(.notConfigured)) }
        let replicaDB = db(.replica)
        let status = await monitor.current(now: now, primary: db.sql, replica: replicaDB.sql)
        let choice = ReplicaChoice.choose(configured: true, status: status, now: now, maxLag: application.settings.replicaMaxLag, lastWrite: LastWrite.read(self))
        guard case .replica = choice else { return (try await body(db), choice) }
        do {
            return (try await body(replicaDB), choice)
        } catch let error as any AbortError {
            throw error
        } catch {
            logger.warning("replica read failed, reading the primary: \(error)")
            await monitor.failed(now: now)
            return (try await body(db), .primary(.down))
        }
    }
}

/// When this browser last wrote (`polku_wrote`, milliseconds): set on every signed-in write while a
/// replica is in use, so that this person's next report waits for the replica to hold the write (or
/// reads the primary). Not signed: changing it only makes one's own reads older or slower.
struct LastWrite: AsyncMiddleware {
    static let cookie = "polku_wrote"

    static func read(_ req: Request) -> Date? {
        guard let text = req.sentCookies[cookie]?.string, let ms = Double(text), ms.isFinite else { return nil }
        return Date(timeIntervalSince1970: ms / 1000)
    }

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: req)
        // A signed-in person's write (signing in itself changes no figures).
        if req.method != .GET, req.method != .HEAD, response.status.code < 400, req.guarded.actor != nil {
            let ms = Int64((req.now.timeIntervalSince1970 * 1000).rounded(.up))
            response.cookies[Self.cookie] = HTTPCookies.Value(
                string: String(ms), maxAge: 3600, path: "/", isSecure: req.application.settings.secureCookies, isHTTPOnly: true, sameSite: .lax)
        }
        return response
    }
}

extension ReplicaChoice {
    /// What a report page says of its figures' freshness; nil without a replica.
    func note(_ t: Texts) -> String? {
        switch self {
        case .replica(let asOf): t("report.source.replica", t.dateTime(asOf))
        case .primary(.notConfigured): nil
        case .primary(let reason): t("report.source.primary." + reason.rawValue)
        }
    }
}
