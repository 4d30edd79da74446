import Fluent
import SQLKit

/// Jobs in the database (issue 13): any Polku process claims them, so several processes on one
/// PostgreSQL share the work and a job survives a restart.
struct CreateJobs: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("jobs")
            .id()
            .field("kind", .string, .required)
            // A recurring job is one row that is queued again after each run; its kind is its key.
            .field("dedupe_key", .string)
            .field("payload", .string)
            .field("state", .string, .required)
            .field("attempts", .int, .required)
            .field("run_at", .datetime, .required)
            .field("locked_by", .string)
            .field("locked_until", .datetime)
            .field("result", .string)
            .field("last_error", .string)
            .field("created_at", .datetime, .required)
            .field("finished_at", .datetime)
            .unique(on: "dedupe_key")
            .create()
        try await db.sql.raw("CREATE INDEX jobs_due ON jobs (state, run_at)").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("jobs").delete()
    }
}
