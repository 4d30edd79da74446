import Fluent
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import Testing
import Vapor

@Suite struct ProjectTests {
    @Test(arguments: TestDatabase.allCases)
    func managerCreatesOrganisationAndProjectWithEverythingTheSeedsRecord(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let client = TestClient(app)
            try await client.login(world.users[.projectManager]!)
            // An organisation with a business ID; a wrong check digit is refused with the reason.
            let bad = try await client.post(SiteURL.organisations.relativeURL(), ["name": "Rauman kaupunki", "business_id": "0138780-8", "kind": "municipality"])
            #expect(bad.status == .unprocessableEntity && bad.body.contains("Y-tunnus ei kelpaa") && bad.body.contains("value=\"Rauman kaupunki\""))
            #expect(
                try await client.post(
                    SiteURL.organisations.relativeURL(), ["name": "Rauman kaupunki", "business_id": "0138780-9", "kind": "municipality", "municipality": "Rauma"]
                ).status == .seeOther)
            #expect(try await client.post(SiteURL.organisations.relativeURL(), ["name": "Vates-säätiö", "business_id": "0941232-7", "kind": "foundation"]).status == .seeOther)
            let rauma = try #require(try await Organisation.query(on: app.db).filter(\.$businessID == "0138780-9").first())
            let vates = try #require(try await Organisation.query(on: app.db).filter(\.$businessID == "0941232-7").first())

            let form: [String: String] = [
                "code": "S20519", "name": "PARTY Parempaa työ- ja toimintakykyä -projekti", "summary": "Yhdeksän organisaation hanke.",
                "status": "ended", "start_date": "1.4.2015", "end_date": "31.3.2018", "region": "Valtakunnallinen",
                "funder": "Sosiaali- ja terveysministeriö", "priority_axis": "5. Sosiaalinen osallisuus ja köyhyyden torjunta",
                "specific_objective": "10.1. Työelämän ulkopuolella olevien työ- ja toimintakyvyn parantaminen",
                "budget_band": "noin 4,2 milj. €", "planned_public_funding": "4 200 000", "realised_public_funding": "3900000",
                "planned_participants": "1118", "target_groups": "Pitkäaikaistyöttömät\nOsatyökykyiset",
                "phases": "Tulovaihe\nStarttivaihe\nTyövalmennusvaihe\nPäättövaihe",
            ]
            // End before start is refused, everything typed is kept.
            var wrong = form; wrong["end_date"] = "1.1.2015"
            let refused = try await client.post(SiteURL.projects.relativeURL(), wrong)
            #expect(refused.status == .unprocessableEntity && refused.body.contains("Päättymispäivä on ennen alkamispäivää") && refused.body.contains("value=\"S20519\""))
            let created = try await client.post(SiteURL.projects.relativeURL(), form)
            #expect(created.status == .seeOther)
            let path = try #require(created.location)
            let id = try #require(UUID(uuidString: String(path.split(separator: SiteURL.home.relativeURL()).last!)))
            // The creator manages the new project.
            #expect(try await client.get(SiteURL.projectEdit(.value(id)).relativeURL()).status == .ok)
            #expect(try await client.post(SiteURL.projects.relativeURL(), form).body.contains("Toisella hankkeella on jo tämä tunnus"))

