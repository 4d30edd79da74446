import Fluent

struct CreateUsers: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("users")
            .id()
            .field("created_at", .datetime)
            .field("email", .string, .required)
            .field("name", .string, .required)
            .field("password_hash", .string, .required)
            .field("is_active", .bool, .required)
            .field("language", .string, .required)
            .unique(on: "email")
            .create()
        try await db.schema("memberships")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("project_id", .uuid, .references("projects", "id", onDelete: .cascade))
            .field("role", .string, .required)
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("memberships").delete()
        try await db.schema("users").delete()
    }
}
