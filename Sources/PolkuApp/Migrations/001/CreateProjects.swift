import Fluent

struct CreateProjects: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("projects")
            .id()
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("summary", .string, .required)
            .field("funder", .string, .required)
            .field("priority_axis", .string, .required)
            .field("specific_objective", .string, .required)
            .field("status", .string, .required)
            .field("start_date", .string, .required)
            .field("end_date", .string, .required)
            .field("region", .string, .required)
            .field("budget_band", .string, .required)
            .field("planned_public_funding", .int64)
            .field("realised_public_funding", .int64)
            .field("planned_participants", .int)
            .field("target_groups", .string, .required)
            .field("phases", .string, .required)
            .field("parent_id", .uuid, .references("projects", "id", onDelete: .setNull))
            .unique(on: "code")
            .create()
        try await db.schema("project_organisations")
            .id()
            .field("project_id", .uuid, .required, .references("projects", "id", onDelete: .cascade))
            .field("organisation_id", .uuid, .required, .references("organisations", "id", onDelete: .cascade))
            .field("role", .string, .required)
            .unique(on: "project_id", "organisation_id", "role")
            .create()
        try await db.schema("steering_members")
            .id()
            .field("project_id", .uuid, .required, .references("projects", "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("organisation", .string, .required)
            .field("role", .string, .required)
            .create()
        try await db.schema("sites")
            .id()
            .field("project_id", .uuid, .required, .references("projects", "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("municipality", .string, .required)
            .field("kind", .string, .required)
            .create()
    }

    func revert(on db: any Database) async throws {
        for table in ["sites", "steering_members", "project_organisations", "projects"] {
            try await db.schema(table).delete()
        }
    }
}
