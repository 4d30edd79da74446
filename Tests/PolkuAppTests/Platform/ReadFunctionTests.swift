import Foundation
@testable import PolkuApp
import PolkuTestSupport
import SQLKit
import Testing
import Vapor

/// Behind a pooler that cannot keep prepared statements (`POLKU_PG_PREPARED=off`, issue 19) the hot
/// reads are PL/pgSQL functions, whose plans each server connection keeps.
@Suite struct ReadFunctionTests {
    private static func functions(_ app: Application) async throws -> [String] {
        try await app.db.sql.raw("SELECT proname FROM pg_proc WHERE proname LIKE 'polku\\_read\\_%' ORDER BY proname")
            .all().map { try $0.decode(column: "proname", as: String.self) }
    }

    private static let once = #"name="_once" value="[^"]*""#

    @Test func thePagesReadsAreFunctionsMadeOnFirstUseAndAgainOnceDropped() async throws {
        try await withPolku(.postgres) { app in
            let world = try await World.make(app)
            let worker = TestClient(app)
            try await worker.login(world.users[.worker]!)
            app.settings.postgresPrepared = false
            let page = SiteURL.participant(.value(world.ownParticipant)).relativeURL()
            #expect(try await Self.functions(app).isEmpty)

            let first = try await worker.get(page)
            #expect(first.status == .ok && first.body.contains(World.ownLastName))
            // The identity, the guard's check, the page's batch of reads: each a function.
            let made = try await Self.functions(app)
            #expect(made.count >= 3)
            let bodies = try await app.db.sql.raw("SELECT prosrc FROM pg_proc WHERE proname LIKE 'polku\\_read\\_%'").all()
                .map { try $0.decode(column: "prosrc", as: String.self) }
            #expect(bodies.contains { $0.contains("json_agg") }, "the page's batch")
            #expect(!bodies.contains { $0.contains("INSERT") }, "the page's audit event is a write, not a function")
            for _ in 0..<3 { #expect(try await worker.get(page).status == .ok) }
            #expect(try await Self.functions(app) == made, "the same functions, not new ones for each view")

            // Another version's start-up drops them; the next view reads as before and makes them again.
            try await PostgresReadFunction.dropAll(on: app.db.sql)
            #expect(try await Self.functions(app).isEmpty)
            let again = try await worker.get(page)
            #expect(again.status == .ok)
            #expect(try await worker.get(page).status == .ok)
            let through = try await worker.get(page)
            for answer in [again, through] {
                #expect(
                    answer.body.replacingOccurrences(of: Self.once, with: "", options: .regularExpression)
                        == first.body.replacingOccurrences(of: Self.once, with: "", options: .regularExpression))
            }
            #expect(try await Self.functions(app) == made)
        }
    }

    /// Where the function cannot be made (here a read-only session) the read is sent as it is: the
    /// same rows, no error; made later by a session that may, it gives the same rows again.
    @Test func whereTheFunctionCannotBeMadeTheReadIsSentAsItIs() async throws {
        try await withPolku(.postgres) { app in
            var batch = ReadBatch()
            let numbers = batch.add("SELECT n FROM generate_series(1, \(bind: 3)) AS n WHERE n \(oneOf: [1, 3]) ORDER BY n")
            let words = batch.add("SELECT \(bind: "Äänekoski") AS word")
            let rows = try await app.db.withConnection { connection in
                connection.eventLoop.makeFutureWithTask {
                    try await connection.sql.raw("SET default_transaction_read_only = on").run()
                    let answer = try await batch.run(on: PostgresReadDatabase(base: connection, prepared: false))
                    try await connection.sql.raw("RESET default_transaction_read_only").run()
                    return (
                        try answer.rows(numbers).map { try $0.decode(column: "n", as: Int.self) },
                        try answer.rows(words).map { try $0.decode(column: "word", as: String.self) }
                    )
                }
            }.get()
            #expect(rows.0 == [1, 3] && rows.1 == ["Äänekoski"])
            #expect(try await Self.functions(app).isEmpty)
            for _ in 0..<2 {
                let answer = try await batch.run(on: PostgresReadDatabase(base: app.db, prepared: false))
                #expect(try answer.rows(numbers).map { try $0.decode(column: "n", as: Int.self) } == [1, 3])
                #expect(try answer.rows(words).map { try $0.decode(column: "word", as: String.self) } == ["Äänekoski"])
                #expect(try await Self.functions(app).count == 1)
            }
        }
    }

    /// A read whose columns a function cannot return (two of one name) and a write stay statements.
    @Test func aReadWithTwoColumnsOfOneNameAndAWriteAreNoFunctions() async throws {
        try await withPolku(.postgres) { app in
            let reads = PostgresReadDatabase(base: app.db, prepared: false).sql
            for _ in 0..<2 {
                let row = try await reads.raw("SELECT \(bind: 1) AS a, \(bind: 2) AS a, \(bind: "b") AS b").first()
                #expect(try row?.decode(column: "b", as: String.self) == "b")
            }
            try await reads.raw("UPDATE participants SET first_name = first_name WHERE id = \(bind: UUID(uuidString: "01A247DF-E7E4-70A5-A026-03D9D9B5F3ED")!)").run()
            #expect(try await Self.functions(app).isEmpty)
        }
    }
}
