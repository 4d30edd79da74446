import FluentKit
import NIOConcurrencyHelpers
import NIOCore
import SQLKit
import SQLiteKit
import Vapor
import VaporCSQLite

/// The hot reads of SQLite (the signed-in identity, the participant list and page) on read-only
/// connections of their own, run on the calling thread with statements kept prepared (issue 11).
///
/// The driver runs every statement on a thread pool: a hand-off there and back per statement and
/// one more per row, and each statement parsed anew. A participant page is 17 statements, so these
/// hops and parses were a third of its time. A page's reads are short and bounded (they look rows
/// up by key), and in WAL mode a reader never waits for the writer, so running them here costs the
/// event loop less than the hand-offs did. Reports and imports, which read for long, stay on the
/// driver. A reader sees every write committed before its statement starts (each statement is its
/// own read transaction), so a page read after a save shows the save.
package final class SQLiteReads: Sendable {
    private let path: String
    private let idle = NIOLockedValueBox<[ReadConnection]>([])
    /// Connections kept for reuse; a burst beyond this opens and closes extra ones.
    static let kept = 8

    init(path: String) { self.path = path }

    /// Runs `body` with a connection no other thread uses meanwhile.
    func withConnection<T>(_ body: (ReadConnection) throws -> T) throws -> T {
        let connection = try idle.withLockedValue { $0.popLast() } ?? ReadConnection(path: path)
        defer {
            let surplus: ReadConnection? = idle.withLockedValue {
                guard $0.count < Self.kept else { return connection }
                $0.append(connection)
                return nil
            }
            surplus?.close()
        }
        return try body(connection)
    }

    /// The statements kept by the idle connections that were parsed again more than `allowed` times.
    func reprepared(moreThan allowed: Int32) -> Set<String> { idle.withLockedValue { Set($0.flatMap { $0.reprepared(moreThan: allowed) }) } }

    func close() {
        checkpoints.withLockedValue {
            $0?.cancel()
            $0 = nil
        }
        let connections = idle.withLockedValue { all in
            defer { all = [] }
            return all
        }
        for connection in connections { connection.close() }
        let thread = checkpointThread.withLockedValue { thread in
            defer { thread = nil }
            return thread
        }
        try? thread?.syncShutdownGracefully()
        checkpointer.withLockedValue {
            $0?.close()
            $0 = nil
        }
    }

    private let checkpoints = NIOLockedValueBox<RepeatedTask?>(nil)
    private let checkpointer = NIOLockedValueBox<ReadConnection?>(nil)
    private let checkpointThread = NIOLockedValueBox<NIOThreadPool?>(nil)

    /// Copies the WAL into the database five times a second, off every request's path. SQLite's own
    /// checkpoint runs inside the commit that fills 1,000 pages of WAL, and that commit (often an
    /// audit batch that pages wait for) then waited for a thousand page writes and an fsync: page
    /// views stalled 80–250 ms every few seconds, even at 8 connections. `SQLiteTuning` turns the
    /// automatic checkpoint off on the driver's connections. A passive checkpoint waits for no one;
    /// durability does not depend on it (a commit is safe once it is in the WAL).
    ///
    /// A WAL starts over from its beginning only when a write finds it wholly copied. Under steady
    /// writes a checkpoint here never is (commits land while it copies), so the file grew without
    /// end: 1 GB in 15 s of attendance saves, each new block allocated and zeroed (a tenth of the
    /// save's CPU). So when the WAL holds more than `restartFrames` after a checkpoint, one more is
    /// run by `writer` between two writes: it copies only what came meanwhile, and the next write
    /// starts the WAL over.
    func startCheckpoints(on loop: any EventLoop, writer: (any Database)?, restartFrames: Int) {
        let path = self.path
        // A thread of its own: on the driver's pool (two threads here) a checkpoint's page writes
        // and fsync would hold up the audit batches and saves queued behind it.
        let thread = NIOThreadPool(numberOfThreads: 1)
        thread.start()
        checkpointThread.withLockedValue { $0 = thread }
        // Five times a second: a list view writes 25 audit events, and at a thousand views a second
        // a second's WAL is ~40 MB, which every read then has to look through.
        let task = loop.scheduleRepeatedTask(initialDelay: .milliseconds(200), delay: .milliseconds(200)) { [weak self] _ in
            thread.submit { state in
                guard state == .active, let self else { return }
                self.checkpointer.withLockedValue { connection in
                    if connection == nil { connection = try? ReadConnection(path: path, writable: true) }
                    guard let frames = connection?.checkpoint(), frames > restartFrames, let writer else { return }
                    // This thread is no event loop: waiting here holds up nothing but the next checkpoint.
                    try? writer.sql.raw("PRAGMA wal_checkpoint(PASSIVE)").run().wait()
                }
            }
        }
        checkpoints.withLockedValue { $0 = task }
    }

    /// `base` with its SQL reads served here (its Fluent model queries still go to the driver).
    func database(over base: any Database) -> any Database { SQLiteReadDatabase(base: base, reads: self) }
}

