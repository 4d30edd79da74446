import Foundation
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import SnapshotTesting
import Testing

/// The project form: a refused form from a fixed model, and the parent choices on both databases
/// (top-level projects only, never the project itself).
@Suite struct ProjectFormPageTests {
    typealias F = PageFixtures

    @Test func aRefusedProjectKeepsWhatWasTyped() {
        var state = FormState()
        state.values = ["code": "S30123", "name": "RUORI2 <Pori>", "status": "running", "start_date": "1.1.2024", "end_date": "31.12.2023", "phases": "alku\nloppu"]
        state.errors = ["end_date": "error.end_before_start"]
        let m = ProjectFormPage.Model(form: ProjectForm(state: state), project: (F.project, "RUORI2"), parents: [.init(id: F.otherProject, code: "PARTY", name: "PARTY")])
        let html = ProjectFormPage.page(m, context: F.context(F.worker()), status: .unprocessableEntity).render()
        #expect(html.contains("value=\"RUORI2 &lt;Pori&gt;\"") && html.contains("value=\"31.12.2023\"") && html.contains("PARTY PARTY"))
        #expect(html.contains("action=\"\(SiteURL.project(.value(F.project)).relativeURL())\""))
        assertSnapshot(of: html, as: .html)
    }

    @Test(arguments: TestDatabase.allCases)
    func parentsAreTopLevelAndNotItself(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let m = try await ProjectFormPage.query(ProjectForm(state: FormState()), project: (world.ownProject, "Oma hanke"), on: app.db)
            #expect(m.parents.map(\.id) == [world.otherProject])
            let new = try await ProjectFormPage.query(ProjectForm(state: FormState()), project: nil, on: app.db)
            #expect(new.parents.map(\.code) == ["OTHER1", "OWN1"])
        }
    }
}
