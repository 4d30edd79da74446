import Foundation
import SQLKit
import Vapor

/// What a job does. A kind is run by `Jobs.work(_:)`; a recurring kind is scheduled by every process
/// at start and queued again after each run.
enum JobKind: String, CaseIterable, Sendable {
    /// Ended sessions, unused expired invitations and old form keys.
    case cleanup
    /// Anonymises the participants whose projects' retention time has passed (`RetentionRun`).
    case retention
    /// A participant spreadsheet a project manager uploaded (`ImportJob`).
    case participantImport = "participant-import"
    /// One delivery of a webhook (`Webhooks.deliver`), retried with the queue's backoff.
    case webhook
    /// The audit table's months ahead and its retention (`AuditPartitions`, issue 19).
    case auditPartitions = "audit-partitions"
    /// The name search's piece counts on PostgreSQL (`NameGramCounts`).
    case nameSearchCounts = "name-search-counts"

    /// How often a recurring kind runs; nil for a job that runs once.
    var interval: TimeInterval? {
        switch self {
        case .cleanup, .nameSearchCounts: 3600
        case .retention, .auditPartitions: 86_400
        case .participantImport, .webhook: nil
        }
    }
}

/// A job a process has claimed: it holds the job until `lockedUntil`, after which another may take it.
struct ClaimedJob: Sendable {
    let id: UUID
    let kind: String
    let payload: String?
    let attempts: Int
    let recurring: Bool
}

/// The `jobs` table. A claim is one atomic statement: on PostgreSQL the row is picked with
/// `FOR UPDATE SKIP LOCKED`, so processes claiming at once each get another row; SQLite runs one
/// write at a time, so the same statement without the clause is as safe there.
enum JobQueue {
    /// A job whose process died is taken over after this long.
    static let lease: TimeInterval = 15 * 60
    static let maxAttempts = 5

    /// Queues a job due at `runAt`; its id and creation time come from the application's id source and clock.
    /// `owner` is the person who asked for it and alone sees its outcome.
    @discardableResult
    static func enqueue(
        _ kind: JobKind, payload: String? = nil, at runAt: Date, dedupeKey: String? = nil, owner: UUID? = nil, app: Application
    ) async throws -> UUID {
        try await enqueue(kind, payload: payload, at: runAt, dedupeKey: dedupeKey, owner: owner, app: app, on: app.db.sql)
    }

    /// The same in the caller's transaction (`sql`): the job exists only if what it follows commits.
    @discardableResult
    static func enqueue(
        _ kind: JobKind, payload: String? = nil, at runAt: Date, dedupeKey: String? = nil, owner: UUID? = nil, app: Application, on sql: any SQLDatabase
    ) async throws -> UUID {
        let id = app.newID()
        try await sql.raw(
            """
            INSERT INTO jobs (id, kind, dedupe_key, payload, state, attempts, run_at, created_at, owner_id)
            VALUES (\(bind: id), \(bind: kind.rawValue), \(bind: dedupeKey), \(bind: payload), 'queued', 0, \(bind: runAt),
              \(bind: app.clock.now()), \(bind: owner))
            ON CONFLICT (dedupe_key) DO NOTHING
            """
        ).run()
        return id
    }

    /// Queues each recurring kind once (its kind is its key), due now.
    static func scheduleRecurring(_ app: Application) async throws {
        for kind in JobKind.allCases where kind.interval != nil {
            try await enqueue(kind, at: app.clock.now(), dedupeKey: kind.rawValue, app: app)
        }
    }

    static func claim(worker: String, now: Date, on sql: any SQLDatabase) async throws -> ClaimedJob? {
        let skipLocked: SQLQueryString = sql.dialect.name == "postgresql" ? "FOR UPDATE SKIP LOCKED" : ""
        let row = try await sql.raw(
            """
            UPDATE jobs SET state = 'running', attempts = attempts + 1, locked_by = \(bind: worker),
              locked_until = \(bind: now.addingTimeInterval(lease))
            WHERE id = (SELECT id FROM jobs WHERE (state = 'queued' AND run_at <= \(bind: now))
              OR (state = 'running' AND locked_until < \(bind: now)) ORDER BY run_at LIMIT 1 \(skipLocked))
            RETURNING id, kind, payload, attempts, dedupe_key
            """
        ).first()
        guard let row else { return nil }
        return ClaimedJob(
            id: try row.decode(column: "id", as: UUID.self), kind: try row.decode(column: "kind", as: String.self),
            payload: try row.decode(column: "payload", as: String?.self), attempts: try row.decode(column: "attempts", as: Int.self),
            recurring: try row.decode(column: "dedupe_key", as: String?.self) != nil)
    }

    static func succeeded(_ job: ClaimedJob, result: String, now: Date, on sql: any SQLDatabase) async throws {
        if let interval = JobKind(rawValue: job.kind)?.interval, job.recurring {
            try await sql.raw(
                """
                UPDATE jobs SET state = 'queued', attempts = 0, run_at = \(bind: now.addingTimeInterval(interval)), locked_by = NULL,
                  locked_until = NULL, result = \(bind: result), last_error = NULL, finished_at = \(bind: now) WHERE id = \(bind: job.id)
                """
            ).run()
        } else {
            try await sql.raw(
                """
                UPDATE jobs SET state = 'done', locked_by = NULL, locked_until = NULL, result = \(bind: result),
                  finished_at = \(bind: now) WHERE id = \(bind: job.id)
                """
            ).run()
        }
    }

    /// Tried again after 30 s, 1, 2, 4 min…; after `maxAttempts` a one-off job stays failed (an admin
    /// sees it) and a recurring one waits for its next turn.
    static func failed(_ job: ClaimedJob, error: String, now: Date, on sql: any SQLDatabase) async throws {
        let interval = job.recurring ? JobKind(rawValue: job.kind)?.interval : nil
        let state: String, next: Date, attempts: Int
        if job.attempts < maxAttempts {
            (state, next, attempts) = ("queued", now.addingTimeInterval(backoff(afterAttempt: job.attempts)), job.attempts)
        } else if let interval {
            (state, next, attempts) = ("queued", now.addingTimeInterval(interval), 0)
        } else {
            (state, next, attempts) = ("failed", now, job.attempts)
        }
        try await sql.raw(
            """
            UPDATE jobs SET state = \(bind: state), attempts = \(bind: attempts), run_at = \(bind: next), locked_by = NULL,
              locked_until = NULL, last_error = \(bind: String(error.prefix(2000))), finished_at = \(bind: now) WHERE id = \(bind: job.id)
            """
        ).run()
    }

    /// Gives a job back unfinished (its process is stopping): due at once, the attempt not counted.
    static func release(_ job: ClaimedJob, now: Date, on sql: any SQLDatabase) async throws {
        try await sql.raw(
            """
            UPDATE jobs SET state = 'queued', attempts = \(bind: max(0, job.attempts - 1)), run_at = \(bind: now), locked_by = NULL,
              locked_until = NULL WHERE id = \(bind: job.id)
            """
        ).run()
    }

    static func backoff(afterAttempt attempt: Int) -> TimeInterval {
        min(30 * pow(2, Double(max(0, attempt - 1))), 3600)
    }

    /// Due at once (the admin's "run now").
    static func runNow(_ id: UUID, now: Date, on sql: any SQLDatabase) async throws {
        try await sql.raw("UPDATE jobs SET run_at = \(bind: now) WHERE id = \(bind: id) AND state IN ('queued', 'failed')").run()
        try await sql.raw("UPDATE jobs SET state = 'queued', attempts = 0 WHERE id = \(bind: id) AND state = 'failed'").run()
    }
}
