import Fluent
import Foundation
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import Testing
import Vapor

@Suite struct ReferralTests {
    static func service(_ app: Application, org: UUID, name: String = "Velkaneuvonta", active: Bool = true) async throws -> Service {
        let s = Service()
        s.$organisation.id = org; s.name = name; s.description = "Apua velkoihin"; s.category = .debtAndFinances; s.threshold = .low
        s.targetGroups = ""; s.areas = ",pori,"; s.languages = ",fi,"; s.cost = ""; s.whereWhen = ""; s.contact = "x"; s.active = active
        s.checkedOn = Clock.system.today.iso
        s.index(organisationName: "Org")
        try await s.create(on: app.db)
        return s
    }

    @Test(arguments: TestDatabase.allCases)
    func aReferralNeedsConsentAndMovesThroughEveryState(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let (org, email) = try await DirectoryTests.provider(app)
            let s = try await Self.service(app, org: org)
            let closed = try await Self.service(app, org: org, name: "Suljettu palvelu", active: false)
            let worker = TestClient(app)
            try await worker.login(world.users[.worker]!)
            let form = try await worker.get(SiteURL.participantReferralNew(.value(world.ownParticipant)).relativeURL([("service", "\(s.id!)")]))
            #expect(form.status == .ok && form.body.contains("on antanut suostumuksensa"))
            let base = ["service": s.id!.uuidString, "project": world.ownProject.uuidString, "share_phone": "on", "message": "Soittakaa aamupäivisin <kiitos>"]
            let noConsent = try await worker.post(SiteURL.participantReferrals(.value(world.ownParticipant)).relativeURL(), base)
            #expect(
                noConsent.status == .unprocessableEntity && noConsent.body.contains("ilman osallistujan suostumusta")
                    && noConsent.body.contains("Soittakaa aamupäivisin &lt;kiitos&gt;"))
            var toClosed = base; toClosed["service"] = closed.id!.uuidString; toClosed["consent"] = "on"
            #expect(try await worker.post(SiteURL.participantReferrals(.value(world.ownParticipant)).relativeURL(), toClosed).status == .unprocessableEntity)
            #expect(try await Referral.query(on: app.db).count() == 0)
            var ok = base; ok["consent"] = "on"
            let sent = try await worker.post(SiteURL.participantReferrals(.value(world.ownParticipant)).relativeURL(), ok)
            #expect(sent.status == .seeOther)
            let r = try #require(try await Referral.query(on: app.db).first())
            let open = try await worker.get(SiteURL.referrals.relativeURL())
            #expect(open.body.contains(World.ownLastName) && open.body.contains("Lähetetty"), "the worker's open referrals list it")
            #expect(r.state == .sent && r.shared == "name,phone,message" && r.message == "Soittakaa aamupäivisin <kiitos>", "a message typed is sent")
            #expect(try await Consent.query(on: app.db).filter(\.$purpose == .dataSharing).count() == 1)

