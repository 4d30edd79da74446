import Fluent
import SQLKit
import Vapor

/// SQLite set up for a server with a team on it (issue 11). Out of the box each connection runs with
/// a rollback journal and `synchronous=FULL` (an fsync per commit and a journal file made and
/// deleted), and sqlite-nio's busy handler retries at once, without sleeping, so waiting writers
/// spin on the CPU. Here:
/// - `journal_mode=WAL`: readers do not wait for the writer, and a commit appends to one file.
/// - `synchronous=NORMAL` (the default; `POLKU_SQLITE_SYNCHRONOUS=full` to change it): in WAL mode a
///   commit is written to the WAL before it is acknowledged, so a killed process (kill -9, a crash)
///   loses nothing acknowledged; only a power loss or an OS crash can lose the last commits before a
///   checkpoint. `FULL` also survives those, at an fsync per commit.
/// - `busy_timeout=5000`: a writer that finds the database locked sleeps and retries for up to 5 s
///   (this replaces the spinning handler); past it the request is answered 503 (`DatabaseOutage`).
///   A process's own writers no longer meet there (`SQLiteOneWriterConfiguration`); another
///   process on the same file (a second server, a backup) still can.
/// - the hot reads on connections of their own (`SQLiteReads`) that map the file (256 MB) and read
///   its pages in place: a list read its pages with thousands of `pread` calls into a 2 MB cache.
///   The driver's connections (the writer, reports, jobs) have an 8 MB cache and no map (below).
/// The journal mode is stored in the file; the others are per connection, so they are set on each
/// event loop's connection (the driver keeps one per loop for the life of the process) and on the
/// process's one writer connection (`SQLiteOneWriterDatabase`) and its direct writer (`SQLiteDirectWriter`).
enum SQLiteTuning {
    static func apply(_ app: Application, synchronous: String, busyMilliseconds: Int = 5_000) async throws {
        var connections: [any SQLDatabase] = []
        for loop in app.eventLoopGroup.makeIterator() {
            let db = app.databases.database(.sqlite, logger: app.logger, on: loop)!
            connections.append(db.sql)
            // The writer connection (`SQLiteOneWriterDatabase`) is the same for every loop.
            if connections.count == 1, let one = db as? SQLiteOneWriterDatabase { connections.append(one.writer.sql) }
        }
        for db in connections {
            for pragma in pragmas(synchronous: synchronous, busyMilliseconds: busyMilliseconds) { try await db.raw(SQLQueryString(pragma)).run() }
        }
    }

    /// The settings of a connection that may write (the driver's, `SQLiteDirectWriter`'s).
    static func pragmas(synchronous: String, busyMilliseconds: Int) -> [String] {
        let level = ["normal", "full"].contains(synchronous.lowercased()) ? synchronous.uppercased() : "NORMAL"
        return [
            "PRAGMA journal_mode = WAL",
            "PRAGMA synchronous = \(level)",
            "PRAGMA busy_timeout = \(max(0, busyMilliseconds))",
            // No map here: the hot reads map the file on connections of their own (`SQLiteReads`).
            // These serve the writer, reports and jobs, and a map keeps every page a read touched
            // counted in the process's memory while the connection lives: the retention job's read
            // of every participant at start left 106 MB of the file in its RSS (issue 11).
            // Nor a large cache: it too keeps what a job read (the retention job's read filled both
            // loops' 32 MB caches); the kernel's page cache serves a report's reads as fast.
            "PRAGMA mmap_size = 0",
            "PRAGMA cache_size = -8000",
            // `SQLiteReads` checkpoints five times a second instead, off the commits' path.
            "PRAGMA wal_autocheckpoint = 0",
            // A WAL that grew under a burst is cut back to 64 MB when it starts over.
            "PRAGMA journal_size_limit = 67108864",
        ]
    }

    /// What a connection reports, for tests and `polku bench`.
    static func state(_ db: any Database) async throws -> (journal: String, synchronous: Int, busyTimeout: Int, mapped: Int) {
        try await state(db.sql)
    }

    static func state(_ sql: any SQLDatabase) async throws -> (journal: String, synchronous: Int, busyTimeout: Int, mapped: Int) {
        let journal = try await sql.raw("PRAGMA journal_mode").first()?.decode(column: "journal_mode", as: String.self) ?? ""
        let sync = try await sql.raw("PRAGMA synchronous").first()?.decode(column: "synchronous", as: Int.self) ?? -1
        let busy = try await sql.raw("PRAGMA busy_timeout").first()?.decode(column: "timeout", as: Int.self) ?? -1
        let mapped = try await sql.raw("PRAGMA mmap_size").first()?.decode(column: "mmap_size", as: Int.self) ?? -1
        return (journal, sync, busy, mapped)
    }
}
