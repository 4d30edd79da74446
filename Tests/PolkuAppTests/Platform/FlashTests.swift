import Fluent
import Foundation
@testable import PolkuApp
import PolkuTestSupport
import Testing

/// Every save says on the next page what it did (issue 14): once, as a status a screen reader
/// announces; a refused form says nothing of the kind.
@Suite struct FlashTests {
    @Test(arguments: TestDatabase.allCases)
    func aSaveSaysSoOnceOnTheNextPage(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let client = TestClient(app)
            try await client.login(world.users[.worker]!)
            let person = SiteURL.participant(.value(world.ownParticipant)).relativeURL()
            let note = try await client.post(
                SiteURL.participantNotes(.value(world.ownParticipant)).relativeURL(),
                ["project_id": world.ownProject.uuidString, "sensitivity": "normal", "body": "Tapasimme kirjastossa."])
            #expect(note.status == .seeOther)
            let next = try await client.get(person)
            #expect(next.body.contains("<div class=\"ok flash\" role=\"status\"><p>Muistiinpano tallennettu.</p></div>"))
            #expect(!(try await client.get(person).body.contains("Muistiinpano tallennettu.")), "shown once")
            // A save without a message of its own: the generic one.
            let goal = try await client.post(
                SiteURL.participantGoals(.value(world.ownParticipant)).relativeURL(),
                ["project_id": world.ownProject.uuidString, "goal_text": "Työkokeilu keväällä"])
            #expect(goal.status == .seeOther)
            #expect(try await client.get(person).body.contains("<p>Tallennettu.</p>"))
            // A refused form: its errors, and no message of a save.
            let refused = try await client.post(
                SiteURL.participantGoals(.value(world.ownParticipant)).relativeURL(),
                ["project_id": world.ownProject.uuidString, "goal_text": ""])
            #expect(refused.status == .unprocessableEntity && !refused.body.contains("class=\"ok flash\""))
            #expect(!(try await client.get(person).body.contains("class=\"ok flash\"")))
            // In the person's language.
            try await client.get(SiteURL.language(.value("en")).relativeURL([("back", person)]))
            _ = try await client.post(
                SiteURL.participantNotes(.value(world.ownParticipant)).relativeURL(),
                ["project_id": world.ownProject.uuidString, "sensitivity": "normal", "body": "Second note."])
            #expect(try await client.get(person).body.contains("<p>Note saved.</p>"))
        }
    }
}
