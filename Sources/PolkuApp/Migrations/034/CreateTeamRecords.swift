import Fluent
import SQLKit

/// The multi-professional team's records about a participant (issue 17; Kunnolla Töihin's mobile
/// team): consultations asked of the team and answered, situation assessments (tilannearvio) and
/// observation visits to a work unit. Their fields are a JSON object by kind; a health-marked
/// record follows the health-data rules as a health note does.
struct CreateTeamRecords: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("team_records")
            .id()
            .field("participant_id", .uuid, .required, .references("participants", "id", onDelete: .cascade))
            .field("project_id", .uuid, .required, .references("projects", "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("sensitivity", .string, .required)
            .field("date", .string, .required)
            .field("urgency", .string)
            .field("professions", .string)
            .field("fields", .string, .required)
            .field("created_by", .uuid, .references("users", "id", onDelete: .setNull))
            .field("created_at", .datetime, .required)
            .field("answer", .string)
            .field("answered_by", .uuid, .references("users", "id", onDelete: .setNull))
            .field("answered_at", .datetime)
            .create()
        try await db.sql.raw("CREATE INDEX team_records_participant ON team_records (participant_id, created_at)").run()
        try await db.sql.raw("CREATE INDEX team_records_project ON team_records (project_id, kind)").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("team_records").delete()
    }
}
