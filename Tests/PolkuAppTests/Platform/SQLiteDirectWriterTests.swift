import FluentKit
import Foundation
@testable import PolkuApp
import PolkuTestSupport
import SQLKit
import Testing
import Vapor

/// `sqlTransaction` (issue 11): on a SQLite file its statements run on a connection of their own
/// while the driver's writer is leased; what it writes must be all or nothing, and must never meet
/// the driver's own writes.
@Suite struct SQLiteDirectWriterTests {
    private static func row(_ n: Int, detail: String) -> AuditBatch.Row {
        AuditBatch.Row(
            id: UUID(uuidString: String(format: "0190A1B2-C3D4-7E5F-8A9B-%012d", n))!, at: Date(timeIntervalSince1970: 1_800_000_000),
            actorID: nil, actorEmail: "suora@example.org", action: "participant.view", participantID: nil, projectID: nil, detail: detail,
            clientAddress: "")
    }

    private static func details(_ app: Application) async throws -> [String] {
        try await app.db.sql.raw("SELECT detail FROM audit_events WHERE actor_email = 'suora@example.org' ORDER BY detail")
            .all(decoding: [String: String].self).compactMap { $0["detail"] }
    }

    struct Refused: Error {}

    @Test(arguments: TestDatabase.allCases)
    func aFailedBodyWritesNothingAndTheNextOneCommits(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            if db == .sqlite { #expect((app.db as? SQLiteOneWriterDatabase)?.direct != nil, "a file has a direct writer") }
            await #expect(throws: Refused.self) {
                try await app.db.sqlTransaction { sql in
                    try await AuditBatch.insert([Self.row(1, detail: "peruttu")], on: sql)
                    throw Refused()
                }
            }
            // A statement that fails half way undoes the whole transaction too.
            await #expect(throws: (any Error).self) {
                try await app.db.sqlTransaction { sql in
                    try await AuditBatch.insert([Self.row(2, detail: "ennen virhettä")], on: sql)
                    try await sql.raw("INSERT INTO no_such_table (x) VALUES (1)").run()
                }
            }
            try await app.db.sqlTransaction { try await AuditBatch.insert([Self.row(3, detail: "tallennettu")], on: $0) }
            #expect(try await Self.details(app) == ["tallennettu"])
        }
    }

    /// Forty writers at once, half through `sqlTransaction` and half as Fluent models through the
    /// driver's writer: every one is stored, none refused as busy.
    @Test(arguments: TestDatabase.allCases)
    func directAndDriverWritesInterleave(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for n in 0..<40 {
                    group.addTask {
                        let row = Self.row(100 + n, detail: String(format: "kirjoitus %02d", n))
                        if n.isMultiple(of: 2) {
                            try await app.db.sqlTransaction { try await AuditBatch.insert([row], on: $0) }
                        } else {
                            let model = AuditEvent()
                            model.id = row.id; model.at = row.at; model.actorEmail = row.actorEmail; model.action = row.action
                            model.detail = row.detail; model.clientAddress = row.clientAddress
                            try await model.create(on: app.db)
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await Self.details(app) == (0..<40).map { String(format: "kirjoitus %02d", $0) })
        }
    }
}

/// The request loops run below the threads every request waits for (`RequestPriority`).
@Suite struct RequestPriorityTests {
    @Test(arguments: TestDatabase.allCases)
    func theRequestLoopsYieldToTheWriter(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            // As `polku serve` does once `configure` is done (the process's threads: once per process).
            RequestPriority.lower(loops: app.eventLoopGroup)
            for loop in app.eventLoopGroup.makeIterator() {
                let nice = try await loop.submit { RequestPriority.own() }.get()
                #expect(nice == RequestPriority.nice)
            }
            let pool = try await app.threadPool.runIfActive { RequestPriority.own() }
            #expect(pool == 0, "the driver's pool, which requests wait for, keeps its priority")
            if let one = app.db as? SQLiteOneWriterDatabase {
                let writer = try await one.writer.eventLoop.submit { RequestPriority.own() }.get()
                #expect(writer == 0, "SQLite's writer keeps its priority")
            }
        }
    }

    /// The writer's connection keeps a statement prepared only up to `keptLength` characters: an
    /// audit batch is a new text for each number of rows, and keeping them all held 70 MB. Nor does
    /// any connection keep more than `keptStatements`.
    @Test func longStatementsAreNotKeptAndTheKeptAreBounded() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("polku-kept-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        // An empty file is an empty database; the connection opens an existing one only.
        let path = directory.appendingPathComponent("kept.sqlite").path
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let connection = try ReadConnection(path: path, pragmas: [], keptLength: 60)
        defer { connection.close() }
        try connection.query("CREATE TABLE t (n INTEGER)", []) { _ in }
        for rows in 1...40 {
            let values = (1...rows).map { _ in "(?)" }.joined(separator: ", ")
            try connection.query("INSERT INTO t (n) VALUES \(values)", (1...rows).map { .integer($0) }) { _ in }
        }
        var total = 0
        try connection.query("SELECT COUNT(*) AS n FROM t", []) { row in total = (try? row.decode(column: "n", as: Int.self)) ?? -1 }
        #expect(total == 40 * 41 / 2, "every batch was written, kept or not")
        // Texts of at most 60 characters: the table, the count and the batches of up to 7 rows (58).
        #expect(connection.keptCount == 2 + 7)
        for n in 0..<(ReadConnection.keptStatements + 10) {
            try connection.query("SELECT \(n) AS n", []) { _ in }
        }
        #expect(connection.keptCount <= ReadConnection.keptStatements)
    }
}
