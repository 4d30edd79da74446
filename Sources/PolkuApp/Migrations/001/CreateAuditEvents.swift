import Fluent

struct CreateAuditEvents: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("audit_events")
            .id()
            .field("at", .datetime, .required)
            .field("actor_id", .uuid)
            .field("actor_email", .string, .required)
            .field("action", .string, .required)
            .field("participant_id", .uuid)
            .field("project_id", .uuid)
            .field("detail", .string, .required)
            .field("client_address", .string, .required)
            .create()
        try await db.schema("login_throttles")
            .field("key", .string, .identifier(auto: false))
            .field("failures", .int, .required)
            .field("last_failure_at", .datetime, .required)
            .field("locked_until", .datetime)
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("login_throttles").delete()
        try await db.schema("audit_events").delete()
    }
}
