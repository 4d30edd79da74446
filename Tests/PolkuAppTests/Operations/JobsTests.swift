import Fluent
import Foundation
@testable import PolkuApp
import PolkuTestSupport
import SQLKit
import Testing
import Vapor

/// Jobs live in the database, run once whichever process claims them, are retried with backoff and
/// shown to admins (issue 13).
@Suite struct JobsTests {
    static func jobs(_ app: Application) async throws -> [(state: String, attempts: Int, lockedBy: String?)] {
        try await app.db.sql.raw("SELECT state, attempts, locked_by FROM jobs WHERE dedupe_key IS NULL").all().map {
            (
                try $0.decode(column: "state", as: String.self), try $0.decode(column: "attempts", as: Int.self),
                try $0.decode(column: "locked_by", as: String?.self)
            )
        }
    }

    /// Three processes claim at once (issue 19): on PostgreSQL `FOR UPDATE SKIP LOCKED` gives each its
    /// own rows, and every job runs exactly once.
    @Test(arguments: TestDatabase.allCases)
    func threeProcessesRunEachJobOnce(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            for _ in 0..<60 { try await JobQueue.enqueue(.cleanup, at: app.clock.now(), app: app) }
            try await withSecondPolku(sharing: app) { second in
                try await withSecondPolku(sharing: app) { third in
                    async let a = Jobs.runDue(app, worker: "first")
                    async let b = Jobs.runDue(second, worker: "second")
                    async let c = Jobs.runDue(third, worker: "third")
                    let (ranA, ranB, ranC) = try await (a, b, c)
                    #expect(ranA + ranB + ranC == 60, "each job claimed by exactly one process")
                }
            }
            let rows = try await Self.jobs(app)
            #expect(rows.count == 60 && rows.allSatisfy { $0.state == "done" && $0.attempts == 1 })
            #expect(Set(rows.compactMap(\.lockedBy)).isEmpty, "no job is left claimed")
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aFailingJobIsRetriedWithBackoffAndThenShownAsFailed(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let start = Date(timeIntervalSince1970: 1_800_000_000)
            app.clock = .fixed(start)
            // A kind this version does not know (left by a newer one, say) fails every time.
            try await app.db.sql.raw(
                """
                INSERT INTO jobs (id, kind, state, attempts, run_at, created_at)
                VALUES (\(bind: UUID()), 'no_such_kind', 'queued', 0, \(bind: start), \(bind: start))
                """
            ).run()
            var now = start
            for attempt in 1...JobQueue.maxAttempts {
                #expect(try await Jobs.runDue(app) == 1)
                #expect(try await Jobs.runDue(app) == 0, "not due again before its backoff")
                let row = try #require(try await app.db.sql.raw("SELECT state, run_at, last_error FROM jobs").first())
                #expect(try row.decode(column: "last_error", as: String?.self)?.contains("no_such_kind") == true)
                if attempt < JobQueue.maxAttempts {
                    #expect(try row.decode(column: "state", as: String.self) == "queued")
                    let next = try row.decode(column: "run_at", as: Date.self)
                    #expect(abs(next.timeIntervalSince(now) - JobQueue.backoff(afterAttempt: attempt)) < 1)
                    now = next
                    app.clock = .fixed(now)
                } else {
                    #expect(try row.decode(column: "state", as: String.self) == "failed")
                }
            }
            // The admin sees it, and can run it again.
            let world = try await World.make(app)
            let admin = TestClient(app)
            try await admin.login(world.users[.admin]!)
            let page = try await admin.get(SiteURL.adminJobs.relativeURL())
            #expect(page.status == .ok && page.body.contains("epäonnistui") && page.body.contains("no_such_kind"))
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func cleanupRemovesWhatNoOneNeedsAndRunsAgainInAnHour(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let worker = TestClient(app)
            try await worker.login(world.users[.worker]!)
            let idle = TestClient(app)
            try await idle.login(world.users[.projectManager]!)
            let sql = app.db.sql
            // One session idle for nine hours; an old form key; an invitation that expired unused.
            let now = Date()
            let nineHoursAgo = String(Int(now.timeIntervalSince1970) - 9 * 3600)
            let idleKey = try #require(idle.cookies["polku_session"])
            let data = try #require(try await sql.raw("SELECT CAST(data AS TEXT) AS d FROM _fluent_sessions WHERE key = \(bind: idleKey)").first())
            var fields = try JSONDecoder().decode([String: String].self, from: Data(try data.decode(column: "d", as: String.self).utf8))
            fields["seen"] = nineHoursAgo
            let json = String(decoding: try JSONEncoder().encode(fields), as: UTF8.self)
            let cast: SQLQueryString = db == .postgres ? "CAST(\(bind: json) AS jsonb)" : "\(bind: json)"
            try await sql.raw("UPDATE _fluent_sessions SET data = \(cast) WHERE key = \(bind: idleKey)").run()
            try await sql.raw("INSERT INTO form_submissions (form_key, body_hash, created_at) VALUES ('old-key-0123456789', 'x', \(bind: now.addingTimeInterval(-2 * 86_400)))")
                .run()
            try await sql.raw(
                """
                INSERT INTO invitations (id, participant_id, token_hash, created_at, expires_at)
                VALUES (\(bind: UUID()), \(bind: world.ownParticipant), 'expired-hash', \(bind: now.addingTimeInterval(-86_400 * 8)), \(bind: now.addingTimeInterval(-86_400)))
                """
            ).run()
            // An upload cut off midway a day ago (no parts counted), and one that is still arriving.
            let (cut, arriving) = (UUID(), UUID())
            for (file, expires) in [(cut, now.addingTimeInterval(-60)), (arriving, now.addingTimeInterval(86_000))] {
                try await sql.raw(
                    """
                    INSERT INTO stored_files (id, purpose, name, content_type, byte_count, part_count, created_at, expires_at)
                    VALUES (\(bind: file), 'participant-import', 'a.csv', 'text/csv', 0, -1, \(bind: expires.addingTimeInterval(-86_400)), \(bind: expires))
                    """
                ).run()
                try await sql.raw("INSERT INTO stored_file_parts (file_id, part, bytes) VALUES (\(bind: file), 0, \(bind: Data("a;b\n".utf8)))").run()
            }
            // The jobs run at the application's time, fixed here: beside the whole parallel suite a
            // run once took over a minute, and "an hour from now" must not depend on that.
            app.clock = .fixed(now)
            try await JobQueue.scheduleRecurring(app)
            #expect(try await Jobs.runDue(app) == 4, "the clean-up, the retention, the audit months and the name search's counts run")
            let counts = try await sql.raw("SELECT result FROM jobs WHERE dedupe_key = 'name-search-counts'").first()?.decode(column: "result", as: String?.self)
            let pieces = try await sql.raw("SELECT COUNT(*) AS n FROM participant_gram_counts").first()?.decode(column: "n", as: Int.self) ?? 0
            #expect(pieces > 0)
            #expect(counts == (db == .postgres ? "pieces=\(pieces)" : "kept by the triggers"))
            let left = try await sql.raw("SELECT file_id FROM stored_file_parts").all().map { try $0.decode(column: "file_id", as: UUID.self) }
            #expect(left == [arriving])
            let row = try #require(try await sql.raw("SELECT state, run_at, result FROM jobs WHERE dedupe_key = 'cleanup'").first())
            #expect(try row.decode(column: "result", as: String?.self) == "sessions=1 invitations=1 form_keys=1 files=1")
            #expect(try row.decode(column: "state", as: String.self) == "queued")
            #expect(abs(try row.decode(column: "run_at", as: Date.self).timeIntervalSince(now) - 3600) < 0.001, "an hour after it ran")
            // The idle session has ended; the active one works.
            #expect(try await idle.get(SiteURL.projects.relativeURL()).location?.hasPrefix(SiteURL.login.relativeURL()) == true)
            #expect(try await worker.get(SiteURL.projects.relativeURL()).status == .ok)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func theServerRunsJobsByItself(db: TestDatabase) async throws {
        try await withPolku(
            db,
            adjust: {
                $0.runJobs = true; $0.jobPollSeconds = 0.05
            }
        ) { app in
            try await JobQueue.enqueue(.cleanup, at: app.clock.now(), app: app)
            try await app.asyncBoot()
            // The one-off job is done, and the recurring clean-up ran and waits for its next turn.
            var states: [String] = [], recurring: (String, String?)? = nil
            for _ in 0..<200 {
                states = try await Self.jobs(app).map(\.state)
                recurring = try await app.db.sql.raw("SELECT state, result FROM jobs WHERE dedupe_key = 'cleanup'").first().map {
                    (try $0.decode(column: "state", as: String.self), try $0.decode(column: "result", as: String?.self))
                }
                if states == ["done"], recurring?.0 == "queued", recurring?.1 != nil { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(states == ["done"])
            #expect(recurring?.0 == "queued" && recurring?.1?.hasPrefix("sessions=") == true)
        }
    }
}
