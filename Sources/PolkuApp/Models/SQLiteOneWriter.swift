import FluentKit
import FluentSQLiteDriver
import NIOCore
import NIOPosix
import SQLKit
import SQLiteNIO

/// SQLite's driver with every write of the process on one connection (issue 11).
///
/// SQLite lets one connection write at a time. The driver keeps a connection per event loop, so
/// two saves (or a save and an audit batch) met at SQLite's lock, and the one that lost slept in
/// `busy_timeout`'s steps (1, 2, 5 … 100 ms) while the other held the lock for about a millisecond:
/// the attendance save's p99 was 0.5–1.7 s of those sleeps. Here every write (a transaction, a
/// Fluent create, update or delete, an `INSERT`, `UPDATE`, `DELETE` or schema statement) goes to one
/// writer connection, and writers queue for it in the order they came; the queue's patience is the
/// busy timeout's, and past it the request is answered 503 (`DatabaseOutage`), as before.
///
/// Reads stay on the connection of their event loop (in WAL mode they never wait for the writer),
/// so a report that reads for a second holds up no save. A read inside a transaction on the
/// request's `db` rather than the transaction's sees what was committed before, as before. Raw
/// connection access (`SQLiteDatabase.withConnection(_:)`, only reports' streaming reads) reads.
struct SQLiteOneWriterConfiguration: DatabaseConfiguration {
    var base: any DatabaseConfiguration
    /// The file's direct writer (`sqlTransaction`); nil for a database in memory, which another
    /// connection cannot open.
    var direct: SQLiteDirectWriter?

    var middleware: [any AnyModelMiddleware] {
        get { base.middleware }
        set { base.middleware = newValue }
    }

    func makeDriver(for databases: Databases) -> any DatabaseDriver {
        // The writer has an event loop and a thread of its own: on a request loop each hand-over of
        // the connection waited behind the pages that loop was rendering, and on the shared thread
        // pool each statement waited behind the reads queued there. The second driver comes from
        // the same configuration (the same file, or the same in-memory database).
        let writerGroup = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let writerThread = NIOThreadPool(numberOfThreads: 1)
        writerThread.start()
        let writers = base.makeDriver(for: Databases(threadPool: writerThread, on: writerGroup))
        return Driver(
            readers: base.makeDriver(for: databases), writers: writers, writerGroup: writerGroup, writerThread: writerThread, direct: direct)
    }

    struct Driver: DatabaseDriver {
        let readers: any DatabaseDriver
        let writers: any DatabaseDriver
        let writerGroup: MultiThreadedEventLoopGroup
        let writerThread: NIOThreadPool
        let direct: SQLiteDirectWriter?

        func makeDatabase(with context: DatabaseContext) -> any Database {
            let writing = DatabaseContext(
                configuration: context.configuration, logger: context.logger, eventLoop: writerGroup.any(), history: context.history,
                pageSizeLimit: context.pageSizeLimit, shouldTrace: context.shouldTrace)
            return SQLiteOneWriterDatabase(base: readers.makeDatabase(with: context), writer: writers.makeDatabase(with: writing), direct: direct)
        }

        func shutdown() {
            direct?.close()
            readers.shutdown()
            writers.shutdown()
            try? writerThread.syncShutdownGracefully()
            try? writerGroup.syncShutdownGracefully()
        }

        func shutdownAsync() async {
            direct?.close()
            await readers.shutdownAsync()
            await writers.shutdownAsync()
            try? await writerThread.shutdownGracefully()
            try? await writerGroup.shutdownGracefully()
        }
    }
}

extension DatabaseConfigurationFactory {
    /// `base` (SQLite's) with one writer connection per process.
    static func oneWriter(_ base: DatabaseConfigurationFactory, direct: SQLiteDirectWriter? = nil) -> DatabaseConfigurationFactory {
        .init { SQLiteOneWriterConfiguration(base: base.make(), direct: direct) }
    }
}

struct SQLiteOneWriterDatabase: Database, SQLDatabase, SQLiteDatabase {
    let fluent: any Database
    let sqlBase: any SQLDatabase
    let lite: any SQLiteDatabase
    /// The process's writer connection (its pool of one queues the writers).
    let writer: any Database
    let direct: SQLiteDirectWriter?

    init(base: any Database, writer: any Database, direct: SQLiteDirectWriter?) {
        self.fluent = base
        self.sqlBase = base.sql
        guard let lite = base as? any SQLiteDatabase else { preconditionFailure("not SQLite: \(type(of: base))") }
        self.lite = lite
        self.writer = writer
        self.direct = direct
    }

    // MARK: Database

    var context: DatabaseContext { fluent.context }
    var inTransaction: Bool { fluent.inTransaction }

    func execute(query: DatabaseQuery, onOutput: @escaping @Sendable (any DatabaseOutput) -> Void) -> EventLoopFuture<Void> {
        switch query.action {
        case .read, .aggregate: fluent.execute(query: query, onOutput: onOutput)
        case .create, .update, .delete, .custom: writer.execute(query: query, onOutput: onOutput).hop(to: eventLoop)
        }
    }

