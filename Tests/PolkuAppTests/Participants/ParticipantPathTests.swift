import Fluent
@testable import PolkuApp
@testable import PolkuTools
import PolkuCore
import PolkuTestSupport
import SQLKit
import Testing
import Vapor

/// A worker's day with one participant, through the real router, with its audit trail.
@Suite struct ParticipantPathTests {
    @Test(arguments: TestDatabase.allCases)
    func workerAddsEnrolsMovesPlansAndWritesNotes(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let client = TestClient(app)
            client.forwardedFor = "203.0.113.9"
            try await client.login(world.users[.worker]!)
            let eventsBefore = try await World.auditEvents(app).count

            // Add a participant with an odd name and consent.
            let created = try await client.post(
                SiteURL.participants.relativeURL(),
                [
                    "first_name": "Åke", "last_name": "Nguyễn-Øster", "birth_date": "17.5.1990", "gender": "male",
                    "municipality": "Pori", "language": "sv", "email": "ake@example.invalid", "phone": "+358 40 123 4567",
                    "project_id": world.ownProject.uuidString, "site_id": world.ownSite.uuidString, "start_date": "2024-03-01",
                    "consent_service": "on",
                ])
            #expect(created.status == .seeOther)
            let path = try #require(created.location)
            let id = try #require(UUID(uuidString: String(path.split(separator: SiteURL.home.relativeURL()).last!)))
            let stored = try #require(try await Participant.find(id, on: app.db))
            #expect(stored.firstName == "Åke" && stored.lastName == "Nguyễn-Øster")

            var page = try await client.get(path)
            #expect(page.status == .ok)
            #expect(page.body.contains("Nguyễn-Øster"))
            #expect(page.body.contains("Tulovaihe"))
            #expect(page.body.contains("Pihlava"))
            #expect(page.body.contains("Palvelun järjestäminen: annettu"))

            // Move through phases.
            let enrolment = try #require(try await Enrolment.query(on: app.db).filter(\.$participant.$id == id).first())
            #expect(
                try await client.post(SiteURL.enrolmentPhase(.value(id), .value(enrolment.id!)).relativeURL(), ["to_phase": "start", "phase_date": "2024-03-15"]).status
                    == .seeOther)
            #expect(
                try await client.post(SiteURL.enrolmentPhase(.value(id), .value(enrolment.id!)).relativeURL(), ["to_phase": "coaching", "phase_date": "2024-04-01"]).status
                    == .seeOther)
            // A phase before the start date is refused and nothing changes.
            let early = try await client.post(
                SiteURL.enrolmentPhase(.value(id), .value(enrolment.id!)).relativeURL(), ["to_phase": "exit", "phase_date": "2024-01-01", "_form": "phase-\(enrolment.id!)"])
            #expect(early.status == .unprocessableEntity)
            #expect(early.body.contains("ennen osallistumisen alkua"))
            #expect(try await Enrolment.find(enrolment.id, on: app.db)?.phase == "coaching")

            // Goals and notes.
            #expect(
                try await client.post(
                    SiteURL.participantGoals(.value(id)).relativeURL(),
                    ["project_id": world.ownProject.uuidString, "goal_text": "Työkokeiluun syksyllä", "target_date": "1.9.2024"]
                ).status
                    == .seeOther)
            let goal = try #require(try await Goal.query(on: app.db).filter(\.$participant.$id == id).first())
            #expect(try await client.post(SiteURL.participantGoal(.value(id), .value(goal.id!)).relativeURL(), ["status": "achieved"]).status == .seeOther)
            #expect(
                try await client.post(
                    SiteURL.participantNotes(.value(id)).relativeURL(), ["project_id": world.ownProject.uuidString, "sensitivity": "normal", "body": "Hyvä tapaaminen."]
                ).status == .seeOther)
            // A worker may not write a health note.
            #expect(
                try await client.post(SiteURL.participantNotes(.value(id)).relativeURL(), ["project_id": world.ownProject.uuidString, "sensitivity": "health", "body": "x"]).status
                    == .forbidden)

            page = try await client.get(path)
            #expect(page.body.contains("Valmennusvaihe"))
            #expect(page.body.contains("Työkokeiluun syksyllä"))
            #expect(page.body.contains("Saavutettu"))
            #expect(page.body.contains("Hyvä tapaaminen."))
            #expect(page.body.contains("Siirtyi vaiheeseen: Starttivaihe"))
            #expect(try await PhaseChange.query(on: app.db).filter(\.$enrolment.$id == enrolment.id!).count() == 3)

            // Every read and write of this person is in the audit log, with actor and address.
            let events = try await AuditEvent.query(on: app.db).filter(\.$participantID == id).all()
            let actions = events.map(\.action)
            for action in ["participant.create", "participant.view", "enrolment.phase", "goal.create", "goal.update", "note.create"] {
                #expect(actions.contains(action), "missing audit \(action)")
            }
            #expect(events.allSatisfy { $0.actorEmail == world.users[.worker]! })
            #expect(try await World.auditEvents(app).count > eventsBefore)
            #expect(actions.filter { $0 == "note.create" }.count == 1, "the refused health note wrote no event")
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func listSearchesAndPagesWithKeys(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            for i in 0..<30 {
                let p = Participant()
                p.firstName = "Henkilö\(i)"; p.lastName = String(format: "Sivutettu%02d", i); p.searchKey = SearchKey.make(p.lastName, p.firstName)
                p.birthDate = "1980-01-01"; p.gender = .female; p.municipality = "Pori"; p.language = "fi"
                try await p.create(on: app.db)
                let e = Enrolment()
                e.$participant.id = p.id!; e.$project.id = world.ownProject; e.phase = "intake"; e.startDate = "2024-01-01"
                try await e.create(on: app.db)
            }
            let client = TestClient(app)
            try await client.login(world.users[.worker]!)
            let first = try await client.get(SiteURL.participants.relativeURL([("q", "sivutettu")]))
            #expect(first.body.contains("Sivutettu00") && first.body.contains("Sivutettu24") && !first.body.contains("Sivutettu25"))
            let next = try #require(first.body.range(of: #"href="[^"]*after=[^"]+" rel="next""#, options: .regularExpression))
            let href = String(first.body[next]).dropFirst(6).prefix { $0 != "\"" }
            let second = try await client.get(String(href).replacingOccurrences(of: "&amp;", with: "&"))
            #expect(second.body.contains("Sivutettu25") && second.body.contains("Sivutettu29") && !second.body.contains("Sivutettu24"))
            #expect(!second.body.contains("rel=\"next\""))
            // Search matches inside names, ignores case, and treats % and _ as letters.
            #expect(try await client.get(SiteURL.participants.relativeURL([("q", "NGUYỄN")])).body.contains(World.ownLastName))
            #expect(!(try await client.get(SiteURL.participants.relativeURL([("q", "%")])).body.contains("Sivutettu")))
            // Every name shown on a list is an audit event for that person.
            let shown = try await AuditEvent.query(on: app.db).filter(\.$action == "participant.list").all()
            #expect(shown.filter { $0.participantID == world.ownParticipant }.count == 1, "shown once, on the NGUYỄN search")
            #expect(shown.filter { $0.participantID != nil }.count == 25 + 5 + 1)
        }
    }
}

