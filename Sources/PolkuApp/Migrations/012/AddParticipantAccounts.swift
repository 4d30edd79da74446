import Fluent
import SQLKit

/// A participant can have an account of their own (a user linked to their participant record), made
/// through a one-time invitation a worker gives them.
struct AddParticipantAccounts: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("users").field("participant_id", .uuid, .references("participants", "id", onDelete: .cascade)).update()
        try await db.schema("invitations")
            .id()
            .field("participant_id", .uuid, .required, .references("participants", "id", onDelete: .cascade))
            .field("token_hash", .string, .required)
            .field("created_at", .datetime)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .field("created_by", .uuid, .references("users", "id", onDelete: .setNull))
            .unique(on: "token_hash")
            .create()
        try await db.sql.raw("CREATE UNIQUE INDEX users_participant ON users (participant_id)").run()
    }

    func revert(on db: any Database) async throws {
        try await db.sql.raw("DROP INDEX users_participant").run()
        try await db.schema("invitations").delete()
        try await db.schema("users").deleteField("participant_id").update()
    }
}
