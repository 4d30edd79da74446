import Fluent
import Foundation
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import SQLKit
import Testing
import Vapor

/// The participant's own data (issue 15): who has seen it, and their consents, as they use them.
@Suite struct OwnDataTests {
    /// An audit event written straight to the table, as an old or a foreign one would be.
    static func event(_ app: Application, participant: UUID, actor: UUID?, at: Date, action: String = "participant.view") async throws -> UUID {
        let id = UUID()
        try await app.db.sql.raw(
            """
            INSERT INTO audit_events (id, at, actor_id, actor_email, action, participant_id, project_id, detail, client_address)
            VALUES (\(bind: id), \(bind: at), \(bind: actor), '', \(bind: action), \(bind: participant), NULL, '', '')
            """
        ).run()
        return id
    }

    @Test(arguments: TestDatabase.allCases)
    func theParticipantSeesWhoHasSeenTheirData(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await MatrixWorld.make(app)
            let base = world.base
            let worker = TestClient(app)
            try await worker.login(base.users[.worker]!)
            _ = try await worker.get(SiteURL.participants.relativeURL())
            for _ in 0..<27 { _ = try await worker.get(SiteURL.participant(.value(base.ownParticipant)).relativeURL()) }
            let workerID = try #require(try await User.query(on: app.db).filter(\.$email == base.users[.worker]!).first()?.id)
            let old = try await Self.event(app, participant: base.ownParticipant, actor: workerID, at: app.clock.now().addingTimeInterval(-800 * 86_400))
            let foreign = try await Self.event(app, participant: base.otherParticipant, actor: workerID, at: app.clock.now(), action: "note.create")

            let me = TestClient(app)
            try await me.login(world.participantEmail)
            let space = try await me.get(SiteURL.me.relativeURL())
            #expect(space.body.contains("href=\"\(SiteURL.mySeen.relativeURL())\""), "linked from their own space")
            let first = try await me.get(SiteURL.mySeen.relativeURL())
            #expect(first.status == .ok)
            let rows = { (page: TestClient.Page) in page.body.components(separatedBy: "<tr>").count - 2 }
            // 27 page views and one list, newest first: a page of 25, then the rest.
            #expect(rows(first) == SeenBy.pageSize)
            let workerName = try await User.find(workerID, on: app.db)?.name ?? "?"
            #expect(first.body.contains(workerName))
            #expect(first.body.contains("Ohjaaja, ") && first.body.contains("Katsoi tietojasi."))
            #expect(!first.body.contains("Kirjoitti muistiinpanon."), "another person's event is not theirs")
            let next = try #require(first.body.firstMatch(of: /\/me\/seen\?before=[0-9A-Fa-f-]{36}/).map { String($0.output) })
            let second = try await me.get(next)
            #expect(rows(second) == 3 && second.body.contains("Uusimmat"))
            // Each event once over the two pages (the test clock stands still: equal times order by id).
            let ids = { (page: TestClient.Page) in page.body.matches(of: /\/me\/seen\/([0-9A-Fa-f-]{36})\/question/).map { String($0.output.1) } }
            #expect(Set(ids(first) + ids(second)).count == 28 && (first.body + second.body).contains("Näki nimesi listalla."))
            // Their own looks are not listed, nor anything older than 24 months.
            let all = first.body + second.body
            #expect(!all.contains(old.uuidString) && !all.contains("Åke Merkkinen</td>"))
            // An anchor that is not one of their events gives the newest page.
            for anchor in [foreign.uuidString, "x"] {
                let odd = try await me.get(SiteURL.mySeen.relativeURL([("before", anchor)]))
                #expect(odd.status == .ok && rows(odd) == SeenBy.pageSize && !odd.body.contains("Kirjoitti muistiinpanon."), "?before=\(anchor)")
            }
            #expect(try await worker.get(SiteURL.mySeen.relativeURL()).status == .forbidden, "staff have no own space")
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func theParticipantWithdrawsAConsentAndTheTeamAndTheProviderSeeIt(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await MatrixWorld.make(app)
            let base = world.base
            let me = TestClient(app)
            try await me.login(world.participantEmail)
            let sharing = SiteURL.myConsent(.value("data_sharing")).relativeURL()
            let list = try await me.get(SiteURL.myConsents.relativeURL())
            #expect(list.status == .ok && list.body.contains("Tietojen luovutus yhteistyötahoille"))
            // A post without its field, or with a value the form never sends, changes nothing.
            let before = try await Consent.query(on: app.db).count()
            #expect(try await me.post(sharing, [:]).status == .badRequest)
            #expect(try await me.post(sharing, ["given": "maybe"]).status == .badRequest)
            #expect(try await me.post(SiteURL.myConsent(.value("marketing")).relativeURL(), ["given": "true"]).status == .notFound)
            #expect(try await Consent.query(on: app.db).count() == before)

            let give = try await me.get(sharing)
            #expect(give.body.contains("Anna lupa") && give.body.contains("name=\"given\" value=\"true\""))
            let given = try await me.post(sharing, ["given": "true"])
            #expect(given.status == .seeOther && given.location == SiteURL.myConsents.relativeURL())
            #expect(try await me.get(SiteURL.myConsents.relativeURL()).body.contains("Lupa annettu: Tietojen luovutus yhteistyötahoille."))
            // Withdrawing says first what follows: the referral the provider sees stops showing the name.
            let confirm = try await me.get(sharing)
            #expect(confirm.body.contains("Peru lupa") && confirm.body.contains("Ohjauksia, joissa nimesi näkyy nyt palvelulle: 1."))
            let provider = TestClient(app)
            try await provider.login(world.providerEmail)
            #expect(try await provider.get(SiteURL.organisationReferrals(.value(world.ownOrganisation)).relativeURL()).body.contains(World.ownLastName))
            #expect(try await me.post(sharing, ["given": "false"]).status == .seeOther)
            #expect(!(try await provider.get(SiteURL.organisationReferrals(.value(world.ownOrganisation)).relativeURL())).body.contains(World.ownLastName))
            // The second click of the same button records nothing more.
            let count = try await Consent.query(on: app.db).count()
            #expect(try await me.post(sharing, ["given": "false"]).status == .seeOther)
            #expect(try await Consent.query(on: app.db).count() == count)
            #expect(try await me.get(SiteURL.myConsents.relativeURL()).body.contains("Mitään ei muutettu."))
            // The coach sees the withdrawal on the person's page at once, as the participant's own.
            let worker = TestClient(app)
            try await worker.login(base.users[.worker]!)
            let page = try await worker.get(SiteURL.participant(.value(base.ownParticipant)).relativeURL())
            #expect(page.body.contains("Tietojen luovutus yhteistyötahoille: peruttu") && page.body.contains("osallistuja itse omassa tilassaan"))
            // And the participant sees the coach's view of it in "who has seen my data".
            #expect(try await me.get(SiteURL.mySeen.relativeURL()).body.contains("Katsoi tietojasi."))
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aQuestionAboutAnEventReachesTheManagerAndTheAnswerComesBack(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await MatrixWorld.make(app)
            let base = world.base
            let worker = TestClient(app)
            try await worker.login(base.users[.worker]!)
            _ = try await worker.get(SiteURL.participant(.value(base.ownParticipant)).relativeURL())
            let workerID = try #require(try await User.query(on: app.db).filter(\.$email == base.users[.worker]!).first()?.id)
            let foreign = try await Self.event(app, participant: base.otherParticipant, actor: workerID, at: app.clock.now())
            let me = TestClient(app)
            try await me.login(world.participantEmail)
            let seen = try await me.get(SiteURL.mySeen.relativeURL())
            let ask = try #require(seen.body.firstMatch(of: /\/me\/seen\/[0-9A-Fa-f-]{36}\/question/).map { String($0.output) })
            #expect(try await me.get(ask).body.contains("Katsoi tietojasi."), "the form names the event")
            // An empty or too long question is refused, keeping what was typed; another person's event is not theirs.
            let questions = { try await app.db.sql.raw("SELECT COUNT(*) AS n FROM data_questions").first()?.decode(column: "n", as: Int.self) ?? -1 }
            #expect(try await me.post(ask, ["question": "  "]).status == .unprocessableEntity)
            let long = String(repeating: "ö", count: DataQuestions.maxLength + 1)
            let refused = try await me.post(ask, ["question": long])
            #expect(refused.status == .unprocessableEntity && refused.body.contains(long))
            #expect(try await me.post(ask, [:]).status == .badRequest)
            #expect(try await me.post(SiteURL.mySeenQuestion(.value(foreign)).relativeURL(), ["question": "Kuka?"]).status == .notFound)
            #expect(try await questions() == 0)
            let sent = try await me.post(ask, ["question": "Miksi katsoit <tietojani>?"])
            #expect(sent.status == .seeOther && sent.location == SiteURL.mySeen.relativeURL())
            let after = try await me.get(SiteURL.mySeen.relativeURL())
            #expect(after.body.contains("Kysymys lähetetty.") && after.body.contains("Miksi katsoit &lt;tietojani&gt;?") && after.body.contains("Vastausta ei ole vielä tullut."))

            // The project's manager sees it on their day and answers; a worker cannot open the list.
            let manager = TestClient(app)
            try await manager.login(base.users[.projectManager]!)
            let list = SiteURL.projectQuestions(.value(base.ownProject)).relativeURL()
            #expect(try await manager.get(SiteURL.today.relativeURL()).body.contains("vastaamatta: 1"))
            let workerList = try await worker.get(list)
            #expect([403, 404].contains(workerList.status.code), "a worker does not manage the project")
            let page = try await manager.get(list)
            #expect(page.body.contains("Miksi katsoit &lt;tietojani&gt;?") && page.body.contains(World.ownLastName))
            let answerURL = try #require(page.body.firstMatch(of: /\/projects\/[0-9A-Fa-f-]{36}\/questions\/[0-9A-Fa-f-]{36}/).map { String($0.output) })
            #expect(try await manager.post(answerURL, ["answer": ""]).status == .unprocessableEntity)
            let other = SiteURL.projectQuestion(.value(base.otherProject), .value(UUID())).relativeURL()
            #expect([403, 404].contains(try await manager.post(other, ["answer": "x"]).status.code))
            #expect(try await manager.post(answerURL, ["answer": "Valmistauduin tapaamiseemme.\nTerveisin Pia"]).status == .seeOther)
            #expect(try await manager.get(SiteURL.today.relativeURL()).body.contains("vastaamatta: 0"))
            let kept = try await manager.get(list)
            #expect(kept.body.contains("Valmistauduin tapaamiseemme.") && !kept.body.contains("name=\"answer\""), "answered: shown, no form")
            let answered = try await me.get(SiteURL.mySeen.relativeURL())
            #expect(answered.body.contains("Valmistauduin tapaamiseemme.") && !answered.body.contains("Vastausta ei ole vielä tullut."))
            #expect(answered.body.contains("Vastasi kysymykseesi."), "the answer is itself an event they see")
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func theParticipantDownloadsEverythingAboutThem(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await MatrixWorld.make(app)
            let me = TestClient(app)
            try await me.login(world.participantEmail)
            #expect(try await me.get(SiteURL.me.relativeURL()).body.contains("href=\"\(SiteURL.myExport.relativeURL())\""))
            let download = try await me.get(SiteURL.myExport.relativeURL())
            #expect(download.status == .ok && download.headers.contentType?.subType == "zip")
            #expect(download.headers.first(name: .contentDisposition)?.hasPrefix("attachment;") == true)
            let files = try PersonExportTests.unzip(download.bytes)
            let html = try #require(files["tiedot.html"]), json = try #require(files["tiedot.json"])
            // Their own data is theirs whole: the health note too; nobody else's.
            #expect(html.contains(World.ownLastName) && html.contains(World.normalNote) && html.contains(World.healthNote))
            #expect(!html.contains("Toisenhankkeinen") && !json.contains("Toisenhankkeinen"))
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            #expect(object["includes_health_notes"] as? Bool == true)
            let events = try await World.auditEvents(app)
            #expect(events.contains { $0.action == "export" && $0.participantID == world.base.ownParticipant && $0.detail == "own data zip" })
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func theParticipantClosesTheirAccountAndCanBeInvitedAgain(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await MatrixWorld.make(app)
            let base = world.base
            let me = TestClient(app), elsewhere = TestClient(app)
            try await me.login(world.participantEmail)
            try await elsewhere.login(world.participantEmail)
            let close = SiteURL.myAccountClose.relativeURL()
            #expect(try await me.get(SiteURL.me.relativeURL()).body.contains("href=\"\(close)\""))
            #expect(try await me.get(close).body.contains("Tietosi jäävät hankkeelle."))
            // A wrong password or none closes nothing, and the password is not sent back.
            let wrong = try await me.post(close, ["password": "väärä salasana"])
            #expect(wrong.status == .unprocessableEntity && !wrong.body.contains("väärä salasana"))
            #expect(try await me.post(close, [:]).status == .badRequest)
            #expect(try await me.get(SiteURL.me.relativeURL()).status == .ok)
            let closed = try await me.post(close, ["password": World.password])
            #expect(closed.status == .ok && closed.body.contains("Tunnuksesi on suljettu."))
            // Signed out here and on the other device; the password no longer opens it.
            #expect(try await me.get(SiteURL.me.relativeURL()).status != .ok)
            #expect(try await elsewhere.get(SiteURL.me.relativeURL()).status != .ok)
            #expect(try await TestClient(app).login(world.participantEmail).location != SiteURL.me.relativeURL())
            // The data stay; the staff page no longer says there is an account, and a new invitation works.
            #expect(try await Participant.find(base.ownParticipant, on: app.db) != nil)
            let worker = TestClient(app)
            try await worker.login(base.users[.worker]!)
            #expect(!(try await worker.get(SiteURL.participant(.value(base.ownParticipant)).relativeURL())).body.contains("on oma tunnus"))
            let invited = try await worker.post(SiteURL.participantInvite(.value(base.ownParticipant)).relativeURL())
            let link = try #require(invited.body.firstMatch(of: /\/invite\/[0-9a-f]{48}/).map { String($0.output) })
            let again = TestClient(app)
            _ = try await again.get(link)
            let made = try await again.post(link, ["email": world.participantEmail, "password": "uusi salasana 456", "again": "uusi salasana 456"])
            #expect(made.status == .seeOther && made.location == SiteURL.me.relativeURL(), "the same address can be used again")
            // The account is the same one, opened again: its own looks are still theirs.
            #expect(try await User.query(on: app.db).filter(\.$participantID == base.ownParticipant).count() == 1)
            #expect(!(try await again.get(SiteURL.mySeen.relativeURL())).body.contains("Åke Merkkinen"))
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func theParticipantSeesTheirSessionsToComeAndTheirServices(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await MatrixWorld.make(app)
            let today = app.clock.today
            for (days, cancelled) in [(3, false), (10, true), (90, false)] {
                let s = ActivitySession()
                let date = today.adding(days: days).iso
                s.$activity.id = world.ownActivity; s.scheduledDate = date; s.date = date; s.startTime = "13:00"; s.endTime = "15:00"
                s.cancelled = cancelled; s.version = 0
                try await s.create(on: app.db)
            }
            let me = TestClient(app)
            try await me.login(world.participantEmail)
            let fi = Texts(lang: .fi)
            let space = try await me.get(SiteURL.me.relativeURL())
            #expect(space.body.contains(fi.date(today.adding(days: 3).iso) + " klo 13:00: Ryhmä"))
            #expect(space.body.contains(fi.date(today.adding(days: 10).iso) + " klo 13:00: Ryhmä") && space.body.contains("Peruttu!"))
            #expect(!space.body.contains(fi.date(today.adding(days: 90).iso)), "only the next 60 days")
            #expect(space.body.contains("Palvelut, joihin sinut on ohjattu") && space.body.contains("Ohjaus on lähetetty."))
            let ics = try await me.get(SiteURL.mySessionsICS.relativeURL())
            #expect(ics.status == .ok && ics.headers.contentType?.subType == "calendar")
            #expect(ics.body.components(separatedBy: "BEGIN:VEVENT").count - 1 == 2 && ics.body.contains("STATUS:CANCELLED"))
            #expect(ics.body.contains("SUMMARY:Ryhmä") && !ics.body.contains("Toisenhankkeinen"))
        }
    }
}
