import Fluent
import SQLKit

/// Instruments (versioned definitions), the instruments each project uses, and assessments: one
/// time's answers for a participant with the scores they got when saved.
struct CreateMeasures: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("instruments")
            .id()
            .field("created_at", .datetime)
            .field("key", .string, .required)
            .field("version", .int, .required)
            .field("name", .string, .required)
            .field("health", .bool, .required)
            .field("origin", .string, .required)
            .field("definition", .string, .required)
            .unique(on: "key", "version")
            .create()
        try await db.schema("project_instruments")
            .field("project_id", .uuid, .required, .references("projects", "id", onDelete: .cascade))
            .field("instrument_key", .string, .required)
            .unique(on: "project_id", "instrument_key")
            .create()
        try await db.schema("assessments")
            .id()
            .field("created_at", .datetime)
            .field("participant_id", .uuid, .required, .references("participants", "id", onDelete: .cascade))
            .field("project_id", .uuid, .required, .references("projects", "id", onDelete: .cascade))
            .field("instrument_id", .uuid, .required, .references("instruments", "id"))
            .field("date", .string, .required)
            .field("answers", .string, .required)
            .field("extras", .string)
            .field("total", .double)
            .field("scaled", .double)
            .field("scores", .string, .required)
            .field("assessed_by", .uuid, .references("users", "id", onDelete: .setNull))
            .create()
        let sql = db.sql
        try await sql.raw("CREATE INDEX assessments_participant ON assessments (participant_id, instrument_id, date)").run()
        try await sql.raw("CREATE INDEX assessments_project ON assessments (project_id, instrument_id)").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("assessments").delete()
        try await db.schema("project_instruments").delete()
        try await db.schema("instruments").delete()
    }
}
