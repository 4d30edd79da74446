import Fluent
import Foundation
@testable import PolkuApp
import PolkuTestSupport
import Testing

/// Organisations as a project manager creates them and an admin keeps them (a manager edits only an
/// organisation that runs their project: docs/SECURITY.md): create, list, edit; bad input kept and
/// named; a post that lacks a field of the form changes nothing.
@Suite struct OrganisationTests {
    static let valid = [
        "name": "Porin Nuorisosäätiö", "business_id": "0138780-9", "kind": "foundation",
        "municipality": "Pori", "website": "https://example.invalid",
    ]

    @Test(arguments: TestDatabase.allCases)
    func aManagerCreatesListsAndEditsAnOrganisation(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let pm = TestClient(app)
            try await pm.login(world.users[.projectManager]!)
            #expect(try await pm.get(SiteURL.organisationNew.relativeURL()).status == .ok)
            #expect(try await pm.post(SiteURL.organisations.relativeURL(), Self.valid).status == .seeOther)
            let list = try await pm.get(SiteURL.organisations.relativeURL())
            #expect(list.body.contains("Porin Nuorisosäätiö") && list.body.contains("0138780-9"))
            let org = try #require(try await Organisation.query(on: app.db).filter(\.$name == "Porin Nuorisosäätiö").first())
            #expect(
                try await pm.get(SiteURL.organisationEdit(.value(org.id!)).relativeURL()).status == .forbidden,
                "not an organisation of the manager's projects")
            let admin = TestClient(app)
            try await admin.login(world.users[.admin]!)
            let form = try await admin.get(SiteURL.organisationEdit(.value(org.id!)).relativeURL())
            #expect(form.body.contains("value=\"https://example.invalid\""), "the edit form shows what is stored")
            var changed = Self.valid
            changed["municipality"] = "Ulvila"
            #expect(try await admin.post(SiteURL.organisation(.value(org.id!)).relativeURL(), changed).status == .seeOther)
            #expect(try await Organisation.find(org.id, on: app.db)?.municipality == "Ulvila")
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aBadBusinessIDIsNamedAndWhatWasTypedKept(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let pm = TestClient(app)
            try await pm.login(world.users[.projectManager]!)
            let before = try await Organisation.query(on: app.db).count()
            var bad = Self.valid
            bad["business_id"] = "0138780-8"; bad["name"] = "Säätiö <b>"
            let page = try await pm.post(SiteURL.organisations.relativeURL(), bad)
            #expect(page.status == .unprocessableEntity)
            #expect(page.body.contains("Y-tunnus ei kelpaa"))
            #expect(page.body.contains("value=\"Säätiö &lt;b&gt;\""))
            #expect(try await Organisation.query(on: app.db).count() == before)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aPostWithoutAFieldOfTheFormBlanksNothing(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let pm = TestClient(app)
            try await pm.login(world.users[.projectManager]!)
            #expect(try await pm.post(SiteURL.organisations.relativeURL(), Self.valid).status == .seeOther)
            let org = try #require(try await Organisation.query(on: app.db).filter(\.$name == "Porin Nuorisosäätiö").first())
            let admin = TestClient(app)
            try await admin.login(world.users[.admin]!)
            var partial = Self.valid
            partial.removeValue(forKey: "website")
            #expect(try await admin.post(SiteURL.organisation(.value(org.id!)).relativeURL(), partial).status == .badRequest)
            #expect(try await Organisation.find(org.id, on: app.db)?.website == "https://example.invalid")
        }
    }
}
