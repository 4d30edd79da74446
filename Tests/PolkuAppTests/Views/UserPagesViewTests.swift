import Foundation
@testable import PolkuApp
import PolkuCore
import SnapshotTesting
import Testing

/// The administrator's user pages from fixed models: a user's roles with their remove buttons, and a
/// new-user form refused with what was typed kept (the password never sent back).
@Suite struct UserPagesViewTests {
    typealias F = PageFixtures

    static let places = UserPages.Places(projects: [.init(id: F.project, name: "RUORI2")], organisations: [.init(id: F.id(600), name: "Diakonia")])

    @Test func aUsersRoles() {
        let user = UserPages.Row(id: F.id(601), name: "Tiina <T>", email: "tiina@example.invalid", is_active: true)
        let held = [
            UserPages.Held(id: F.id(602), role: "worker", project_name: "RUORI2", organisation_name: nil),
            UserPages.Held(id: F.id(603), role: "provider", project_name: nil, organisation_name: "Diakonia"),
        ]
        let html = UserPages.showPage(.init(user: user, held: held, places: Self.places), context: F.context(nil)).render()
        #expect(html.contains("<h1>Tiina &lt;T&gt;</h1>") && html.contains("name=\"active\" value=\"no\""), "an active user's button deactivates")
        #expect(html.contains(SiteURL.adminUserMembershipDelete(.value(user.id), .value(F.id(603))).relativeURL()))
        assertSnapshot(of: html, as: .html)
    }

    @Test func aRefusedNewUser() {
        var state = FormState()
        state.values = ["name": "Uusi", "email": "uusi@example.invalid", "password": "salasana123", "role": "worker", "project_id": "", "organisation_id": ""]
        state.errors = ["project_id": "error.project_required"]
        let html = UserPages.newPage(.init(state: state, places: Self.places), context: F.context(nil, lang: .sv), status: .unprocessableEntity).render()
        #expect(html.contains("value=\"uusi@example.invalid\"") && !html.contains("salasana123"))
        assertSnapshot(of: html, as: .html)
    }
}
