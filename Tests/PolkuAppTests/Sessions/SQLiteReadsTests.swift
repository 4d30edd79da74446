import Fluent
@testable import PolkuApp
import PolkuTestSupport
import SQLKit
import Testing
import Vapor

/// The hot reads' own SQLite connections (issue 11): they see what was just saved, answer what the
/// driver answers, refuse to write, and survive a bad statement.
@Suite struct SQLiteReadsTests {
    @Test(arguments: TestDatabase.allCases)
    func aPageReadSeesWhatWasJustSaved(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let world = try await World.make(app)
            // SQLite files have the readers; PostgreSQL reads a page on one pooled connection instead.
            #expect((app.sqliteReads != nil) == (db == .sqlite))
            let worker = TestClient(app)
            try await worker.login(world.users[.worker]!)
            let page = SiteURL.participant(.value(world.ownParticipant)).relativeURL()
            for i in 0..<3 {
                let body = "Muistiinpano \(i): tapasimme kirjastolla."
                let saved = try await worker.post(
                    SiteURL.participantNotes(.value(world.ownParticipant)).relativeURL(),
                    ["project_id": world.ownProject.uuidString, "sensitivity": "normal", "body": body])
                #expect(saved.status == .seeOther)
                #expect(try await worker.get(page).body.contains(body), "the page right after the save shows note \(i)")
            }
        }
    }

    @Test func theReadersAnswerAsTheDriverDoesAndNeverWrite() async throws {
        try await withPolku(.sqlite) { app in
            let world = try await World.make(app)
            let reads = try #require(app.sqliteReads)
            let direct = reads.database(over: app.db).sql
            let query: SQLQueryString = """
                SELECT id, first_name, birth_date, created_at FROM participants WHERE id IN \(SQLBind.group([world.ownParticipant, world.otherParticipant])) ORDER BY id
                """
            struct Row: Decodable, Equatable { let id: UUID; let first_name: String; let birth_date: String; let created_at: Date? }
            let viaDriver = try await app.db.sql.raw(query).all(decoding: Row.self)
            #expect(viaDriver.count == 2)
            // Twice: the second time from the kept statement, with its binds cleared and set again.
            #expect(try await direct.raw(query).all(decoding: Row.self) == viaDriver)
            #expect(try await direct.raw(query).all(decoding: Row.self) == viaDriver)
            let writes = try? await direct.raw("DELETE FROM participants").run()
            #expect(writes == nil, "a reader refuses to write")
            let bad = try? await direct.raw("SELECT no_such_column FROM participants").run()
            #expect(bad == nil)
            let count = try await direct.raw("SELECT COUNT(*) AS n FROM participants").first()?.decode(column: "n", as: Int.self)
            #expect(count == 2, "after a refusal the connections still read, and nothing was deleted")
            // Their temporary B-trees (a UNION, a DISTINCT) are kept in memory, not in a file of their own.
            let tempStore = try await direct.raw("PRAGMA temp_store").first()?.decode(column: "temp_store", as: Int.self)
            #expect(tempStore == 2)
        }
    }

    /// The participant page's reads are parsed once and then run from the kept statements, however
    /// often the page is read (each parse was planning too: 17 % of the page's time under load).
    @Test func theParticipantPageIsParsedOnce() async throws {
        try await withPolku(.sqlite) { app in
            let world = try await World.make(app)
            let reads = try #require(app.sqliteReads)
            let worker = TestClient(app)
            try await worker.login(world.users[.worker]!)
            let page = SiteURL.participant(.value(world.ownParticipant)).relativeURL()
            for _ in 0..<4 { #expect(try await worker.get(page).status == .ok) }
            // Once at the first use is SQLite's way with a boolean bound where a plan is costed.
            #expect(reads.reprepared(moreThan: 1).isEmpty)
        }
    }

    /// The activity guard (every attendance save and group page) reads the activity's project on the
    /// hot readers, on the request's loop, not through the driver's thread pool and back.
    @Test func theActivityGuardReadsOnTheHotReaders() async throws {
        try await withPolku(.sqlite) { app in
            let world = try await World.make(app)
            let reads = try #require(app.sqliteReads)
            let a = Activity()
            a.$project.id = world.ownProject; a.kind = .group; a.name = "Viikkoryhmä"; a.description = ""
            a.fromDate = app.clock.today.iso; a.toDate = app.clock.today.adding(days: 7).iso; a.startTime = "10:00"; a.endTime = "12:00"
            try await a.create(on: app.db)
            let worker = TestClient(app)
            try await worker.login(world.users[.worker]!)
            #expect(try await worker.get(SiteURL.activity(.value(a.id!)).relativeURL()).status == .ok)
            let kept = reads.reprepared(moreThan: -1)
            #expect(kept.contains { $0.contains("\"project_id\" FROM \"activities\"") }, "kept: \(kept.sorted())")
        }
    }

    /// Commits never checkpoint (a page waiting for an audit batch would wait for the copy too); the
    /// readers' own thread copies the WAL into the database file a few times a second.
    @Test func theWALReachesTheDatabaseFileOffTheCommits() async throws {
        try await withPolku(.sqlite) { app in
            guard case .sqlite(let path) = app.settings.database else { Issue.record("not a SQLite file"); return }
            for loop in app.eventLoopGroup.makeIterator() {
                let sql = app.databases.database(.sqlite, logger: app.logger, on: loop)!.sql
                let auto = try await sql.raw("PRAGMA wal_autocheckpoint").first()?.decode(column: "wal_autocheckpoint", as: Int.self)
                #expect(auto == 0, "no checkpoint inside a commit")
            }
            func fileSize() throws -> Int { (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0 }
            try await app.db.sql.raw("CREATE TABLE filler (n INTEGER NOT NULL, body TEXT NOT NULL)").run()
            let before = try fileSize()
            for i in 0..<20 {
                try await app.db.sql.raw("INSERT INTO filler (n, body) VALUES (\(bind: i), \(bind: String(repeating: "x", count: 100_000)))").run()
            }
            var grown = false
            for _ in 0..<30 where !grown {
                try await Task.sleep(for: .milliseconds(100))
                grown = try fileSize() >= before + 1_500_000
            }
            let after = try fileSize()
            #expect(grown, "2 MB written: the database file grew from \(before) to \(after) bytes")
        }
    }
}
