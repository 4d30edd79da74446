import Fluent
import SQLKit

/// A participant's question about an event in "who has seen my data" (issue 15), and the answer of a
/// manager of one of their projects. The event is named, not copied: the audit log keeps it.
struct CreateDataQuestions: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("data_questions")
            .id()
            .field("participant_id", .uuid, .required)
            .field("audit_event_id", .uuid, .required)
            .field("question", .string, .required)
            .field("created_at", .datetime, .required)
            .field("answer", .string)
            .field("answered_at", .datetime)
            .field("answered_by", .uuid)
            .create()
        try await db.sql.raw("CREATE INDEX data_questions_participant ON data_questions (participant_id, created_at)").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("data_questions").delete()
    }
}
