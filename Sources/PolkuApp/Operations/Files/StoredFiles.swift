import Foundation
import SQLKit
import Vapor

/// Files kept in the database (issue 13): an upload a job reads later, or a file a job made for
/// someone to download. Every Polku process on the database can read them, so a job may run in
/// another process than the one the upload reached. The bytes are written and read a part at a
/// time, so a 60 MB spreadsheet never sits whole in memory.
enum StoredFiles {
    static let partSize = 1 << 20
    /// A file no job removed (its process died, its owner never fetched it) goes after this long.
    static let keptFor: TimeInterval = 86_400

    enum Purpose: String { case participantImport = "participant-import" }

    struct Info: Decodable, Sendable {
        let id: UUID
        let purpose: String
        let name: String
        let content_type: String
        let byte_count: Int64
        let part_count: Int
        let owner_id: UUID?
    }

    /// Copies a file on disk (a streamed upload) into the database, a part at a time.
    static func store(
        contentsOf url: URL, name: String, contentType: String, purpose: Purpose, owner: UUID?, app: Application
    ) async throws -> UUID {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        let id = app.newID()
        let sql = app.db.sql
        let now = app.clock.now()
        // The row comes first, with no parts counted: a file cut off midway is never read, and the
        // clean-up removes it with its parts when it expires.
        try await sql.raw(
            """
            INSERT INTO stored_files (id, purpose, name, content_type, byte_count, part_count, owner_id, created_at, expires_at)
            VALUES (\(bind: id), \(bind: purpose.rawValue), \(bind: String(name.prefix(255))), \(bind: contentType), 0, -1,
              \(bind: owner), \(bind: now), \(bind: now.addingTimeInterval(keptFor)))
            """
        ).run()
        var parts = 0
        var bytes: Int64 = 0
        do {
            while let chunk = try handle.read(upToCount: partSize), !chunk.isEmpty {
                try await sql.raw(
                    "INSERT INTO stored_file_parts (file_id, part, bytes) VALUES (\(bind: id), \(bind: parts), \(bind: chunk))"
                ).run()
                parts += 1
                bytes += Int64(chunk.count)
            }
            try await sql.raw(
                "UPDATE stored_files SET byte_count = \(bind: bytes), part_count = \(bind: parts) WHERE id = \(bind: id)"
            ).run()
        } catch {
            try? await delete(id, on: sql)
            throw error
        }
        return id
    }

    /// A whole file's facts; nil for one not there or not yet whole.
    static func info(_ id: UUID, on sql: any SQLDatabase) async throws -> Info? {
        try await sql.raw(
            """
            SELECT id, purpose, name, content_type, byte_count, part_count, owner_id FROM stored_files
            WHERE id = \(bind: id) AND part_count >= 0
            """
        ).first(decoding: Info.self)
    }

    /// Part `n` of a file, or nil past its end.
    static func part(_ n: Int, of id: UUID, on sql: any SQLDatabase) async throws -> Data? {
        try await sql.raw("SELECT bytes FROM stored_file_parts WHERE file_id = \(bind: id) AND part = \(bind: n)")
            .first()?.decode(column: "bytes", as: Data.self)
    }

    static func delete(_ id: UUID, on sql: any SQLDatabase) async throws {
        try await sql.raw("DELETE FROM stored_file_parts WHERE file_id = \(bind: id)").run()
        try await sql.raw("DELETE FROM stored_files WHERE id = \(bind: id)").run()
    }

    /// For the clean-up job: files past their time, whole or cut off midway.
    static func removeExpired(now: Date, on sql: any SQLDatabase) async throws -> Int {
        let expired = try await sql.raw("SELECT id FROM stored_files WHERE expires_at < \(bind: now)").all()
            .map { try $0.decode(column: "id", as: UUID.self) }
        for id in expired { try await delete(id, on: sql) }
        return expired.count
    }
}
