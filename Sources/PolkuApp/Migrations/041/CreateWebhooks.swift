import Fluent
import SQLKit

/// An organisation's webhook endpoints and their deliveries (issue 18): a delivery is a job, tried
/// again with backoff; its log is what the organisation's staff and admins read.
struct CreateWebhooks: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("webhook_endpoints")
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id", onDelete: .cascade))
            .field("url", .string, .required)
            .field("secret", .string, .required)
            .field("created_at", .datetime, .required)
            .field("created_by", .uuid, .references("users", "id", onDelete: .setNull))
            .field("active", .bool, .required)
            .create()
        try await db.sql.raw("CREATE INDEX webhook_endpoints_organisation ON webhook_endpoints (organisation_id)").run()
        try await db.schema("webhook_deliveries")
            .id()
            .field("endpoint_id", .uuid, .required, .references("webhook_endpoints", "id", onDelete: .cascade))
            .field("event", .string, .required)
            .field("body", .string, .required)
            .field("created_at", .datetime, .required)
            .field("state", .string, .required)
            .field("attempts", .int, .required)
            .field("last_status", .int)
            .field("last_error", .string)
            .field("delivered_at", .datetime)
            .create()
        try await db.sql.raw("CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, created_at)").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("webhook_deliveries").delete()
        try await db.schema("webhook_endpoints").delete()
    }
}
