import Fluent
import Foundation
import SQLKit
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
actor AuditBatch {
    struct Row: Sendable {
        let id: UUID, at: Date, actorID: UUID?, actorEmail: String, action: String
        let participantID: UUID?, projectID: UUID?, detail: String, clientAddress: String
    }

    private let database: @Sendable () -> any Database
    private var pending: [Row] = []
    private var waiting: [CheckedContinuation<Void, any Error>] = []
    private var writing = false

    init(database: @escaping @Sendable () -> any Database) { self.database = database }

    /// Returns when `rows` are committed.
    func write(_ rows: [Row]) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            pending.append(contentsOf: rows)
            waiting.append(continuation)
            if !writing {
                writing = true
                Task { await self.drain() }
            }
        }
    }

    /// Writes batches until nothing is pending; requests arriving meanwhile join the next batch.
    private func drain() async {
        while !pending.isEmpty {
            let rows = pending, continuations = waiting
            pending = []; waiting = []
            do {
                let db = database()
                if rows.count <= Self.rowsPerStatement {
                    try await Self.insert(rows, on: db.sql)
                } else {
                    try await db.transaction { try await Self.insert(rows, on: $0.sql) }
                }
                for c in continuations { c.resume() }
            } catch {
                for c in continuations { c.resume(throwing: error) }
            }
        }
        writing = false
    }

    /// 9 values a row: under SQLite's 32,766 and PostgreSQL's 65,535 bind limits.
    static let rowsPerStatement = 1_000

    static func insert(_ rows: [Row], on sql: any SQLDatabase) async throws {
        // SQLite keeps ids as their upper-case text; binding that text skips the driver's formatting.
        let sqlite = sql.dialect.name == "sqlite"
        func id(_ u: UUID?) -> SQLBind { sqlite ? SQLBind(u?.text) : SQLBind(u) }
        for start in stride(from: 0, to: rows.count, by: rowsPerStatement) {
            var insert = sql.insert(into: AuditEvent.schema)
                .columns("id", "at", "actor_id", "actor_email", "action", "participant_id", "project_id", "detail", "client_address")
            for r in rows[start..<min(start + rowsPerStatement, rows.count)] {
                insert = insert.values(
                    id(r.id), SQLBind(r.at), id(r.actorID), SQLBind(r.actorEmail), SQLBind(r.action),
                    id(r.participantID), id(r.projectID), SQLBind(r.detail), SQLBind(r.clientAddress))
            }
            try await insert.run()
        }
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
