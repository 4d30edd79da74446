import Foundation
@testable import PolkuApp
import PolkuCore
import SnapshotTesting
import Testing

/// "Tänään" from a fixed model: sessions by day with today's marked, each a link to its attendance;
/// the people, referrals and goals each linking to their task; empty sections say so.
@Suite struct TodayPageTests {
    typealias F = PageFixtures

    static func model() -> TodayPage.Model {
        TodayPage.Model(
            today: F.today,
            sessions: [
                .init(activity_id: F.id(1_900), session_id: F.id(1_901), name: "Kädentaitoryhmä", date: F.today.iso, start_time: "10:00", end_time: "12:00", cancelled: false),
                .init(
                    activity_id: F.id(1_900), session_id: F.id(1_902), name: "Kädentaitoryhmä", date: F.today.adding(days: 2).iso, start_time: "10:00", end_time: "12:00",
                    cancelled: true),
            ],
            people: [.init(id: F.participant, first_name: "Aino", last_name: "Demonen <x>", birth_date: "1988-02-03")],
            referrals: [.init(id: F.id(1_903), state: "received", service: "Velkaneuvonta", first_name: "Aino", last_name: "Demonen")],
            goals: [])
    }

    @Test func aCoachsWeek() {
        let html = TodayPage.page(Self.model(), context: F.context(F.worker())).render()
        #expect(html.contains("href=\"\(SiteURL.session(.value(F.id(1_900)), .value(F.id(1_901))).relativeURL())\""))
        #expect(html.contains("Tänään 15.3.2026") && html.contains("peruttu"))
        #expect(html.contains("Demonen &lt;x&gt;, Aino") && html.contains("Vastaanotettu"))
        #expect(html.contains("Ei myöhässä olevia tavoitteita."))
        assertSnapshot(of: html, as: .html)
    }

    @Test func inEnglish() {
        let html = TodayPage.page(Self.model(), context: F.context(F.worker(), lang: .en)).render()
        #expect(html.contains("<html lang=\"en\">") && html.contains("record attendance") && html.contains("Group sessions in the next seven days"))
    }
}
