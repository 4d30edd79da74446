import Fluent
import SQLKit

/// A site's own page (issue 17): its development plan (Lähde mukaan!'s Pihlava 2020 and the others)
/// and its partners by type (associations, public bodies, educational organisations…).
struct AddSitePages: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("sites").field("development_plan", .string).update()
        try await db.schema("site_partners")
            .id()
            .field("site_id", .uuid, .required, .references("sites", "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .create()
        try await db.sql.raw("CREATE INDEX site_partners_site ON site_partners (site_id)").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("site_partners").delete()
        try await db.schema("sites").deleteField("development_plan").update()
    }
}
