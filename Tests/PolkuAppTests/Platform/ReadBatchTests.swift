import Foundation
import NIOConcurrencyHelpers
@testable import PolkuApp
import PolkuTestSupport
import SQLKit
import Testing
import Vapor

/// A page's reads sent as one statement on PostgreSQL (`ReadBatch`, issue 11) give the same rows,
/// in the same order, with the same values, as each query run alone.
@Suite struct ReadBatchTests {
    struct Row: Decodable, Equatable {
        let id: UUID; let at: Date; let yes: Bool; let n: Int; let text: String; let missing: String?; let noID: UUID?
    }

    /// Counts the statements sent to `base`.
    struct Counting: SQLDatabase {
        let base: any SQLDatabase
        let count: NIOLockedValueBox<Int>
        var logger: Logger { base.logger }
        var eventLoop: any EventLoop { base.eventLoop }
        var version: (any SQLDatabaseReportedVersion)? { base.version }
        var dialect: any SQLDialect { base.dialect }
        func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
            count.withLockedValue { $0 += 1 }
            return base.execute(sql: query, onRow)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aBatchReadsWhatEachQueryReadsAlone(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let id = UUID(uuidString: "01A247DF-E7E4-70A5-A026-03D9D9B5F3ED")!
            // Microseconds, as PostgreSQL keeps them.
            let at = Date(timeIntervalSince1970: 1_796_000_000.123456)
            let text = "Äänekoski \"lainaus\" \\ kenoviiva\nrivi\tsarake \u{01} 😀"
            let queries: [SQLQueryString] = [
                """
                SELECT \(bind: id) AS id, \(bind: at) AS at, \(bind: true) AS yes, \(bind: 42) AS n, \(bind: text) AS text,
                       CAST(NULL AS TEXT) AS missing, NULL AS "noID"
                """,
                "SELECT 1 AS x UNION ALL SELECT 3 UNION ALL SELECT 2 ORDER BY x DESC",
                "SELECT 1 AS x WHERE 1 = 0",
            ]
            let counted = NIOLockedValueBox(0)
            let sql = Counting(base: app.db.sql, count: counted)
            var batch = ReadBatch()
            let slots = queries.map { batch.add($0) }
            let answer = try await batch.run(on: sql)
            #expect(counted.withLockedValue { $0 } == (db == .postgres ? 1 : queries.count), "one statement on PostgreSQL")

            let alone = try await app.db.sql.raw(queries[0]).all(decoding: Row.self)
            let batched = try answer.all(slots[0], decoding: Row.self)
            #expect(batched.count == 1)
            #expect(batched.first?.text == text)
            #expect(batched.first?.id == id)
            #expect(abs((batched.first?.at.timeIntervalSince1970 ?? 0) - at.timeIntervalSince1970) < 0.000_001)
            #expect(batched.first?.missing == nil && batched.first?.noID == nil)
            #expect(batched.map(\.yes) == alone.map(\.yes) && batched.map(\.n) == alone.map(\.n) && batched.map(\.text) == alone.map(\.text))
            struct X: Decodable { let x: Int }
            #expect(try answer.all(slots[1], decoding: X.self).map(\.x) == [3, 2, 1], "each query's own order")
            #expect(try answer.all(slots[2], decoding: X.self).isEmpty)
        }
    }

    @Test func timesAsPostgreSQLWritesThemInJSON() {
        let expected = Date(timeIntervalSince1970: 1_796_000_000.5)
        // 2026-11-30 00:53:20.5 UTC.
        #expect(JSONRows.timestamp("2026-11-30T00:53:20.5+00:00") == expected)
        #expect(JSONRows.timestamp("2026-11-30T02:53:20.5+02:00") == expected)
        #expect(JSONRows.timestamp("2026-11-29T20:23:20.5-04:30") == expected)
        #expect(JSONRows.timestamp("2026-11-30T00:53:20.5Z") == expected)
        #expect(JSONRows.timestamp("2026-11-30T00:53:20+00") == Date(timeIntervalSince1970: 1_796_000_000))
        // A leap day, and the first day of the epoch.
        #expect(JSONRows.timestamp("2024-02-29T00:00:00+00:00") == Date(timeIntervalSince1970: 1_709_164_800))
        #expect(JSONRows.timestamp("1970-01-01T00:00:00+00:00") == Date(timeIntervalSince1970: 0))
        #expect(JSONRows.timestamp("2026-11-30") == nil)
        #expect(JSONRows.timestamp("2026-11-30T02:13:20.5 Helsinki") == nil)
    }

    @Test func jsonAsPostgreSQLWritesIt() throws {
        let rows = try JSONRows.parse(#"[{"a" : "x\"y\\z\n\u00e4\ud83d\ude00", "b" : [1, -2.5e3], "c" : null, "d" : true}, {}]"#)
        #expect(rows.count == 2)
        #expect(try rows[0].decode(column: "a", as: String.self) == "x\"y\\z\nä😀")
        #expect(rows[0].fields["b"] == .array([.number("1"), .number("-2.5e3")]))
        #expect(try rows[0].decodeNil(column: "c") && rows[1].decodeNil(column: "a"))
        #expect(try rows[0].decode(column: "d", as: Bool.self))
        #expect(throws: JSONRowError.self) { try rows[0].decode(column: "d", as: Int.self) }
        for bad in ["", "[", "[{]", #"[{"a" 1}]"#, #"[{"a": tru}]"#, #"{"a": 1}"#, #"[1]"#, "[] x", #"["a]"#] {
            #expect(throws: JSONRowError.self, "\(bad)") { try JSONRows.parse(bad) }
        }
    }
}