@Suite struct NameSearchTests {
    /// How many more than one share the common name: four pages.
    static let sharing = 100

    /// A name shared by more people than a page holds is paged in name order, a single one is found
    /// among them, and a renamed or removed person is found as they are now.
    @Test(arguments: TestDatabase.allCases)
    func commonRenamedAndRemovedNamesAreFoundAsTheyAreNow(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let now = Date()
            var people: [[any SQLExpression]] = [], enrolments: [[any SQLExpression]] = [], removed = UUID()
            for i in 0...Self.sharing {
                let id = UUID(), last = "Yleinen", first = "Nimi\(String(format: "%04d", i))"
                people.append([
                    SQLBind(id), SQLBind(now), SQLBind(now), SQLBind(first), SQLBind(last), SQLBind(SearchKey.make(last, first)),
                    SQLBind("1980-05-10"), SQLBind("female"), SQLBind("Pori"), SQLBind("fi"),
                ])
                enrolments.append([SQLBind(UUID()), SQLBind(now), SQLBind(id), SQLBind(world.ownProject), SQLBind("intake"), SQLBind("2024-01-01")])
                removed = id
            }
            try await ActivityBench.insert(
                app.db, "participants",
                [
                    "id", "created_at", "updated_at", "first_name", "last_name", "search_key",
                    "birth_date", "gender", "municipality", "language",
                ], people)
            try await ActivityBench.insert(app.db, "enrolments", ["id", "created_at", "participant_id", "project_id", "phase", "start_date"], enrolments)
            let client = TestClient(app)
            try await client.login(world.users[.worker]!)
            let common = try await client.get(SiteURL.participants.relativeURL([("q", "yleinen nimi")]))
            #expect(common.body.contains("Nimi0000") && common.body.contains("Nimi0024") && !common.body.contains("Nimi0025"))
            #expect(common.body.contains("rel=\"next\""))
            let last = String(format: "Nimi%04d", Self.sharing)
            let rare = try await client.get(SiteURL.participants.relativeURL([("q", last.lowercased())]))
            #expect(rare.body.contains(last) && !rare.body.contains(String(format: "Nimi%04d", Self.sharing - 1)))

            let person = try #require(try await Participant.find(world.ownParticipant, on: app.db))
            person.lastName = "Uusinimi"; person.searchKey = SearchKey.make(person.lastName, person.firstName)
            try await person.update(on: app.db)
            // The search box shows what was searched, so the person is looked for by the link to their page.
            let link = SiteURL.participant(.value(world.ownParticipant)).relativeURL()
            #expect(try await client.get(SiteURL.participants.relativeURL([("q", "uusinimi")])).body.contains(link))
            #expect(!(try await client.get(SiteURL.participants.relativeURL([("q", World.ownLastName)])).body.contains(link)))

            try await app.db.sql.delete(from: "enrolments").where("participant_id", .equal, SQLBind(removed)).run()
            try await app.db.sql.delete(from: "participants").where("id", .equal, SQLBind(removed)).run()
            #expect(!(try await client.get(SiteURL.participants.relativeURL([("q", last.lowercased())])).body.contains(last)))
        }
    }
}

