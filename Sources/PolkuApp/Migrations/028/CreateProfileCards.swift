import Fluent
import SQLKit

/// Client profile cards (RUORI2's asiakasprofiilikortit, issue 16): a project's deck of discussion
/// cards, each a short text and maybe a picture, printed as A6 cards to start small-group talk.
struct CreateProfileCards: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("profile_cards")
            .id()
            .field("project_id", .uuid, .required)
            .field("title", .string, .required)
            .field("text", .string, .required)
            .field("image_id", .uuid)
            .field("position", .int, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await db.sql.raw("CREATE INDEX profile_cards_project ON profile_cards (project_id, position)").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("profile_cards").delete()
    }
}