            // The provider's staff: the inbox, only the shared details, the states one step at a time.
            let provider = TestClient(app)
            try await provider.login(email)
            let inbox = try await provider.get(SiteURL.organisationReferrals(.value(org)).relativeURL())
            #expect(inbox.status == .ok && inbox.body.contains(World.ownLastName))
            let page = try await provider.get(SiteURL.referral(.value(r.id!)).relativeURL())
            #expect(page.body.contains(World.ownLastName) && !page.body.contains("marker@example.invalid") && !page.body.contains("NORMALMARK"))
            #expect(page.body.contains("Soittakaa aamupäivisin &lt;kiitos&gt;"), "the provider reads the message")
            #expect(try await provider.get(SiteURL.participant(.value(world.ownParticipant)).relativeURL()).status == .notFound, "a provider sees no participant records")
            let skip = try await provider.post(SiteURL.referralState(.value(r.id!)).relativeURL(), ["to": "accepted"])
            #expect(skip.status == .unprocessableEntity)
            #expect(try await provider.post(SiteURL.referralState(.value(r.id!)).relativeURL(), ["to": "received"]).status == .seeOther)
            let noReason = try await provider.post(SiteURL.referralState(.value(r.id!)).relativeURL(), ["to": "declined", "reason": " "])
            #expect(noReason.status == .unprocessableEntity && noReason.body.contains("Kerro syy"))
            for step in ["accepted", "started", "completed"] {
                #expect(try await provider.post(SiteURL.referralState(.value(r.id!)).relativeURL(), ["to": step]).status == .seeOther)
            }
            #expect(try await provider.post(SiteURL.referralState(.value(r.id!)).relativeURL(), ["to": "interrupted", "reason": "x"]).status == .unprocessableEntity)
            let events = try await ReferralEvent.query(on: app.db).filter(\.$referral.$id == r.id!).sort(\.$at).all()
            #expect(events.map(\.toState) == [.sent, .received, .accepted, .started, .completed])
            // The referring worker sees the state on the participant's page; cannot change it.
            let person = try await worker.get(SiteURL.participant(.value(world.ownParticipant)).relativeURL())
            #expect(person.body.contains("Velkaneuvonta") && person.body.contains("Päättynyt suunnitellusti"))
            #expect(!(try await worker.get(SiteURL.referrals.relativeURL()).body.contains(World.ownLastName)), "an ended referral leaves the open list")
            #expect(try await worker.post(SiteURL.referralState(.value(r.id!)).relativeURL(), ["to": "interrupted", "reason": "x"]).status == .forbidden)
            // Someone else's staff see nothing of it.
            let other = TestClient(app)
            try await other.login(world.otherWorker)
            #expect(try await other.get(SiteURL.referral(.value(r.id!)).relativeURL()).status == .notFound)
            let audited = try await AuditEvent.query(on: app.db).filter(\.$action ~~ ["referral.create", "referral.update", "referral.view"]).count()
            #expect(audited >= 6)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func withdrawingConsentHidesThePersonFromTheProvider(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let (org, email) = try await DirectoryTests.provider(app)
            let s = try await Self.service(app, org: org)
            let worker = TestClient(app)
            try await worker.login(world.users[.worker]!)
            _ = try await worker.post(
                SiteURL.participantReferrals(.value(world.ownParticipant)).relativeURL(),
                ["service": s.id!.uuidString, "project": world.ownProject.uuidString, "consent": "on"])
            let r = try #require(try await Referral.query(on: app.db).first())
            #expect(try await worker.post(SiteURL.referralWithdraw(.value(r.id!)).relativeURL()).status == .seeOther)
            let provider = TestClient(app)
            try await provider.login(email)
            let inbox = try await provider.get(SiteURL.organisationReferrals(.value(org)).relativeURL())
            #expect(!inbox.body.contains(World.ownLastName) && inbox.body.contains("suostumus peruttu"))
            #expect(!(try await provider.get(SiteURL.referral(.value(r.id!)).relativeURL()).body.contains(World.ownLastName)))
            #expect(try await provider.post(SiteURL.referralState(.value(r.id!)).relativeURL(), ["to": "received"]).status == .conflict)
            let consents = try await Consent.query(on: app.db).filter(\.$purpose == .dataSharing).sort(\.$given).all().map(\.given)
            #expect(consents == [false, true])
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func suggestionsFollowGoalsAndAssessmentsAndSayWhy(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let (org, _) = try await DirectoryTests.provider(app)
            _ = try await Self.service(app, org: org)
            let worker = TestClient(app)
            try await worker.login(world.users[.worker]!)
            #expect(!(try await worker.get(SiteURL.participant(.value(world.ownParticipant)).relativeURL()).body.contains("Ehdotetut palvelut")))
            // A goal about debts in Pori: the debt advice in Pori is suggested, with the goal as the reason.
            #expect(
                try await worker.post(
                    SiteURL.participantGoals(.value(world.ownParticipant)).relativeURL(), ["project_id": world.ownProject.uuidString, "goal_text": "Velat järjestykseen"]
                ).status == .seeOther)
            let page = try await worker.get(SiteURL.participant(.value(world.ownParticipant)).relativeURL())
            #expect(page.body.contains("Ehdotetut palvelut") && page.body.contains("tavoite &quot;velat&quot;"))
            // A life map with housing at 2 suggests a housing service.
            let org2 = Organisation(name: "Asuntotoimi", kind: .municipality)
            try await org2.create(on: app.db)
            let housing = try await Self.service(app, org: org2.id!, name: "Asumisneuvonta")
            housing.category = .housing; housing.searchText = "asumisneuvonta"
            try await housing.save(on: app.db)
            _ = try await worker.post(
                SiteURL.participantAssessments(.value(world.ownParticipant)).relativeURL(),
                ["project": world.ownProject.uuidString, "instrument": "polku-life", "date": "1.3.2024", "a_home": "2"])
            let workerID = try #require(try await User.query(on: app.db).filter(\.$email == world.users[.worker]!).first()?.id)
            let actor = try #require(try await CurrentUserMiddleware.load(workerID, on: app.db))
            let scope = ParticipantScope(participantID: world.ownParticipant, actor: actor, projects: [world.ownProject: ProjectAccess(roles: [.worker])])
            let suggestions = try await Suggestions.forParticipant(world.ownParticipant, scope: scope, on: app.db)
            #expect(suggestions.map(\.name).sorted() == ["Asumisneuvonta", "Velkaneuvonta"])
            #expect(suggestions.first { $0.name == "Asumisneuvonta" }?.reasons.contains(.weakDomain("home")) == true)
        }
    }
}
