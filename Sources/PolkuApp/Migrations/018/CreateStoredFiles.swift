import Fluent
import SQLKit

/// Files in the database (issue 13): an upload a job reads later and a file a job made for someone to
/// download. Any Polku process on the database can read them, so the job need not run where the
/// upload arrived. Bytes are kept in parts of 1 MB, so no one holds a whole file in memory.
/// A job also names who asked for it, so that only they see its outcome.
struct CreateStoredFiles: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("stored_files")
            .id()
            .field("purpose", .string, .required)
            .field("name", .string, .required)
            .field("content_type", .string, .required)
            .field("byte_count", .int64, .required)
            .field("part_count", .int, .required)
            .field("owner_id", .uuid)
            .field("created_at", .datetime, .required)
            // Removed by the clean-up job after this; a job removes its upload sooner, when done.
            .field("expires_at", .datetime, .required)
            .create()
        try await db.schema("stored_file_parts")
            .field("file_id", .uuid, .required)
            .field("part", .int, .required)
            .field("bytes", .data, .required)
            .compositeIdentifier(over: "file_id", "part")
            .create()
        try await db.schema("jobs").field("owner_id", .uuid).update()
        try await db.sql.raw("CREATE INDEX stored_files_expiry ON stored_files (expires_at)").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("jobs").deleteField("owner_id").update()
        try await db.schema("stored_file_parts").delete()
        try await db.schema("stored_files").delete()
    }
}
