import Foundation
@testable import PolkuApp
import PolkuTestSupport
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
}