/// One read-only SQLite connection and its prepared statements, used by one thread at a time.
final class ReadConnection: @unchecked Sendable {
    private var handle: OpaquePointer?
    private var statements: [String: OpaquePointer] = [:]
    /// A bound on the statements kept: a query built with a varying number of binds makes new text.
    static let keptStatements = 256
    private let keptLength: Int

    /// A connection for reads (query-only unless `writable`), with the readers' map and cache.
    convenience init(path: String, writable: Bool = false) throws {
        // Temporary B-trees (a `UNION`, a `DISTINCT`) in memory: in a file they each opened a pager,
        // which made the participant page's team query 3.5 times slower. These reads are short
        // lookups, so what they keep there is small; reports, which may sort much, stay on the driver.
        try self.init(
            path: path,
            pragmas: [
                writable ? "PRAGMA query_only = 0" : "PRAGMA query_only = 1", "PRAGMA mmap_size = 268435456", "PRAGMA cache_size = -16000",
                "PRAGMA temp_store = MEMORY",
            ])
    }

    /// `keptLength`: the longest statement kept prepared. The writer's audit batches are a new text
    /// for each number of rows, up to 9,000 values: kept, 256 of them held 70 MB.
    init(path: String, pragmas: [String], keptLength: Int = .max) throws {
        self.keptLength = keptLength
        // Opened for writing but set query-only: a read-only connection cannot move the WAL's read
        // marks, and then waits in sleeps of up to a second for one that fits (p99 1.8 s under load).
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX
        guard sqlite_nio_sqlite3_open_v2(path, &handle, flags, nil) == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite_nio_sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite_nio_sqlite3_close(handle)
            throw SQLiteReadError(code: SQLITE_CANTOPEN, message: message)
        }
        // A reader waits for a lock only while a crashed writer's WAL is recovered or the WAL is
        // restarted; a short wait is enough for either.
        sqlite_nio_sqlite3_busy_timeout(handle, 1000)
        for pragma in pragmas {
            sqlite_nio_sqlite3_exec(handle, pragma, nil, nil, nil)
        }
    }

    func close() {
        for statement in statements.values { sqlite_nio_sqlite3_finalize(statement) }
        statements = [:]
        sqlite_nio_sqlite3_close(handle)
        handle = nil
    }

    /// A passive checkpoint: the WAL's frames that no reader needs are copied into the database.
    /// Returns the frames in the WAL.
    func checkpoint() -> Int {
        var frames: Int32 = 0
        sqlite_nio_sqlite3_wal_checkpoint_v2(handle, nil, SQLITE_CHECKPOINT_PASSIVE, &frames, nil)
        return Int(frames)
    }

    /// The rows of `sql` with `binds`, each handed to `onRow` as it is read.
    func query(_ sql: String, _ binds: [SQLiteData], onRow: (ReadRow) -> Void) throws {
        let kept = sql.utf8.count <= keptLength
        let statement = try kept ? prepared(sql) : prepare(sql)
        defer { if !kept { sqlite_nio_sqlite3_finalize(statement) } }
        // Reset, not `clear_bindings`: every bind is set again on the next use, and clearing them
        // expires a statement whose plan may depend on a bound value (a `LIKE` pattern, `x = ?` with a
        // boolean), so that each use parsed and planned it again (17 % of the participant page's CPU).
        defer { sqlite_nio_sqlite3_reset(statement) }
        for (i, bind) in binds.enumerated() { try check(self.bind(bind, at: Int32(i + 1), to: statement)) }
        let count = sqlite_nio_sqlite3_column_count(statement)
        var columns: ReadRow.Columns?
        while true {
            let step = sqlite_nio_sqlite3_step(statement)
            if step == SQLITE_DONE { return }
            guard step == SQLITE_ROW else { throw error(step) }
            if columns == nil {
                columns = ReadRow.Columns(names: (0..<count).map { String(cString: sqlite_nio_sqlite3_column_name(statement, $0)) })
            }
            onRow(ReadRow(columns: columns!, values: (0..<count).map { value(statement, $0) }))
        }
    }

    /// How many statements are kept prepared (for tests: the bound on what a connection holds).
    var keptCount: Int { statements.count }

    /// The kept statements that were parsed again more than `allowed` times since first prepared.
    func reprepared(moreThan allowed: Int32) -> [String] {
        statements.filter { sqlite_nio_sqlite3_stmt_status($0.value, SQLITE_STMTSTATUS_REPREPARE, 0) > allowed }.map(\.key)
    }

    private func prepared(_ sql: String) throws -> OpaquePointer {
        if let statement = statements[sql] { return statement }
        if statements.count >= Self.keptStatements {
            for statement in statements.values { sqlite_nio_sqlite3_finalize(statement) }
            statements = [:]
        }
        let statement = try prepare(sql, flags: UInt32(SQLITE_PREPARE_PERSISTENT))
        statements[sql] = statement
        return statement
    }

    private func prepare(_ sql: String, flags: UInt32 = 0) throws -> OpaquePointer {
        var statement: OpaquePointer?
        try check(sqlite_nio_sqlite3_prepare_v3(handle, sql, -1, flags, &statement, nil))
        guard let statement else { throw SQLiteReadError(code: SQLITE_MISUSE, message: "no statement in \(sql)") }
        return statement
    }

    private func bind(_ data: SQLiteData, at i: Int32, to statement: OpaquePointer) -> Int32 {
        switch data {
        case .integer(let v): return sqlite_nio_sqlite3_bind_int64(statement, i, Int64(v))
        case .float(let v): return sqlite_nio_sqlite3_bind_double(statement, i, v)
        case .null: return sqlite_nio_sqlite3_bind_null(statement, i)
        case .text(let v):
            return sqlite_nio_sqlite3_bind_text64(statement, i, v, UInt64(v.utf8.count), Self.transient, UInt8(SQLITE_UTF8))
        case .blob(let v):
            return v.withUnsafeReadableBytes {
                sqlite_nio_sqlite3_bind_blob64(statement, i, $0.baseAddress, UInt64($0.count), Self.transient)
            }
        }
    }

    private func value(_ statement: OpaquePointer, _ i: Int32) -> SQLiteData {
        switch sqlite_nio_sqlite3_column_type(statement, i) {
        case SQLITE_INTEGER: return .integer(Int(sqlite_nio_sqlite3_column_int64(statement, i)))
        case SQLITE_FLOAT: return .float(sqlite_nio_sqlite3_column_double(statement, i))
        case SQLITE_TEXT:
            guard let text = sqlite_nio_sqlite3_column_text(statement, i) else { return .null }
            let length = Int(sqlite_nio_sqlite3_column_bytes(statement, i))
            return .text(String(decoding: UnsafeRawBufferPointer(start: text, count: length), as: UTF8.self))
        case SQLITE_BLOB:
            let length = Int(sqlite_nio_sqlite3_column_bytes(statement, i))
            var buffer = ByteBufferAllocator().buffer(capacity: length)
            if let bytes = sqlite_nio_sqlite3_column_blob(statement, i) {
                buffer.writeBytes(UnsafeRawBufferPointer(start: bytes, count: length))
            }
            return .blob(buffer)
        default: return .null
        }
    }

    private func check(_ code: Int32) throws {
        guard code == SQLITE_OK else { throw error(code) }
    }

    private func error(_ code: Int32) -> SQLiteReadError {
        SQLiteReadError(code: code, message: String(cString: sqlite_nio_sqlite3_errmsg(handle)))
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}

