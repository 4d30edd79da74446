import Fluent
import Foundation
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import Testing

/// A provider's worker edits a service: the form opens with what is stored, a mistake keeps what was
/// typed and changes nothing, and a worker of another organisation cannot open it.
@Suite struct ServiceEditTests {
    @Test(arguments: TestDatabase.allCases)
    func aProviderEditsTheirService(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let (org, email) = try await DirectoryTests.provider(app)
            let provider = TestClient(app)
            try await provider.login(email)
            #expect(try await provider.post(SiteURL.organisationServices(.value(org)).relativeURL(), DirectoryTests.service).status == .seeOther)
            let s = try #require(try await Service.query(on: app.db).first())
            let edit = try await provider.get(SiteURL.serviceEdit(.value(s.id!)).relativeURL())
            #expect(edit.status == .ok)
            #expect(edit.body.contains(#"value="Velkaneuvonta ja talous""#) && edit.body.contains(#"value="Pori, Ulvila""#))
            #expect(edit.body.contains(#"name="lang_ar""#) && edit.body.contains("checked"))

            var typed = DirectoryTests.service
            typed["name"] = "Velkaneuvonta, uusi nimi"; typed["contact"] = ""
            let refused = try await provider.post(SiteURL.service(.value(s.id!)).relativeURL(), typed)
            #expect(refused.status == .unprocessableEntity && refused.body.contains(#"value="Velkaneuvonta, uusi nimi""#))
            #expect(try await Service.find(s.id, on: app.db)?.name == "Velkaneuvonta ja talous", "a refused form changes nothing")

            typed["contact"] = "puh. 040 111 1111"
            #expect(try await provider.post(SiteURL.service(.value(s.id!)).relativeURL(), typed).status == .seeOther)
            #expect(try await Service.find(s.id, on: app.db)?.name == "Velkaneuvonta, uusi nimi")

            let worker = TestClient(app)
            try await worker.login(world.users[.worker]!)
            #expect(try await worker.get(SiteURL.serviceEdit(.value(s.id!)).relativeURL()).status == .forbidden)
        }
    }
}
