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

    /// The message rides in a cookie of its own, so a save and the page after it write no session
    /// row (issue 11: each was a second transaction on SQLite's one writer).
    @Test(arguments: TestDatabase.allCases)
    func aSaveAndThePageAfterItWriteNoSession(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let client = TestClient(app)
            try await client.login(world.users[.worker]!)
            let person = SiteURL.participant(.value(world.ownParticipant)).relativeURL()
            _ = try await client.get(person)
            try await RequestPathTests.countSessionWrites(app, db)
            let note = try await client.post(
                SiteURL.participantNotes(.value(world.ownParticipant)).relativeURL(),
                ["project_id": world.ownProject.uuidString, "sensitivity": "normal", "body": "Soitto työkokeilupaikkaan."])
            #expect(note.status == .seeOther && client.cookies[Flash.cookieName] != nil)
            #expect(try await client.get(person).body.contains("Muistiinpano tallennettu."))
            #expect(client.cookies[Flash.cookieName] == nil, "the page that showed it cleared it")
            #expect(try await RequestPathTests.sessionWrites(app) == 0)
        }
    }

    /// A cookie that is not one of ours (edited, or left by something else) shows nothing and is cleared;
    /// signing out clears a message not yet shown, so the next person at the computer does not see it.
    @Test func aStrangeCookieShowsNothingAndSigningOutClearsIt() async throws {
        try await withPolku(.sqlite) { app in
            let world = try await World.make(app)
            let client = TestClient(app)
            try await client.login(world.users[.worker]!)
            let person = SiteURL.participant(.value(world.ownParticipant)).relativeURL()
            for strange in ["%%%", Flash("<script>", ["x"]).cookieValue, String(repeating: "A", count: 5_000)] {
                client.cookies[Flash.cookieName] = strange
                let page = try await client.get(person)
                #expect(page.status == .ok && !page.body.contains("class=\"ok flash\""))
                #expect(client.cookies[Flash.cookieName] == nil)
            }
            #expect(Flash(cookieValue: Flash("flash.attendance_saved", ["12", "0"]).cookieValue) == Flash("flash.attendance_saved", ["12", "0"]))
            _ = try await client.post(
                SiteURL.participantNotes(.value(world.ownParticipant)).relativeURL(),
                ["project_id": world.ownProject.uuidString, "sensitivity": "normal", "body": "Ennen uloskirjautumista."])
            #expect(client.cookies[Flash.cookieName] != nil)
            #expect(try await client.post(SiteURL.logout.relativeURL()).status == .seeOther)
            #expect(client.cookies[Flash.cookieName] == nil)
        }
    }
}
