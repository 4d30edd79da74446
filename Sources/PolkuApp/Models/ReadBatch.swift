import Foundation
import SQLKit

/// Several independent reads of one page sent as one statement on PostgreSQL (issue 11).
///
/// A participant page was 21 statements, and on PostgreSQL each is a round trip: a write to the
/// socket, the backend woken, its own transaction, the answer read back. Under load that machinery,
/// not the queries (0.02–0.06 ms each), was most of the page's CPU on both sides. Here each query
/// becomes a column of one `SELECT`, its rows aggregated as JSON, and `JSONRows` gives them back
/// as rows that decode as before. On SQLite, where a statement is a function call, they run one by
/// one. Each query keeps its own `ORDER BY`: a plain aggregate over an ordered subquery takes the
/// rows in that order, which is how PostgreSQL's documentation orders an aggregate's input.
struct ReadBatch {
    struct Slot { fileprivate let index: Int }

    private var queries: [SQLQueryString] = []

    /// Adds `query`; its rows are read from the answer of `run` with the returned slot.
    mutating func add(_ query: SQLQueryString) -> Slot {
        queries.append(query)
        return Slot(index: queries.count - 1)
    }

    /// The rows of every query added, read in one statement on PostgreSQL.
    func run(on sql: any SQLDatabase) async throws -> Answer {
        guard sql.dialect.name == "postgresql", queries.count > 1 else {
            var rows: [[any SQLRow]] = []
            for query in queries { rows.append(try await sql.raw(query).all()) }
            return Answer(rows: rows)
        }
        var combined: SQLQueryString = "SELECT "
        for (i, query) in queries.enumerated() {
            combined.appendLiteral(i == 0 ? "" : ", ")
            combined.appendLiteral("(SELECT COALESCE(json_agg(q), '[]')::text FROM (")
            combined.appendInterpolation(query)
            combined.appendLiteral(") q) AS r\(i)")
        }
        guard let row = try await sql.raw(combined).first() else { throw JSONRowError.notRows }
        return Answer(rows: try queries.indices.map { try JSONRows.parse(row.decode(column: "r\($0)", as: String.self)) })
    }

    struct Answer {
        fileprivate let rows: [[any SQLRow]]

        func rows(_ slot: Slot) -> [any SQLRow] { rows[slot.index] }

        func all<T: Decodable>(_ slot: Slot, decoding: T.Type) throws -> [T] {
            try rows[slot.index].map { try $0.decode(model: T.self) }
        }

        /// The rows of `slot` when it was added; none when it was not (a query with nothing to ask).
        func all<T: Decodable>(_ slot: Slot?, decoding: T.Type) throws -> [T] {
            guard let slot else { return [] }
            return try all(slot, decoding: T.self)
        }
    }
}
