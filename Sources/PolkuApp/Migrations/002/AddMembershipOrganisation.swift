import Fluent
import SQLKit

/// A role can be held in an organisation: it then applies to every project that the organisation
/// administers or co-implements.
struct AddMembershipOrganisation: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("memberships")
            .field("organisation_id", .uuid, .references("organisations", "id", onDelete: .cascade))
            .update()
        try await db.sql.raw("CREATE INDEX memberships_organisation ON memberships (organisation_id)").run()
    }

    func revert(on db: any Database) async throws {
        try await db.sql.raw("DROP INDEX memberships_organisation").run()
        try await db.schema("memberships").deleteField("organisation_id").update()
    }
}
