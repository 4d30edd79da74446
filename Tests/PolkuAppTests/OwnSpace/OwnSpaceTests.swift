import Fluent
import Foundation
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import Testing
import Vapor

@Suite struct OwnSpaceTests {
    @Test(arguments: TestDatabase.allCases)
    func aParticipantSeesTheirOwnResultsIncludingHealthAndNothingElse(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            // A health professional records WHO-5 twice; a worker invites the participant.
            let health = TestClient(app)
            try await health.login(world.users[.healthProfessional]!)
            _ = try await health.post(SiteURL.participantAssessments(.value(world.ownParticipant)).relativeURL(), AssessmentTests.who5(world, date: "1.3.2024", [3, 3, 2, 2, 2]))
            _ = try await health.post(SiteURL.participantAssessments(.value(world.ownParticipant)).relativeURL(), AssessmentTests.who5(world, date: "1.6.2024", [3, 3, 3, 3, 3]))
            let worker = TestClient(app)
            try await worker.login(world.users[.worker]!)
            let viewer = TestClient(app)
            try await viewer.login(world.users[.viewer]!)
            #expect(try await viewer.post(SiteURL.participantInvite(.value(world.ownParticipant)).relativeURL()).status == .notFound)
            let invited = try await worker.post(SiteURL.participantInvite(.value(world.ownParticipant)).relativeURL())
            let link = try #require(invited.body.firstMatch(of: /\/invite\/[0-9a-f]{48}/).map { String($0.output) })
            #expect(try await Invitation.query(on: app.db).first()?.tokenHash.count == 64, "only the hash is stored")

            // The participant makes an account with the link; weak or mismatched passwords are refused.
            let me = TestClient(app)
            let form = try await me.get(link)
            #expect(form.status == .ok && form.body.contains("marker@example.invalid"))
            let weak = try await me.post(link, ["email": "oma@example.invalid", "password": "lyhyt", "again": "lyhyt"])
            #expect(weak.status == .unprocessableEntity && weak.body.contains("value=\"oma@example.invalid\"") && !weak.body.contains("value=\"lyhyt\""))
            let taken = try await me.post(link, ["email": "worker@own.test", "password": "oma salasana 123", "again": "oma salasana 123"])
            #expect(taken.status == .unprocessableEntity && taken.body.contains("on jo tunnus"))
            let made = try await me.post(link, ["email": "oma@example.invalid", "password": "oma salasana 123", "again": "oma salasana 123"])
            #expect(made.status == .seeOther && made.location == SiteURL.me.relativeURL())
            #expect(try await me.get(SiteURL.home.relativeURL()).location == SiteURL.me.relativeURL(), "the front page leads a participant to their own space")
            #expect(try await TestClient(app).get(link).status == .notFound, "the link works once")

            // Their own space: the WHO-5 results (health data, theirs) in plain words.
            let space = try await me.get(SiteURL.me.relativeURL())
            #expect(space.status == .ok && space.body.contains("Omat tulokseni") && space.body.contains("WHO-5"))
            let results = try await me.get(SiteURL.myMeasure(.value("who5")).relativeURL())
            #expect(results.body.contains("tuloksesi oli 48/100") && results.body.contains("Tulos on noussut selvästi"))
            // Nothing else: not their staff record, not the lists, not another participant, not the reports.
            for path in [
                SiteURL.participant(.value(world.ownParticipant)).relativeURL(), SiteURL.participants.relativeURL(),
                SiteURL.participant(.value(world.otherParticipant)).relativeURL(),
                SiteURL.participantMeasure(.value(world.ownParticipant), .value("who5")).relativeURL(), SiteURL.projectReport(.value(world.ownProject)).relativeURL(),
                SiteURL.projectMeasures(.value(world.ownProject)).relativeURL(), SiteURL.referrals.relativeURL(), SiteURL.adminUsers.relativeURL(),
            ] {
                let page = try await me.get(path)
                #expect(
                    [403, 404].contains(page.status.code)
                        || (page.status == .ok && !page.body.contains("NORMALMARK") && !page.body.contains("HEALTHMARK")
                            && !page.body.contains("Toisenhankkeinen")),
                    "\(path) answered \(page.status)")
                #expect(!page.body.contains("HEALTHMARK") && !page.body.contains("NORMALMARK"), "\(path) leaks notes")
            }
            #expect(try await me.get(SiteURL.participant(.value(world.ownParticipant)).relativeURL()).status == .forbidden)
            // The role matrix's participant row: every staff route on their own record is denied.
            for route in RoleMatrixTests.routes(for: { $0.ownParticipant }, enrolmentOwn: true) {
                let path = route.path(world)
                let page = route.method == .GET ? try await me.get(path) : try await me.post(path, route.form(world))
                #expect([403, 404].contains(page.status.code), "participant \(route.name): \(page.status)")
            }
            // Signing in again goes to their own space.
            let again = TestClient(app)
            #expect(try await again.login("oma@example.invalid", "oma salasana 123").location == SiteURL.me.relativeURL())
            // The staff page says they have an account, and a second invitation is not made.
            #expect(try await worker.get(SiteURL.participant(.value(world.ownParticipant)).relativeURL()).body.contains("on oma tunnus"))
            #expect(try await worker.post(SiteURL.participantInvite(.value(world.ownParticipant)).relativeURL()).body.contains("on jo oma tunnus"))
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func anExpiredInvitationDoesNotWork(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let worker = TestClient(app)
            try await worker.login(world.users[.worker]!)
            let invited = try await worker.post(SiteURL.participantInvite(.value(world.ownParticipant)).relativeURL())
            let link = try #require(invited.body.firstMatch(of: /\/invite\/[0-9a-f]{48}/).map { String($0.output) })
            let inv = try #require(try await Invitation.query(on: app.db).first())
            inv.expiresAt = Date().addingTimeInterval(-60)
            try await inv.save(on: app.db)
            let visitor = TestClient(app)
            let page = try await visitor.get(link)
            #expect(page.status == .notFound && page.body.contains("ei ole voimassa"))
            #expect(try await visitor.post(link, ["email": "x@example.invalid", "password": "oma salasana 123", "again": "oma salasana 123"]).status == .notFound)
            #expect(try await visitor.get("/invite/nothex").status == .notFound)
            #expect(try await User.query(on: app.db).filter(\.$participantID == world.ownParticipant).count() == 0)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aNewInvitationReplacesTheOldAndPrintsAsALetter(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let worker = TestClient(app)
            try await worker.login(world.users[.worker]!)
            let first = try await worker.post(SiteURL.participantInvite(.value(world.ownParticipant)).relativeURL())
            let old = try #require(first.body.firstMatch(of: /\/invite\/[0-9a-f]{48}/).map { String($0.output) })
            // The full address to give, a QR code in a letter in the participant's language, a way to make a new one.
            #expect(first.body.contains("value=\"http://") && first.body.contains(old + "\" readonly"))
            #expect(first.body.contains("<article class=\"letter\" lang=\"fi\"") && first.body.contains("<svg viewBox="))
            #expect(first.body.contains("Tee uusi kutsu"))
            let second = try await worker.post(SiteURL.participantInvite(.value(world.ownParticipant)).relativeURL())
            let new = try #require(second.body.firstMatch(of: /\/invite\/[0-9a-f]{48}/).map { String($0.output) })
            #expect(new != old)
            let visitor = TestClient(app)
            #expect(try await visitor.get(old).status == .notFound, "only the latest link works")
            #expect(try await visitor.get(new).status == .ok)
        }
    }
}
