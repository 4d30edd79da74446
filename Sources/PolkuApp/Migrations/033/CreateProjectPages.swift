import Fluent
import SQLKit

/// A project's public face (issue 17): the texts its manager writes and publishes, its financing
/// plan, and the figures computed for its public page (kept in the database so that every Polku
/// process serves the same figures and only one computes them).
struct CreateProjectPages: AsyncMigration {
    func prepare(on db: any Database) async throws {
        // One row per project: the draft sections and the published ones, as JSON objects of
        // section → text, with who published and when.
        try await db.schema("project_pages")
            .field("project_id", .uuid, .identifier(auto: false), .references("projects", "id", onDelete: .cascade))
            .field("draft", .string, .required)
            .field("published", .string)
            .field("published_at", .datetime)
            .field("published_by", .string)
            .field("updated_at", .datetime, .required)
            .create()
        try await db.schema("project_funding")
            .id()
            .field("project_id", .uuid, .required, .references("projects", "id", onDelete: .cascade))
            .field("year", .int)
            .field("source", .string, .required)
            .field("planned", .int64, .required)
            .field("realised", .int64)
            .create()
        try await db.sql.raw("CREATE INDEX project_funding_project ON project_funding (project_id)").run()
        try await db.schema("public_figures")
            .field("project_id", .uuid, .identifier(auto: false), .references("projects", "id", onDelete: .cascade))
            .field("computed_at", .datetime, .required)
            .field("body", .string, .required)
            .create()
    }

    func revert(on db: any Database) async throws {
        for table in ["public_figures", "project_funding", "project_pages"] { try await db.schema(table).delete() }
    }
}
