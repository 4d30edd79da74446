import Fluent
import PolkuCore
import SQLKit
import Vapor

/// The audit log for admins, filtered by actor, participant, action and period, newest first,
/// paged by (time, id) so that deep pages cost the same as the first.
enum AuditLogController {
    struct Row: Decodable {
        let id: UUID
        let at: Date
        let actor_email: String
        let action: String
        let participant_id: UUID?
        let project_id: UUID?
        let detail: String
        let client_address: String
    }

    @Sendable static func index(req: Request) async throws -> Response {
        _ = try req.guardedActor()
        let t = req.t
        var state = FormState.read(req.query, fields: ["actor", "participant", "action", "from", "to", "before"])
        let actor = state.text("actor", max: 200).lowercased()
        let participant = state.uuid("participant", required: false)
        let action = state.text("action", max: 60)
        let from = state.date("from")
        let to = state.date("to")
        let before = state.uuid("before", required: false)
        let sql = req.db.sql
        var q = sql.select().columns("id", "at", "actor_email", "action", "participant_id", "project_id", "detail", "client_address")
            .from("audit_events")
        if state.isValid {
            if !actor.isEmpty { q = q.where("actor_email", .equal, SQLBind(actor)) }
            if let participant { q = q.where("participant_id", .equal, SQLBind(participant)) }
            if !action.isEmpty { q = q.where("action", .equal, SQLBind(action)) }
            if let from, let d = isoStart(from) { q = q.where("at", .greaterThanOrEqual, SQLBind(d)) }
            if let to, let d = isoStart(to) { q = q.where("at", .lessThan, SQLBind(d.addingTimeInterval(86_400))) }
            if let before,
                let anchor = try await sql.select().column("at").from("audit_events")
                    .where("id", .equal, SQLBind(before)).first(decodingColumn: "at", as: Date.self)
            {
                q = q.where(SQLQueryString("(at < \(bind: anchor) OR (at = \(bind: anchor) AND id < \(bind: before)))"))
            }
        }
        let rows = state.isValid ? try await q.orderBy("at", .descending).orderBy("id", .descending).limit(51).all(decoding: Row.self) : []
        try await req.audit.record(.auditRead, detail: "actor=\(actor) action=\(action)")
        let f = Fields(t: t, state: state)
        var next: [(String, String)] = []
        for key in ["actor", "participant", "action", "from", "to"] where !state[key].isEmpty { next.append((key, state[key])) }
        return req.page(t("audit.title"), status: state.isValid ? .ok : .badRequest) {
            h("form", ["method": "get", "action": SiteURL.adminAudit.relativeURL(), "class": "inline"]) {
                f.text("actor", t("audit.actor"), type: "email")
                f.text("participant", t("audit.participant"), hint: t("audit.participant.hint"))
                f.select("action", t("audit.action"), options: Audit.Action.allCases.map { ($0.rawValue, $0.rawValue) }, blank: t("audit.action.all"))
                f.date("from", t("audit.from"))
                f.date("to", t("audit.to"))
                submit(t("audit.filter"))
            }
            h("table") {
                h("caption", ["class": "visually-hidden"]) { t("audit.title") }
                h("thead") {
                    h("tr") {
                        for key in ["audit.at", "audit.actor", "audit.action", "audit.participant", "audit.detail", "audit.address"] {
                            h("th", ["scope": "col"]) { t(key) }
                        }
                    }
                }
                h("tbody") {
                    for r in rows.prefix(50) {
                        h("tr") {
                            h("td") { t.dateTime(r.at) }
                            h("td") { r.actor_email }
                            h("td") { r.action }
                            h("td") {
                                if let pid = r.participant_id { h("a", ["href": SiteURL.adminAudit.relativeURL([("participant", "\(pid)")])]) { String(pid.uuidString.prefix(8)) } }
                            }
                            h("td") { r.detail }
                            h("td") { r.client_address }
                        }
                    }
                }
            }
            if rows.count > 50, let last = rows.prefix(50).last {
                h("nav", ["aria-label": t("participants.paging")]) {
                    h("a", ["href": SiteURL.adminAudit.relativeURL(next + [("before", last.id.uuidString)]), "rel": "next"]) { t("participants.next_page") }
                }
            }
        }
    }

    static func isoStart(_ iso: String) -> Date? {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withFullDate]
        f.timeZone = TimeZone(identifier: "Europe/Helsinki")
        return f.date(from: iso)
    }
}

extension FormState {
    /// Reads a GET form from the query string.
    static func read(_ query: any URLQueryContainer, fields: [String]) -> FormState {
        var state = FormState()
        for field in fields { if let v = try? query.get(String.self, at: field) { state.values[field] = v } }
        return state
    }
}