extension NameSearchTests {
    /// The name index (migration 044 on SQLite, 045 on PostgreSQL) holds every name's three-character
    /// pieces, as `SearchKey.grams` makes them, and counts them: filled from the people already there
    /// when the migration runs, and kept by the triggers through a new person, a rename and a removal.
    /// On PostgreSQL the counts are those of the last recount (the `name-search-counts` job).
    @Test(arguments: TestDatabase.allCases)
    func nameIndexHoldsThePiecesOfTheNamesAsTheyAreNow(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let sql = app.db.sql
            let migration: any AsyncMigration = db == .sqlite ? IndexNameGramsSQLite() : IndexNameGramsPostgres()
            try await migration.revert(on: app.db)
            try await migration.prepare(on: app.db)
            try await Self.expectIndexMatchesNames(sql)

            let person = try #require(try await Participant.find(world.ownParticipant, on: app.db))
            person.lastName = "Ääninen"; person.searchKey = SearchKey.make(person.lastName, person.firstName)
            try await person.update(on: app.db)
            let added = Participant()
            added.firstName = "Aino"; added.lastName = "Lisätty"; added.searchKey = SearchKey.make(added.lastName, added.firstName)
            added.birthDate = "1980-01-01"; added.gender = .female; added.municipality = "Pori"; added.language = "fi"
            try await added.create(on: app.db)
            let gone = try #require(try await Participant.query(on: app.db).filter(\.$id != world.ownParticipant).filter(\.$id != added.id!).first())
            try await sql.delete(from: "enrolments").where("participant_id", .equal, SQLBind(gone.id!)).run()
            try await gone.delete(on: app.db)
            try await NameGramCounts.recount(app.db)
            try await Self.expectIndexMatchesNames(sql)
            #expect(
                try await sql.raw("SELECT COUNT(*) AS n FROM participant_grams WHERE search_key LIKE '%merkkinen%'").first()?
                    .decode(column: "n", as: Int.self) == 0, "the old name is gone")
        }
    }

    /// On PostgreSQL a name search is one prepared statement whatever its length: the search's pieces
    /// go as one array, not a value each (a connection kept a statement for every length).
    @Test func aSearchOfAnyLengthIsOneStatementOnPostgres() async throws {
        try await withPolku(.postgres) { app in
            let world = try await World.make(app)
            try await app.db.withConnection { connection in
                connection.eventLoop.makeFutureWithTask {
                    let reads = PostgresReadDatabase(base: connection)
                    var found: [Int] = []
                    for search in ["mer", "merk", "merkki", World.ownLastName.lowercased()] {
                        found.append(try await ParticipantQueries.list(on: reads, projects: [world.ownProject], search: search, after: nil).rows.count)
                    }
                    #expect((found.last ?? 0) >= 1, "the person is found by their last name")
                    let kept = try await connection.sql.raw(
                        "SELECT COUNT(*) AS n FROM pg_prepared_statements WHERE statement LIKE '%FROM participant_grams%'"
                    ).first()?.decode(column: "n", as: Int.self)
                    #expect(kept == 1, "one statement for four lengths")
                }
            }.get()
        }
    }

    private static func expectIndexMatchesNames(_ sql: any SQLDatabase) async throws {
        let people = try await sql.raw("SELECT id, search_key FROM participants").all()
        var expected: Set<String> = [], counts: [String: Int] = [:]
        for row in people {
            let id = try row.decode(column: "id", as: UUID.self), key = try row.decode(column: "search_key", as: String.self)
            for gram in SearchKey.grams(key) {
                expected.insert("\(gram)|\(key)|\(id.uuidString)")
                counts[gram, default: 0] += 1
            }
        }
        #expect(!expected.isEmpty)
        var stored: Set<String> = []
        for row in try await sql.raw("SELECT gram, search_key, id FROM participant_grams").all() {
            let id = try row.decode(column: "id", as: UUID.self)
            stored.insert("\(try row.decode(column: "gram", as: String.self))|\(try row.decode(column: "search_key", as: String.self))|\(id.uuidString)")
        }
        #expect(stored == expected)
        var storedCounts: [String: Int] = [:]
        for row in try await sql.raw("SELECT gram, n FROM participant_gram_counts WHERE n <> 0").all() {
            storedCounts[try row.decode(column: "gram", as: String.self)] = try row.decode(column: "n", as: Int.self)
        }
        #expect(storedCounts == counts)
    }
}

