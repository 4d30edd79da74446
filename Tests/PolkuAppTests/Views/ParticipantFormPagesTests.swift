import Foundation
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import SnapshotTesting
import Testing

/// The participant forms: a refused new-participant form keeps what was typed (sites named with their
/// project), the edit form's title is the stored name, and the query offers only projects the actor
/// writes people in, on both databases.
@Suite struct ParticipantFormPagesTests {
    typealias F = PageFixtures

    @Test func aRefusedNewParticipant() {
        var state = FormState()
        state.values = ["first_name": "Åke \"Ö\"", "last_name": "", "birth_date": "31.2.1990", "project_id": F.project.uuidString, "site_id": F.site.uuidString]
        state.errors = ["last_name": "error.required", "birth_date": "error.date"]
        let m = ParticipantFormPages.New(
            form: ParticipantForm(state: state), projects: [.init(id: F.project, name: "RUORI2")], sites: [.init(id: F.site, name: "Pihlava", project_id: F.project)])
        let html = ParticipantFormPages.newPage(m, context: F.context(F.worker()), status: .unprocessableEntity).render()
        #expect(html.contains("value=\"Åke &quot;Ö&quot;\"") && html.contains("value=\"31.2.1990\"") && html.contains("RUORI2: Pihlava"))
        assertSnapshot(of: html, as: .html)
    }

    @Test func theEditFormIsTitledWithTheStoredName() {
        var state = FormState()
        state.values = ["first_name": "Uusi", "last_name": "Nimi"]
        let html = ParticipantFormPages.editPage(
            .init(form: ParticipantForm(state: state), participant: F.participant, name: "Vanha Nimi"), context: F.context(F.worker(), lang: .en)
        )
        .render()
        #expect(html.contains(">Vanha Nimi</a>") && html.contains("value=\"Uusi\""))
    }

    @Test(arguments: TestDatabase.allCases)
    func theQueryOffersTheActorsProjects(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let worker = Actor(userID: F.id(1_700), email: "w@test", name: "W", isAdmin: false, rolesByProject: [world.ownProject: [.worker]])
            let m = try await ParticipantFormPages.new(ParticipantForm(state: FormState()), actor: worker, on: app.db)
            #expect(m.projects.map(\.name) == ["Oma hanke"] && m.sites.map(\.name) == ["Pihlava"])
            let viewer = Actor(userID: F.id(1_701), email: "v@test", name: "V", isAdmin: false, rolesByProject: [world.ownProject: [.viewer]])
            let none = try await ParticipantFormPages.new(ParticipantForm(state: FormState()), actor: viewer, on: app.db)
            #expect(none.projects.isEmpty && none.sites.isEmpty)
        }
    }
}
