import FluentKit
import Foundation
@testable import PolkuApp
import PolkuTestSupport
import SQLKit
import Testing

/// The audit batch writes its own SQL on SQLite (issue 11); what it stores must be what the model
/// stores, or the participant's "who has seen my data" and the admin's search would miss events.
@Suite struct AuditBatchTests {
    @Test(arguments: TestDatabase.allCases)
    func aBatchStoresWhatTheModelStores(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let at = Date(timeIntervalSince1970: 1_800_000_000.25)
            let person = UUID(uuidString: "0190A1B2-C3D4-7E5F-8A9B-0C1D2E3F4A5B")!
            let project = UUID(uuidString: "0190A1B2-C3D4-7E5F-8A9B-0C1D2E3F4A5C")!
            let actor = UUID(uuidString: "0190A1B2-C3D4-7E5F-8A9B-0C1D2E3F4A5D")!
            let rows = [
                AuditBatch.Row(
                    id: UUID(uuidString: "0190A1B2-C3D4-7E5F-8A9B-000000000001")!, at: at, actorID: actor, actorEmail: "ohjaaja@example.org",
                    action: "participant.view", participantID: person, projectID: project, detail: "sivu \"Åke\"; 'ä'", clientAddress: "10.0.0.1"),
                AuditBatch.Row(
                    id: UUID(uuidString: "0190A1B2-C3D4-7E5F-8A9B-000000000002")!, at: at, actorID: nil, actorEmail: "", action: "job.run",
                    participantID: nil, projectID: nil, detail: "", clientAddress: ""),
            ]
            // The first as the batches write it (on SQLite the direct writer's way), the second through the driver.
            try await app.db.sqlTransaction { try await AuditBatch.insert([rows[0]], on: $0) }
            try await AuditBatch.insert([rows[1]], on: app.db.sql)
            let model = AuditEvent()
            model.id = UUID(uuidString: "0190A1B2-C3D4-7E5F-8A9B-000000000003")!
            model.at = at; model.actorID = actor; model.actorEmail = "ohjaaja@example.org"; model.action = "participant.view"
            model.participantID = person; model.projectID = project; model.detail = "malli"; model.clientAddress = "10.0.0.1"
            try await model.create(on: app.db)

            // Found by the same filters the person's and the admin's pages use.
            let seen = try await AuditEvent.query(on: app.db).filter(\.$participantID == person).filter(\.$actorID == actor)
                .filter(\.$at == at).sort(\.$detail).all()
            #expect(seen.map(\.detail) == ["malli", "sivu \"Åke\"; 'ä'"])
            #expect(seen.allSatisfy { $0.projectID == project && $0.at == at && $0.clientAddress == "10.0.0.1" })
            let job = try #require(try await AuditEvent.find(rows[1].id, on: app.db))
            #expect(job.actorID == nil && job.participantID == nil && job.projectID == nil && job.action == "job.run")
            // Stored alike, column by column (SQLite keeps whatever type it is given).
            let kinds = try await app.db.sql.raw(
                """
                SELECT COUNT(DISTINCT CAST(at AS TEXT)) AS times, COUNT(DISTINCT CAST(participant_id AS TEXT)) AS people
                FROM audit_events WHERE detail IN ('malli', \(bind: rows[0].detail))
                """
            ).first()
            #expect(try kinds?.decode(column: "times", as: Int.self) == 1)
            #expect(try kinds?.decode(column: "people", as: Int.self) == 1)
        }
    }

    /// A batch larger than one statement's worth of values (1,000 rows on SQLite; one statement of
    /// arrays on PostgreSQL) stores every row, the missing ids as nulls.
    @Test(arguments: TestDatabase.allCases)
    func aLargeBatchStoresEveryRow(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let person = UUID(uuidString: "0190A1B2-C3D4-7E5F-8A9B-0C1D2E3F4A5B")!
            let rows = (0..<2_500).map { n in
                AuditBatch.Row(
                    id: UUID(uuidString: String(format: "0190A1B2-C3D4-7E5F-8A9B-%012d", n + 10))!,
                    at: Date(timeIntervalSince1970: 1_800_000_000 + Double(n)), actorID: nil, actorEmail: "api@example.org",
                    action: "participant.view", participantID: n.isMultiple(of: 2) ? person : nil, projectID: nil, detail: "rivi \(n)",
                    clientAddress: "10.0.0.2")
            }
            try await app.db.sqlTransaction { try await AuditBatch.insert(rows, on: $0) }
            struct Counts: Decodable { let n: Int; let people: Int; let projects: Int; let last: String }
            let counts = try #require(
                try await app.db.sql.raw(
                    """
                    SELECT COUNT(*) AS n, COUNT(participant_id) AS people, COUNT(project_id) AS projects, MAX(detail) AS last
                    FROM audit_events WHERE actor_email = 'api@example.org'
                    """
                ).first(decoding: Counts.self))
            #expect(counts.n == 2_500 && counts.people == 1_250 && counts.projects == 0 && counts.last == "rivi 999")
            let seen = try await AuditEvent.query(on: app.db).filter(\.$participantID == person).count()
            #expect(seen == 1_250)
        }
    }

    /// Whoever waits for a batch is told of its commit on their own event loop: told on the loop
    /// where the commit finished, every page of a batch was rendered there, and under load the
    /// other loop's connections went unread for seconds (issue 11).
    @Test(arguments: TestDatabase.allCases)
    func eachWaiterIsToldOnItsOwnLoop(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let batch = AuditBatch(database: { app.db })
            let loops = Array(app.eventLoopGroup.makeIterator())
            let told = try await withThrowingTaskGroup(of: Bool.self) { group in
                for n in 0..<(4 * loops.count) {
                    let loop = loops[n % loops.count]
                    let row = AuditBatch.Row(
                        id: UUID(uuidString: String(format: "0190A1B2-C3D4-7E5F-8A9B-%012d", 100 + n))!, at: Date(timeIntervalSince1970: 1_800_000_000),
                        actorID: nil, actorEmail: "", action: "test.loop", participantID: nil, projectID: nil, detail: "\(n)", clientAddress: "")
                    group.addTask {
                        let promise = loop.makePromise(of: Bool.self)
                        await batch.enqueue([row], on: loop) { result in
                            switch result {
                            case .success: promise.succeed(loop.inEventLoop)
                            case .failure(let error): promise.fail(error)
                            }
                        }
                        return try await promise.futureResult.get()
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(told.count == 4 * loops.count && told.allSatisfy { $0 })
            let stored = try await app.db.sql.raw("SELECT COUNT(*) AS n FROM audit_events WHERE action = 'test.loop'").first()
            #expect(try stored?.decode(column: "n", as: Int.self) == 4 * loops.count)
        }
    }

    /// On PostgreSQL a batch is one prepared statement, kept by the connection that wrote it: its
    /// text is the same whatever the rows, and unnamed it was parsed and planned for every page view.
    @Test func aBatchIsAPreparedStatementOnPostgres() async throws {
        try await withPolku(.postgres) { app in
            try await app.db.withConnection { connection in
                connection.eventLoop.makeFutureWithTask {
                    let batch = AuditBatch(database: { connection })
                    for n in 0..<2 {
                        let row = AuditBatch.Row(
                            id: UUID(uuidString: String(format: "0190A1B2-C3D4-7E5F-8A9B-%012d", 200 + n))!, at: Date(timeIntervalSince1970: 1_800_000_000),
                            actorID: nil, actorEmail: "", action: "test.prepared", participantID: nil, projectID: nil, detail: "\(n)", clientAddress: "")
                        try await batch.write([row], resumingOn: connection.eventLoop)
                    }
                    let kept = try await connection.sql.raw(
                        "SELECT COUNT(*) AS n FROM pg_prepared_statements WHERE statement LIKE '%INSERT INTO audit_events%'"
                    ).first()?.decode(column: "n", as: Int.self)
                    #expect(kept == 1, "one prepared statement for both batches")
                    let stored = try await connection.sql.raw("SELECT COUNT(*) AS n FROM audit_events WHERE action = 'test.prepared'").first()
                    #expect(try stored?.decode(column: "n", as: Int.self) == 2)
                }
            }.get()
        }
    }
}
