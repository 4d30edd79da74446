import Fluent

/// Planned participants per site or pilot area (issue 17: progress against plan per site).
struct AddSitePlans: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("sites").field("planned_participants", .int).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("sites").deleteField("planned_participants").update()
    }
}
