import Fluent
import Foundation
@testable import PolkuApp
import PolkuCore
import PolkuTestSupport
import SQLKit
import SnapshotTesting
import Testing

/// The participant list: what the query string may ask, the query on both databases (only the actor's
/// projects, search, pages of 25 that neither skip nor repeat anyone), and its HTML from a fixed model.
@Suite struct ParticipantListTests {
    typealias F = PageFixtures

    static func model(after: UUID? = nil, hasMore: Bool) -> ParticipantList.Model {
        let rows = [("Aalto", "Aino <A>", "1990-05-17"), ("Björk", "Bo", "1985-12-01")].enumerated().map { i, p in
            ParticipantQueries.ListRow(id: F.id(400 + i), first_name: p.1, last_name: p.0, birth_date: p.2, municipality: "Pori", search_key: "")
        }
        return .init(
            input: .init(search: "a", project: F.project, after: after), rows: rows, hasMore: hasMore,
            projects: [.init(id: F.project, name: "RUORI2"), .init(id: F.otherProject, name: "Kunnolla")], canAdd: true)
    }

    @Test func whatTheQueryStringMayAsk() throws {
        let actor = F.worker()
        #expect(try ParticipantList.input(q: String(repeating: "x", count: 300), project: nil, after: nil, actor: actor).get().search.count == 100)
        #expect(try ParticipantList.input(q: nil, project: F.project.uuidString, after: "", actor: actor).get().project == F.project)
        #expect(ParticipantList.input(q: nil, project: F.id(99).uuidString, after: nil, actor: actor) == .failure(.unknownProject))
        #expect(ParticipantList.input(q: nil, project: "kaikki", after: nil, actor: actor) == .failure(.unknownProject))
        #expect(ParticipantList.input(q: nil, project: nil, after: "seuraava", actor: actor) == .failure(.badAnchor))
    }

    @Test func aPageWithMoreAfterIt() {
        let html = ParticipantList.page(Self.model(hasMore: true), context: F.context(F.worker())).render()
        #expect(html.contains("Aalto, Aino &lt;A&gt;") && html.contains("17.5.1990"))
        #expect(html.contains("rel=\"next\"") && html.contains("after=\(F.id(401).uuidString)"), "the next page starts after the last one shown")
        #expect(html.contains("q=a"), "paging keeps the search")
        assertSnapshot(of: html, as: .html)
    }

    @Test func theLastPageLinksToTheFirst() {
        let html = ParticipantList.page(Self.model(after: F.id(399), hasMore: false), context: F.context(F.worker(), lang: .sv)).render()
        #expect(
            !html.contains("rel=\"next\"") && html.contains("href=\"\(SiteURL.participants.relativeURL([("project", F.project.uuidString)]))&amp;q=a\""),
            "the first page keeps the search")
        assertSnapshot(of: html, as: .html)
    }

    @Test(arguments: TestDatabase.allCases)
    func theQueryPagesThroughTheActorsPeople(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            // 30 more people in the own project: two pages of 25 with the world's own participant.
            for i in 0..<30 {
                let p = Participant()
                p.firstName = "Henkilö\(i)"; p.lastName = String(format: "Sivu%02d", i); p.searchKey = SearchKey.make(p.lastName, p.firstName)
                p.birthDate = "1990-01-01"; p.gender = .female; p.municipality = "Pori"; p.language = "fi"
                try await p.create(on: app.db)
                let e = Enrolment()
                e.$participant.id = p.id!; e.$project.id = world.ownProject; e.phase = "intake"; e.startDate = "2024-02-01"
                try await e.create(on: app.db)
            }
            // The worker as every request loads them: their roles and their projects' names in one read.
            let workerID = try #require(try await User.query(on: app.db).filter(\.$email == world.users[.worker]!).first()?.id)
            let actor = try #require(try await CurrentUserMiddleware.load(workerID, on: app.db))
            let first = try await ParticipantList.query(.init(), actor: actor, on: app.db)
            #expect(first.rows.count == 25 && first.hasMore && first.projects.map(\.name) == ["Oma hanke"] && first.canAdd)
            let second = try await ParticipantList.query(.init(after: first.rows.last!.id), actor: actor, on: app.db)
            #expect(second.rows.count == 6 && !second.hasMore)
            let seen = first.rows.map(\.id) + second.rows.map(\.id)
            #expect(Set(seen).count == 31 && !seen.contains(world.otherParticipant), "everyone once, no one of the other project")
            let found = try await ParticipantList.query(.init(search: "sivu07"), actor: actor, on: app.db)
            #expect(found.rows.map(\.last_name) == ["Sivu07"])
            let reader = Actor(
                userID: F.id(1_500), email: "r@test", name: "R", isAdmin: false, rolesByProject: [world.otherProject: [.worker]],
                projectNames: [world.otherProject: "Toinen hanke"])
            let other = try await ParticipantList.query(.init(project: world.otherProject), actor: reader, on: app.db)
            #expect(other.rows.map(\.id) == [world.otherParticipant])
        }
    }

    /// On SQLite whether a person is in the actor's projects is read from the (participant, project)
    /// index in one walk, not probed once per project from the (project, participant) one.
    @Test func sqliteChecksAPersonsProjectsInOneWalk() async throws {
        try await withPolku(.sqlite) { app in
            // On every loop's connection, after a read (an `EXPLAIN` alone may show an older schema's plan).
            for loop in app.eventLoopGroup.makeIterator() {
                let sql = app.databases.database(.sqlite, logger: app.logger, on: loop)!.sql
                _ = try await sql.raw("SELECT COUNT(*) AS n FROM enrolments").first()
                var query: SQLQueryString = "EXPLAIN QUERY PLAN SELECT p.id FROM participants p WHERE EXISTS (SELECT 1 FROM enrolments e WHERE e.participant_id = p.id AND "
                query.appendInterpolation(ParticipantQueries.enrolledIn((1...10).map { F.id($0) }, on: sql))
                query.appendLiteral(") ORDER BY p.search_key, p.id LIMIT 26")
                let plan = try await sql.raw(query).all(decodingColumn: "detail", as: String.self).joined(separator: "\n")
                #expect(plan.contains("COVERING INDEX sqlite_autoindex_enrolments_") && plan.contains("(participant_id=?)"), "\(plan)")
                #expect(!plan.contains("project_id=?"), "\(plan)")
            }
        }
    }
}
