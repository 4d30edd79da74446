import Fluent
import SQLKit

/// Activities (groups, events, trainings, individual coaching), their sessions and named attendance.
struct CreateActivities: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("activities")
            .id()
            .field("created_at", .datetime)
            .field("project_id", .uuid, .required, .references("projects", "id", onDelete: .cascade))
            .field("site_id", .uuid, .references("sites", "id", onDelete: .setNull))
            .field("kind", .string, .required)
            .field("name", .string, .required)
            .field("description", .string, .required)
            .field("weekdays", .string)
            .field("week_interval", .int)
            .field("from_date", .string, .required)
            .field("to_date", .string, .required)
            .field("start_time", .string, .required)
            .field("end_time", .string, .required)
            .create()
        try await db.schema("activity_sessions")
            .id()
            .field("activity_id", .uuid, .required, .references("activities", "id", onDelete: .cascade))
            .field("scheduled_date", .string, .required)
            .field("date", .string, .required)
            .field("start_time", .string, .required)
            .field("end_time", .string, .required)
            .field("cancelled", .bool, .required)
            .field("head_on_site", .int)
            .field("head_online", .int)
            .field("version", .int, .required)
            .unique(on: "activity_id", "scheduled_date")
            .create()
        try await db.schema("attendances")
            .id()
            .field("session_id", .uuid, .required, .references("activity_sessions", "id", onDelete: .cascade))
            .field("participant_id", .uuid, .required, .references("participants", "id", onDelete: .cascade))
            .unique(on: "session_id", "participant_id")
            .create()
        let sql = db.sql
        try await sql.raw("CREATE INDEX activities_project ON activities (project_id)").run()
        try await sql.raw("CREATE INDEX activity_sessions_activity ON activity_sessions (activity_id, date)").run()
        try await sql.raw("CREATE INDEX attendances_participant ON attendances (participant_id)").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("attendances").delete()
        try await db.schema("activity_sessions").delete()
        try await db.schema("activities").delete()
    }
}
