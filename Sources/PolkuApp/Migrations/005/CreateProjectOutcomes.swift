import Fluent
import SQLKit

/// A project's own exit-outcome categories, each mapped onto one of the standard ones.
struct CreateProjectOutcomes: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("project_outcomes")
            .id()
            .field("project_id", .uuid, .required, .references("projects", "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("maps_to", .string, .required)
            .unique(on: "project_id", "name")
            .create()
        try await db.schema("enrolments").field("project_outcome_id", .uuid, .references("project_outcomes", "id", onDelete: .setNull)).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("enrolments").deleteField("project_outcome_id").update()
        try await db.schema("project_outcomes").delete()
    }
}
