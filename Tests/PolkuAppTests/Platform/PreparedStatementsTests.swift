import Foundation
@testable import PolkuApp
import PolkuTestSupport
import SQLKit
import Testing
import Vapor

/// PostgreSQL's hot reads as prepared statements (`POLKU_PG_PREPARED`, issue 11) show the same pages
/// as unnamed statements, which a transaction-pooling PgBouncer needs (issue 19).
@Suite struct PreparedStatementsTests {
    @Test func thePagesAreTheSameWithAndWithoutPreparedStatements() async throws {
        try await withPolku(.postgres) { app in
            let world = try await World.make(app)
            let worker = TestClient(app)
            try await worker.login(world.users[.worker]!)
            let pages = [
                SiteURL.participant(.value(world.ownParticipant)).relativeURL(),
                SiteURL.participants.relativeURL(),
                SiteURL.participants.relativeURL([("q", World.ownLastName)]),
            ]
            var seen: [Bool: [String]] = [:]
            // Twice each way: PostgreSQL plans a prepared statement anew for its first five runs.
            for prepared in [true, false, true, false] {
                app.settings.postgresPrepared = prepared
                var bodies: [String] = []
                for page in pages {
                    for _ in 0..<3 {
                        let answer = try await worker.get(page)
                        #expect(answer.status == .ok, "\(page) with prepared statements \(prepared)")
                        // Each form carries a one-time key of its own; the rest must be the same.
                        bodies.append(answer.body.replacingOccurrences(of: #"name="_once" value="[^"]*""#, with: "", options: .regularExpression))
                    }
                }
                if let before = seen[prepared] {
                    let same = before == bodies  // a Bool, so that a failure does not print every page
                    #expect(same, "the same pages again, prepared \(prepared)")
                }
                seen[prepared] = bodies
            }
            let same = seen[true] == seen[false]
            #expect(same, "the same pages with and without prepared statements")
            #expect(seen[true]?.first?.contains(World.ownLastName) == true)
            // Another's person is still refused through the prepared guard check.
            app.settings.postgresPrepared = true
            #expect(try await worker.get(SiteURL.participant(.value(world.otherParticipant)).relativeURL()).status == .notFound)
        }
    }

    /// A prepared read's rows decode every type as PostgresKit's rows do: those read straight from
    /// their cells (text, uuid, integers, booleans, times), those that go PostgresKit's way (a
    /// number with decimals, JSON), nulls, and a value that does not fit its type (the same error).
    @Test func preparedRowsDecodeAsPostgresKitsRowsDo() async throws {
        try await withPolku(.postgres) { app in
            struct Row: Decodable, Equatable {
                let text: String; let id: UUID; let small: Int; let big: Int; let yes: Bool; let at: Date
                let share: Double; let doc: [String: Int]; let none: String?; let noID: UUID?
            }
            let query: SQLQueryString = """
                SELECT 'Äänekoski' AS text, \(bind: UUID(uuidString: "01A247DF-E7E4-70A5-A026-03D9D9B5F3ED")!) AS id, 7::int4 AS small,
                       9000000000::int8 AS big, TRUE AS yes, TIMESTAMPTZ '2026-12-05 21:00:00.123456+00' AS at, 0.25::float8 AS share,
                       '{"a": 1}'::jsonb AS doc, NULL::text AS none, NULL::uuid AS noID
                """
            let viaKit = try await app.db.sql.raw(query).all(decoding: Row.self)
            #expect(viaKit.first?.big == 9_000_000_000 && viaKit.first?.noID == nil)
            let kitError = await #expect(throws: (any Error).self) { try await app.db.sql.raw("SELECT 'x' AS id").first()?.decode(column: "id", as: UUID.self) }
            for prepared in [true, false] {
                let reads = PostgresReadDatabase(base: app.db, prepared: prepared).sql
                for _ in 0..<2 { #expect(try await reads.raw(query).all(decoding: Row.self) == viaKit, "prepared \(prepared)") }
                let error = await #expect(throws: (any Error).self) { try await reads.raw("SELECT 'x' AS id").first()?.decode(column: "id", as: UUID.self) }
                #expect(String(describing: kitError) == String(describing: error))
            }
        }
    }
}
