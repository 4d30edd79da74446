import Fluent

struct CreateOrganisations: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("organisations")
            .id()
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("name", .string, .required)
            .field("business_id", .string)
            .field("kind", .string, .required)
            .field("municipality", .string)
            .field("website", .string)
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("organisations").delete()
    }
}
