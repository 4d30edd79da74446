import Foundation
import SQLKit
import Vapor

/// PostgreSQL's side of backup and restore, with its own tools: `pg_dump --format=custom` and
/// `pg_restore`. The password goes to them in the environment (`PGPASSWORD`), never on a command line.
enum PostgresDump {
    /// Dumps from a snapshot this transaction exports; the counts are read in the same snapshot.
    static func dump(_ app: Application, url: String, to path: String) async throws -> [(String, Int)] {
        try await app.db.writeTransaction { db in
            let sql = db.sql
            try await sql.raw("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").run()
            guard let snapshot = try await sql.raw("SELECT pg_export_snapshot() AS s").first()?.decode(column: "s", as: String.self) else {
                throw BackupError.failed("PostgreSQL exported no snapshot")
            }
            let counts = try await self.counts(on: sql)
            try await run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--snapshot=\(snapshot)", "--file=\(path)"], url: url)
            return counts
        }
    }

    /// Checks the archive (`pg_restore --list`) before touching the database, then restores it in one
    /// transaction: a failure leaves the database as it was.
    static func restore(_ backup: String, into url: String, replacing: Bool, logger: Logger) async throws -> [(String, Int)] {
        do {
            _ = try await run("pg_restore", ["--list", backup], url: url)
        } catch {
            throw BackupError.unreadable(backup, "it is not a pg_dump archive in custom format (\(error))")
        }
        let app = try await Application.make(Environment(name: "production", arguments: ["polku"]))
        do {
            var settings = Settings(database: .postgres(url: url))
            settings.autoMigrate = false
            try await configure(app, settings: settings)
            let sql = app.db.sql
            if !replacing, try await holdsData(sql) { throw BackupError.notEmpty(redacted(url)) }
            try await run(
                "pg_restore", ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", "--dbname=" + database(url), backup], url: url)
            let counts = try await self.counts(on: sql)
            try await app.asyncShutdown()
            return counts
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    static func holdsData(_ sql: any SQLDatabase) async throws -> Bool {
        for table in ["users", "participants", "projects"] {
            let exists = try await sql.raw("SELECT to_regclass(\(bind: table)) IS NOT NULL AS e").first()?.decode(column: "e", as: Bool.self) ?? false
            if exists, try await sql.raw(SQLQueryString("SELECT 1 AS x FROM \(unsafeRaw: table) LIMIT 1")).first() != nil { return true }
        }
        return false
    }

    static func counts(on sql: any SQLDatabase) async throws -> [(String, Int)] {
        var counts: [(String, Int)] = []
        for table in Backup.countedTables {
            let exists = try await sql.raw("SELECT to_regclass(\(bind: table)) IS NOT NULL AS e").first()?.decode(column: "e", as: Bool.self) ?? false
            let n = exists ? try await sql.raw(SQLQueryString("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)")).first()?.decode(column: "n", as: Int.self) ?? 0 : 0
            counts.append((table, n))
        }
        return counts
    }

    /// Runs a PostgreSQL client tool against `url`'s server; its output is returned, its errors thrown.
    @discardableResult
    static func run(_ tool: String, _ arguments: [String], url: String) async throws -> String {
        guard let parts = URLComponents(string: url) else { throw BackupError.failed("not a PostgreSQL URL") }
        var env = ProcessInfo.processInfo.environment
        env["PGHOST"] = parts.host ?? "127.0.0.1"
        env["PGPORT"] = String(parts.port ?? 5432)
        env["PGUSER"] = parts.user ?? env["USER"]
        env["PGPASSWORD"] = parts.password ?? env["PGPASSWORD"]
        env["PGDATABASE"] = database(url)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch { throw BackupError.toolMissing(tool) }
        // Read both pipes while the tool runs (a full pipe would stop it), off the event loops.
        async let output = Task.detached { out.fileHandleForReading.readDataToEndOfFile() }.value
        async let errors = Task.detached { err.fileHandleForReading.readDataToEndOfFile() }.value
        let (stdout, stderr) = await (output, errors)
        process.waitUntilExit()
        if process.terminationStatus == 127 { throw BackupError.toolMissing(tool) }
        guard process.terminationStatus == 0 else {
            let message = String(decoding: stderr, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw BackupError.failed(message.hasPrefix(tool) ? message : "\(tool): \(message)")
        }
        return String(decoding: stdout, as: UTF8.self)
    }

    static func database(_ url: String) -> String {
        String((URLComponents(string: url)?.path ?? "").drop { $0 == "/" })
    }

    /// The URL without its password, for messages.
    static func redacted(_ url: String) -> String {
        guard var parts = URLComponents(string: url) else { return "PostgreSQL" }
        if parts.password != nil { parts.password = "***" }
        return parts.string ?? "PostgreSQL"
    }
}
