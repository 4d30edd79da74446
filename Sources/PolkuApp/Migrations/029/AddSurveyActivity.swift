import Fluent

/// A survey may be for one activity's members (issue 16): they find it in their own space.
struct AddSurveyActivity: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("surveys").field("activity_id", .uuid).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("surveys").deleteField("activity_id").update()
    }
}
