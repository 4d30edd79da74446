import Fluent
import Foundation
import SQLKit

/// The audit log for administrators, filtered by actor, participant, action and period, newest first,
/// paged by (time, id) so that deep pages cost the same as the first.
enum AuditLog {
    static let fields = ["actor", "participant", "action", "from", "to", "before"]
    static let pageSize = 50

    struct Row: Decodable, Equatable {
        let id: UUID
        let at: Date
        let actor_email: String
        let action: String
        let participant_id: UUID?
        let project_id: UUID?
        let detail: String
        let client_address: String
    }

    /// Everything the page shows; `page(_:context:)` needs nothing else.
    struct Model {
        /// The filter as asked and what was wrong with it.
        var state: FormState
        /// The actor's email and the action filtered by, as read (trimmed, the email in lower case).
        var actor = ""
        var action = ""
        /// At most a page of events, newest first.
        var rows: [Row] = []
        var hasMore = false

        /// The filter's fields that were given, for the next page's address.
        var filterQuery: [(String, String)] {
            ["actor", "participant", "action", "from", "to"].compactMap { state[$0].isEmpty ? nil : ($0, state[$0]) }
        }
    }

    /// Reads the page of events `state` asks for; a bad filter reads nothing.
    static func query(_ state: FormState, on db: any Database) async throws -> Model {
        var state = state
        let actor = state.text("actor", max: 200).lowercased()
        let participant = state.uuid("participant", required: false)
        let action = state.text("action", max: 60)
        let from = state.date("from")
        let to = state.date("to")
        let before = state.uuid("before", required: false)
        var m = Model(state: state, actor: actor, action: action)
        guard state.isValid else { return m }
        let sql = db.sql
        var q = sql.select().columns("id", "at", "actor_email", "action", "participant_id", "project_id", "detail", "client_address").from(AuditEvent.schema)
        if !actor.isEmpty { q = q.where("actor_email", .equal, SQLBind(actor)) }
        if let participant { q = q.where("participant_id", .equal, SQLBind(participant)) }
        if !action.isEmpty { q = q.where("action", .equal, SQLBind(action)) }
        if let from, let d = startOfDay(from) { q = q.where("at", .greaterThanOrEqual, SQLBind(d)) }
        if let to, let d = startOfDay(to) { q = q.where("at", .lessThan, SQLBind(d.addingTimeInterval(86_400))) }
        if let before,
            let anchor = try await sql.select().column("at").from(AuditEvent.schema).where("id", .equal, SQLBind(before))
                .first(decodingColumn: "at", as: Date.self)
        {
            q = q.where(SQLQueryString("(at < \(bind: anchor) OR (at = \(bind: anchor) AND id < \(bind: before)))"))
        }
        let rows = try await q.orderBy("at", .descending).orderBy("id", .descending).limit(pageSize + 1).all(decoding: Row.self)
        m.rows = Array(rows.prefix(pageSize))
        m.hasMore = rows.count > pageSize
        return m
    }

    /// Midnight in Finland at the start of an ISO day: the filter's days are the users' days.
    static func startOfDay(_ iso: String) -> Date? {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withFullDate]
        f.timeZone = TimeZone(identifier: "Europe/Helsinki")
        return f.date(from: iso)
    }
}
