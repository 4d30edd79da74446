import Foundation
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import SQLKit
import Testing
import Vapor

/// Client panels (issue 16): members only from those who consented to be asked, proposals with what
/// came of them, read by the members in their own space and without names on the project's page.
@Suite struct PanelTests {
    @Test(arguments: TestDatabase.allCases)
    func aPanelsProposalAndItsEffectReachItsMembers(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await MatrixWorld.make(app)
            let base = world.base
            let worker = TestClient(app)
            try await worker.login(base.users[.worker]!)
            let panels = SiteURL.projectPanels(.value(base.ownProject)).relativeURL()
            #expect(try await worker.get(SiteURL.project(.value(base.ownProject)).relativeURL()).body.contains("href=\"\(panels)\""))
            #expect(try await worker.post(panels, ["name": "Raati", "kind": "council"]).status == .unprocessableEntity)
            let created = try await worker.post(panels, ["name": "Porin asiakasraati", "kind": "client_panel"])
            #expect(created.status == .seeOther)
            let panelURL = try #require(created.location)
            let panel = try #require(UUID(uuidString: String(panelURL.suffix(36))))
            // The participant has not consented to be asked: not found, and refused if posted.
            let members = SiteURL.projectPanelMembers(.value(base.ownProject), .value(panel)).relativeURL()
            let search = ["person_q": World.ownLastName, "find": "1"]
            #expect(try await worker.get(panelURL).body.contains("Vain ne, jotka ovat antaneet luvan"))
            #expect(try await worker.post(members, search).body.contains("ei löytynyt ketään"))
            #expect(try await worker.post(members, ["participant_id": base.ownParticipant.uuidString]).status == .unprocessableEntity)
            // They consent in their own space; now they can be added.
            let me = TestClient(app)
            try await me.login(world.participantEmail)
            #expect(try await me.post(SiteURL.myConsent(.value("development")).relativeURL(), ["given": "true"]).status == .seeOther)
            let found = try await worker.post(members, search)
            #expect(found.status == .ok && found.body.contains("name=\"participant_id\" value=\"\(base.ownParticipant)\" checked"))
            #expect(try await worker.post(members, ["participant_id": base.ownParticipant.uuidString]).status == .seeOther)
            #expect(try await worker.post(members, ["participant_id": base.ownParticipant.uuidString]).status == .unprocessableEntity, "once")
            #expect(try await worker.post(members, ["participant_id": base.otherParticipant.uuidString]).status == .unprocessableEntity, "another project's")

            // A meeting, a proposal, and what came of it.
            let meetings = SiteURL.projectPanelMeetings(.value(base.ownProject), .value(panel)).relativeURL()
            let future = try await worker.post(meetings, ["date": "1.1.2099", "topics": "Aukioloajat", "attendees": "6"])
            #expect(future.status == .unprocessableEntity && future.body.contains("Aukioloajat"))
            #expect(try await worker.post(meetings, ["date": "2.3.2026", "topics": "Aukioloajat", "attendees": "6"]).status == .seeOther)
            let proposals = SiteURL.projectPanelProposals(.value(base.ownProject), .value(panel)).relativeURL()
            #expect(try await worker.post(proposals, [:]).status == .badRequest)
            #expect(try await worker.post(proposals, ["proposal": "Ohjaamo auki myös iltaisin <klo 18>", "proposed_on": "2.3.2026"]).status == .seeOther)
            var page = try await me.get(SiteURL.me.relativeURL())
            #expect(page.body.contains("Porin asiakasraati") && page.body.contains("Ohjaamo auki myös iltaisin &lt;klo 18&gt;") && page.body.contains("Odottaa vastausta."))
            let proposal = try #require(
                try await app.db.sql.raw("SELECT id FROM panel_proposals").first()?.decode(column: "id", as: UUID.self))
            let effect = SiteURL.projectPanelEffect(.value(base.ownProject), .value(panel), .value(proposal)).relativeURL()
            #expect(try await worker.post(effect, ["effect": " "]).status == .unprocessableEntity)
            #expect(try await worker.post(effect, ["effect": "Torstaisin auki klo 19 asti.", "effect_on": "1.4.2026"]).status == .seeOther)
            page = try await me.get(SiteURL.me.relativeURL())
            #expect(page.body.contains("Mitä muuttui (1.4.2026): Torstaisin auki klo 19 asti."))
            // The figures: one member, one meeting of six, one proposal with its effect; 1–4 as "<5".
            let listed = try await worker.get(panels).body
            #expect(listed.contains("Raadit ja ryhmät luvuin"))
            #expect(listed.contains("data-label=\"osallistumisia kokouksiin\">6</td>") && listed.contains("data-label=\"jäseniä\">&lt;5</td>"))
            #expect(!listed.contains("\">1</td>"), "no count of 1–4 shown as such")
            // On the project's page without names.
            let manager = TestClient(app)
            try await manager.login(base.users[.projectManager]!)
            let report = try await manager.get(SiteURL.projectFeedback(.value(base.ownProject)).relativeURL())
            #expect(report.body.contains("Torstaisin auki klo 19 asti.") && !report.body.contains(World.ownLastName))
            // Another project's staff do not reach the panel.
            let outsider = TestClient(app)
            try await outsider.login(base.otherWorker)
            #expect(try await outsider.get(panelURL).status.code >= 400)
            #expect(try await outsider.post(effect, ["effect": "x"]).status.code >= 400)
        }
    }
}
