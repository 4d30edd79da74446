import Fluent
import SQLKit

/// Feedback surveys (issue 16): a project's short survey answered through a public link or QR code.
/// An answer keeps no link to anyone: not a person, an account, a session or a time finer than the
/// day. `survey_forms` holds the hashes of one-time form keys not yet used, so a form is answered once.
struct CreateSurveys: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("surveys")
            .id()
            .field("project_id", .uuid, .required)
            .field("title", .string, .required)
            .field("intro", .string, .required)
            // JSON: [{"id": "q1", "kind": "scale" | "text", "text": "…"}]
            .field("questions", .string, .required)
            .field("slug", .string, .required)
            .field("is_open", .bool, .required)
            .field("created_by", .uuid)
            .field("created_at", .datetime, .required)
            .unique(on: "slug")
            .create()
        try await db.sql.raw("CREATE INDEX surveys_project ON surveys (project_id, created_at)").run()
        try await db.schema("survey_forms")
            .field("token_hash", .string, .identifier(auto: false))
            .field("survey_id", .uuid, .required)
            .field("created_on", .string, .required)
            .create()
        try await db.schema("survey_answers")
            .id()
            .field("survey_id", .uuid, .required)
            .field("answers", .string, .required)
            .field("answered_on", .string, .required)
            .create()
        try await db.sql.raw("CREATE INDEX survey_answers_survey ON survey_answers (survey_id, answered_on)").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("survey_answers").delete()
        try await db.schema("survey_forms").delete()
        try await db.schema("surveys").delete()
    }
}
