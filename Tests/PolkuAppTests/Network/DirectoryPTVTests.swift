import Fluent
import Foundation
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import Testing
import Vapor

/// Seeding the directory from a file saved from Suomi.fi Palvelutietovaranto: the sample file
/// imports with its names in three languages, areas, contact and hours; a re-import updates the
/// same services; a broken file changes nothing and names each problem's path.
@Suite struct DirectoryPTVTests {
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs/examples/ptv-services.json")

    static func upload(_ client: TestClient, _ json: String, category: String = "social_rehabilitation") async throws -> TestClient.Page {
        try await client.upload(
            SiteURL.adminDirectoryImportPTV.relativeURL(), fields: ["category": category, "threshold": "low"],
            file: (field: "file", filename: "ptv.json", contentType: "application/json", bytes: Data(json.utf8)))
    }

    @Test(arguments: TestDatabase.allCases)
    func theSampleImportsAndAReImportUpdatesTheSameServices(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let admin = TestClient(app)
            try await admin.login(world.users[.admin]!)
            let text = try String(contentsOf: Self.sample, encoding: .utf8)

            let noCategory = try await Self.upload(admin, text, category: "")
            #expect(noCategory.status == .unprocessableEntity && noCategory.body.contains("Uusien palvelujen luokka"))
            let broken = text.replacingOccurrences(of: #""language": "fi", "value": "Nuorten ohjaamo (demo)""#, with: #""language": "sv", "value": "Unga (demo)""#)
            let refused = try await Self.upload(admin, broken)
            #expect(refused.status == .unprocessableEntity && refused.body.contains("services[1].serviceNames: suomenkielinen teksti puuttuu"))
            #expect(try await Service.query(on: app.db).count() == 0, "all or nothing")

            let done = try await Self.upload(admin, text)
            #expect(done.status == .ok && done.body.contains("Tuotu: 2 uutta palvelua, 0 päivitetty."))
            let services = try await Service.query(on: app.db).sort(\.$name).all()
            #expect(services.map(\.name) == ["Kuntouttava työtoiminta (demo)", "Nuorten ohjaamo (demo)"])
            let work = services[0]
            #expect(work.nameSv == "Arbetsverksamhet i rehabiliteringssyfte (demo)" && work.nameEn == "Rehabilitative work activity (demo)")
            #expect(work.areas == ",esimerkkilä,naapurila," && work.languages == ",fi,sv," && work.cost == "Maksuton")
            #expect(work.contact == "puh. +358 40 000 0001, paja@esimerkkila.invalid")
            #expect(work.whereWhen == "ma–to 09:00–15:00, Perjantaisin ajanvarauksella")
            #expect(services[1].areas == ",koko suomi," && services[1].languages == ",fi,en,", "Russian is not one of the directory's languages here")
            #expect(work.category == .socialRehabilitation && work.ptvID == "8f4e2b1a-0c3d-4e5f-8a9b-1c2d3e4f5a6b")

            // An editor changes the category; a newer file renames the service: the same service is updated.
            work.category = .workCoaching
            try await work.save(on: app.db)
            let newer = text.replacingOccurrences(of: "Kuntouttava työtoiminta (demo)", with: "Kuntouttava työtoiminta, Esimerkkilä (demo)")
            let again = try await Self.upload(admin, newer)
            #expect(again.body.contains("Tuotu: 0 uutta palvelua, 2 päivitetty."))
            let renamed = try #require(try await Service.query(on: app.db).filter(\.$ptvID == "8f4e2b1a-0c3d-4e5f-8a9b-1c2d3e4f5a6b").first())
            #expect(renamed.name == "Kuntouttava työtoiminta, Esimerkkilä (demo)" && renamed.category == .workCoaching)
            let serviceCount = try await Service.query(on: app.db).count()
            let fromPTV = try await Organisation.query(on: app.db).filter(\.$ptvID != nil).count()
            #expect(serviceCount == 2 && fromPTV == 1)
            let visitor = TestClient(app)
            #expect(try await visitor.get(SiteURL.directory.relativeURL([("q", "esimerkkilä")])).body.contains("Kuntouttava työtoiminta, Esimerkkilä"))
        }
    }
}
