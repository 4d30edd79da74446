import Foundation
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// Runs due jobs in this process: every `pollSeconds` it claims jobs until none is due (issue 13).
/// Every `polku serve` runs one; the claim makes sure each job runs once however many there are.
final class JobRunner: LifecycleHandler, Sendable {
    let worker: String
    let pollSeconds: Double
    private let task = NIOLockedValueBox<Task<Void, Never>?>(nil)

    init(pollSeconds: Double) {
        worker = "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier)"
        self.pollSeconds = pollSeconds
    }

    func didBootAsync(_ app: Application) async throws {
        try await JobQueue.scheduleRecurring(app)
        let loop = Task { [worker, pollSeconds] in
            while !Task.isCancelled {
                do {
                    _ = try await Jobs.runDue(app, worker: worker)
                } catch is CancellationError {
                    break
                } catch {
                    app.logger.warning("Jobs could not be claimed: \(String(reflecting: error))")
                }
                await app.jobNudge.wait(upTo: pollSeconds)
            }
        }
        task.withLockedValue { $0 = loop }
    }

    /// Stops claiming; a running job is cancelled (an import stops between chunks) and queued again.
    func shutdownAsync(_ app: Application) async {
        let loop = task.withLockedValue { t in
            defer { t = nil }
            return t
        }
        loop?.cancel()
        await loop?.value
    }
}

/// The work of each kind, and running what is due.
enum Jobs {
    /// Claims and runs due jobs until none is left; returns how many ran.
    @discardableResult
    static func runDue(_ app: Application, worker: String = "test", limit: Int = 100) async throws -> Int {
        var ran = 0
        while ran < limit, let job = try await JobQueue.claim(worker: worker, now: app.clock.now(), on: app.db.sql) {
            ran += 1
            do {
                let result = try await work(job, app: app)
                try await JobQueue.succeeded(job, result: result, now: app.clock.now(), on: app.db.sql)
                app.logger.info("Job \(job.kind) done: \(result.prefix(300))")
            } catch is CancellationError {
                app.logger.notice("Job \(job.kind) stopped as the server stops; queued again")
                try await JobQueue.release(job, now: app.clock.now(), on: app.db.sql)
                throw CancellationError()
            } catch {
                app.logger.warning("Job \(job.kind) failed (attempt \(job.attempts)): \(String(reflecting: error))")
                try await JobQueue.failed(job, error: String(describing: error), now: app.clock.now(), on: app.db.sql)
            }
        }
        return ran
    }

    static func work(_ job: ClaimedJob, app: Application) async throws -> String {
        guard let kind = JobKind(rawValue: job.kind) else { throw Abort(.internalServerError, reason: "unknown job kind \(job.kind)") }
        switch kind {
        case .cleanup: return try await Cleanup.run(on: app.db.sql, now: app.clock.now())
        case .retention: return try await RetentionRun.run(app).description
        case .participantImport: return try await ImportJob.run(job, app: app)
        case .webhook: return try await Webhooks.deliver(job, app: app)
        case .auditPartitions: return try await AuditPartitions.maintain(app)
        case .nameSearchCounts: return try await NameGramCounts.recount(app.db)
        }
    }
}

/// What no one needs any more: sessions idle past the limit, invitations that expired unused,
/// form keys older than a day, and stored files past their time. Returns what it removed, for the admin's job list.
enum Cleanup {
    static func run(on sql: any SQLDatabase, now: Date) async throws -> String {
        let idleSince = Int(now.timeIntervalSince1970 - CurrentUserMiddleware.idleLimit)
        let seen: SQLQueryString =
            sql.dialect.name == "postgresql"
            ? "CASE WHEN data->>'seen' ~ '^[0-9]+$' THEN (data->>'seen')::bigint END"
            : "CAST(json_extract(data, '$.seen') AS INTEGER)"
        // A session without "seen" has never been signed in to (a token for the login form); it
        // is kept for as long as a signed-in one would be, counted from when it was made.
        let sessions = try await count(
            sql, "DELETE FROM _fluent_sessions WHERE COALESCE(\(seen), 0) < \(bind: idleSince) RETURNING 1")
        let invitations = try await count(
            sql, "DELETE FROM invitations WHERE used_at IS NULL AND expires_at < \(bind: now) RETURNING 1")
        let keys = try await count(
            sql, "DELETE FROM form_submissions WHERE created_at < \(bind: now.addingTimeInterval(-86_400)) RETURNING 1")
        let files = try await StoredFiles.removeExpired(now: now, on: sql)
        return "sessions=\(sessions) invitations=\(invitations) form_keys=\(keys) files=\(files)"
    }

    private static func count(_ sql: any SQLDatabase, _ query: SQLQueryString) async throws -> Int {
        try await sql.raw(query).all().count
    }
}

/// Wakes this process's job runner when a request has just queued a job, so that an import starts
/// at once instead of at the next poll.
final class JobNudge: Sendable {
    private let nudged = NIOLockedValueBox(false)

    func nudge() { nudged.withLockedValue { $0 = true } }

    /// Returns after `seconds`, or sooner once nudged.
    func wait(upTo seconds: Double) async {
        var waited = 0.0
        while waited < seconds, !Task.isCancelled {
            if nudged.withLockedValue({ n in
                defer { n = false }; return n
            }) {
                return
            }
            try? await Task.sleep(for: .milliseconds(100))
            waited += 0.1
        }
    }
}

extension Application {
    private struct JobNudgeKey: StorageKey { typealias Value = JobNudge }

    /// Set by `configure` before any request or job runs.
    var jobNudge: JobNudge {
        get { storage[JobNudgeKey.self] ?? JobNudge() }
        set { storage[JobNudgeKey.self] = newValue }
    }
}
