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
