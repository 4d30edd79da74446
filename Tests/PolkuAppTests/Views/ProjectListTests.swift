import Foundation
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import SnapshotTesting
import Testing

/// The project list: its query on both databases (newest first, figures only where the actor sees
/// them) and its HTML from a fixed model.
@Suite struct ProjectListTests {
    typealias F = PageFixtures

    @Test func figuresOnlyWhereSeen() {
        let rows = [
            ProjectList.Row(id: F.project, code: "S30123", name: "RUORI2 <Pori>", start_date: "2024-01-01", end_date: "2026-12-31", status: "running"),
            ProjectList.Row(id: F.otherProject, code: "S20519", name: "PARTY", start_date: "2019-03-01", end_date: "2022-02-28", status: "ended"),
        ]
        let html = ProjectList.page(.init(rows: rows, participants: [F.project: 12], canCreate: true), context: F.context(F.worker())).render()
        #expect(html.contains("RUORI2 &lt;Pori&gt;") && html.contains("1.1.2024–31.12.2026"))
        #expect(html.contains(">12</td>") && html.contains(">–</td>"))
        assertSnapshot(of: html, as: .html)
    }

    @Test(arguments: TestDatabase.allCases)
    func theQuery(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let worker = Actor(userID: F.id(1_500), email: "w@test", name: "W", isAdmin: false, rolesByProject: [world.ownProject: [.worker]])
            let m = try await ProjectList.query(actor: worker, on: app.db)
            #expect(Set(m.rows.map(\.id)) == [world.ownProject, world.otherProject] && !m.canCreate)
            #expect(m.participants == [world.ownProject: 1], "the other project's count is not the worker's to see")
        }
    }
}
