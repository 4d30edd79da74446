import Fluent

/// On SQLite a stored file's bytes sit in a directory beside the database (`StoredFiles.directory`):
/// 60 MB of parts written into the database file grew it for good and were read through its
/// memory map, which counted against the server's memory. The column names the file there.
struct AddStoredFilePath: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("stored_files").field("path", .string).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("stored_files").deleteField("path").update()
    }
}
