import Foundation
import Logging
import NIOConcurrencyHelpers
import PostgresKit
import PostgresNIO
import SQLKit

/// The hot reads as PL/pgSQL functions, for PostgreSQL behind a pooler that cannot keep prepared
/// statements (`POLKU_PG_PREPARED=off`, issue 19).
///
/// Unnamed, the participant page's first batch of reads was planned in 3.2 ms and run in 0.17 ms on
/// every view (PgBouncer 1.18 in transaction pooling): 210 pages a second at a million people against
/// 741 with prepared statements. PL/pgSQL keeps its statements' plans for each server connection
/// whichever client calls, so a pooled connection plans a read once (after the five custom plans
/// PostgreSQL makes of any kept statement) and then parses and plans only the call.
///
/// A read's function is named by a hash of its SQL and parameter types, so it is one function for
/// every process that sends the same SQL. Its result's columns are learnt from the read's first
/// answer with rows: the first call that finds the function missing reads as before and makes it
/// (`CREATE OR REPLACE`: two processes may both). Where a read cannot be a function (a column type
/// without a SQL name, more arguments than PostgreSQL's 100, a read-only replica, no right to
/// create) it stays an unnamed statement, as before.
enum PostgresReadFunction {
    /// Every read function's name begins so (`dropAll`).
    static let prefix = "polku_read_"

    /// The reads this process found cannot be functions, by function name.
    private static let unnamed = NIOLockedValueBox<Set<String>>([])

    private static let undefinedFunction = "42883"
    /// The function's columns are not the read's (a column changed type since it was made).
    private static let datatypeMismatch = "42804"

    /// The read's rows, through its function where it has one.
    static func read(
        sql: String, types: [PostgresDataType], bindings: PostgresBindings, on postgres: any PostgresDatabase, logger: Logger,
        _ onRow: @escaping @Sendable (any SQLRow) -> Void
    ) async throws {
        let name = prefix + DynamicStatement.Shape.hash(sql: sql, types: types)
        let plain = PostgresQuery(unsafeSQL: sql, binds: bindings)
        guard isPlainRead(sql), types.count <= 100, !unnamed.withLockedValue({ $0.contains(name) }) else {
            _ = try await run(plain, on: postgres, logger: logger, onRow)
            return
        }
        let call = "SELECT * FROM \(name)(" + types.indices.map { "$\($0 + 1)" }.joined(separator: ", ") + ")"
        do {
            _ = try await run(PostgresQuery(unsafeSQL: call, binds: bindings), on: postgres, logger: logger, onRow)
            return
        } catch let error as PSQLError where [undefinedFunction, datatypeMismatch].contains(error.serverInfo?[.sqlState]) {
            // Made by no process yet, or for another version of the tables: read as before, then make it.
        }
        guard let first = try await run(plain, on: postgres, logger: logger, onRow) else { return }
        guard let definition = definition(name: name, sql: sql, types: types, columns: PostgresRandomAccessRow(first)) else {
            unnamed.withLockedValue { _ = $0.insert(name) }
            return
        }
        do {
            _ = try await run(PostgresQuery(unsafeSQL: definition), on: postgres, logger: logger) { _ in }
        } catch let error as PSQLError where ["23505", "XX000", "25006"].contains(error.serverInfo?[.sqlState]) {
            // Another process made it at the same moment, or this session is read-only: not the read's fault.
        } catch {
            logger.info("A read stays an unnamed statement", metadata: ["function": "\(name)", "error": "\(String(reflecting: error))"])
            unnamed.withLockedValue { _ = $0.insert(name) }
        }
    }

    /// A `SELECT` that takes no locks: the audit's insert goes through `PostgresReadDatabase` too, and
    /// a function that reads is `STABLE`, where PostgreSQL allows no `FOR UPDATE`.
    static func isPlainRead(_ sql: String) -> Bool {
        sql.hasPrefix("SELECT ") && !sql.contains("$polku$") && !sql.contains(" FOR UPDATE") && !sql.contains(" FOR SHARE")
            && !sql.contains(" FOR NO KEY") && !sql.contains(" FOR KEY SHARE")
    }

    /// The function returning what `sql` returns; nil when a column's type has no plain SQL name or
    /// two columns share a name.
    static func definition(name: String, sql: String, types: [PostgresDataType], columns: PostgresRandomAccessRow) -> String? {
        var arguments: [String] = []
        for type in types {
            guard let typeName = sqlName(type) else { return nil }
            arguments.append(typeName)
        }
        var results: [String] = []
        var names = Set<String>()
        for cell in columns {
            guard let typeName = sqlName(cell.dataType), names.insert(cell.columnName).inserted else { return nil }
            results.append("\"\(cell.columnName.replacingOccurrences(of: "\"", with: "\"\""))\" \(typeName)")
        }
        // `use_column`: the result's columns are PL/pgSQL variables too; a name in the SQL is a column.
        return """
            CREATE OR REPLACE FUNCTION \(name)(\(arguments.joined(separator: ", ")))
            RETURNS TABLE (\(results.joined(separator: ", "))) LANGUAGE plpgsql STABLE AS $polku$
            #variable_conflict use_column
            BEGIN RETURN QUERY \(sql); END $polku$
            """
    }

    /// `CHARACTER` alone would be one character, so a `bpchar` has no name here.
    private static func sqlName(_ type: PostgresDataType) -> String? {
        type == .bpchar || type == .bpcharArray ? nil : type.knownSQLName.flatMap { $0.hasPrefix("UNKNOWN") ? nil : $0 }
    }

    /// Sends `query`, giving `onRow` its rows; returns the first.
    private static func run(
        _ query: PostgresQuery, on postgres: any PostgresDatabase, logger: Logger, _ onRow: @escaping @Sendable (any SQLRow) -> Void
    ) async throws -> PostgresRow? {
        try await postgres.withConnection { connection in
            connection.eventLoop.makeFutureWithTask {
                var first: PostgresRow?
                for try await row in try await connection.query(query, logger: logger) {
                    if first == nil { first = row }
                    onRow(PreparedRow(row))
                }
                return first
            }
        }.get()
    }

    /// Drops every read function (they are made again on first use): a new version's reads are other
    /// functions, and without this the old ones would stay in the catalogue.
    static func dropAll(on sql: any SQLDatabase) async throws {
        try await sql.raw(
            """
            DO $polku$ DECLARE f regprocedure; BEGIN
              FOR f IN SELECT p.oid::regprocedure FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                       WHERE n.nspname = current_schema() AND p.proname LIKE 'polku\\_read\\_%' LOOP
                EXECUTE 'DROP FUNCTION IF EXISTS ' || f;
              END LOOP;
            END $polku$
            """
        ).run()
    }
}
