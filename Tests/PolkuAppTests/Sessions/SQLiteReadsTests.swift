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

    @Test func uuidTextParsesTheCanonicalFormOnly() {
        // 100 fixed ids whose bytes run through every value, so every hex digit is met in both cases.
        for n in 0..<100 {
            let b = (0..<16).map { UInt8(truncatingIfNeeded: n &* 37 &+ $0 &* 17) }
            let id = UUID(uuid: (b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]))
            #expect(UUID(text: id.uuidString) == id)
            #expect(UUID(text: id.uuidString.lowercased()) == id)
        }
        let id = "01A247DF-E7E4-70A5-A026-03D9D9B5F3ED"
        #expect(UUID(text: id) == UUID(uuidString: id))
        for bad in ["", String(id.dropLast()), id + "0", id.replacingOccurrences(of: "-", with: "_"), "G" + id.dropFirst(), String(id.prefix(8)) + "0" + id.dropFirst(9)] {
            #expect(UUID(text: bad) == nil, "\(bad)")
            #expect((UUID(text: bad) == nil) == (UUID(uuidString: bad) == nil), "agrees with Foundation on \(bad)")
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