@Suite struct ConcurrentEnrolmentTests {
    /// Two workers enrol the same person in the same project at the same moment: one enrolment is
    /// kept, the other worker is told the person is already there, nothing fails.
    @Test(arguments: TestDatabase.allCases)
    func twoWorkersEnrolTheSamePersonAtOnce(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            let user = try #require(try await User.query(on: app.db).filter(\.$email == world.users[.worker]!).first())
            try await Membership(userID: user.id!, projectID: world.otherProject, role: .worker).create(on: app.db)
            let a = TestClient(app), b = TestClient(app)
            try await a.login(world.users[.worker]!)
            try await b.login(world.users[.worker]!)
            let form = ["project_id": world.otherProject.uuidString, "start_date": "2024-06-01", "_form": "enrol"]
            let path = SiteURL.participantEnrolments(.value(world.ownParticipant)).relativeURL()
            async let first = a.post(path, form)
            async let second = b.post(path, form)
            let statuses = try await [first.status.code, second.status.code].sorted()
            #expect(statuses == [303, 422], "\(statuses)")
            let count = try await Enrolment.query(on: app.db).filter(\.$participant.$id == world.ownParticipant)
                .filter(\.$project.$id == world.otherProject).count()
            #expect(count == 1)
            #expect(
                try await PhaseChange.query(on: app.db).join(Enrolment.self, on: \PhaseChange.$enrolment.$id == \Enrolment.$id)
                    .filter(Enrolment.self, \.$project.$id == world.otherProject).filter(Enrolment.self, \.$participant.$id == world.ownParticipant).count() == 1,
                "no half-written enrolment")
        }
    }
}
