import Fluent
import SQLKit

/// The one-time keys of forms (`FormOnceMiddleware`): a form sent twice saves once (issue 13).
struct CreateFormSubmissions: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("form_submissions")
            .field("form_key", .string, .required)
            .field("body_hash", .string, .required)
            .field("status", .int)
            .field("location", .string)
            .field("created_at", .datetime, .required)
            .unique(on: "form_key")
            .create()
        try await db.sql.raw("CREATE INDEX form_submissions_created_at ON form_submissions (created_at)").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("form_submissions").delete()
    }
}