            #expect(
                try await client.post(path + SiteURL.organisations.relativeURL(), ["organisation_id": rauma.id!.uuidString, "organisation_role": "administrator"]).status
                    == .seeOther)
            #expect(
                try await client.post(path + SiteURL.organisations.relativeURL(), ["organisation_id": vates.id!.uuidString, "organisation_role": "co_implementer"]).status
                    == .seeOther)
            #expect(
                try await client.post(path + SiteURL.organisations.relativeURL(), ["organisation_id": vates.id!.uuidString, "organisation_role": "co_implementer"]).status
                    == .unprocessableEntity)
            #expect(
                try await client.post(
                    SiteURL.projectPart(.value(id), .sites).relativeURL(),
                    ["site_name": "Rauma – matalan kynnyksen palvelupiste", "site_municipality": "Rauma", "site_kind": "service_point"]
                ).status
                    == .seeOther)
            #expect(
                try await client.post(SiteURL.projectPart(.value(id), .steering).relativeURL(), ["steering_role": "Puheenjohtaja", "steering_organisation": "Rauman kaupunki"])
                    .status == .seeOther)
            let sub = try await client.post(
                SiteURL.projects.relativeURL(),
                [
                    "code": "S20519-TTP", "name": "TTP-osahanke", "status": "ended", "start_date": "2015-04-01",
                    "end_date": "2018-03-31", "parent_id": id.uuidString,
                ])
            #expect(sub.status == .seeOther)

            let page = try await client.get(path)
            for text in [
                "S20519", "Sosiaali- ja terveysministeriö", "10.1. Työelämän", "1.4.2015–31.3.2018", "4\u{00A0}200\u{00A0}000\u{00A0}€",
                "3\u{00A0}900\u{00A0}000\u{00A0}€", "0 osallistujaa 1118 suunnitellusta", "Pitkäaikaistyöttömät", "Osatyökykyiset",
                "Hallinnoija", "Rauman kaupunki", "0138780-9", "Osatoteuttaja", "0941232-7", "matalan kynnyksen palvelupiste",
                "Puheenjohtaja", "Osahankkeet", "TTP-osahanke", "Työvalmennusvaihe", "Yhdeksän organisaation hanke.",
            ] {
                #expect(page.body.contains(text), "project page shows \(text)")
            }
            // Editing keeps the project and changes it.
            var edit = form; edit["name"] = "PARTY (muokattu)"
            #expect(try await client.post(path, edit).status == .seeOther)
            #expect(try await Project.find(id, on: app.db)?.name == "PARTY (muokattu)")
        }
    }

    @Test(arguments: TestDatabase.allCases, [Role.worker, .healthProfessional, .peer, .viewer])
    func onlyManagersEditProjects(db: TestDatabase, role: Role) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let client = TestClient(app)
            try await client.login(world.users[role]!)
            #expect(try await client.get(SiteURL.projectEdit(.value(world.ownProject)).relativeURL()).status == .forbidden)
            #expect(
                try await client.post(SiteURL.projectPart(.value(world.ownProject), .sites).relativeURL(), ["site_name": "X", "site_kind": "neighbourhood"]).status == .forbidden)
            #expect(try await client.get(SiteURL.projectNew.relativeURL()).status == .forbidden)
            let page = try await client.get(SiteURL.project(.value(world.ownProject)).relativeURL())
            #expect(page.status == .ok && page.body.contains("Oma hanke"))
            #expect(try await Site.query(on: app.db).count() == 1)
        }
    }
}

@Suite struct ProjectPhaseTests {
    @Test(arguments: TestDatabase.allCases)
    func aPhaseWithParticipantsCannotBeRemoved(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let client = TestClient(app)
            try await client.login(world.users[.projectManager]!)
            let form = ["code": "OWN1", "name": "Oma hanke", "status": "running", "start_date": "2024-01-01", "end_date": "2026-12-31"]
            var without = form; without["phases"] = "start\ncoaching\nexit"
            let refused = try await client.post(SiteURL.project(.value(world.ownProject)).relativeURL(), without)
            #expect(refused.status == .unprocessableEntity && refused.body.contains("Vaiheessa intake on osallistujia"))
            var renamed = form; renamed["phases"] = "intake\nKartoitus\nValmennus\nexit"
            #expect(try await client.post(SiteURL.project(.value(world.ownProject)).relativeURL(), renamed).status == .seeOther)
            let page = try await client.get(SiteURL.participant(.value(world.ownParticipant)).relativeURL())
            #expect(page.body.contains("Kartoitus") && page.body.contains("Tulovaihe"))
        }
    }
}
