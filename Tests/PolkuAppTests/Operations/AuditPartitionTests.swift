import Fluent
import Foundation
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import SQLKit
import Testing
import Vapor

/// The audit table by month (issue 19): on PostgreSQL each UTC month is its own partition, a month
/// made later takes its events out of the default partition, and retention drops whole months; on
/// SQLite retention deletes the same events. "Who has seen my data" reads what is kept.
@Suite struct AuditPartitionTests {
    static func event(_ app: Application, at: Date, participant: UUID, detail: String) async throws {
        try await app.db.sql.raw(
            """
            INSERT INTO audit_events (id, at, actor_id, actor_email, action, participant_id, project_id, detail, client_address)
            VALUES (\(bind: UUID()), \(bind: at), NULL, 'worker@own.test', 'participant.view', \(bind: participant), NULL, \(bind: detail), '127.0.0.1')
            """
        ).run()
    }

    @Test(arguments: TestDatabase.allCases)
    func oldMonthsGoWholeAndTheRestStays(db: TestDatabase) async throws {
        try await withPolku(db, adjust: { $0.auditKeepMonths = 12 }) { app in
            let world = try await World.make(app)
            let now = app.clock.now()
            let old = now.addingTimeInterval(-3 * 365 * 86_400), recent = now.addingTimeInterval(-40 * 86_400)
            try await Self.event(app, at: old, participant: world.ownParticipant, detail: "three years ago")
            try await Self.event(app, at: recent, participant: world.ownParticipant, detail: "forty days ago")
            let sql = app.db.sql
            let partitioned = try await AuditPartitions.isPartitioned(sql)
            #expect(partitioned == (db == .postgres))
            if partitioned {
                // The old month had no partition: its event waits in the default one until the month is made.
                let inDefault = try await sql.raw("SELECT COUNT(*) AS n FROM audit_events_default WHERE detail = 'three years ago'")
                    .first(decodingColumn: "n", as: Int.self)
                #expect(inDefault == 1)
                #expect(try await AuditPartitions.ensure([AuditMonth(old)], on: app.db) == [AuditMonth(old)])
                let moved = try await sql.raw("SELECT COUNT(*) AS n FROM \(ident: AuditMonth(old).tableName)").first(decodingColumn: "n", as: Int.self)
                #expect(moved == 1, "the month's event moved out of the default partition")
                #expect(try await AuditPartitions.existing(sql).contains(AuditMonth(now).adding(months: 2)), "two months ahead exist")
            }
            let result = try await AuditPartitions.maintain(app)
            let left = try await World.auditEvents(app).map(\.detail)
            #expect(!left.contains("three years ago") && left.contains("forty days ago"), "\(result)")
            if partitioned {
                #expect(!(try await AuditPartitions.existing(sql)).contains(AuditMonth(old)), "the old month was dropped whole")
                let plan = try await sql.raw(
                    "EXPLAIN SELECT * FROM audit_events WHERE participant_id = \(bind: world.ownParticipant) ORDER BY at DESC LIMIT 20"
                ).all(decodingColumn: "QUERY PLAN", as: String.self).joined(separator: "\n")
                #expect(plan.contains("audit_events_y"), "the partitions are read: \(plan)")
            }
            // The participant's own page lists what is kept.
            let own = User(email: "own@own.test", name: "Oma", passwordHash: try await app.password.async.hash(World.password))
            own.participantID = world.ownParticipant
            try await own.create(on: app.db)
            let me = TestClient(app)
            try await me.login("own@own.test")
            let seen = try await me.get(SiteURL.mySeen.relativeURL())
            #expect(seen.status == .ok)
        }
    }

    /// The admin's search by a user's email has its own index, on every month (at 50 million events a
    /// search for someone with few events would otherwise walk all of them).
    @Test(arguments: TestDatabase.allCases)
    func theSearchByActorHasAnIndexOnEveryMonth(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let sql = app.db.sql
            if try await AuditPartitions.isPartitioned(sql) {
                let months = try await AuditPartitions.existing(sql)
                let indexed = try await sql.raw(
                    "SELECT tablename FROM pg_indexes WHERE tablename LIKE 'audit_events_y%' AND indexdef LIKE '%(actor_email, at)%'"
                ).all(decodingColumn: "tablename", as: String.self)
                #expect(!months.isEmpty && Set(indexed) == Set(months.map(\.tableName)), "\(indexed)")
            } else {
                // On every loop's connection, after a read: an `EXPLAIN` opens no transaction, so on a
                // connection opened before the migrations ran it would show the plan of the old schema.
                for loop in app.eventLoopGroup.makeIterator() {
                    let sql = app.databases.database(.sqlite, logger: app.logger, on: loop)!.sql
                    _ = try await sql.raw("SELECT COUNT(*) AS n FROM audit_events").first()
                    let plan = try await sql.raw(
                        "EXPLAIN QUERY PLAN SELECT id FROM audit_events WHERE actor_email = 'a@b.test' ORDER BY at DESC, id DESC LIMIT 51"
                    ).all(decodingColumn: "detail", as: String.self).joined(separator: "\n")
                    #expect(plan.contains("audit_events_actor_email"), "\(plan)")
                }
            }
        }
    }

    @Test func withoutARetentionNothingIsDropped() async throws {
        try await withPolku(.postgres) { app in
            let world = try await World.make(app)
            try await Self.event(app, at: app.clock.now().addingTimeInterval(-20 * 365 * 86_400), participant: world.ownParticipant, detail: "old")
            _ = try await AuditPartitions.maintain(app)
            #expect(try await World.auditEvents(app).contains { $0.detail == "old" })
        }
    }
}
