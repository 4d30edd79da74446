import Fluent
import Foundation
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import Testing

/// The administrator's pages of one user and of a new user, as an administrator reads them; nobody
/// else reaches them.
@Suite struct UserPagesTests {
    @Test(arguments: TestDatabase.allCases)
    func anAdministratorReadsAUserAndTheNewUserForm(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let admin = TestClient(app)
            try await admin.login(world.users[.admin]!)

            let new = try await admin.get(SiteURL.adminUserNew.relativeURL())
            #expect(new.status == .ok)
            #expect(new.body.contains(#"name="password""#) && new.body.contains(#"autocomplete="new-password""#))
            #expect(new.body.contains("Oma hanke") && new.body.contains("Toinen hanke"), "every project can be chosen")

            let worker = try #require(try await User.query(on: app.db).filter(\.$email == world.users[.worker]!).first())
            let page = try await admin.get(SiteURL.adminUser(.value(worker.id!)).relativeURL())
            #expect(page.status == .ok)
            #expect(page.body.contains(world.users[.worker]!) && page.body.contains("Oma hanke"))
            #expect(page.body.contains("Ohjaaja"), "the role by its Finnish name")
            #expect(!page.body.contains(worker.passwordHash), "the password hash is never shown")

            // Deactivated: the page says so and offers to activate; the worker cannot sign in.
            #expect(try await admin.post(SiteURL.adminUserActive(.value(worker.id!)).relativeURL(), ["active": "no"]).status == .seeOther)
            let after = try await admin.get(SiteURL.adminUser(.value(worker.id!)).relativeURL())
            #expect(after.body.contains("Poistettu käytöstä") && after.body.contains("Ota käyttöön"))
            let signIn = TestClient(app)
            #expect(try await signIn.login(world.users[.worker]!).body.contains("Sähköposti tai salasana on väärin."))

            #expect(try await admin.get(SiteURL.adminUser(.value(UUID())).relativeURL()).status == .notFound)
            let manager = TestClient(app)
            try await manager.login(world.users[.projectManager]!)
            #expect(try await manager.get(SiteURL.adminUser(.value(worker.id!)).relativeURL()).status == .forbidden)
            #expect(try await manager.get(SiteURL.adminUserNew.relativeURL()).status == .forbidden)
        }
    }
}
