import Foundation
@testable import PolkuApp
import PolkuTestSupport
import Testing

/// Changing one's own password: each mistake named, nothing typed shown back, and the new password
/// is the one that works afterwards.
@Suite struct AccountTests {
    @Test(arguments: TestDatabase.allCases)
    func aWorkerChangesTheirPassword(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let email = world.users[.worker]!
            let me = TestClient(app)
            try await me.login(email)
            #expect(try await me.get(SiteURL.accountPassword.relativeURL()).body.contains("Vaihda salasana"))
            let wrong = try await me.post(SiteURL.accountPassword.relativeURL(), ["current": "not it at all", "new": "kahvila-aamu-2026", "repeat": "kahvila-aamu-2026"])
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.body.contains("Nykyinen salasana on väärin."))
            #expect(!wrong.body.contains("kahvila-aamu-2026"), "passwords are never shown back")
            let mismatch = try await me.post(SiteURL.accountPassword.relativeURL(), ["current": World.password, "new": "kahvila-aamu-2026", "repeat": "kahvila-aamu-2027"])
            #expect(mismatch.body.contains("Salasanat eivät ole samat."))
            let done = try await me.post(SiteURL.accountPassword.relativeURL(), ["current": World.password, "new": "kahvila-aamu-2026", "repeat": "kahvila-aamu-2026"])
            #expect(done.status == .ok && done.body.contains("Salasana vaihdettu."))
            #expect(try await me.get(SiteURL.participants.relativeURL()).status == .ok, "this session stays signed in")
            let old = TestClient(app)
            #expect(try await old.login(email).body.contains("Sähköposti tai salasana on väärin."))
            let new = TestClient(app)
            try await new.login(email, "kahvila-aamu-2026")
            #expect(try await new.get(SiteURL.participants.relativeURL()).status == .ok)
        }
    }
}
