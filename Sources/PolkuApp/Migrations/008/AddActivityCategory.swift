import Fluent

/// What kind of event or group an activity is, in the words a project reports it ("info session",
/// "open public event"): the activity report counts by it.
struct AddActivityCategory: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("activities").field("category", .string).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("activities").deleteField("category").update()
    }
}
