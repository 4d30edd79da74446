import Fluent
import Foundation
@testable import PolkuApp
import PolkuTestSupport
import SQLKit
import Testing
import Vapor
import VaporCSQLite

/// A database that cannot be reached is a 503 with `Retry-After` and a page that keeps what was
/// typed, not a 500; Polku recovers by itself when the database is back (issue 13).
@Suite struct DatabaseOutageTests {
    static let typed = "Katkon aikana kirjoitettu muistiinpano <tärkeä>"

    /// The outage as a person meets it: the page and a note save answer 503, the note comes back to
    /// send again, and once the database is back the kept form saves it, once.
    static func walkThroughOutage(_ app: Application, world: World, cut: () async throws -> Void, restore: () async throws -> Void) async throws {
        let worker = TestClient(app)
        try await worker.login(world.users[.worker]!)
        let page = SiteURL.participant(.value(world.ownParticipant)).relativeURL()
        let notes = SiteURL.participantNotes(.value(world.ownParticipant)).relativeURL()
        #expect(try await worker.get(page).status == .ok)
        try await cut()
        let down = try await worker.get(page)
        #expect(down.status == .serviceUnavailable)
        #expect(down.headers.first(name: .retryAfter) == "5")
        #expect(down.body.contains("Palvelu on hetken poissa käytöstä"))
        let save = try await worker.post(notes, ["project_id": world.ownProject.uuidString, "sensitivity": "normal", "body": typed])
        #expect(save.status == .serviceUnavailable)
        #expect(save.headers.first(name: .retryAfter) == "5")
        #expect(save.body.contains("ei juuri nyt saa yhteyttä tietokantaansa"))
        #expect(save.body.contains("value=\"Katkon aikana kirjoitettu muistiinpano &lt;tärkeä&gt;\""))
        let kept = TestClient.formValues(save.body, action: notes)
        #expect(kept["body"] == typed)
        try await restore()
        let resent = try await worker.post(notes, kept)
        #expect(resent.status == .seeOther, "the kept form, sent again after the outage, saves the note")
        #expect(try await Note.query(on: app.db).filter(\.$body == typed).count() == 1)
        #expect(try await worker.get(page).status == .ok)
    }

    @Test func postgresStoppedAndBack() async throws {
        let url = try #require(URLComponents(string: ProcessInfo.processInfo.environment["DATABASE_URL"] ?? ""))
        let relay = try await DatabaseRelay.start(to: url.host ?? "127.0.0.1", port: url.port ?? 5432)
        defer { Task { await relay.stop() } }
        try await withPolku(
            .postgres,
            adjust: { settings in
                guard case .postgres(let clone) = settings.database, var relayed = URLComponents(string: clone) else { return }
                relayed.port = relay.port
                settings.database = .postgres(url: relayed.string!)
            }
        ) { app in
            let world = try await World.make(app)
            try await Self.walkThroughOutage(app, world: world, cut: { relay.cut() }, restore: { relay.restore() })
        }
    }

    /// SQLite cannot go away, but it can stay locked longer than a write may wait (a backup tool, a
    /// long migration in another process): the same answer. The wait is short for the test, but not
    /// so short that the test's own writes, queued for the one writer behind an audit batch on a
    /// loaded CI machine, time out before the lock is taken (100 ms did once).
    @Test func sqliteLockedPastTheBusyTimeout() async throws {
        try await withPolku(.sqlite, adjust: { $0.sqliteBusyMilliseconds = 300 }) { app in
            let world = try await World.make(app)
            guard case .sqlite(let path) = app.settings.database else { return }
            let holder = SQLiteLockHolder(path: path)
            try await Self.walkThroughOutage(app, world: world, cut: { try holder.lock() }, restore: { holder.unlock() })
        }
    }
}

/// Another process's long write: holds SQLite's write lock until `unlock()`.
final class SQLiteLockHolder: @unchecked Sendable {
    let path: String
    private var handle: OpaquePointer?

    init(path: String) { self.path = path }

    func lock() throws {
        guard sqlite_nio_sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK,
            sqlite_nio_sqlite3_exec(handle, "BEGIN IMMEDIATE", nil, nil, nil) == SQLITE_OK
        else { throw TestSetupError("could not lock \(path)") }
    }

    func unlock() {
        sqlite_nio_sqlite3_exec(handle, "ROLLBACK", nil, nil, nil)
        sqlite_nio_sqlite3_close(handle)
        handle = nil
    }
}
