import Fluent
import SQLKit

/// Experiments (issue 17; Yhdistämö's kokeilut, evaluated by developmental evaluation): what was
/// tried, where and when, with which of the project's activities and measures, and the evaluation
/// notes and results.
struct CreateExperiments: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("experiments")
            .id()
            .field("project_id", .uuid, .required, .references("projects", "id", onDelete: .cascade))
            .field("site_id", .uuid, .references("sites", "id", onDelete: .setNull))
            .field("title", .string, .required)
            .field("what", .string, .required)
            .field("started_on", .string, .required)
            .field("ended_on", .string)
            .field("activity_ids", .string, .required)
            .field("measure_keys", .string, .required)
            .field("evaluation", .string, .required)
            .field("results", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await db.sql.raw("CREATE INDEX experiments_project ON experiments (project_id, started_on)").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("experiments").delete()
    }
}
