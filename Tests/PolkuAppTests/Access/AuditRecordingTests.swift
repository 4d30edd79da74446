import FluentKit
import Foundation
import NIOConcurrencyHelpers
@testable import PolkuApp
import PolkuTestSupport
import SQLKit
import Testing
import Vapor

/// A page is read and drawn while the events of its reads are written, and answered only once they
/// are committed (issue 11): the request's loop no longer idles through the commit, and an answered
/// request still always has its events.
@Suite struct AuditRecordingTests {
    static let person = UUID(uuidString: "0190A1B2-C3D4-7E5F-8A9B-0C1D2E3F4A6B")!

    /// Another writer holds the audit table until the page's body lets it go. Written before the
    /// body (as they were), the events wait for that lock and the body runs only after they are
    /// stored; a fallback lets go after three seconds so that such a run ends, and fails.
    @Test(arguments: TestDatabase.allCases)
    func thePageIsDrawnWhileItsEventsWaitAndAnsweredOnceTheyAreStored(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let lock = try await AuditTableLock.take(app)
            let fallback = Task {
                try await Task.sleep(for: .seconds(3))
                lock.release()
            }
            let req = Request(application: app, on: app.eventLoopGroup.next())
            let storedWhileDrawing = NIOLockedValueBox<Int?>(nil)
            let page = try await req.audit.recording(.participantView, participants: [Self.person], detail: "sivu") {
                storedWhileDrawing.withLockedValue { $0 = nil }
                let stored = try await Self.events(app)
                storedWhileDrawing.withLockedValue { $0 = stored }
                lock.release()
                return "sivu"
            }
            let storedWhenAnswered = try await Self.events(app)
            fallback.cancel()
            try await lock.finished()
            #expect(page == "sivu")
            #expect(storedWhileDrawing.withLockedValue { $0 } == 0, "the page was drawn while its event waited for the lock")
            #expect(storedWhenAnswered == 1, "the page was answered only once its event was stored")
        }
    }

    /// Whatever the page's body throws comes after its events are stored, as when they were written first.
    @Test(arguments: TestDatabase.allCases)
    func aFailedPageStillLeavesItsEvents(db: TestDatabase) async throws {
        try await withPolku(db) { app in
            let req = Request(application: app, on: app.eventLoopGroup.next())
            await #expect(throws: Abort.self) {
                try await req.audit.recording(.participantView, participants: [Self.person], detail: "sivu") { () async throws -> String in
                    throw Abort(.notFound)
                }
            }
            let stored = try await Self.events(app)
            #expect(stored == 1)
        }
    }

    static func events(_ app: Application) async throws -> Int {
        let row = try await app.db.sql.raw(
            "SELECT COUNT(*) AS n FROM audit_events WHERE participant_id = \(bind: person) AND action = 'participant.view'"
        ).first()
        return try row?.decode(column: "n", as: Int.self) ?? -1
    }
}

/// Holds the audit table against writes, as another writer would: on SQLite the write lock from a
/// connection of its own (`SQLiteLockHolder`), on PostgreSQL `LOCK TABLE … IN SHARE MODE` in an open
/// transaction (reads go on; inserts wait). `release()` may be called more than once.
final class AuditTableLock: Sendable {
    private let sqlite: SQLiteLockHolder?
    private let gate: AsyncStream<Void>.Continuation?
    private let holder: Task<Void, any Error>?
    private let released = NIOLockedValueBox(false)

    private init(sqlite: SQLiteLockHolder?, gate: AsyncStream<Void>.Continuation?, holder: Task<Void, any Error>?) {
        self.sqlite = sqlite; self.gate = gate; self.holder = holder
    }

    static func take(_ app: Application) async throws -> AuditTableLock {
        if case .sqlite(let path) = app.settings.database {
            let holder = SQLiteLockHolder(path: path)
            try holder.lock()
            return AuditTableLock(sqlite: holder, gate: nil, holder: nil)
        }
        let (gate, open) = AsyncStream<Void>.makeStream()
        let (taken, told) = AsyncStream<Void>.makeStream()
        let holder = Task {
            try await app.db.transaction { db in
                try await db.sql.raw("LOCK TABLE audit_events IN SHARE MODE").run()
                told.yield()
                for await _ in gate { break }
            }
        }
        for await _ in taken { break }
        return AuditTableLock(sqlite: nil, gate: open, holder: holder)
    }

    func release() {
        guard
            released.withLockedValue({ was in
                defer { was = true }; return !was
            })
        else { return }
        sqlite?.unlock()
        gate?.finish()
    }

    /// Waits for PostgreSQL's holding transaction to end.
    func finished() async throws { try await holder?.value }
}
