import FluentKit
import Foundation
import NIOCore
import SQLKit
import SQLiteKit

/// Transactions of SQL alone (the attendance save, the audit batches) run on SQLite as one call on
/// the writer's event loop (issue 11).
///
/// Through the driver every statement went from the writer's loop to its thread and back: a save
/// is eight statements, so sixteen hand-overs between two threads, each waiting for a core the
/// request loops were using, while the transaction held the process's one writer. Under 64 saves at
/// once the writer's thread was busy 40 % of the time and a third of the machine idle (327 saves a
/// second). Here the driver's writer connection is leased (so no other write can run meanwhile)
/// and the statements run on a connection of this writer's own, on the loop's thread, as they come.
final class SQLiteDirectWriter: @unchecked Sendable {
    private let path: String
    private let pragmas: [String]
    /// Opened on first use; used only while the driver's writer connection is leased, which makes
    /// its uses one at a time (that lease is the lock).
    private var connection: ReadConnection?

    init(path: String, pragmas: [String]) {
        self.path = path
        self.pragmas = pragmas
    }

    /// `body` in a transaction on this writer's connection; call only with the driver's writer leased.
    func transaction<T>(on loop: any EventLoop, logger: Logger, _ body: (any SQLDatabase) async throws -> T) async throws -> T {
        let connection = try self.connection ?? ReadConnection(path: path, pragmas: pragmas, keptLength: Self.keptLength)
        self.connection = connection
        // IMMEDIATE: the write lock is taken now, so a statement inside never meets another
        // process's writer half way (only `BEGIN` waits, for the busy timeout).
        try connection.query("BEGIN IMMEDIATE", []) { _ in }
        do {
            let result = try await body(SQLiteDirectDatabase(connection: connection, eventLoop: loop, logger: logger))
            try connection.query("COMMIT", []) { _ in }
            return result
        } catch {
            // SQLite may have ended the transaction itself (a full disk); then there is nothing to undo.
            try? connection.query("ROLLBACK", []) { _ in }
            throw error
        }
    }

    /// The save's statements and an audit batch of up to ~50 rows stay prepared; longer ones are
    /// prepared for each use, as the driver did.
    static let keptLength = 1_000

    func close() {
        connection?.close()
        connection = nil
    }
}

/// The writer's connection as an `SQLDatabase` whose statements run on the calling thread.
struct SQLiteDirectDatabase: SQLDatabase {
    let connection: ReadConnection
    let eventLoop: any EventLoop
    let logger: Logger
    var dialect: any SQLDialect { SQLiteDialect() }
    var version: (any SQLDatabaseReportedVersion)? { nil }
    var queryLogLevel: Logger.Level? { nil }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        do {
            try connection.run(query, on: self, onRow)
            return eventLoop.makeSucceededVoidFuture()
        } catch {
            return eventLoop.makeFailedFuture(error)
        }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try connection.run(query, on: self, onRow)
    }

    /// A statement whose text and values are already made (`AuditBatch`'s rows).
    func query(_ sql: String, _ binds: [SQLiteData]) throws {
        try connection.query(sql, binds) { _ in }
    }
}

extension ReadConnection {
    /// `query` as `database` writes it, its values as the driver stores them.
    func run(_ query: any SQLExpression, on database: any SQLDatabase, _ onRow: (any SQLRow) -> Void) throws {
        let (sql, binds) = database.serialize(query)
        let encoder = SQLiteDataEncoder()
        // A UUID, the commonest bind, as text here: the encoder makes it through `uuidString`,
        // which formats with `snprintf` (3 % of the participant page's CPU).
        let data = try binds.map { bind -> SQLiteData in
            if let id = bind as? UUID { return .text(id.text) }
            return try encoder.encode(bind)
        }
        try self.query(sql, data, onRow: onRow)
    }
}

extension Database {
    /// A transaction whose body writes SQL alone (no Fluent models), on SQLite as one call on the
    /// writer's loop (`SQLiteDirectWriter`); elsewhere the same as `writeTransaction`.
    func sqlTransaction<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        if inTransaction { return try await body(sql) }
        guard let one = self as? SQLiteOneWriterDatabase, let direct = one.direct else { return try await writeTransaction { try await body($0.sql) } }
        return try await one.writer.withConnection { leased in
            let loop = leased.eventLoop, logger = leased.logger
            let promise = loop.makePromise(of: T.self)
            Task(executorPreference: EventLoopTaskExecutor(loop: loop)) {
                do { promise.succeed(try await direct.transaction(on: loop, logger: logger, body)) } catch { promise.fail(error) }
            }
            return promise.futureResult
        }.hop(to: eventLoop).get()
    }
}
