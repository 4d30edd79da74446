import Foundation
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import SnapshotTesting
import Testing

/// "Who has seen my data" and "My consents" from fixed models (issue 15): what the participant reads.
@Suite struct OwnDataPagesTests {
    typealias F = PageFixtures

    @Test func whoHasSeenMyData() {
        let coach = F.id(500)
        let m = SeenBy.Model(
            events: [
                .init(id: F.id(501), at: F.morning, action: "note.create", actor_id: coach, actor_name: "Tiina <T>"),
                .init(id: F.id(502), at: F.morning, action: "participant.list", actor_id: F.id(503), actor_name: "Poistunut"),
                .init(id: F.id(504), at: F.morning, action: "retention.run", actor_id: nil, actor_name: nil),
            ],
            roles: [
                coach: [.init(user_id: coach, role: "worker", project_name: "Lähde mukaan!", organisation_name: "Porin kaupunki")],
                F.id(503): [.init(user_id: F.id(503), role: "worker", project_name: nil, organisation_name: "Velkaneuvonta")],
            ],
            before: nil, hasMore: true)
        let html = SeenBy.page(m, context: F.context(nil)).render()
        #expect(html.contains("Tiina &lt;T&gt;") && html.contains("Ohjaaja, Lähde mukaan! (Porin kaupunki)") && html.contains("Kirjoitti muistiinpanon."))
        #expect(html.contains("Palvelun työntekijä (Velkaneuvonta)") && html.contains("Polku itse (automaattinen työ)"))
        #expect(html.contains(SiteURL.mySeen.relativeURL([("before", F.id(504).uuidString)])), "the next page starts after the last event shown")
        assertSnapshot(of: html, as: .html)
    }

    @Test func myConsentsAndAWithdrawal() {
        let m = MyConsents.Model(
            history: [
                .init(purpose: "data_sharing", date: "2026-03-01", given: true, recorder: "Tiina", by_self: false),
                .init(purpose: "service", date: "2026-02-01", given: false, recorder: "Aino", by_self: true),
            ], sharedReferrals: 2)
        let list = MyConsents.page(m, context: F.context(nil)).render()
        #expect(list.contains("Lupa on annettu 1.3.2026 (kirjasi Tiina).") && list.contains("Lupa on peruttu 1.2.2026 (sinä itse)."))
        #expect(list.contains("Et ole vielä antanut tätä lupaa.") && list.contains("Peru lupa: Tietojen luovutus yhteistyötahoille"))
        assertSnapshot(of: list, as: .html, named: "list")
        let confirm = MyConsents.confirmPage(m, purpose: .dataSharing, context: F.context(nil, lang: .sv)).render()
        #expect(confirm.contains("name=\"given\" value=\"false\"") && confirm.contains("Remisser där en tjänst nu ser ditt namn: 2."))
        assertSnapshot(of: confirm, as: .html, named: "confirm")
    }
}
