import Fluent
import SQLKit

/// Personal API tokens (issue 18): only the token's SHA-256 is kept, so a leaked database does not
/// give working tokens; a token ends at its expiry or when its user revokes it.
struct CreateAPITokens: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("api_tokens")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("scopes", .string, .required)
            .field("token_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("revoked_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await db.sql.raw("CREATE INDEX api_tokens_user ON api_tokens (user_id)").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("api_tokens").delete()
    }
}
