import Fluent
import SQLKit

/// What a participant says about their plan from their own space (issue 15): a comment on a goal
/// ("this is not my goal"), a goal marked done, or a goal of their own. The coach reads these on
/// the person's page and in "Tänään".
struct CreateGoalComments: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("goal_comments")
            .id()
            .field("goal_id", .uuid, .required)
            .field("participant_id", .uuid, .required)
            .field("project_id", .uuid, .required)
            .field("author_id", .uuid)
            .field("kind", .string, .required)
            .field("text", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await db.sql.raw("CREATE INDEX goal_comments_participant ON goal_comments (participant_id, created_at)").run()
        try await db.sql.raw("CREATE INDEX goal_comments_project ON goal_comments (project_id, created_at)").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("goal_comments").delete()
    }
}