struct SQLiteReadError: Error, CustomStringConvertible {
    let code: Int32
    let message: String
    var description: String { "SQLite error \(code): \(message)" }
}

/// A row read by `ReadConnection`, decoded as the driver's rows are (`SQLiteDataDecoder`).
struct ReadRow: SQLRow {
    final class Columns: Sendable {
        let names: [String]
        let index: [String: Int]
        init(names: [String]) {
            self.names = names
            index = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    let columns: Columns
    let values: [SQLiteData]

    var allColumns: [String] { columns.names }
    func contains(column: String) -> Bool { columns.index[column] != nil }
    func decodeNil(column: String) throws -> Bool { columns.index[column].map { values[$0] == .null } ?? true }
    func decode<D: Decodable>(column: String, as: D.Type) throws -> D {
        guard let i = columns.index[column] else { throw MissingColumn(column: column) }
        let value = values[i]
        if let direct = Self.direct(value, as: D.self) { return direct }
        return try Self.decoder.decode(D.self, from: value)
    }

    /// One decoder for all rows: `SQLiteDataDecoder()` makes a `JSONDecoder` each time.
    private static let decoder = SQLiteDataDecoder()

    /// The column types of nearly every hot read, converted without the decoder: through it a UUID
    /// went by way of a nested `Decoder` and a `String` (the page's rows were ~7 % of its time).
    /// Anything else, or a value these do not fit, goes the decoder's way (same results, same errors).
    private static func direct<D>(_ value: SQLiteData, as: D.Type) -> D? {
        switch value {
        case .text(let text):
            if D.self == String.self { return text as? D }
            if D.self == UUID.self { return UUID(text: text) as? D }
        case .integer(let n):
            if D.self == Int.self { return n as? D }
            if D.self == Bool.self, n == 0 || n == 1 { return (n == 1) as? D }
        default: break
        }
        return nil
    }

    struct MissingColumn: Error { let column: String }
}

/// A Fluent database whose SQL reads go to `SQLiteReads` and everything else to `base`. Only for
/// reads: a write through it fails (the connections are query-only), so it is handed to code that
/// reads a page, never to a transaction.
struct SQLiteReadDatabase: ReadRoutingDatabase {
    let base: any Database
    let reads: SQLiteReads

