import Fluent
import SQLKit

/// Services and organisations imported from Suomi.fi Palvelutietovaranto keep their PTV ids, so a
/// re-import of a newer file updates them instead of adding them again (issue 18).
struct AddPTVIDs: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("services").field("ptv_id", .string).update()
        try await db.schema("organisations").field("ptv_id", .string).update()
        try await db.sql.raw("CREATE UNIQUE INDEX services_ptv_id ON services (ptv_id)").run()
        try await db.sql.raw("CREATE UNIQUE INDEX organisations_ptv_id ON organisations (ptv_id)").run()
    }

    func revert(on db: any Database) async throws {
        try await db.sql.raw("DROP INDEX services_ptv_id").run()
        try await db.sql.raw("DROP INDEX organisations_ptv_id").run()
        try await db.schema("services").deleteField("ptv_id").update()
        try await db.schema("organisations").deleteField("ptv_id").update()
    }
}
