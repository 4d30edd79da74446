import Fluent
import Foundation
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import Testing
import Vapor

@Suite struct DirectoryTests {
    /// A provider organisation with a worker who keeps its services.
    static func provider(_ app: Application) async throws -> (org: UUID, email: String) {
        let org = Organisation(name: "Velkaneuvonta <Testi> ry", kind: .association, municipality: "Pori")
        try await org.create(on: app.db)
        let user = User(email: "provider@own.test", name: "Provider", passwordHash: try await app.password.async.hash(World.password))
        try await user.create(on: app.db)
        try await Membership(userID: user.id!, projectID: nil, organisationID: org.id!, role: .worker).create(on: app.db)
        return (org.id!, "provider@own.test")
    }

    static let service: [String: String] = [
        "name": "Velkaneuvonta ja talous", "description": "Apua velkoihin ja <b>maksuvaikeuksiin</b>.", "category": "debt_finances",
        "threshold": "low", "areas": "Pori, Ulvila", "lang_fi": "on", "lang_ar": "on", "contact": "puh. 040 000 0000", "active": "on",
        "cost": "Maksuton", "target_groups": "Työikäiset",
    ]

    @Test(arguments: TestDatabase.allCases)
    func providersKeepTheirServicesAndAnyoneFindsThem(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let (org, email) = try await Self.provider(app)
            let provider = TestClient(app)
            try await provider.login(email)
            // Without an area or a contact the service is refused, with what was typed kept.
            var bad = Self.service; bad["areas"] = " , "; bad["contact"] = ""
            let refused = try await provider.post(SiteURL.organisationServices(.value(org)).relativeURL(), bad)
            #expect(refused.status == .unprocessableEntity && refused.body.contains("Apua velkoihin ja &lt;b&gt;maksuvaikeuksiin&lt;/b&gt;."))
            #expect(try await Service.query(on: app.db).count() == 0)
            let created = try await provider.post(SiteURL.organisationServices(.value(org)).relativeURL(), Self.service)
            #expect(created.status == .seeOther)
            let s = try #require(try await Service.query(on: app.db).first())
            #expect(s.areas == ",pori,ulvila," && s.languages == ",fi,ar," && s.checkedOn == Clock.system.today.iso)
            // Another organisation's worker, or a project worker, cannot touch it.
            let worker = TestClient(app)
            try await worker.login(world.users[.worker]!)
            #expect(try await worker.post(SiteURL.service(.value(s.id!)).relativeURL(), Self.service).status == .forbidden)
            #expect(try await worker.get(SiteURL.organisationServices(.value(org)).relativeURL()).status == .forbidden)

            // Anyone, signed out, searches by words, category, area, language and threshold.
            let visitor = TestClient(app)
            let all = try await visitor.get(SiteURL.directory.relativeURL())
            #expect(all.status == .ok && all.body.contains("Velkaneuvonta ja talous") && all.body.contains("Matala kynnys"))
            #expect(try await visitor.get(SiteURL.directory.relativeURL([("q", "velk")])).body.contains("Velkaneuvonta ja talous"))
            #expect(
                try await visitor.get(SiteURL.directory.relativeURL([("q", "VELKOIHIN pori")])).body.contains("Velkaneuvonta ja talous"), "words match any case, all must match")
            #expect(!(try await visitor.get(SiteURL.directory.relativeURL([("q", "velka kuntosali")])).body.contains("Velkaneuvonta ja talous")))
            #expect(
                try await visitor.get(SiteURL.directory.relativeURL([("area", "ulvila"), ("language", "ar"), ("category", "debt_finances"), ("threshold", "low")])).body.contains(
                    "Velkaneuvonta ja talous"))
            #expect(!(try await visitor.get(SiteURL.directory.relativeURL([("threshold", "referral")])).body.contains("Velkaneuvonta ja talous")))
            #expect(try await visitor.get(SiteURL.directory.relativeURL([("area", "Tampere")])).status == .badRequest)
            #expect(try await visitor.get(SiteURL.directory.relativeURL([("q", "%")])).status == .ok, "a % is searched as text")
            let page = try await visitor.get(SiteURL.directoryService(.value(s.id!)).relativeURL())
            #expect(page.body.contains("Velkaneuvonta &lt;Testi&gt; ry") && page.body.contains("Pori, Ulvila") && page.body.contains("arabia"))
            #expect(!page.body.contains("järjestö"), "the sector is for staff")
            // Withdrawn: gone from the public directory, visible to the provider.
            var off = Self.service; off["active"] = nil
            #expect(try await provider.post(SiteURL.service(.value(s.id!)).relativeURL(), off).status == .seeOther)
            #expect(!(try await visitor.get(SiteURL.directory.relativeURL()).body.contains("Velkaneuvonta ja talous")))
            #expect(try await visitor.get(SiteURL.directoryService(.value(s.id!)).relativeURL()).status == .notFound)
            #expect(try await provider.get(SiteURL.directoryService(.value(s.id!)).relativeURL()).body.contains("ei ole tällä hetkellä käytössä"))
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func staleServicesAreFlaggedAndPagingWalksThemAll(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let (org, email) = try await Self.provider(app)
            for i in 0..<45 {
                let s = Service()
                s.$organisation.id = org; s.name = String(format: "Palvelu %02d", i); s.description = "Kuvaus"; s.category = .sports
                s.threshold = .open; s.targetGroups = ""; s.areas = ",pori,"; s.languages = ",fi,"; s.cost = ""; s.whereWhen = ""
                s.contact = "x"; s.active = true; s.checkedOn = Clock.system.today.adding(days: i == 3 ? -200 : -10).iso
                s.index(organisationName: "Org")
                try await s.create(on: app.db)
            }
            let visitor = TestClient(app)
            var seen: [String] = []
            var path = SiteURL.directory.relativeURL([("category", "sports")])
            while true {
                let page = try await visitor.get(path)
                seen += page.body.matches(of: /Palvelu \d\d/).map { String($0.output) }
                guard let next = page.body.firstMatch(of: /href="(\/directory\?after=[^"]+)"/) else { break }
                path = String(next.output.1).replacingOccurrences(of: "&amp;", with: "&")
            }
            #expect(seen == (0..<45).map { String(format: "Palvelu %02d", $0) })
            // The stale one is flagged to staff and its owner, not to visitors.
            #expect(!(try await visitor.get(SiteURL.directory.relativeURL([("q", "palvelu 03")])).body.contains("voivat olla vanhentuneita")))
            let provider = TestClient(app)
            try await provider.login(email)
            let list = try await provider.get(SiteURL.organisationServices(.value(org)).relativeURL())
            #expect(list.body.components(separatedBy: "tarkista tiedot").count - 1 == 1)
            #expect(list.body.contains("1 palvelun tiedot on tarkistettu yli puoli vuotta sitten"))
            let stale = try #require(try await Service.query(on: app.db).filter(\.$name == "Palvelu 03").first())
            #expect(try await provider.post(SiteURL.serviceChecked(.value(stale.id!)).relativeURL()).status == .seeOther)
            #expect(try await Service.find(stale.id, on: app.db)?.checkedOn == Clock.system.today.iso)
            let staff = TestClient(app)
            try await staff.login(world.users[.worker]!)
            #expect(try await staff.get(SiteURL.directoryService(.value(stale.id!)).relativeURL()).body.contains("Tiedot tarkistettu"))
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func theDirectoryImportsAllOrNothingAndExports(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let admin = TestClient(app)
            try await admin.login(world.users[.admin]!)
            let header = DirectoryCSV.columns.joined(separator: ";")
            let good = "Porin Taloustuki ry;;third_sector;Velkaneuvonta;;;Apua velkoihin;debt_finances;;Pori;fi, sv;low;;;puh. 1;"
            let badCategory = "Porin Taloustuki ry;;third_sector;Rahakoulu;;;Kurssi;money;;Pori;fi;low;;;puh. 1;"
            let noArea = "Oulun Uinti ry;;;Uinti;;;Uintivuoro;sports;;;fi;open;;;puh. 2;"
            let refused = try await admin.upload(
                SiteURL.adminDirectoryImport.relativeURL(), field: "file", filename: "d.csv",
                content: [header, good, badCategory, noArea].joined(separator: "\n"))
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("Rivi 3: tuntematon aihe &quot;money&quot;") && refused.body.contains("Rivi 4: areas"), "\(refused.body.suffix(1500))")
            let services = try await Service.query(on: app.db).count()
            let orgs = try await Organisation.query(on: app.db).filter(\.$name == "Porin Taloustuki ry").count()
            #expect(services == 0 && orgs == 0, "nothing half-written")
            let ok = try await admin.upload(
                SiteURL.adminDirectoryImport.relativeURL(), field: "file", filename: "d.csv",
                content: [header, good, "Oulun Uinti ry;;;Uinti;;;Uintivuoro;sports;;Oulu;fi, so;open;1 €;;puh. 2;1.1.2024"].joined(separator: "\n"))
            #expect(ok.status == .ok && ok.body.contains("2 uutta palvelua, 0 päivitetty"))
            let again = try await admin.upload(SiteURL.adminDirectoryImport.relativeURL(), field: "file", filename: "d.csv", content: [header, good].joined(separator: "\n"))
            #expect(again.body.contains("0 uutta palvelua, 1 päivitetty"))
            #expect(try await Service.query(on: app.db).filter(\.$name == "Uinti").first()?.checkedOn == "2024-01-01")
            let csv = try await TestClient(app).get(SiteURL.directoryCSV.relativeURL())
            #expect(csv.status == .ok && csv.body.contains("Porin Taloustuki ry;;third_sector;Velkaneuvonta") && csv.body.contains("\"fi, so\""))
            let pm = TestClient(app)
            try await pm.login(world.users[.projectManager]!)
            #expect(try await pm.get(SiteURL.adminDirectoryImport.relativeURL()).status == .forbidden)
        }
    }
}
