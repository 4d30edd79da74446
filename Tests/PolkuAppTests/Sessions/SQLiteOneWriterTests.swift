import FluentKit
import Foundation
@testable import PolkuApp
import PolkuTestSupport
import SQLKit
import Testing

/// Every write of a process on SQLite goes to one connection (issue 11): writers queue in the
/// process instead of meeting at SQLite's lock and sleeping in its busy handler.
@Suite struct SQLiteOneWriterTests {
    static func id(_ n: Int) -> UUID { UUID(uuidString: String(format: "00000000-0000-4000-8000-%012d", n))! }
    static let at = Date(timeIntervalSince1970: 1_800_000_000)

    static func event(_ n: Int) -> AuditBatch.Row {
        AuditBatch.Row(
            id: id(n), at: at, actorID: nil, actorEmail: "writer@example.org", action: "test.write", participantID: nil, projectID: nil,
            detail: "write \(n)", clientAddress: "127.0.0.1")
    }

    /// With SQLite's busy timeout at zero, a writer that met another at the lock would be refused at
    /// once. Transactions from every event loop, each reading between its two writes, all commit.
    @Test func writersFromEveryEventLoopNeverMeetAtSQLitesLock() async throws {
        // The queue for the writer is patient (a loaded machine runs the suite in parallel); SQLite is not.
        try await withPolku(.sqlite, adjust: { $0.sqliteBusyMilliseconds = 60_000 }) { app in
            try await SQLiteTuning.apply(app, synchronous: "normal", busyMilliseconds: 0)
            let loops = Array(app.eventLoopGroup.makeIterator())
            try await withThrowingTaskGroup(of: Void.self) { group in
                for n in 0..<20 {
                    let db = app.databases.database(.sqlite, logger: app.logger, on: loops[n % loops.count])!
                    group.addTask {
                        try await db.transaction { tx in
                            try await AuditBatch.insert([Self.event(2 * n)], on: tx.sql)
                            _ = try await tx.sql.raw("SELECT count(*) AS n FROM audit_events").all()
                            try await AuditBatch.insert([Self.event(2 * n + 1)], on: tx.sql)
                        }
                    }
                    group.addTask { try await AuditBatch.insert([Self.event(1_000 + n)], on: db.sql) }
                }
                try await group.waitForAll()
            }
            let written = try await app.db.sql.raw("SELECT count(*) AS n FROM audit_events WHERE action = 'test.write'").first()
            #expect(try written?.decode(column: "n", as: Int.self) == 60)
        }
    }

    struct Refused: Error {}

    /// A save's transaction runs on the writer's loop between its statements (on SQLite), and commits
    /// or rolls back whole, on both databases.
    @Test(arguments: TestDatabase.allCases)
    func aWriteTransactionStaysOnTheWritersLoopAndCommitsWhole(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let onWriter = try await app.db.writeTransaction { tx in
                var loops: [Bool] = []
                for n in 0..<3 {
                    try await AuditBatch.insert([Self.event(3_000 + n)], on: tx.sql)
                    loops.append(tx.eventLoop.inEventLoop)
                }
                return loops
            }
            if db == .sqlite { #expect(onWriter == [true, true, true]) }
            await #expect(throws: Refused.self) {
                try await app.db.writeTransaction { tx in
                    try await AuditBatch.insert([Self.event(3_010)], on: tx.sql)
                    throw Refused()
                }
            }
            let written = try await app.db.sql.raw("SELECT detail FROM audit_events WHERE action = 'test.write' ORDER BY detail").all()
            #expect(try written.map { try $0.decode(column: "detail", as: String.self) } == ["write 3000", "write 3001", "write 3002"])
        }
    }

    @Test func statementsThatWriteAreToldFromTheirFirstWord() {
        for sql in [
            "INSERT INTO a VALUES (1)", " update a SET b = 1", "DELETE FROM a", "CREATE TABLE a (b)", "WITH m AS (SELECT 1) INSERT INTO a SELECT * FROM m",
            "INSERT INTO audit_events (id) VALUES " + Array(repeating: "(?)", count: 25).joined(separator: ","), "\nreplace into a values (1)",
        ] {
            #expect(SQLiteStatementKind.writes(sql: sql), "\(sql)")
        }
        for sql in [
            "SELECT updated_at FROM a", "with t as (select deleted from a) select * from t", "PRAGMA journal_mode", "EXPLAIN QUERY PLAN SELECT 1", "",
            "(SELECT 1) UNION (SELECT 2)", "values (1)",
        ] {
            #expect(!SQLiteStatementKind.writes(sql: sql), "\(sql)")
        }
    }

    /// Steady writes leave the WAL no room to start over by itself (a checkpoint copies while new
    /// commits land); unchecked it grew by every write (1 GB in 15 s of attendance saves). Past
    /// `sqliteWALFrames` the writer copies the rest between two writes and the next one starts the
    /// WAL over: here 48 MB written leave a WAL file a fraction of that.
    @Test func steadyWritesStartTheWALOver() async throws {
        try await withPolku(.sqlite, adjust: { $0.sqliteWALFrames = 256 }) { app in
            guard case .sqlite(let path) = app.settings.database else {
                Issue.record("not a SQLite file: \(app.settings.database)")
                return
            }
            try await app.db.sql.raw("CREATE TABLE wal_check (id INTEGER PRIMARY KEY, body BLOB)").run()
            let body = Data(repeating: 7, count: 64 * 1024), written = 48 * 1024 * 1024
            for n in 0..<(written / body.count) {
                try await app.db.writeTransaction { db in
                    try await db.sql.raw("INSERT INTO wal_check (id, body) VALUES (\(bind: n), \(bind: body))").run()
                }
            }
            let wal = try #require(try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int, "the WAL file")
            #expect(wal < written / 3, "the WAL is \(wal / 1_048_576) MB after \(written / 1_048_576) MB written")
        }
    }
}
