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

extension Database {
    /// Runs a page's reads on one connection where that saves work (issue 11). On PostgreSQL each of a
    /// page's dozen queries would otherwise take a connection from the pool and give it back. On SQLite
    /// the driver keeps one connection per event loop: holding it through a whole page would make the
    /// loop's other requests wait while this one decodes and renders, so there each query takes it in
    /// turn as before.
    package func reading<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        if sql.dialect.name == "sqlite" { return try await body(self) }
        return try await withConnection(body)
    }
}
