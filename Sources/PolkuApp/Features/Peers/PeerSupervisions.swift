import Foundation
import PolkuCore
import SQLKit
import Vapor

/// Supervision of the project's peers (työnohjaus, issue 16). Peer coaches and experience experts
/// meet a professional regularly; the manager records the day, the topics and who took part, so that
/// the project can show the funder that its peers are supported and each peer's page shows their
/// supervision. Topics are about the peers' work, never about a participant (the form says so).
enum PeerSupervisions {
    struct Row: Decodable, Equatable {
        let id: UUID
        let date: String
        let topics: String
        let attendees: String
    }

    /// The project's supervision meetings, newest first, with the peers present by name.
    static func list(project: UUID, on sql: any SQLDatabase) async throws -> [Row] {
        struct Flat: Decodable { let id: UUID; let date: String; let topics: String; let name: String? }
        let flat = try await sql.raw(
            """
            SELECT s.id, s.date, s.topics, u.name FROM peer_supervisions s
            LEFT JOIN peer_supervision_attendees a ON a.supervision_id = s.id
            LEFT JOIN peers p ON p.id = a.peer_id LEFT JOIN users u ON u.id = p.user_id
            WHERE s.project_id = \(bind: project) ORDER BY s.date DESC, s.id, u.name
            """
        ).all(decoding: Flat.self)
        var rows: [Row] = []
        for f in flat {
            if let last = rows.last, last.id == f.id {
                rows[rows.count - 1] = Row(
                    id: last.id, date: last.date, topics: last.topics, attendees: [last.attendees, f.name ?? ""].filter { !$0.isEmpty }.joined(separator: ", "))
            } else {
                rows.append(Row(id: f.id, date: f.date, topics: f.topics, attendees: f.name ?? ""))
            }
        }
        return rows
    }

    static let fields = ["date", "topics"]

    /// Records a supervision meeting; at least one of the project's approved peers took part.
    @Sendable static func create(req: Request) async throws -> Response {
        let (project, _, actor) = try req.guardedProject()
        var state = try FormState.read(req, fields: fields, requiring: fields)
        let posted = (try? req.content.decode([String: String].self)) ?? [:]
        let date = state.date("date", required: true)
        let topics = state.text("topics", required: true, max: 1_000)
        if let date, date > req.today.iso { state.errors["date"] = "panel.error.future" }
        let approved = try await Peers.peers(projects: [project], on: req.db.sql).filter { $0.approved_on != nil }
        let present = approved.filter { posted["peer_" + $0.id.text] == "on" }.map(\.id)
        for id in present { state.values["peer_" + id.text] = "on" }
        if present.isEmpty { state.errors["peers"] = "peer.supervision.error.nobody" }
        guard let date, state.isValid else {
            state.values["form"] = "supervision"
            return try await Peers.indexPage(req, project: project, state: state, status: .unprocessableEntity)
        }
        let id = req.application.newID()
        try await req.db.writeTransaction { db in
            try await db.sql.raw(
                """
                INSERT INTO peer_supervisions (id, project_id, date, topics, recorded_by, created_at)
                VALUES (\(bind: id), \(bind: project), \(bind: date), \(bind: topics), \(bind: actor.userID), \(bind: req.now))
                """
            ).run()
            var insert = db.sql.insert(into: "peer_supervision_attendees").columns("supervision_id", "peer_id")
            for peer in present { insert = insert.values(SQLBind(id), SQLBind(peer)) }
            try await insert.run()
            try await req.audit.record(.projectUpdate, project: project, detail: "peer supervision", on: db)
        }
        req.flash("peer.supervision.added")
        return req.redirect(to: .projectPeers(.value(project)))
    }

    /// The manager's section: the meetings so far and the form for the next one.
    static func section(project: UUID, rows: [Row], peers: [Peers.Row], state: FormState, context: PageContext) -> Node {
        let t = context.t
        let approved = peers.filter { $0.approved_on != nil }
        let f = Fields(t: t, state: state, prefix: "supervision-")
        return h("section", ["aria-labelledby": "peer-supervision"]) {
            h("h2", ["id": "peer-supervision"]) { t("peer.supervision.title") }
            if rows.isEmpty { h("p") { t("peer.supervision.none") } }
            if !rows.isEmpty {
                h("ul") {
                    for r in rows {
                        h("li") {
                            h("strong") { t.date(r.date) + ": " }; r.topics + " (" + t("peer.supervision.present", r.attendees) + ")"
                        }
                    }
                }
            }
            if !approved.isEmpty {
                h("form", ["method": "post", "action": SiteURL.projectPeerSupervisions(.value(project)).relativeURL()]) {
                    csrfField(context)
                    f.summary()
                    f.date("date", t("peer.supervision.date"), required: true)
                    f.textarea("topics", t("peer.supervision.topics"), required: true, hint: t("peer.supervision.topics_hint"), rows: 3)
                    h("fieldset", ["id": "f-supervision-peers", "tabindex": "-1"]) {
                        h("legend") { t("peer.supervision.who") }
                        f.error("peers")
                        for p in approved { f.checkbox("peer_" + p.id.text, p.name + " – " + t("peer.kind." + p.kind)) }
                    }
                    submit(t("peer.supervision.add"))
                }
            }
        }
    }
}
