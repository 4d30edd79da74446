import Fluent
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import Testing
import Vapor

@Suite struct LoginTests {
    @Test(arguments: TestDatabase.allCases)
    func loginSetsASafeCookieAndLogoutEndsTheSession(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let client = TestClient(app)
            let page = try await client.login(world.users[.worker]!)
            #expect(page.status == .seeOther && page.location == SiteURL.home.relativeURL())
            #expect(try await client.get(SiteURL.home.relativeURL()).location == SiteURL.today.relativeURL(), "a coach starts on Tänään")
            let cookie = try #require(page.headers[.setCookie].first { $0.hasPrefix("polku_session=") })
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && !cookie.contains("Secure"))
            #expect(try await client.get(SiteURL.projects.relativeURL()).status == .ok)
            let sessionID = client.cookies["polku_session"]
            #expect(try await client.post(SiteURL.logout.relativeURL()).status == .seeOther)
            // The old session is gone from the database: replaying the cookie gets the login page.
            client.cookies["polku_session"] = sessionID
            #expect(try await client.get(SiteURL.projects.relativeURL()).status == .seeOther)
            let actions = try await World.auditEvents(app).map(\.action)
            #expect(actions.contains("login.succeeded") && actions.contains("logout"))
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func secureCookiesWhenServedOverTLS(db: TestDatabase) async throws {
        try await withPolku(db, adjust: { $0.secureCookies = true }) { app in
            let world = try await World.make(app)
            let page = try await TestClient(app).login(world.users[.worker]!)
            #expect(page.headers[.setCookie].contains { $0.hasPrefix("polku_session=") && $0.contains("Secure") })
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func wrongPasswordKeepsTheEmailAndSaysWhy(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let client = TestClient(app)
            try await client.get(SiteURL.login.relativeURL())
            let page = try await client.post(SiteURL.login.relativeURL(), ["email": world.users[.worker]!, "password": "wrong password"])
            #expect(page.status == .unauthorized)
            #expect(page.body.contains("Sähköposti tai salasana on väärin."))
            #expect(page.body.contains("value=\"\(world.users[.worker]!)\""))
            #expect(try await World.auditEvents(app).contains { $0.action == "login.failed" })
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func repeatedFailuresAreSlowedThenRefused(db: TestDatabase) async throws {
        try await withPolku(
            db,
            adjust: {
                $0.loginLockAfter = 5; $0.loginSlowAfter = 2; $0.loginDelayMilliseconds = 20; $0.trustForwardedFor = true
            }
        ) { app in
            let world = try await World.make(app)
            let client = TestClient(app)
            try await client.get(SiteURL.login.relativeURL())
            var elapsed: [Double] = []
            for _ in 0..<5 {
                let start = Date()
                #expect(try await client.post(SiteURL.login.relativeURL(), ["email": world.users[.worker]!, "password": "nope nope nope"]).status == .unauthorized)
                elapsed.append(Date().timeIntervalSince(start))
            }
            #expect(elapsed[4] >= 0.04, "the fifth attempt was slowed")
            // Locked now, even with the right password.
            let locked = try await client.post(SiteURL.login.relativeURL(), ["email": world.users[.worker]!, "password": World.password])
            #expect(locked.status == .tooManyRequests)
            #expect(locked.body.contains("Liian monta"))
            // The wait is told in seconds; another account from the same address is not locked (OWASP:
            // the key is the account from this address), nor is this account from another address.
            #expect(locked.headers.first(name: .retryAfter).flatMap(Int.init).map { $0 > 0 && $0 <= 30 } == true)
            let other = try await client.post(SiteURL.login.relativeURL(), ["email": world.users[.viewer]!, "password": World.password])
            #expect(other.status == .seeOther)
            let elsewhere = TestClient(app)
            elsewhere.forwardedFor = "198.51.100.7"
            #expect(try await elsewhere.login(world.users[.worker]!).status == .seeOther)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func missingOrWrongCSRFTokenIsRefused(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let client = TestClient(app)
            try await client.login(world.users[.worker]!)
            let missing = try await client.post(
                SiteURL.participantNotes(.value(world.ownParticipant)).relativeURL(),
                ["project_id": world.ownProject.uuidString, "sensitivity": "normal", "body": "Kirjoitettu <teksti>"], csrf: false)
            #expect(missing.status == .forbidden)
            // Nothing is lost: the same fields come back, with a fresh token, to send again.
            #expect(missing.body.contains("Lähetä uudelleen") && missing.body.contains("value=\"Kirjoitettu &lt;teksti&gt;\""))
            let kept = TestClient.formValues(missing.body, action: SiteURL.participantNotes(.value(world.ownParticipant)).relativeURL())
            let wrong = try await client.post(
                SiteURL.participantNotes(.value(world.ownParticipant)).relativeURL(),
                ["project_id": world.ownProject.uuidString, "sensitivity": "normal", "body": "x", "_csrf": "forged"], csrf: false)
            #expect(wrong.status == .forbidden)
            #expect(try await Note.query(on: app.db).filter(\.$participant.$id == world.ownParticipant).count() == 2)
            // Sending the kept form again saves the note as typed.
            #expect(try await client.post(SiteURL.participantNotes(.value(world.ownParticipant)).relativeURL(), kept).status == .seeOther)
            #expect(try await Note.query(on: app.db).filter(\.$body == "Kirjoitettu <teksti>").count() == 1)
            // Logging in needs the token too.
            let anonymous = TestClient(app)
            #expect(try await anonymous.post(SiteURL.login.relativeURL(), ["email": world.users[.worker]!, "password": World.password], csrf: false).status == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func deactivatedUsersOldSessionStopsWorking(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let worker = TestClient(app)
            try await worker.login(world.users[.worker]!)
            #expect(try await worker.get(SiteURL.participant(.value(world.ownParticipant)).relativeURL()).status == .ok)
            let admin = TestClient(app)
            try await admin.login(world.users[.admin]!)
            let user = try #require(try await User.query(on: app.db).filter(\.$email == world.users[.worker]!).first())
            #expect(try await admin.post(SiteURL.adminUserActive(.value(user.id!)).relativeURL(), ["active": "no"]).status == .seeOther)
            let after = try await worker.get(SiteURL.participant(.value(world.ownParticipant)).relativeURL())
            #expect(after.status == .seeOther && after.location?.hasPrefix(SiteURL.login.relativeURL()) == true)
            #expect(!after.body.contains(World.ownLastName))
            let post = try await worker.post(
                SiteURL.participantNotes(.value(world.ownParticipant)).relativeURL(), ["project_id": world.ownProject.uuidString, "sensitivity": "normal", "body": "x"])
            #expect([401, 403].contains(post.status.code))
            // And cannot log in again.
            #expect(try await TestClient(app).login(world.users[.worker]!).status == .unauthorized)
            #expect(try await World.auditEvents(app).contains { $0.action == "user.deactivate" })
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func userChangesPassword(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let client = TestClient(app)
            try await client.login(world.users[.viewer]!)
            let elsewhere = TestClient(app)
            try await elsewhere.login(world.users[.viewer]!)
            let short = try await client.post(SiteURL.accountPassword.relativeURL(), ["current": World.password, "new": "short", "repeat": "short"])
            #expect(short.status == .unprocessableEntity && short.body.contains("vähintään 10 merkkiä"))
            let wrong = try await client.post(SiteURL.accountPassword.relativeURL(), ["current": "not it at all", "new": "uusi pitkä salasana", "repeat": "uusi pitkä salasana"])
            #expect(wrong.status == .unprocessableEntity && wrong.body.contains("Nykyinen salasana on väärin"))
            let ok = try await client.post(SiteURL.accountPassword.relativeURL(), ["current": World.password, "new": "uusi pitkä salasana", "repeat": "uusi pitkä salasana"])
            #expect(ok.status == .ok && ok.body.contains("Salasana vaihdettu"))
            // The session that changed it stays; the user's other sessions end.
            #expect(try await client.get(SiteURL.projects.relativeURL()).status == .ok)
            #expect(try await elsewhere.get(SiteURL.projects.relativeURL()).status == .seeOther)
            #expect(try await TestClient(app).login(world.users[.viewer]!, "uusi pitkä salasana").status == .seeOther)
            #expect(try await TestClient(app).login(world.users[.viewer]!).status == .unauthorized)
        }
    }

    /// Sessions live in the database: a second Polku process on the same database knows the session.
    @Test(arguments: TestDatabase.allCases)
    func twoProcessesShareOneSession(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let client = TestClient(app)
            try await client.login(world.users[.worker]!)
            try await withSecondPolku(sharing: app) { second in
                let other = TestClient(second)
                other.cookies = client.cookies
                let page = try await other.get(SiteURL.participant(.value(world.ownParticipant)).relativeURL())
                #expect(page.status == .ok && page.body.contains(World.ownLastName))
                other.csrf = client.csrf
                #expect(try await other.post(SiteURL.logout.relativeURL()).status == .seeOther)
            }
            #expect(try await client.get(SiteURL.participants.relativeURL()).status == .seeOther, "logged out on the other process")
        }
    }
}

@Suite struct SessionIdleTests {
    @Test(arguments: TestDatabase.allCases)
    func aSessionIdleForAWorkingDayEnds(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let client = TestClient(app)
            try await client.login(world.users[.worker]!)
            #expect(try await client.get(SiteURL.participants.relativeURL()).status == .ok)
            // Age the session in the database, as nine idle hours would.
            let key = try #require(client.cookies["polku_session"])
            let record = try #require(try await SessionRecord.query(on: app.db).filter(\.$key == SessionID(string: key)).first())
            record.data[CurrentUserMiddleware.seenKey] = String(Int(Date().timeIntervalSince1970 - 9 * 3600))
            try await record.save(on: app.db)
            let page = try await client.get(SiteURL.participants.relativeURL())
            #expect(page.status == .seeOther && page.location?.hasPrefix(SiteURL.login.relativeURL()) == true)
        }
    }
}
