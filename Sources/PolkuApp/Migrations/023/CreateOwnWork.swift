import Fluent
import SQLKit

/// What a participant makes in their own space beyond their plan (issue 15): self-assessments the
/// project offers (`project_instruments.self_report`) with the participant's word on a result
/// (`assessments.own_comment`), a portfolio they own, and feedback after a session or a service.
///
/// Feedback given anonymously keeps no link to its giver: `feedback_given` says only that the person
/// answered about that session (so the form is not offered twice), `feedback` holds what was said.
struct CreateOwnWork: AsyncMigration {
    func prepare(on db: any Database) async throws {
        let sql = db.sql
        try await sql.raw("ALTER TABLE project_instruments ADD COLUMN self_report BOOLEAN NOT NULL DEFAULT FALSE").run()
        try await db.schema("assessments").field("own_comment", .string).update()
        try await db.schema("assessments").field("own_comment_at", .datetime).update()
        try await db.schema("portfolio_entries")
            .id()
            .field("participant_id", .uuid, .required)
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("body", .string, .required)
            .field("url", .string)
            .field("file_id", .uuid)
            .field("position", .int, .required)
            .field("shared", .bool, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await sql.raw("CREATE INDEX portfolio_entries_participant ON portfolio_entries (participant_id, position)").run()
        try await db.schema("feedback")
            .id()
            .field("project_id", .uuid, .required)
            .field("subject_kind", .string, .required)
            .field("subject_id", .uuid, .required)
            // Null when the participant chose to answer anonymously.
            .field("participant_id", .uuid)
            .field("rating", .int, .required)
            .field("text", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await sql.raw("CREATE INDEX feedback_subject ON feedback (subject_kind, subject_id)").run()
        try await sql.raw("CREATE INDEX feedback_project ON feedback (project_id, created_at)").run()
        try await db.schema("feedback_given")
            .field("participant_id", .uuid, .required)
            .field("subject_id", .uuid, .required)
            .compositeIdentifier(over: "participant_id", "subject_id")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("feedback_given").delete()
        try await db.schema("feedback").delete()
        try await db.schema("portfolio_entries").delete()
    }
}
