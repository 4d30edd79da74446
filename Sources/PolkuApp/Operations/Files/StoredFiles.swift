import Foundation
import PolkuCore
import SQLKit
import Vapor

/// Files kept for a job (issue 13): an upload a job reads later, or a file a job made for someone
/// to download. Their facts are in the database; their bytes are in the database on PostgreSQL (so
/// every process on it, on any machine, reads them) and in a directory beside the database file on
/// SQLite (whose processes share one machine; in the file, 60 MB of parts grew it for good and were
/// read through its memory map). Either way they are written and read a part at a time, so a 60 MB
/// spreadsheet never sits whole in memory.
enum StoredFiles {
    static let partSize = 1 << 20
    /// A file no job removed (its process died, its owner never fetched it) goes after this long.
    static let keptFor: TimeInterval = 86_400

    enum Purpose: String {
        case participantImport = "participant-import"
        /// A file in a participant's portfolio (issue 15): kept until its entry is removed.
        case portfolio
    }

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
        contentsOf url: URL, name: String, contentType: String, purpose: Purpose, owner: UUID?, app: Application,
        keptUntil: Date? = nil
    ) async throws -> UUID {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        let id = app.newID()
        let sql = app.db.sql
        let now = app.clock.now()
        let onDisk = directory(app).map { $0.appendingPathComponent(id.text.lowercased()) }
        // The row comes first, with no parts counted: a file cut off midway is never read, and the
        // clean-up removes it with its parts when it expires.
        try await sql.raw(
            """
            INSERT INTO stored_files (id, purpose, name, content_type, byte_count, part_count, owner_id, created_at, expires_at, path)
            VALUES (\(bind: id), \(bind: purpose.rawValue), \(bind: String(name.prefix(255))), \(bind: contentType), 0, -1,
              \(bind: owner), \(bind: now), \(bind: keptUntil ?? now.addingTimeInterval(keptFor)), \(bind: onDisk?.path))
            """
        ).run()
        var parts = 0
        var bytes: Int64 = 0
        do {
            if let onDisk {
                try FileManager.default.createDirectory(at: onDisk.deletingLastPathComponent(), withIntermediateDirectories: true)
                try FileManager.default.copyItem(at: url, to: onDisk)
                bytes = Int64((try FileManager.default.attributesOfItem(atPath: onDisk.path)[.size] as? NSNumber)?.int64Value ?? 0)
                parts = Int((bytes + Int64(partSize) - 1) / Int64(partSize))
            }
            while onDisk == nil, let chunk = try handle.read(upToCount: partSize), !chunk.isEmpty {
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

    /// Where SQLite keeps the bytes: `files/` beside the database file; nil on PostgreSQL.
    static func directory(_ app: Application) -> URL? {
        switch app.settings.database {
        case .sqlite(let path): URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("polku-files")
        case .sqliteMemory: FileManager.default.temporaryDirectory.appendingPathComponent("polku-files")
        case .postgres: nil
        }
    }

    /// Part `n` of a file, or nil past its end.
    static func part(_ n: Int, of id: UUID, on sql: any SQLDatabase) async throws -> Data? {
        let file = try await sql.raw("SELECT path FROM stored_files WHERE id = \(bind: id)").first()
        if let path = try file?.decode(column: "path", as: String?.self) {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            try handle.seek(toOffset: UInt64(n) * UInt64(partSize))
            guard let data = try handle.read(upToCount: partSize), !data.isEmpty else { return nil }
            return data
        }
        return try await sql.raw("SELECT bytes FROM stored_file_parts WHERE file_id = \(bind: id) AND part = \(bind: n)")
            .first()?.decode(column: "bytes", as: Data.self)
    }

    /// The whole file as a download: read a part at a time, never shown in the browser as a page
    /// (`attachment`, the stored type, `nosniff`, and a sandbox should a browser still render it).
    static func download(_ info: Info, name: String, contentType: String, on sql: any SQLDatabase) -> Response {
        let res = Response(status: .ok)
        res.headers.replaceOrAdd(name: .contentType, value: contentType)
        res.headers.replaceOrAdd(name: .contentDisposition, value: ContentDisposition.attachment(name))
        res.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        res.headers.replaceOrAdd(name: "Content-Security-Policy", value: "sandbox; default-src 'none'")
        res.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        let id = info.id, parts = info.part_count
        res.body = .init(
            asyncStream: { writer in
                do {
                    for n in 0..<parts {
                        guard let data = try await part(n, of: id, on: sql) else { break }
                        try await writer.write(.buffer(ByteBuffer(data: data)))
                    }
                    try await writer.write(.end)
                } catch {
                    try await writer.write(.error(error))
                }
            }, count: Int(info.byte_count))
        return res
    }

    static func delete(_ id: UUID, on sql: any SQLDatabase) async throws {
        let file = try await sql.raw("SELECT path FROM stored_files WHERE id = \(bind: id)").first()
        if let path = try file?.decode(column: "path", as: String?.self) { try? FileManager.default.removeItem(atPath: path) }
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
