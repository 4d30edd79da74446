import Fluent
import SQLKit

/// What came before a participant's path (issue 17; PARTY's TTP looked back at "what happened
/// before 300 days of unemployment and which steps the client had had"): dated earlier services,
/// periods and steps, shown on the timeline before the enrolment and counted in a report.
struct CreateLookBack: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("lookback_records")
            .id()
            .field("participant_id", .uuid, .required, .references("participants", "id", onDelete: .cascade))
            .field("project_id", .uuid, .required, .references("projects", "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("what", .string, .required)
            .field("from_date", .string, .required)
            .field("to_date", .string)
            .field("created_by", .uuid, .references("users", "id", onDelete: .setNull))
            .field("created_at", .datetime, .required)
            .create()
        try await db.sql.raw("CREATE INDEX lookback_participant ON lookback_records (participant_id)").run()
        try await db.sql.raw("CREATE INDEX lookback_project ON lookback_records (project_id, kind)").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("lookback_records").delete()
    }
}
