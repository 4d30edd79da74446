import Foundation
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import SnapshotTesting
import Testing

/// The follow-ups due: the page from a fixed model, and its query's project name on both databases
/// (the people due are checked in `ESFReportTests`).
@Suite struct FollowUpPageTests {
    typealias F = PageFixtures

    @Test func eachPersonLinksToTheirFollowUpField() {
        let rows = [FollowUpPage.Row(enrolment_id: F.id(700), participant_id: F.participant, first_name: "Aino", last_name: "Aaltonen <A>", end_date: "2025-06-30")]
        let html = FollowUpPage.page(.init(project: (F.project, "RUORI2"), rows: rows), context: F.context(F.worker())).render()
        #expect(html.contains("Aaltonen &lt;A&gt;, Aino") && html.contains("30.6.2025"))
        #expect(html.contains(SiteURL.enrolmentESF(.value(F.participant), .value(F.id(700))).relativeURL(fragment: "f-followup_date")))
        assertSnapshot(of: html, as: .html)
    }

    @Test func nobodyDue() {
        let html = FollowUpPage.page(.init(project: (F.project, "RUORI2")), context: F.context(F.worker(), lang: .en)).render()
        #expect(html.contains("role=\"status\"") && !html.contains("<table"))
    }

    @Test(arguments: TestDatabase.allCases)
    func theQueryNamesTheProject(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let m = try #require(try await FollowUpPage.query(project: world.ownProject, today: F.today, on: app.db))
            #expect(m.project.name == "Oma hanke" && m.rows.isEmpty, "the world's own participant has not left")
            #expect(try await FollowUpPage.query(project: F.id(1_501), today: F.today, on: app.db) == nil)
        }
    }
}
