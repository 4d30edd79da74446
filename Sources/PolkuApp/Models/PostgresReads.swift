import FluentKit
import Foundation
import Logging
import PostgresKit
import PostgresNIO
import NIOConcurrencyHelpers
import SQLKit

/// The hot reads of PostgreSQL (issue 11): as named prepared statements kept by each connection, or
/// (`prepared` off, behind a pooler that cannot keep them) as PL/pgSQL functions whose plans each
/// server connection keeps (`PostgresReadFunction`), else unnamed ones; either way their rows
/// are `PreparedRow`s, decoded without PostgresKit's `Codable` layer for the common types.
///
/// Through SQLKit every query is an unnamed statement: PostgreSQL parses and plans it each time,
/// and for the participant page's short lookups planning took longer than running (0.13–0.29 ms
/// against 0.04–0.18 ms, measured with EXPLAIN ANALYZE at 100,000 participants). A prepared
/// statement is parsed once per connection and, after a few runs, planned once.
///
/// postgres-nio keeps prepared statements by a statement type's static name and SQL. Polku's SQL is
/// built at run time, so `DynamicStatement` reads its name and SQL from a task-local set around the
/// call (postgres-nio reads them while the call starts). The name is a hash of the SQL and the
/// parameters' types, so the same text with the same types is the same statement. The statements a
/// connection keeps are bounded by the hot queries' shapes: a person's projects are one array
/// (`SQLOneOf`), so a query's text does not vary with their number.
struct PostgresReadDatabase: ReadRoutingDatabase {
    let base: any Database
    /// Named prepared statements (`POLKU_PG_PREPARED`), else unnamed ones.
    var prepared = true

    /// Named, not asked of `base`: that is a cast to `SQLDatabase` on every query.
    var dialect: any SQLDialect { PostgresDialect() }
    var context: DatabaseContext { base.context }
    var inTransaction: Bool { base.inTransaction }
    func withConnection<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        base.withConnection { [prepared] in closure(PostgresReadDatabase(base: $0, prepared: prepared)) }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        eventLoop.makeFutureWithTask { try await self.execute(sql: query, onRow) }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        let (sql, binds) = serialize(query)
        var bindings = PostgresBindings(capacity: binds.count)
        var types: [PostgresDataType] = []
        for bind in binds {
            // A value PostgreSQL's wire types do not cover as such (a nil, a JSON value) goes the
            // driver's way, unprepared.
            guard let value = bind as? any PostgresThrowingDynamicTypeEncodable else { return try await base.sql.execute(sql: query, onRow) }
            try bindings.append(value)
            types.append(value.psqlType)
        }
        guard let postgres = base as? any PostgresDatabase else { return try await base.sql.execute(sql: query, onRow) }
        let logger = self.logger
        guard prepared else {
            return try await PostgresReadFunction.read(sql: sql, types: types, bindings: bindings, on: postgres, logger: logger, onRow)
        }
        let statement = DynamicStatement.Shape(sql: sql, types: types)
        let prepared = DynamicStatement(bindings: bindings)
        try await postgres.withConnection { connection in
            let answer = connection.eventLoop.makePromise(of: Void.self)
            let key = ClosingConnections.watch(answer, on: connection)
            connection.eventLoop.makeFutureWithTask {
                try await DynamicStatement.$shape.withValue(statement) {
                    for try await row in try await connection.execute(prepared, logger: logger) {
                        onRow(PreparedRow(row))
                    }
                }
            }.whenComplete { result in
                if ClosingConnections.done(key, on: connection) { answer.completeWith(result) }
            }
            return answer.futureResult
        }.get()
    }
}

/// The prepared reads under way on each connection, failed together when it closes.
///
/// postgres-nio 1.33.2 can leave a prepared statement's answer unsent when its connection dies under
/// it (the test that cuts PostgreSQL mid-session hung in 5 of 30 runs when these were tried first):
/// the connection's closing answers the read instead, whichever comes first. One close callback per
/// connection, so a long-lived connection does not gather one per query.
enum ClosingConnections {
    private static let pending = NIOLockedValueBox<(next: Int, reads: [ObjectIdentifier: [Int: EventLoopPromise<Void>]])>((0, [:]))

    static func watch(_ promise: EventLoopPromise<Void>, on connection: PostgresConnection) -> Int {
        let id = ObjectIdentifier(connection)
        let (key, first) = pending.withLockedValue { state in
            state.next += 1
            let first = state.reads[id] == nil
            state.reads[id, default: [:]][state.next] = promise
            return (state.next, first)
        }
        if first {
            connection.closeFuture.whenComplete { _ in
                let waiting = pending.withLockedValue { $0.reads.removeValue(forKey: id) } ?? [:]
                for promise in waiting.values { promise.fail(ChannelError.ioOnClosedChannel) }
            }
        }
        return key
    }

    /// False when the connection's closing has already answered the read.
    static func done(_ key: Int, on connection: PostgresConnection) -> Bool {
        pending.withLockedValue { $0.reads[ObjectIdentifier(connection)]?.removeValue(forKey: key) != nil }
    }
}

/// A prepared statement whose name and SQL come from the task that runs it (see above).
struct DynamicStatement: PostgresPreparedStatement {
    struct Shape: Sendable {
        let sql: String
        let types: [PostgresDataType]
        let name: String

        init(sql: String, types: [PostgresDataType]) {
            self.sql = sql
            self.types = types
            name = "polku_" + Self.hash(sql: sql, types: types)
        }

        /// FNV-1a over the SQL and the types: stable across processes, unlike `hashValue`.
        static func hash(sql: String, types: [PostgresDataType]) -> String {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in sql.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            for type in types { hash = (hash ^ UInt64(type.rawValue)) &* 0x100_0000_01b3 }
            return String(hash, radix: 36)
        }
    }

    @TaskLocal static var shape = Shape(sql: "", types: [])

    static var name: String { shape.name }
    static var sql: String { shape.sql }
    static var bindingDataTypes: [PostgresDataType] { shape.types }

    let bindings: PostgresBindings

    func makeBindings() throws -> PostgresBindings { bindings }
    func decodeRow(_ row: PostgresRow) throws -> PostgresRow { row }
}

/// A row of a prepared read. The column types of nearly every hot read are decoded straight from
/// their cells; through `Codable` (PostgresKit's row) a list page's 26 rows were 6 % of its time.
/// Any other type, or a cell these do not fit, goes PostgresKit's way: same results, same errors.
struct PreparedRow: SQLRow {
    let row: PostgresRow
    let cells: PostgresRandomAccessRow

    init(_ row: PostgresRow) {
        self.row = row
        cells = PostgresRandomAccessRow(row)
    }

    var allColumns: [String] { cells.map(\.columnName) }
    func contains(column: String) -> Bool { cells.contains(column) }
    func decodeNil(column: String) throws -> Bool { !cells.contains(column) || cells[column].bytes == nil }

    func decode<D: Decodable>(column: String, as: D.Type) throws -> D {
        if cells.contains(column), let direct = Self.direct(cells[column], as: D.self) { return direct }
        return try row.sql().decode(column: column, as: D.self)
    }

    private static func direct<D>(_ cell: PostgresCell, as: D.Type) -> D? {
        guard cell.bytes != nil else { return nil }
        if D.self == String.self { return try? cell.decode(String.self) as? D }
        if D.self == UUID.self { return try? cell.decode(UUID.self) as? D }
        if D.self == Int.self { return try? cell.decode(Int.self) as? D }
        if D.self == Bool.self { return try? cell.decode(Bool.self) as? D }
        if D.self == Date.self { return try? cell.decode(Date.self) as? D }
        return nil
    }
}
