import Foundation
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import SnapshotTesting
import Testing

/// The public directory's search page: its query on both databases (words, a bad area, paging after a
/// service) and its HTML from a fixed model (plain for the public, staleness for staff).
@Suite struct DirectorySearchTests {
    typealias F = PageFixtures

    static func row(_ n: Int, _ name: String, checked: String) -> DirectoryQueries.Row {
        .init(
            id: F.id(1_400 + n), name: name, name_sv: "Skuldrådgivning", name_en: nil, category: "debt_finances", threshold: "low", areas: ",pori,ulvila,",
            languages: ",fi,sv,", organisation_name: "Diakonia <ry>", checked_on: checked, active: true)
    }

    @Test func staffSeeWhatIsOutOfDate() {
        var state = FormState()
        state.values = ["q": "velka"]
        let m = DirectorySearch.Model(
            state: state, rows: [Self.row(1, "Velkaneuvonta", checked: "2024-01-01")], more: true, areas: ["pori", "ulvila"], languages: ["fi", "sv"], staff: true)
        let html = DirectorySearch.page(m, context: F.context(F.worker())).render()
        #expect(html.contains("Diakonia &lt;ry&gt;") && html.contains("Pori, Ulvila") && html.contains("class=\"notice\""))
        #expect(html.contains("q=velka") && html.contains("after=\(F.id(1_401).uuidString)"), "the next page keeps the search")
        assertSnapshot(of: html, as: .html)
        let swedish = DirectorySearch.page(DirectorySearch.Model(state: state, rows: m.rows), context: F.context(nil, lang: .sv)).render()
        #expect(swedish.contains(">Skuldrådgivning</a>") && !swedish.contains("class=\"notice\""), "the public sees no staleness")
    }

    @Test(arguments: TestDatabase.allCases)
    func theQuery(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let org = Organisation(name: "Diakonia", kind: .parish)
            try await org.create(on: app.db)
            let debt = try await ReferralTests.service(app, org: org.id!)
            _ = try await ReferralTests.service(app, org: org.id!, name: "Velkaryhmä")
            _ = try await ReferralTests.service(app, org: org.id!, name: "Suljettu", active: false)
            var state = FormState()
            state.values = ["q": "velka"]
            let found = try await DirectorySearch.query(state, actor: nil, providerOf: [], on: app.db)
            #expect(found.rows.map(\.name) == ["Velkaneuvonta", "Velkaryhmä"] && !found.staff && !found.showsNetworkLink && found.areas == ["pori"])
            state.values["after"] = debt.id!.uuidString
            #expect(try await DirectorySearch.query(state, actor: nil, providerOf: [], on: app.db).rows.map(\.name) == ["Velkaryhmä"])
            state.values = ["area": "tampere"]
            let bad = try await DirectorySearch.query(state, actor: nil, providerOf: [org.id!], on: app.db)
            #expect(!bad.state.isValid && bad.rows.isEmpty && bad.providerOf.map(\.name) == ["Diakonia"])
        }
    }
}
