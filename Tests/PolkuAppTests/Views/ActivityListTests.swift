import Fluent
import Foundation
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import SnapshotTesting
import Testing

/// A project's activities: the list and the new-activity form from a fixed model, and the query on
/// both databases (newest first; the form's choices only for those who may add).
@Suite struct ActivityListTests {
    typealias F = PageFixtures

    @Test func theListAndARefusedForm() {
        var state = FormState()
        state.values = ["kind": "group", "name": "Kävelyryhmä <ti>", "from": "1.3.2026", "start": "25:00", "end": "12:00"]
        state.errors = ["start": "activity.error.time"]
        var m = ActivityList.Model(project: .init(id: F.project, name: "RUORI2"), canCreate: true, state: state)
        m.activities = [
            .init(id: F.id(800), name: "Kahvila", kind: "event", from_date: "2026-03-12", to_date: "2026-03-12"),
            .init(id: F.id(801), name: "Vertaisryhmä", kind: "group", from_date: "2026-01-08", to_date: "2026-05-28"),
        ]
        m.sites = [.init(id: F.site, name: "Pihlava")]
        let html = ActivityList.page(m, context: F.context(F.worker()), status: .unprocessableEntity).render()
        #expect(html.contains("12.3.2026</td>") && html.contains("8.1.2026–28.5.2026"), "one day, or a period")
        #expect(html.contains("value=\"Kävelyryhmä &lt;ti&gt;\"") && html.contains("value=\"25:00\"") && html.contains("csrf-fixture"))
        assertSnapshot(of: html, as: .html)
    }

    @Test(arguments: TestDatabase.allCases)
    func theQuery(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            for (name, from) in [("Vanha", "2024-01-10"), ("Uusi", "2024-06-01")] {
                let a = Activity()
                a.$project.id = world.ownProject; a.kind = .group; a.name = name; a.description = ""; a.fromDate = from; a.toDate = from
                a.startTime = "10:00"; a.endTime = "12:00"
                try await a.create(on: app.db)
            }
            let reader = try #require(try await ActivityList.query(project: world.ownProject, canCreate: false, state: FormState(), on: app.db))
            #expect(reader.project.name == "Oma hanke" && reader.activities.map(\.name) == ["Uusi", "Vanha"] && reader.sites.isEmpty && reader.staff.isEmpty)
            let writer = try #require(try await ActivityList.query(project: world.ownProject, canCreate: true, state: FormState(), on: app.db))
            #expect(writer.sites.map(\.name) == ["Pihlava"] && !writer.staff.isEmpty)
            #expect(try await ActivityList.query(project: F.id(1_501), canCreate: true, state: FormState(), on: app.db) == nil)
        }
    }
}
