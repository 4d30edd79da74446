import Foundation
import SQLKit
import Vapor

/// `polku backup` and `polku restore` (issue 13): a consistent copy while Polku runs and writes, and a
/// restore that checks what it restores and says what it holds.
///
/// SQLite: `VACUUM INTO` a new file. It reads one snapshot (WAL mode lets writers go on meanwhile),
/// writes a compact file, and leaves nothing half-written under the final name: the copy is made
/// beside it and renamed once its integrity check passed. PostgreSQL: `pg_dump` in custom format from
/// a snapshot Polku exports and counts in, so the counts printed are exactly what the dump holds.
public enum Backup {
    /// The tables whose rows a backup and a restore count, to say what they hold.
    static let countedTables = [
        "projects", "users", "participants", "enrolments", "notes", "goals", "assessments", "activities", "activity_sessions",
        "attendances", "services", "referrals", "audit_events",
    ]

    public struct Summary: Sendable, CustomStringConvertible {
        public let path: String
        public let counts: [(table: String, rows: Int)]
        public let bytes: Int
        public var description: String {
            let sizes = ByteCountFormatter.string(fromByteCount: Int64(bytes), countStyle: .file)
            return "\(path) (\(sizes)): " + counts.map { "\($0.table) \($0.rows)" }.joined(separator: ", ")
        }
        public func rows(_ table: String) -> Int? { counts.first { $0.table == table }?.rows }
    }

    /// Writes a backup of the application's database to `path`, which must not exist.
    public static func write(_ app: Application, to path: String) async throws -> Summary {
        guard !FileManager.default.fileExists(atPath: path) else { throw BackupError.exists(path) }
        let partial = path + ".partial"
        try? FileManager.default.removeItem(atPath: partial)
        do {
            let counts: [(String, Int)]
            switch app.settings.database {
            case .postgres(let url):
                counts = try await PostgresDump.dump(app, url: url, to: partial)
            case .sqlite, .sqliteMemory:
                try await app.db.sql.raw("VACUUM INTO \(bind: partial)").run()
                counts = try checkedCounts(ofSQLite: partial)
            }
            try FileManager.default.moveItem(atPath: partial, toPath: path)
            return Summary(path: path, counts: counts, bytes: size(of: path))
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw error
        }
    }

    /// The integrity check and the counts of a SQLite backup; refuses a file that is not a Polku database.
    static func checkedCounts(ofSQLite path: String) throws -> [(String, Int)] {
        let file = try SQLiteFile(path: path, readOnly: true)
        guard try file.scalar("PRAGMA integrity_check") == "ok" else { throw BackupError.damaged(path) }
        guard try file.hasTable("_fluent_migrations") else { throw BackupError.notPolku(path) }
        return try countedTables.map { table in
            (table, try file.hasTable(table) ? Int(try file.scalar("SELECT COUNT(*) FROM \(table)") ?? "0") ?? 0 : 0)
        }
    }

    /// Restores `backup` into the database of `settings`. Refuses a database that holds people or
    /// users unless `replacing`, and a backup that fails its check; the server must not be running.
    public static func restore(from backup: String, into settings: Settings, replacing: Bool, logger: Logger) async throws -> Summary {
        guard FileManager.default.fileExists(atPath: backup) else { throw BackupError.unreadable(backup, "no such file") }
        switch settings.database {
        case .sqliteMemory:
            throw BackupError.failed("an in-memory database cannot be restored into")
        case .sqlite(let path):
            _ = try checkedCounts(ofSQLite: backup)
            let target = try SQLiteFile(path: path, readOnly: false)
            if !replacing, try holdsData(target) { throw BackupError.notEmpty(path) }
            try target.replace(with: try SQLiteFile(path: backup, readOnly: true))
            return Summary(path: path, counts: try checkedCounts(ofSQLite: path), bytes: size(of: path))
        case .postgres(let url):
            let counts = try await PostgresDump.restore(backup, into: url, replacing: replacing, logger: logger)
            return Summary(path: PostgresDump.redacted(url), counts: counts, bytes: size(of: backup))
        }
    }

    static func holdsData(_ file: SQLiteFile) throws -> Bool {
        for table in ["users", "participants", "projects"] where try file.hasTable(table) {
            if try file.scalar("SELECT 1 FROM \(table) LIMIT 1") != nil { return true }
        }
        return false
    }

    static func size(of path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }
}

public enum BackupError: Error, CustomStringConvertible {
    case exists(String), unreadable(String, String), damaged(String), notPolku(String), notEmpty(String), failed(String)
    case toolMissing(String)

    public var description: String {
        switch self {
        case .exists(let p): "\(p) already exists: choose a new file name (a backup never overwrites one)."
        case .unreadable(let p, let why): "\(p) cannot be read: \(why)."
        case .damaged(let p): "\(p) failed SQLite's integrity check: it is damaged and was not used."
        case .notPolku(let p): "\(p) is not a Polku database (it has no migrations table)."
        case .notEmpty(let p): "\(p) already holds data. Restore into an empty database, or add --replace to overwrite it."
        case .failed(let why): "The backup or restore failed: \(why)"
        case .toolMissing(let tool): "\(tool) was not found: install PostgreSQL's client tools (Debian: postgresql-client) of the server's version or newer."
        }
    }
}

/// Why Polku refused to start on a database that its settings say was set up (`POLKU_INITIALISED`).
public enum DeploymentError: Error, CustomStringConvertible {
    case noDatabase(String), noUsers(String)

    static func checkHasUsers(_ app: Application) async throws {
        let sql = app.db.sql
        let exists: Bool
        if sql.dialect.name == "postgresql" {
            exists = try await sql.raw("SELECT to_regclass('users') IS NOT NULL AS e").first()?.decode(column: "e", as: Bool.self) ?? false
        } else {
            exists = try await sql.raw("SELECT 1 AS e FROM sqlite_master WHERE type = 'table' AND name = 'users'").first() != nil
        }
        let anyUser = exists ? try await sql.raw("SELECT 1 AS x FROM users LIMIT 1").first() : nil
        if anyUser == nil { throw noUsers(where: app.settings.database) }
    }

    static func noUsers(where database: Settings.Database) -> DeploymentError {
        switch database {
        case .sqlite(let path): .noUsers(path)
        case .sqliteMemory: .noUsers("memory")
        case .postgres(let url): .noUsers(PostgresDump.redacted(url))
        }
    }

    public var description: String {
        switch self {
        case .noDatabase(let p):
            "POLKU_INITIALISED=1 says this deployment has been set up, but there is no database file at \(p). Check the path (or restore a backup with polku restore); Polku did not create an empty one."
        case .noUsers(let p):
            "POLKU_INITIALISED=1 says this deployment has been set up, but the database \(p) has no users: is it the wrong file or URL? Polku refuses to serve it as an empty service. Restore a backup with polku restore, or unset POLKU_INITIALISED for a new deployment."
        }
    }
}
