import FluentKit
import SQLKit

extension Database {
    /// Polku's two drivers (SQLite and PostgreSQL) are both SQL databases; the queries that need SQL
    /// say so here instead of casting at each call.
    package var sql: any SQLDatabase {
        guard let sql = self as? any SQLDatabase else { preconditionFailure("Polku runs on SQL databases only, not \(type(of: self))") }
        return sql
    }
}

/// `column IN (…)` for a list of values: on PostgreSQL `= ANY($1)` with the list as one array.
///
/// One array keeps a statement's text the same whatever the list's length, so PostgreSQL keeps one
/// prepared statement (and one PL/pgSQL function, `PostgresReadFunction`) for every number of a
/// person's projects instead of one for each, and a page's batch stays far below the 100
/// arguments a function may take. SQLite has no arrays, so there it stays a list of binds.
struct SQLOneOf<Value: Encodable & Sendable>: SQLExpression {
    let values: [Value]

    func serialize(to serializer: inout SQLSerializer) {
        if serializer.dialect.name == "postgresql" {
            serializer.write("= ANY(")
            serializer.write(bind: values)
            serializer.write(")")
        } else {
            serializer.write("IN ")
            SQLBind.group(values).serialize(to: &serializer)
        }
    }
}

extension SQLQueryString {
    /// `column \(oneOf: values)`: the column is one of `values` (`SQLOneOf`); `values` is not empty.
    mutating func appendInterpolation<Value: Encodable & Sendable>(oneOf values: [Value]) {
        appendInterpolation(SQLOneOf(values: values))
    }
}
