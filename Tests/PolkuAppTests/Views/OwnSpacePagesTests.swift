import Foundation
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import SnapshotTesting
import Testing

/// The participant's own space from fixed models (plain words, their own results, a refused account
/// form without passwords sent back) and "Omat tietoni"'s query on both databases.
@Suite struct OwnSpacePagesTests {
    typealias F = PageFixtures

    @Test func omatTietoni() {
        let row = ActivityQueries.ParticipantActivityRow(activity_id: F.id(1_300), name: "Kävelyryhmä", kind: "group", project_id: F.project, joined_on: "2026-01-08", left_on: nil)
        let m = OwnSpacePages.Me(
            firstName: "Aino <A>", results: [.init(key: "who5", name: "WHO-5", n: 2, last: "2026-03-01")],
            activities: [.init(row: row, attended: 6, heldWhileMember: 8)],
            sessions: [
                .init(
                    id: F.id(1_301), date: "2026-03-17", start_time: "10:00", end_time: "12:00", cancelled: true, version: 1, name: "Kävelyryhmä",
                    description: "", site_name: "Pori")
            ],
            referrals: [.init(service: "Velkaneuvonta", state: "accepted", created_at: F.morning)])
        let html = OwnSpacePages.mePage(m, context: F.context(nil)).render()
        #expect(html.contains("Aino &lt;A&gt;") && html.contains(SiteURL.myMeasure(.value("who5")).relativeURL()) && html.contains("1.3.2026"))
        #expect(html.contains("17.3.2026 klo 10:00: Kävelyryhmä, Pori") && html.contains("Peruttu!") && html.contains("Palvelu on ottanut sinut vastaan."))
        assertSnapshot(of: html, as: .html)
    }

    @Test func aRefusedAccountFormKeepsTheEmailOnly() {
        var state = FormState()
        state.values = ["email": "aino@example.invalid", "password": "", "again": ""]
        state.errors = ["again": "own.accept.mismatch"]
        let html = OwnSpacePages.acceptPage(
            .init(firstName: "Aino", action: SiteURL.invite(.value(String(repeating: "a", count: 48))).relativeURL(), state: state), context: F.context(nil, lang: .sv),
            status: .unprocessableEntity
        ).render()
        #expect(html.contains("value=\"aino@example.invalid\"") && html.contains("aria-invalid=\"true\""))
        assertSnapshot(of: html, as: .html)
    }

    @Test func theInvitationLinkIsShownOnce() {
        let link = "https://polku.example" + SiteURL.invite(.value(String(repeating: "b", count: 48))).relativeURL()
        let letter = OwnSpacePages.Invite.Letter(firstName: "Aino", lang: .sv, expires: F.today.adding(days: 14))
        let html = OwnSpacePages.invitePage(.init(participant: F.participant, link: link, days: 14, letter: letter), context: F.context(F.worker())).render()
        #expect(html.contains("value=\"\(link)\" readonly") && html.contains("<code>\(link)</code>") && html.contains("14 päivää"))
        #expect(html.contains("Hej Aino! Välkommen till Polku") && html.contains("till och med 29.3.2026"), "the letter in the participant's language")
        assertSnapshot(of: html, as: .html)
        #expect(OwnSpacePages.invalidInvitation(context: F.context(nil)).status == .notFound)
    }

    @Test(arguments: TestDatabase.allCases)
    func theQueryReadsOnlyTheirOwn(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let me = try #require(try await OwnSpacePages.me(world.ownParticipant, today: F.today, on: app.db))
            #expect(me.firstName == World.ownName && me.results.isEmpty && me.activities.isEmpty)
            #expect(try await OwnSpacePages.me(F.id(1_501), today: F.today, on: app.db) == nil)
        }
    }
}