    func execute(schema: DatabaseSchema) -> EventLoopFuture<Void> {
        writer.execute(schema: schema).hop(to: eventLoop)
    }

    func execute(enum: DatabaseEnum) -> EventLoopFuture<Void> {
        fluent.execute(enum: `enum`)
    }

    func transaction<T: Sendable>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        writer.transaction(closure).hop(to: eventLoop)
    }

    func withConnection<T: Sendable>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        fluent.withConnection { [writer, direct] in closure(SQLiteOneWriterDatabase(base: $0, writer: writer, direct: direct)) }
    }

    // MARK: SQLDatabase

    var logger: Logger { sqlBase.logger }
    var eventLoop: any EventLoop { sqlBase.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { sqlBase.version }
    var dialect: any SQLDialect { sqlBase.dialect }
    var queryLogLevel: Logger.Level? { sqlBase.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        SQLiteStatementKind.writes(query, on: sqlBase) ? writer.sql.execute(sql: query, onRow).hop(to: eventLoop) : sqlBase.execute(sql: query, onRow)
    }

    /// A write goes on on this database's loop afterwards (the request's), as the future form does:
    /// resumed from the writer's loop, a request went on on any loop (see `AuditBatch`).
    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        guard SQLiteStatementKind.writes(query, on: sqlBase) else { return try await sqlBase.execute(sql: query, onRow) }
        try await writer.sql.execute(sql: query, onRow).hop(to: eventLoop).get()
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await sqlBase.withSession(closure)
    }

    // MARK: SQLiteDatabase

    func query(_ query: String, _ binds: [SQLiteData], logger: Logger, _ onRow: @escaping @Sendable (SQLiteRow) -> Void) -> EventLoopFuture<Void> {
        guard SQLiteStatementKind.writes(sql: query) else { return lite.query(query, binds, logger: logger, onRow) }
        return (writer as! any SQLiteDatabase).query(query, binds, logger: logger, onRow).hop(to: eventLoop)
    }

    func query(_ query: String, _ binds: [SQLiteData], _ onRow: @escaping @Sendable (SQLiteRow) -> Void) async throws {
        try await self.query(query, binds, logger: logger, onRow).get()
    }

    func withConnection<T>(_ closure: @escaping @Sendable (SQLiteConnection) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        lite.withConnection(closure)
    }

    func withConnection<T>(_ closure: @escaping @Sendable (SQLiteConnection) async throws -> T) async throws -> T {
        try await lite.withConnection(closure)
    }
}

/// Which statements write, told from their type or their first word.
enum SQLiteStatementKind {
    static func writes(_ query: any SQLExpression, on db: any SQLDatabase) -> Bool {
        switch query {
        case is SQLSelect, is SQLUnion: return false
        case is SQLInsert, is SQLUpdate, is SQLDelete: return true
        default: return writes(sql: db.serialize(query).sql)
        }
    }

    /// A statement writes unless it starts with a reading word; a `WITH` writes if it holds a
    /// writing one (`WITH moved AS (…) INSERT …`). Only the first word is read for anything else:
    /// splitting a whole statement into words was 4 % of a list view (its audit batch's long insert).
    static func writes(sql: String) -> Bool {
        let bytes = sql.utf8
        func isWordByte(_ b: UInt8) -> Bool { (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == 95 || b >= 128 }
        guard let start = bytes.firstIndex(where: isWordByte) else { return false }
        let end = bytes[start...].firstIndex { !isWordByte($0) } ?? bytes.endIndex
        switch String(sql[start..<end]).uppercased() {
        case "SELECT", "PRAGMA", "EXPLAIN", "VALUES": return false
        case "WITH":
            let words = sql.split(whereSeparator: { !$0.isLetter && $0 != "_" }).lazy.map { $0.uppercased() }
            return words.contains { writingWords.contains($0) }
        default: return true
        }
    }

    private static let writingWords: Set<String> = ["INSERT", "UPDATE", "DELETE", "REPLACE"]
}

extension Database {
    /// A transaction whose body runs on the SQLite writer's own event loop (elsewhere the same as
    /// `transaction`). Through Fluent's `transaction` the body went on on a request loop after each
    /// statement and came back to the writer for the next: eight hand-overs a save, each waiting
    /// behind the pages that loop was serving, while the writer, which no one else may use
    /// meanwhile, sat idle (issue 11).
    func writeTransaction<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard let one = self as? SQLiteOneWriterDatabase, !inTransaction else { return try await transaction(body) }
        return try await one.writer.transaction { db in
            let promise = db.eventLoop.makePromise(of: T.self)
            Task(executorPreference: EventLoopTaskExecutor(loop: db.eventLoop)) {
                do { promise.succeed(try await body(db)) } catch { promise.fail(error) }
            }
            return promise.futureResult
        }.hop(to: eventLoop).get()
    }
}

/// An event loop as a task's preferred executor: the task's work runs on that loop's thread.
final class EventLoopTaskExecutor: TaskExecutor {
    let loop: any EventLoop
    init(loop: any EventLoop) { self.loop = loop }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        loop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
