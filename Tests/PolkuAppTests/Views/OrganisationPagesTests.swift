import Fluent
import Foundation
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import SnapshotTesting
import Testing

/// The organisations: the list's query on both databases (who may edit which) and the list and form
/// from fixed models.
@Suite struct OrganisationPagesTests {
    typealias F = PageFixtures

    @Test func theListShowsEditLinksOnlyWhereAllowed() {
        let rows = [
            OrganisationPages.Row(id: F.id(500), name: "Porin kaupunki", business_id: "0137036-3", kind: "municipality", municipality: "Pori"),
            OrganisationPages.Row(id: F.id(501), name: "Yhdistys <ry>", business_id: nil, kind: "association", municipality: nil),
        ]
        let html = OrganisationPages.listPage(.init(rows: rows, editable: [F.id(501)], canCreate: false), context: F.context(F.worker())).render()
        #expect(html.contains("Yhdistys &lt;ry&gt;") && html.contains(">–</td>"))
        #expect(html.contains(SiteURL.organisationEdit(.value(F.id(501))).relativeURL()) && !html.contains(SiteURL.organisationEdit(.value(F.id(500))).relativeURL()))
        #expect(!html.contains(SiteURL.organisationNew.relativeURL()))
        assertSnapshot(of: html, as: .html)
    }

    @Test func aRefusedFormKeepsWhatWasTyped() {
        var state = FormState()
        state.values = ["name": "Säätiö \"Tuki\"", "business_id": "123", "kind": "foundation", "municipality": "Ulvila", "website": ""]
        state.errors = ["business_id": "error.business_id"]
        let html = OrganisationPages.formPage(.init(state: state, organisation: (F.id(502), "Säätiö")), context: F.context(F.worker(), lang: .en), status: .unprocessableEntity)
            .render()
        #expect(html.contains("value=\"Säätiö &quot;Tuki&quot;\"") && html.contains("value=\"123\"") && html.contains("csrf-fixture"))
        assertSnapshot(of: html, as: .html)
    }

    @Test(arguments: TestDatabase.allCases)
    func theListQuery(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            for (name, kind) in [("Ö-yhdistys", Organisation.Kind.association), ("Aalto-säätiö", .foundation)] {
                try await Organisation(name: name, kind: kind).create(on: app.db)
            }
            let admin = Actor(userID: F.id(1_500), email: "a@test", name: "A", isAdmin: true, rolesByProject: [:])
            let list = try await OrganisationPages.list(actor: admin, on: app.db)
            #expect(list.rows.map(\.name) == ["Aalto-säätiö", "Ö-yhdistys"] && list.rows.map(\.kind) == ["foundation", "association"])
            #expect(list.editable == Set(list.rows.map(\.id)) && list.canCreate)
            let worker = Actor(userID: F.id(1_500), email: "w@test", name: "W", isAdmin: false, rolesByProject: [F.id(1_502): [.worker]])
            let seen = try await OrganisationPages.list(actor: worker, on: app.db)
            #expect(seen.rows.count == 2 && seen.editable.isEmpty && !seen.canCreate)
        }
    }
}
