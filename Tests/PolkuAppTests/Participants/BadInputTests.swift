import Fluent
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import Testing
import Vapor

/// Bad input through the real router: the right 4xx, a message next to the field in the user's
/// language, what was typed kept, nothing written, never a 500.
@Suite struct BadInputTests {
    @Test(arguments: TestDatabase.allCases)
    func malformedIDsAreNotFound(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let client = TestClient(app)
            try await client.login(world.users[.projectManager]!)
            for path in [
                "/participants/not-a-uuid", "/participants/%00", SiteURL.participant(.value(UUID())).relativeURL(), "/projects/123/edit",
                "/participants/\(world.ownParticipant)/goals/xyz", "/organisations/%27%3B--/edit", "/lang/de",
            ] {
                let page = path.contains("goals") ? try await client.post(path, ["status": "open"]) : try await client.get(path)
                #expect(page.status == .notFound, "\(path) → \(page.status)")
            }
            #expect(try await client.get(SiteURL.participants.relativeURL([("after", "nonsense")])).status == .badRequest)
            #expect(try await client.get(SiteURL.participants.relativeURL([("project", "nonsense")])).status == .notFound)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func participantFormKeepsWhatWasTypedAndNamesEachProblem(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let client = TestClient(app)
            try await client.login(world.users[.worker]!)
            let before = try await Participant.query(on: app.db).count()
            let page = try await client.post(
                SiteURL.participants.relativeURL(),
                [
                    "first_name": "Åke <b>", "last_name": String(repeating: "x", count: 101), "birth_date": "31.2.1990",
                    "gender": "dragon", "municipality": "Pori", "language": "fi", "email": "not-an-email", "phone": "call me",
                    "project_id": world.otherProject.uuidString, "start_date": "2024-13-01",
                ])
            #expect(page.status == .unprocessableEntity)
            #expect(page.body.contains("Lomakkeessa on virheitä"))
            #expect(page.body.contains("Teksti on liian pitkä (enintään 100 merkkiä)"))
            #expect(page.body.contains("Päivämäärä ei kelpaa"))
            #expect(page.body.contains("Valitse jokin vaihtoehdoista"))
            #expect(page.body.contains("Sähköpostiosoite ei kelpaa"))
            #expect(page.body.contains("Puhelinnumerossa voi olla vain numeroita"))
            #expect(page.body.contains("value=\"Åke &lt;b&gt;\""), "the typed name is kept, escaped")
            #expect(page.body.contains("value=\"31.2.1990\""))
            #expect(page.body.contains("aria-invalid=\"true\""))
            #expect(try await Participant.query(on: app.db).count() == before, "nothing written")
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func messagesFollowTheUsersLanguage(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let client = TestClient(app)
            try await client.get("/lang/en?back=/login")
            try await client.login(world.users[.worker]!)
            let page = try await client.post(
                SiteURL.participantGoals(.value(world.ownParticipant)).relativeURL(), ["project_id": world.ownProject.uuidString, "goal_text": "", "_form": "goal"])
            #expect(page.status == .unprocessableEntity)
            #expect(page.body.contains("This is required."))
            #expect(page.body.contains("<html lang=\"en\">"))
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func scriptInEveryTextFieldIsStoredAsTypedAndShownEscaped(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let client = TestClient(app)
            try await client.login(world.users[.projectManager]!)
            let script = "<script>alert(1)</script>"
            let quote = "\"><img src=x onerror=alert(2)>"
            let created = try await client.post(
                SiteURL.participants.relativeURL(),
                [
                    "first_name": script, "last_name": quote, "birth_date": "1990-01-01", "gender": "other",
                    "municipality": script, "language": "fi", "project_id": world.ownProject.uuidString, "start_date": "2024-01-01",
                ])
            let path = try #require(created.location)
            let pid = try #require(UUID(uuidString: String(path.split(separator: "/").last ?? "")))
            #expect(
                try await client.post(SiteURL.participantNotes(.value(pid)).relativeURL(), ["project_id": world.ownProject.uuidString, "sensitivity": "normal", "body": script])
                    .status == .seeOther)
            #expect(
                try await client.post(SiteURL.participantGoals(.value(pid)).relativeURL(), ["project_id": world.ownProject.uuidString, "goal_text": quote]).status == .seeOther)
            #expect(
                try await client.post(
                    SiteURL.projectPart(.value(world.ownProject), .sites).relativeURL(), ["site_name": script, "site_municipality": quote, "site_kind": "neighbourhood"]
                ).status == .seeOther)
            #expect(
                try await client.post(SiteURL.projectPart(.value(world.ownProject), .steering).relativeURL(), ["steering_role": script, "steering_organisation": quote]).status
                    == .seeOther)
            let stored = try #require(try await Participant.query(on: app.db).filter(\.$firstName == script).first())
            #expect(stored.lastName == quote, "stored exactly as typed")
            for page in [
                try await client.get(path), try await client.get(SiteURL.participants.relativeURL([("q", "img")])),
                try await client.get(SiteURL.participantEdit(.value(pid)).relativeURL()),
                try await client.get(SiteURL.project(.value(world.ownProject)).relativeURL()), try await client.get(SiteURL.participantNew.relativeURL()),
            ] {
                #expect(page.status == .ok)
                #expect(!page.body.contains("<script>alert"), "raw script in page")
                #expect(!page.body.contains("<img src=x"), "raw tag in page")
            }
            let page = try await client.get(path)
            #expect(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(page.body.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"))
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func overLongAndBinaryishInputNeverFails(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let client = TestClient(app)
            try await client.login(world.users[.healthProfessional]!)
            let huge = String(repeating: "ä", count: 20_001)
            let page = try await client.post(
                SiteURL.participantNotes(.value(world.ownParticipant)).relativeURL(),
                ["project_id": world.ownProject.uuidString, "sensitivity": "health", "body": huge, "_form": "note"])
            #expect(page.status == .unprocessableEntity && page.body.contains("enintään 20000 merkkiä"))
            let odd = try await client.post(
                SiteURL.participantNotes(.value(world.ownParticipant)).relativeURL(),
                ["project_id": world.ownProject.uuidString, "sensitivity": "secret", "body": "\u{0}\u{202E}x"])
            #expect(odd.status == .unprocessableEntity)
            let tooBig = try await client.post(
                SiteURL.participantNotes(.value(world.ownParticipant)).relativeURL(),
                ["project_id": world.ownProject.uuidString, "sensitivity": "normal", "body": String(repeating: "x", count: 1_100_000)])
            #expect([413, 422].contains(tooBig.status.code))
            #expect(try await Note.query(on: app.db).filter(\.$participant.$id == world.ownParticipant).count() == 2)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func enrollingTwiceInOneProjectIsRefused(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let client = TestClient(app)
            try await client.login(world.users[.worker]!)
            let page = try await client.post(
                SiteURL.participantEnrolments(.value(world.ownParticipant)).relativeURL(),
                ["project_id": world.ownProject.uuidString, "start_date": "2024-05-01", "_form": "enrol"])
            #expect(page.status == .unprocessableEntity)
            #expect(page.body.contains("Osallistuja on jo tässä hankkeessa"))
            #expect(try await Enrolment.query(on: app.db).filter(\.$participant.$id == world.ownParticipant).count() == 1)
        }
    }
}
