import Foundation
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import SQLKit
import Testing
import Vapor

/// Learning Café (issue 16): themes per table, ideas per round, no names kept.
@Suite struct LearningCafeTests {
    @Test(arguments: TestDatabase.allCases)
    func ideasAreGatheredPerTableAndRound(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let worker = TestClient(app)
            try await worker.login(world.users[.worker]!)
            let cafes = SiteURL.projectCafes(.value(world.ownProject)).relativeURL()
            #expect(try await worker.get(SiteURL.project(.value(world.ownProject)).relativeURL()).body.contains("href=\"\(cafes)\""))
            let refused = try await worker.post(cafes, ["title": "Kevään kahvila", "date": "3.3.2026", "themes": String(repeating: "Teema\n", count: 13)])
            #expect(refused.status == .unprocessableEntity && refused.body.contains("Kevään kahvila"))
            #expect(try await worker.post(cafes, [:]).status == .badRequest)
            let created = try await worker.post(
                cafes, ["title": "Kevään kahvila", "date": "3.3.2026", "head_count": "23", "rounds": "2", "themes": "Palvelun aukioloajat\n\nVertaistuki"])
            #expect(created.status == .seeOther)
            let page = try await worker.get(try #require(created.location))
            #expect(page.body.contains("<h2 id=\"theme-") && page.body.contains("Palvelun aukioloajat") && page.body.contains("paikalla 23"))
            let cafe = try #require(UUID(uuidString: String(created.location!.suffix(36))))
            let themes = try await app.db.sql.raw("SELECT id FROM cafe_themes WHERE cafe_id = \(bind: cafe) ORDER BY position").all()
                .map { try $0.decode(column: "id", as: UUID.self) }
            #expect(themes.count == 2)
            let ideas = SiteURL.projectCafeIdeas(.value(world.ownProject), .value(cafe)).relativeURL()
            let badRound = try await worker.post(ideas, ["theme": themes[0].uuidString, "round": "3", "idea": "Ilta-aukiolo <torstaisin>"])
            #expect(badRound.status == .unprocessableEntity && badRound.body.contains("Ilta-aukiolo &lt;torstaisin&gt;"))
            let saved = try await worker.post(ideas, ["theme": themes[0].uuidString, "round": "2", "idea": "Ilta-aukiolo <torstaisin>"])
            #expect(saved.status == .seeOther && saved.location?.contains("round=2") == true)
            let after = try await worker.get(try #require(saved.location))
            let round2 = try #require(after.body.range(of: "<h3>Kierros 2</h3>"))
            #expect(after.body[round2.upperBound...].hasPrefix("<ul><li>Ilta-aukiolo &lt;torstaisin&gt;</li>"))
            #expect(after.body.contains("<option value=\"2\" selected>"), "the same round stays chosen")
            // Another project's theme id is not this café's; no author is kept.
            #expect(try await worker.post(ideas, ["theme": UUID().uuidString, "round": "1", "idea": "x"]).status == .unprocessableEntity)
            let columns = try await app.db.sql.raw("SELECT * FROM cafe_ideas").all().first.map { Set($0.allColumns) } ?? []
            #expect(columns == ["id", "theme_id", "round", "idea", "created_at"])
            // Named attendance beside the head count: only the project's own participants, each once.
            let attendees = SiteURL.projectCafeAttendees(.value(world.ownProject), .value(cafe)).relativeURL()
            // No one chosen (radios send nothing then): told so, nothing recorded.
            #expect(try await worker.post(attendees, [:]).status == .unprocessableEntity)
            // Found by name, never listed whole: another project's person is not found.
            let cafePage = SiteURL.projectCafe(.value(world.ownProject), .value(cafe)).relativeURL()
            #expect(!(try await worker.get(cafePage)).body.contains(World.ownLastName), "no one listed before a search")
            let found = try await worker.post(attendees, ["person_q": World.ownLastName, "find": "1"])
            #expect(found.status == .ok && found.body.contains("name=\"participant_id\" value=\"\(world.ownParticipant)\" checked"))
            #expect(try await worker.post(attendees, ["person_q": "Toisenhankkeinen", "find": "1"]).body.contains("ei löytynyt ketään"))
            #expect(try await worker.post(attendees, ["participant_id": world.otherParticipant.uuidString]).status == .unprocessableEntity)
            #expect(try await worker.post(attendees, ["participant_id": world.ownParticipant.uuidString]).status == .seeOther)
            #expect(try await worker.post(attendees, ["participant_id": world.ownParticipant.uuidString]).status == .unprocessableEntity, "once")
            let named = try await worker.get(try #require(created.location)).body
            #expect(named.contains("Osallistujat nimeltä (1)") && named.contains(World.ownLastName))
            let outsider = TestClient(app)
            try await outsider.login(world.otherWorker)
            #expect(try await outsider.post(attendees, ["participant_id": world.otherParticipant.uuidString]).status.code >= 400)
            #expect(try await outsider.get(try #require(created.location)).status.code >= 400)
        }
    }
}
