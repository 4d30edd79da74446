import Fluent
import Foundation
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import Testing

/// A manager keeps the parts of their project: a part is removed from the project in the path only,
/// and a site where people are enrolled stays, with the reason on the page.
@Suite struct ProjectPartsTests {
    @Test(arguments: TestDatabase.allCases)
    func aManagerRemovesPartsOfTheirOwnProjectOnly(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let manager = TestClient(app)
            try await manager.login(world.users[.projectManager]!)
            let own = SiteURL.project(.value(world.ownProject)).relativeURL()

            let added = try await manager.post(
                SiteURL.projectPart(.value(world.ownProject), .steering).relativeURL(),
                ["steering_name": "Liisa Laine", "steering_organisation": "Porin kaupunki", "steering_role": "puheenjohtaja"])
            #expect(added.status == .seeOther)
            let seat = try #require(try await SteeringMember.query(on: app.db).filter(\.$project.$id == world.ownProject).first())
            #expect(try await manager.get(own).body.contains("Liisa Laine"))

            // The seat's id under the other project's path: nothing of either project goes.
            let elsewhere = try await manager.post(SiteURL.projectPartDelete(.value(world.otherProject), .steering, .value(seat.id!)).relativeURL(), [:])
            #expect(elsewhere.status == .forbidden || elsewhere.status == .notFound)
            #expect(try await SteeringMember.find(seat.id, on: app.db) != nil)

            let removed = try await manager.post(SiteURL.projectPartDelete(.value(world.ownProject), .steering, .value(seat.id!)).relativeURL(), [:])
            #expect(removed.status == .seeOther)
            #expect(try await SteeringMember.find(seat.id, on: app.db) == nil)
            #expect(!(try await manager.get(own).body.contains("Liisa Laine")))

            // A site with an enrolment stays, and the page says why.
            let inUse = try await manager.post(SiteURL.projectPartDelete(.value(world.ownProject), .sites, .value(world.ownSite)).relativeURL(), [:])
            #expect(inUse.status == .conflict)
            #expect(inUse.body.contains("Toimipisteessä on osallistujia"))
            #expect(try await Site.find(world.ownSite, on: app.db) != nil)
            #expect(try await Enrolment.find(world.ownEnrolment, on: app.db)?.$site.id == world.ownSite, "the enrolment keeps its site")

            // An empty site goes.
            #expect(
                try await manager.post(
                    SiteURL.projectPart(.value(world.ownProject), .sites).relativeURL(),
                    ["site_name": "Väinölä", "site_municipality": "Pori", "site_kind": "neighbourhood"]
                ).status == .seeOther)
            let empty = try #require(try await Site.query(on: app.db).filter(\.$name == "Väinölä").first())
            #expect(try await manager.post(SiteURL.projectPartDelete(.value(world.ownProject), .sites, .value(empty.id!)).relativeURL(), [:]).status == .seeOther)
            #expect(try await Site.find(empty.id, on: app.db) == nil)
        }
    }
}
