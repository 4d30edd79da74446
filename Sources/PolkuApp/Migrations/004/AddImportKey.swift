import Fluent
import SQLKit

/// Imported participations remember the file's participant ID (per project) and a fingerprint of
/// what was imported, so that importing the same file again changes nothing.
struct AddImportKey: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("enrolments").field("import_key", .string).update()
        try await db.schema("enrolments").field("import_hash", .string).update()
        try await db.sql.raw("CREATE UNIQUE INDEX enrolments_import_key ON enrolments (project_id, import_key)").run()
    }

    func revert(on db: any Database) async throws {
        try await db.sql.raw("DROP INDEX enrolments_import_key").run()
        try await db.schema("enrolments").deleteField("import_hash").update()
        try await db.schema("enrolments").deleteField("import_key").update()
    }
}
