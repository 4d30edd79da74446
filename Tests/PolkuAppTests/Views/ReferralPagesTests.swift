import Foundation
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import SnapshotTesting
import Testing

/// The referral pages from fixed models: finding a service, the consent form, one referral as the
/// provider and the referring worker see it (and once consent is withdrawn), the inbox; and the
/// queries on both databases.
@Suite struct ReferralPagesTests {
    typealias F = PageFixtures

    @Test func findingAServiceShowsSuggestionsWithWhy() {
        var state = FormState()
        state.values = ["q": "velka"]
        let form = ReferralForm(
            participantID: F.participant, firstName: "Aino", lastName: "Demonen",
            suggestions: [.init(id: F.id(2_000), name: "Velkaneuvonta", provider: "Diakonia", threshold: .low, reasons: [.goal(word: "velka"), .lowThreshold])],
            found: [.init(id: F.id(2_001), name: "Talousneuvonta <x>", organisation: "Kunta")], state: state)
        let html = form.page(context: F.context(F.worker())).render()
        #expect(html.contains(SiteURL.participantReferralNew(.value(F.participant)).relativeURL([("service", "\(F.id(2_000))")])))
        #expect(html.contains("Talousneuvonta &lt;x&gt; – Kunta") && html.contains("value=\"velka\"") && !html.contains("name=\"consent\""))
        assertSnapshot(of: html, as: .html)
    }

    @Test func theConsentFormNamesTheOrganisation() {
        var state = FormState()
        state.values = ["service": F.id(2_000).uuidString, "share_phone": "on", "message": "Soittakaa aamupäivisin"]
        state.errors["consent"] = "referral.error.consent"
        let form = ReferralForm(
            participantID: F.participant, firstName: "Aino", lastName: "Demonen",
            chosen: .init(id: F.id(2_000), name: "Velkaneuvonta", organisation: "Diakonia", active: false), projects: [(F.project, "Polku")], state: state)
        let html = form.page(context: F.context(F.worker()), status: .unprocessableEntity).render()
        #expect(html.contains("name=\"consent\"") && html.contains("Diakonia") && html.contains("class=\"notice\"") && html.contains("Soittakaa aamupäivisin"))
        assertSnapshot(of: html, as: .html)
    }

    static func referral(provider: Bool, withdrawn: Bool = false) -> ReferralPage {
        ReferralPage(
            id: F.id(2_010), participantID: F.participant, serviceID: F.id(2_000), service: "Velkaneuvonta", organisationID: F.id(2_002),
            organisation: "Diakonia", state: .sent, reason: nil, consentOn: "2026-03-10", consentWithdrawnOn: withdrawn ? "2026-03-12" : nil,
            message: "Soittakaa aamupäivisin", shared: ["name", "phone", "message"],
            person: provider && withdrawn ? nil : .init(first_name: "Aino", last_name: "Demonen", phone: "040 123", email: nil, language: "fi"),
            events: [.init(at: F.morning, state: .sent, reason: nil, user: "Tiina Työntekijä")], isProvider: provider)
    }

    @Test func theProviderMovesItOn() {
        let html = Self.referral(provider: true).page(context: F.context(F.worker())).render()
        #expect(html.contains("040 123") && html.contains(SiteURL.referralState(.value(F.id(2_010))).relativeURL()))
        #expect(!html.contains(SiteURL.referralWithdraw(.value(F.id(2_010))).relativeURL()) && !html.contains("@"))
        assertSnapshot(of: html, as: .html)
    }

    @Test func theReferringSideCanWithdraw() {
        let html = Self.referral(provider: false).page(context: F.context(F.worker(), lang: .sv)).render()
        #expect(html.contains(SiteURL.referralWithdraw(.value(F.id(2_010))).relativeURL()) && !html.contains(SiteURL.referralState(.value(F.id(2_010))).relativeURL()))
    }

    @Test func aWithdrawnReferralHidesThePersonFromTheProvider() {
        let html = Self.referral(provider: true, withdrawn: true).page(context: F.context(F.worker())).render()
        #expect(!html.contains("Demonen") && !html.contains("040 123") && !html.contains("<select"))
    }

    @Test func theInbox() {
        let rows = [
            ReferralLists.Row(
                id: F.id(2_010), participant_id: F.participant, state: "sent", created_at: F.morning, service: "Velkaneuvonta", first_name: "Aino",
                last_name: "Demonen", consent_withdrawn_on: nil),
            ReferralLists.Row(
                id: F.id(2_011), participant_id: F.id(2_012), state: "received", created_at: F.morning, service: "Velkaneuvonta", first_name: "Piilo",
                last_name: "Peruttu", consent_withdrawn_on: "2026-03-12"),
        ]
        let html = ReferralLists.inboxPage(.init(organisationID: F.id(2_002), organisation: "Diakonia", openOnly: true, rows: rows), context: F.context(F.worker()))
            .render()
        #expect(html.contains("Demonen, Aino") && !html.contains("Peruttu"))
        #expect(html.contains(SiteURL.organisationReferrals(.value(F.id(2_002))).relativeURL([("all", "1")])))
        assertSnapshot(of: html, as: .html)
    }

    @Test(arguments: TestDatabase.allCases)
    func theQueries(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let (org, _) = try await DirectoryTests.provider(app)
            let s = try await ReferralTests.service(app, org: org)
            let worker = TestClient(app)
            try await worker.login(world.users[.worker]!)
            _ = try await worker.post(
                SiteURL.participantReferrals(.value(world.ownParticipant)).relativeURL(),
                ["service": s.id!.uuidString, "project": world.ownProject.uuidString, "consent": "on", "share_phone": "on"])
            let r = try #require(try await Referral.query(on: app.db).with(\.$service, { $0.with(\.$organisation) }).first())
            let page = try await ReferralPage.query(r, isProvider: true, on: app.db)
            #expect(page.person?.last_name == World.ownLastName && page.events.map(\.state) == [.sent] && page.shared == ["name", "phone"])
            #expect(page.events.first?.user == "Test worker")
            let open = try await ReferralLists.open(in: [world.ownProject], on: app.db)
            let otherOpen = try await ReferralLists.open(in: [world.otherProject], on: app.db)
            #expect(open.map(\.id) == [r.id!] && otherOpen.isEmpty)
            let inbox = try #require(try await ReferralLists.inbox(org, openOnly: true, on: app.db))
            #expect(inbox.rows.map(\.service) == ["Velkaneuvonta"])
            let actor = Actor(userID: F.id(2_020), email: "w@test", name: "W", isAdmin: false, rolesByProject: [world.ownProject: [.worker]])
            let scope = ParticipantScope(participantID: world.ownParticipant, actor: actor, projects: [world.ownProject: actor.access(to: world.ownProject)])
            var state = FormState()
            state.values = ["service": s.id!.uuidString]
            let form = try #require(try await ReferralForm.query(scope, state: state, lang: .fi, on: app.db))
            #expect(form.chosen?.name == "Velkaneuvonta" && form.projects.map(\.name) == ["Oma hanke"] && form.suggestions.isEmpty)
        }
    }
}
