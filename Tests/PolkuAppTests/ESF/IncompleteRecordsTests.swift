import Fluent
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import Testing
import Vapor

/// A large project's incomplete records: the report shows the first by name and links to all of
/// them a page at a time (at 100,000 the page was 57 MB and took 8 s; scale issue).
@Suite struct IncompleteRecordsTests {
    @Test(arguments: TestDatabase.allCases)
    func theReportShowsTheFirstFiftyAndTheListPagesTheRest(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            for i in 0..<130 {
                let p = Participant()
                p.firstName = "Testi"; p.lastName = "Puute" + String(format: "%03d", i); p.searchKey = SearchKey.make(p.lastName, "Testi")
                p.birthDate = "1990-01-01"; p.gender = .female; p.municipality = "Pori"; p.language = "fi"
                try await p.create(on: app.db)
                let e = Enrolment()
                e.$participant.id = p.id!; e.$project.id = world.ownProject; e.phase = "coaching"; e.startDate = "2024-02-01"
                try await e.create(on: app.db)
            }
            let client = TestClient(app)
            try await client.login(world.users[.projectManager]!)
            let page = try await client.get(SiteURL.projectReport(.value(world.ownProject)).relativeURL())
            #expect(page.status == .ok)
            // The World's own participant has no entry data either: 131 incomplete.
            #expect(page.body.contains("131 osallistujan tiedot ovat puutteellisia") && page.body.contains("Alla 50 ensimmäistä nimen mukaan."))
            #expect(page.body.components(separatedBy: ">Täydennä</a>").count - 1 == 50)
            #expect(page.body.contains("Puute000, Testi") && !page.body.contains("Puute060, Testi"))
            #expect(page.body.contains("people?code=incomplete") && page.body.contains("Kaikki puutteelliset tiedot (131)"))
            // Only the people shown were seen.
            let seen = try await AuditEvent.query(on: app.db).filter(\.$detail == "esf completeness").count()
            #expect(seen == 50)

            let list = SiteURL.projectReportPeople(.value(world.ownProject))
            let first = try await client.get(list.relativeURL([("code", "incomplete")]))
            #expect(first.status == .ok && first.body.contains("131 yhteensä"))
            let firstNames = Self.names(first.body)
            #expect(firstNames.count == 100 && firstNames == firstNames.sorted())
            let next = try #require(first.body.firstMatch(of: /href="([^"]*after=[^"]*)" rel="next"/)?.1)
            let second = try await client.get(String(next).replacingOccurrences(of: "&amp;", with: "&"))
            let secondNames = Self.names(second.body)
            #expect(second.status == .ok && secondNames.count == 31 && second.body.contains("Ensimmäinen sivu") && !second.body.contains("rel=\"next\""))
            #expect(Set(firstNames + secondNames).count == 131 && firstNames.last! < secondNames.first!)
            // A worker who does not see this project's people gets no list.
            // Many names are read in one pass over the project's people: the same names as by id.
            let ids = try await Participant.query(on: app.db).filter(\.$lastName =~ "Puute").all().map { $0.id! }
            let byID = try await ReportPeople.names(ids, project: world.ownProject, on: app.db)
            let inOnePass = try await ReportPeople.names(ids, project: world.ownProject, on: app.db, manyFrom: 1)
            #expect(byID.count == 130 && inOnePass == byID)
            let viewer = TestClient(app)
            try await viewer.login(world.users[.viewer]!)
            #expect(try await viewer.get(list.relativeURL([("code", "incomplete")])).status == .forbidden)
        }
    }

    /// The names in the incomplete table's first cells, in page order.
    static func names(_ body: String) -> [String] {
        body.matches(of: /<tr><td[^>]*>([^<]+)<\/td>/).map { String($0.1) }
    }
}