    /// Named, not asked of `base`: that is a cast to `SQLDatabase` on every query (~2 % of a page).
    var dialect: any SQLDialect { SQLiteDialect() }
    var context: DatabaseContext { base.context }
    var inTransaction: Bool { false }
    func withConnection<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        closure(self)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        do {
            try run(query, onRow)
            return eventLoop.makeSucceededVoidFuture()
        } catch {
            return eventLoop.makeFailedFuture(error)
        }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try run(query, onRow)
    }

    private func run(_ query: any SQLExpression, _ onRow: (any SQLRow) -> Void) throws {
        try reads.withConnection { try $0.run(query, on: self, onRow) }
    }
}

/// Closes the read connections when the application shuts down.
struct SQLiteReadsShutdown: LifecycleHandler {
    let reads: SQLiteReads
    func shutdown(_ application: Application) { reads.close() }
}

extension Application {
    private struct SQLiteReadsKey: StorageKey { typealias Value = SQLiteReads }

    /// Set by `configure` for a SQLite file; nil on PostgreSQL and in-memory SQLite.
    package var sqliteReads: SQLiteReads? {
        get { storage[SQLiteReadsKey.self] }
        set { storage[SQLiteReadsKey.self] = newValue }
    }
}

extension Request {
    /// Runs a page's reads where they cost least (issue 11): on SQLite on `SQLiteReads`; on
    /// PostgreSQL on one connection (each of a page's dozen queries would otherwise take a
    /// connection from the pool and give it back), as prepared statements unless `postgresPrepared`
    /// is off, and either way through `PostgresReadDatabase`'s rows.
    package func reading<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        if let reads = application.sqliteReads { return try await body(reads.database(over: db)) }
        // From the settings, not by asking `db` its dialect: each `req.db` makes a database value.
        let settings = application.settings
        guard case .postgres = settings.database else { return try await body(db) }
        return try await db.withConnection { try await body(PostgresReadDatabase(base: $0, prepared: settings.postgresPrepared)) }
    }

    /// The database for a read on every request's path (the session, a guard's check).
    var readDatabase: any Database {
        if let reads = application.sqliteReads { return reads.database(over: db) }
        let settings = application.settings
        guard case .postgres = settings.database else { return db }
        return PostgresReadDatabase(base: db, prepared: settings.postgresPrepared)
    }
}

/// A database that sends its SQL reads its own way and everything else to `base` (the SQLite
/// readers, PostgreSQL's prepared statements): the forwarding both need, written once.
protocol ReadRoutingDatabase: Database, SQLDatabase {
    var base: any Database { get }
}

extension ReadRoutingDatabase {
    var dialect: any SQLDialect { base.sql.dialect }
    var version: (any SQLDatabaseReportedVersion)? { base.sql.version }
    var queryLogLevel: Logger.Level? { nil }

    func execute(query: DatabaseQuery, onOutput: @escaping @Sendable (any DatabaseOutput) -> Void) -> EventLoopFuture<Void> {
        base.execute(query: query, onOutput: onOutput)
    }
    func execute(schema: DatabaseSchema) -> EventLoopFuture<Void> { base.execute(schema: schema) }
    func execute(enum: DatabaseEnum) -> EventLoopFuture<Void> { base.execute(enum: `enum`) }
    func transaction<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        base.transaction(closure)
    }
}
