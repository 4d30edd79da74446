import Fluent
import Foundation
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import SQLKit
import Testing
import Vapor

/// `DATABASE_REPLICA_URL` (issue 19): the report says where its figures were read and how fresh they
/// are, a person who just wrote reads the primary, and a replica that does not answer sends the
/// report to the primary with the same figures. A real streaming replica is run by `scripts/scale.py`.
@Suite struct ReplicaTests {
    static let note = "data-source"

    @Test(arguments: TestDatabase.allCases)
    func theReportSaysWhereItsFiguresWereRead(db: TestDatabase) async throws {
        // On PostgreSQL the "replica" is the primary itself (a server not in recovery holds everything).
        try await withPolku(
            db,
            adjust: { s in
                if case .postgres(let url) = s.database { s.replicaURL = url }
            }
        ) { app in
            let world = try await World.make(app)
            // One check for the whole test: the write below is certainly after it, however slow the machine.
            if app.replica != nil { app.replica = ReplicaMonitor(recheck: 3600) }
            let manager = TestClient(app)
            try await manager.login(world.users[.projectManager]!)
            let report = SiteURL.projectReport(.value(world.ownProject)).relativeURL()
            let first = try await manager.get(report)
            #expect(first.status == .ok)
            guard db == .postgres else {
                #expect(!first.body.contains(Self.note), "no replica, no word of one")
                return
            }
            #expect(first.body.contains("luettu lukukopiosta"), "read from the replica, with its time")
            // A note written now: the next report reads the primary until the replica is known to hold it.
            let wrote = try await manager.post(
                SiteURL.participantNotes(.value(world.ownParticipant)).relativeURL(),
                ["project_id": world.ownProject.uuidString, "sensitivity": "normal", "body": "Tapaaminen"])
            #expect(wrote.status == .seeOther && manager.cookies[LastWrite.cookie] != nil)
            let after = try await manager.get(report)
            #expect(after.body.contains("äskeiset muutoksesi"), "the person's own write is read from the primary")
            // Another person who did not write still reads the replica.
            let viewer = TestClient(app)
            try await viewer.login(world.users[.viewer]!)
            #expect(try await viewer.get(report).body.contains("luettu lukukopiosta"))
        }
    }

    @Test func aReplicaThatDoesNotAnswerSendsTheReportToThePrimary() async throws {
        try await withPolku(
            .postgres,
            adjust: { s in
                // Nothing listens on port 9 (discard) here: the replica is down from the start.
                s.replicaURL = "postgres://polku:polku@127.0.0.1:9/polku_test"
            }
        ) { app in
            let world = try await World.make(app)
            let manager = TestClient(app)
            try await manager.login(world.users[.projectManager]!)
            let started = Date()
            let page = try await manager.get(SiteURL.projectReport(.value(world.ownProject)).relativeURL())
            #expect(page.status == .ok && page.body.contains("lukukopio ei vastannut"))
            #expect(Date().timeIntervalSince(started) < 5, "a replica that is down does not hold the page")
            #expect(page.body.contains("Oma hanke"))
        }
    }
}
