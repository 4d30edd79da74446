import Fluent
import SQLKit

/// Learning Café (issue 16): a session where people move between tables, each with a theme, in
/// rounds, and the ideas gathered at each table. Ideas carry no author; the session keeps a head count.
struct CreateLearningCafes: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("cafes")
            .id()
            .field("project_id", .uuid, .required)
            .field("title", .string, .required)
            .field("date", .string, .required)
            .field("head_count", .int, .required)
            .field("rounds", .int, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await db.schema("cafe_themes")
            .id()
            .field("cafe_id", .uuid, .required)
            .field("theme", .string, .required)
            .field("position", .int, .required)
            .create()
        try await db.schema("cafe_ideas")
            .id()
            .field("theme_id", .uuid, .required)
            .field("round", .int, .required)
            .field("idea", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await db.sql.raw("CREATE INDEX cafes_project ON cafes (project_id, date)").run()
        try await db.sql.raw("CREATE INDEX cafe_themes_cafe ON cafe_themes (cafe_id, position)").run()
        try await db.sql.raw("CREATE INDEX cafe_ideas_theme ON cafe_ideas (theme_id, round)").run()
    }

    func revert(on db: any Database) async throws {
        for table in ["cafe_ideas", "cafe_themes", "cafes"] { try await db.schema(table).delete() }
    }
}
