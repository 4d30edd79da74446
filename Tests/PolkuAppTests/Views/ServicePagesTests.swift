import Foundation
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import SnapshotTesting
import Testing

/// A provider's service pages: the list (what is out of date, each with its own check button) from a
/// fixed model, and its query on both databases.
@Suite struct ServicePagesTests {
    typealias F = PageFixtures

    @Test func theListSaysWhatIsOutOfDate() {
        var state = FormState()
        state.values = ["active": "on", "lang_fi": "on", "threshold": "low"]
        let rows = [
            ServicePages.Row(id: F.id(1_600), name: "Velkaneuvonta <ti>", checked_on: "2025-01-10", active: true),
            ServicePages.Row(id: F.id(1_601), name: "Ruokajakelu", checked_on: "2026-03-01", active: false),
        ]
        let html = ServicePages.servicesPage(.init(organisation: .init(id: F.id(1_602), name: "Diakonia"), rows: rows, state: state), context: F.context(F.worker()))
            .render()
        #expect(html.contains("Velkaneuvonta &lt;ti&gt;") && html.contains("role=\"status\""), "one service not checked in a year")
        #expect(html.contains(SiteURL.serviceChecked(.value(F.id(1_601))).relativeURL()) && html.contains("name=\"lang_fi\" value=\"on\" checked"))
        assertSnapshot(of: html, as: .html)
    }

    @Test(arguments: TestDatabase.allCases)
    func theQuery(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let org = Organisation(name: "Diakonia", kind: .parish)
            try await org.create(on: app.db)
            _ = try await ReferralTests.service(app, org: org.id!, name: "Ruokajakelu", active: false)
            _ = try await ReferralTests.service(app, org: org.id!)
            let m = try #require(try await ServicePages.services(of: org.id!, state: FormState(), on: app.db))
            #expect(m.organisation.name == "Diakonia" && m.rows.map(\.name) == ["Ruokajakelu", "Velkaneuvonta"] && m.rows.map(\.active) == [false, true])
            #expect(try await ServicePages.services(of: F.id(1_603), state: FormState(), on: app.db) == nil)
        }
    }
}
