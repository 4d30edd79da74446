import Fluent
import Foundation
import SQLKit
import SQLiteKit
import PolkuCore
import Vapor

/// Group commit for the audit events of reads (issue 11). Every list view and page view leaves its
/// events; written one request at a time they were a write transaction per request, and on SQLite
/// the writers queued behind one another. Here the events of all requests that arrive while a write
/// is running are written together by the next one, in one transaction.
///
/// What a crash can lose: nothing that was answered. A request awaits the commit of the batch that
/// holds its events before its page is sent, so an event is missing only for a request that never
/// got an answer. A failed batch fails every request in it (as a failed single insert did).
///
/// Each request goes on where it came from: its event loop. Resumed from wherever the batch's commit
/// finished, every request of a batch went on (rendering its page) on that one loop, and under load
/// that loop stayed busy with the other loop's pages while its own connections were not read for
/// seconds (a page's p99 of 3–9 s at 64 connections, with p50 under 70 ms).
actor AuditBatch {
    struct Row: Sendable {
        let id: UUID, at: Date, actorID: UUID?, actorEmail: String, action: String
        let participantID: UUID?, projectID: UUID?, detail: String, clientAddress: String
    }

    private let database: @Sendable () -> any Database
    /// PostgreSQL: the batch's statement as a named prepared one (`postgresPrepared`).
    private let prepared: Bool
    private var pending: [Row] = []
    private var waiting: [Waiter] = []
    private var writing = false

    /// Someone waiting for a batch: told of its commit on their loop.
    private struct Waiter {
        let loop: any EventLoop
        let committed: @Sendable (Result<Void, any Error>) -> Void
        func tell(_ result: Result<Void, any Error>) {
            if loop.inEventLoop { return committed(result) }
            loop.execute { committed(result) }
        }
    }

    init(database: @escaping @Sendable () -> any Database, prepared: Bool = true) {
        self.database = database
        self.prepared = prepared
    }

    /// Returns when `rows` are committed, on `loop` (the request's).
    func write(_ rows: [Row], resumingOn loop: any EventLoop) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            enqueue(rows, on: loop) { continuation.resume(with: $0) }
        }
    }

    /// `committed` is called on `loop` when `rows` are committed (or failed).
    func enqueue(_ rows: [Row], on loop: any EventLoop, committed: @escaping @Sendable (Result<Void, any Error>) -> Void) {
        pending.append(contentsOf: rows)
        waiting.append(Waiter(loop: loop, committed: committed))
        if !writing {
            writing = true
            Task { await self.drain() }
        }
    }

    /// Writes batches until nothing is pending; requests arriving meanwhile join the next batch.
    private func drain() async {
        while !pending.isEmpty {
            let rows = pending, waiters = waiting
            pending = []; waiting = []
            do {
                let db = database()
                // One statement is atomic by itself: on PostgreSQL every batch is one. On SQLite a
                // transaction is the direct writer's way (`sqlTransaction`), whatever the size.
                if db.sql.dialect.name == "postgresql" {
                    // The statement's text is the same whatever the rows (arrays), so prepared it is
                    // parsed once per connection: unnamed, parsing and planning took 0.23 ms of the
                    // 0.33 ms PostgreSQL spent on a page view's one event.
                    try await Self.insert(rows, on: PostgresReadDatabase(base: db, prepared: prepared))
                } else {
                    try await db.sqlTransaction { try await Self.insert(rows, on: $0) }
                }
                for waiter in waiters { waiter.tell(.success(())) }
            } catch {
                for waiter in waiters { waiter.tell(.failure(error)) }
            }
        }
        writing = false
    }

    /// 9 values a row: under SQLite's 32,766 bind limit (PostgreSQL's batch is one statement of arrays).
    static let rowsPerStatement = 1_000

    static let columns = ["id", "at", "actor_id", "actor_email", "action", "participant_id", "project_id", "detail", "client_address"]

    static func insert(_ rows: [Row], on sql: any SQLDatabase) async throws {
        guard !rows.isEmpty else { return }
        if sql.dialect.name == "postgresql" { return try await insertUnnested(rows, on: sql) }
        for start in stride(from: 0, to: rows.count, by: rowsPerStatement) {
            let chunk = rows[start..<min(start + rowsPerStatement, rows.count)]
            if let direct = sql as? SQLiteDirectDatabase {
                let (text, binds) = statement(chunk)
                try direct.query(text, binds)
                continue
            }
            if let lite = sql as? any SQLiteDatabase {
                let (text, binds) = statement(chunk)
                try await lite.query(text, binds) { _ in }
                continue
            }
            var insert = sql.insert(into: AuditEvent.schema).columns(columns)
            for r in chunk {
                insert = insert.values(
                    SQLBind(r.id), SQLBind(r.at), SQLBind(r.actorID), SQLBind(r.actorEmail), SQLBind(r.action),
                    SQLBind(r.participantID), SQLBind(r.projectID), SQLBind(r.detail), SQLBind(r.clientAddress))
            }
            try await insert.run()
        }
    }

    /// On PostgreSQL one statement of nine arrays, whatever the number of rows. As `VALUES` a
    /// batch was a statement of up to 9,000 parameters, its text new for each number of rows, so
    /// PostgreSQL parsed and planned it every time: 13 ms a thousand rows under the API's load,
    /// while the requests of the next batch waited (the API at 2 % of the floor, a third of the
    /// machine idle). A missing id is an empty text in its array (postgres-nio's arrays hold no
    /// nulls), made null again here.
    private static func insertUnnested(_ rows: [Row], on sql: any SQLDatabase) async throws {
        func text(_ id: UUID?) -> String { id?.text ?? "" }
        try await sql.raw(
            """
            INSERT INTO audit_events (id, at, actor_id, actor_email, action, participant_id, project_id, detail, client_address)
            SELECT id, at, CAST(NULLIF(actor, '') AS uuid), email, action, CAST(NULLIF(person, '') AS uuid),
                   CAST(NULLIF(project, '') AS uuid), detail, client
            FROM unnest(\(bind: rows.map(\.id)), \(bind: rows.map(\.at)), \(bind: rows.map { text($0.actorID) }),
                        \(bind: rows.map(\.actorEmail)), \(bind: rows.map(\.action)), \(bind: rows.map { text($0.participantID) }),
                        \(bind: rows.map { text($0.projectID) }), \(bind: rows.map(\.detail)), \(bind: rows.map(\.clientAddress)))
              AS r(id, at, actor, email, action, person, project, detail, client)
            """
        ).run()
    }

    /// On SQLite the statement's text and values are made here, as the driver stores them (ids as
    /// upper-case text, times as seconds since 1970): SQLKit's serializer and the value encoder cost
    /// a list view ~8 % of its CPU for its 25 events (issue 11).
    private static func statement(_ rows: ArraySlice<Row>) -> (String, [SQLiteData]) {
        var text = "INSERT INTO \(AuditEvent.schema) (\(columns.joined(separator: ", "))) VALUES "
        text.reserveCapacity(text.utf8.count + rows.count * 20)
        var binds: [SQLiteData] = []
        binds.reserveCapacity(rows.count * 9)
        func id(_ u: UUID?) -> SQLiteData { u.map { .text($0.text) } ?? .null }
        for (i, r) in rows.enumerated() {
            text += i == 0 ? "(?,?,?,?,?,?,?,?,?)" : ",(?,?,?,?,?,?,?,?,?)"
            binds += [
                id(r.id), .float(r.at.timeIntervalSince1970), id(r.actorID), .text(r.actorEmail), .text(r.action),
                id(r.participantID), id(r.projectID), .text(r.detail), .text(r.clientAddress),
            ]
        }
        return (text, binds)
    }
}

extension Application {
    private struct AuditBatchKey: StorageKey { typealias Value = AuditBatch }

    /// Set up in `configure` before the server starts, so no request races to create it (an app
    /// not made by `configure` gets a batch of its own per call: correct, only not grouped).
    var auditBatch: AuditBatch {
        get { storage[AuditBatchKey.self] ?? AuditBatch(database: { [unowned self] in self.db }) }
        set { storage[AuditBatchKey.self] = newValue }
    }
}
