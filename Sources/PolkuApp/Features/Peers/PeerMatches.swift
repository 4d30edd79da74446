import Foundation
import PolkuCore
import SQLKit
import Vapor

/// Matching a participant with a peer (issue 16): the team asks what the participant would like to
/// share, sees approved peers ranked with their reasons (`PeerMatching`) and proposes one; the
/// participant says yes or no in their own space; the peer accepts and writes brief records of their
/// meetings. A peer sees only the participants matched to them, and of them only the first name, the
/// language, the area and why they were matched — never notes, health data or anything else.
enum PeerMatches {
    struct Match: Decodable, Equatable {
        let id: UUID
        let peer_id: UUID
        let participant_id: UUID
        let state: String
        let reasons: String
        let proposed_on: String
        let started_on: String?
        let ended_on: String?
        let outcome: String?
        let peer_name: String
        let peer_kind: String
        let first_name: String
    }

    /// How a match ended, as the peer says when ending it (counted on the project's peer page).
    enum Outcome: String, CaseIterable, Sendable {
        case goalsReached = "goals_reached", otherService = "other_service", participantStopped = "participant_stopped"
        case peerStopped = "peer_stopped", other
    }

    static func matches(_ filter: SQLQueryString, on sql: any SQLDatabase) async throws -> [Match] {
        try await sql.raw(
            """
            SELECT m.id, m.peer_id, m.participant_id, m.state, m.reasons, m.proposed_on, m.started_on, m.ended_on, m.outcome, u.name AS peer_name, p.kind AS peer_kind,
              x.first_name
            FROM peer_matches m JOIN peers p ON p.id = m.peer_id JOIN users u ON u.id = p.user_id JOIN participants x ON x.id = m.participant_id
            WHERE \(filter) ORDER BY m.proposed_on DESC, m.id
            """
        ).all(decoding: Match.self)
    }

    /// What the participant would like to share with a peer, from the query; by default their language and home area.
    static func wish(_ req: Request, language: String, municipality: String) -> (PeerMatching.Wish, FormState) {
        var state = FormState.read(req.query, fields: ["interests", "languages", "area", "days"])
        if state.values["languages"] == nil { state.values["languages"] = language }
        if state.values["area"] == nil { state.values["area"] = municipality }
        let wish = PeerMatching.Wish(
            interests: PeerMatching.words(state["interests"]), languages: PeerMatching.words(state["languages"]),
            area: state["area"].trimmingCharacters(in: .whitespaces), days: PeerMatching.words(state["days"]))
        return (wish, state)
    }

    /// Suggestions for the participant from the peers of the projects the worker writes in.
    @Sendable static func suggest(req: Request) async throws -> Response {
        let scope = try req.guardedParticipant()
        struct Person: Decodable { let first_name: String; let last_name: String; let language: String; let municipality: String }
        let sql = req.db.sql
        guard
            let person = try await sql.raw(
                "SELECT first_name, last_name, language, municipality FROM participants WHERE id = \(bind: scope.participantID)"
            ).first(decoding: Person.self)
        else { throw Abort(.notFound) }
        let (wish, state) = wish(req, language: person.language, municipality: person.municipality)
        let peers = try await Peers.peers(projects: scope.writableProjects, on: sql)
        let ranked = PeerMatching.rank(wish, peers.map(\.candidate), today: req.today.iso)
        let byID = Dictionary(uniqueKeysWithValues: peers.map { ($0.id.text, $0) })
        let existing = try await matches("m.participant_id = \(bind: scope.participantID)", on: sql)
        try await req.audit.record(.participantView, participant: scope.participantID, detail: "peer suggestions")
        return suggestionsPage(
            participant: scope.participantID, name: "\(person.first_name) \(person.last_name)", state: state,
            suggestions: ranked.compactMap { s in byID[s.peer].map { ($0, s.reasons) } }, existing: existing, context: req.pageContext
        ).response()
    }

    /// Proposes the peer; the reasons are written as the worker saw them.
    @Sendable static func propose(req: Request) async throws -> Response {
        let scope = try req.guardedParticipant()
        let sql = req.db.sql
        guard let peerID = try? req.content.get(UUID.self, at: "peer_id"), let reasons = try? req.content.get(String.self, at: "reasons") else {
            throw Abort(.badRequest, reason: "missing fields: peer_id, reasons")
        }
        guard let peer = try await Peers.peers(projects: scope.writableProjects, on: sql).first(where: { $0.id == peerID }),
            peer.candidate.approved, peer.ends_on.map({ $0 >= req.today.iso }) ?? true
        else { throw Abort(.notFound) }
        guard
            try await matches("m.participant_id = \(bind: scope.participantID) AND m.peer_id = \(bind: peerID) AND m.state IN ('proposed', 'consented', 'active')", on: sql).isEmpty
        else {
            req.flash("peer.match.exists")
            return req.redirect(to: .participantPeers(.value(scope.participantID)))
        }
        let project = try await sql.raw("SELECT project_id FROM peers WHERE id = \(bind: peerID)").first()!.decode(column: "project_id", as: UUID.self)
        try await req.db.writeTransaction { db in
            try await db.sql.raw(
                """
                INSERT INTO peer_matches (id, peer_id, participant_id, project_id, state, reasons, proposed_by, proposed_on)
                VALUES (\(bind: req.application.newID()), \(bind: peerID), \(bind: scope.participantID), \(bind: project), 'proposed',
                  \(bind: String(reasons.prefix(500))), \(bind: scope.actor.userID), \(bind: req.today.iso))
                """
            ).run()
            try await req.audit.record(.participantUpdate, participant: scope.participantID, project: project, detail: "peer proposed", on: db)
        }
        req.flash("peer.match.proposed", peer.name)
        return req.redirect(to: .participantPeers(.value(scope.participantID)))
    }

    /// The participant's yes or no to a proposed peer; a second answer changes nothing.
    @Sendable static func answer(req: Request) async throws -> Response {
        let (pid, _) = try req.guardedSelf()
        guard let id = req.parameters.get("match", as: UUID.self),
            let match = try await matches("m.id = \(bind: id) AND m.participant_id = \(bind: pid)", on: req.db.sql).first
        else { throw Abort(.notFound) }
        guard let answer = try? req.content.get(String.self, at: "answer"), ["yes", "no"].contains(answer) else {
            throw Abort(.badRequest, reason: "missing fields: answer")
        }
        if match.state == "proposed" {
            try await req.db.writeTransaction { db in
                try await db.sql.raw("UPDATE peer_matches SET state = \(bind: answer == "yes" ? "consented" : "declined") WHERE id = \(bind: id)").run()
                try await req.audit.record(.consentRecord, participant: pid, detail: answer == "yes" ? "peer match consented" : "peer match declined", on: db)
            }
        }
        req.flash(answer == "yes" ? "peer.me.yes" : "peer.me.no")
        return req.redirect(to: .me)
    }

    /// The peer's page of one match: the little the match shares, the meetings, and the form.
    @Sendable static func show(req: Request) async throws -> Response {
        let (id, _) = try req.guardedPeerMatch()
        return try await matchPage(req, id, state: FormState())
    }

    static func matchPage(_ req: Request, _ id: UUID, state: FormState, status: HTTPResponseStatus = .ok) async throws -> Response {
        let sql = req.db.sql
        guard let match = try await matches("m.id = \(bind: id)", on: sql).first else { throw Abort(.notFound) }
        struct Shared: Decodable { let language: String; let municipality: String }
        let shared = try await sql.raw("SELECT language, municipality FROM participants WHERE id = \(bind: match.participant_id)").first(decoding: Shared.self)
        struct Meeting: Decodable { let date: String; let note: String }
        let meetings = try await sql.raw("SELECT date, note FROM peer_meetings WHERE match_id = \(bind: id) ORDER BY date DESC, created_at DESC")
            .all(decoding: Meeting.self).map { ($0.date, $0.note) }
        try await req.audit.record(.participantView, participant: match.participant_id, detail: "peer's match page")
        return peerPage(
            match, language: shared?.language ?? "", area: shared?.municipality ?? "", meetings: meetings, state: state, context: req.pageContext,
            status: status
        ).response()
    }

    @Sendable static func accept(req: Request) async throws -> Response {
        let (id, _) = try req.guardedPeerMatch()
        guard let match = try await matches("m.id = \(bind: id)", on: req.db.sql).first else { throw Abort(.notFound) }
        if match.state == "consented" {
            try await req.db.writeTransaction { db in
                try await db.sql.raw("UPDATE peer_matches SET state = 'active', started_on = \(bind: req.today.iso) WHERE id = \(bind: id)").run()
                try await req.audit.record(.participantUpdate, participant: match.participant_id, detail: "peer match accepted", on: db)
            }
        }
        req.flash("peer.match.accepted")
        return req.redirect(to: .peerMatch(.value(id)))
    }

    /// A brief record of a meeting; never health data (the form says so, and the peer role reads no health).
    @Sendable static func addMeeting(req: Request) async throws -> Response {
        let (id, _) = try req.guardedPeerMatch()
        guard let match = try await matches("m.id = \(bind: id)", on: req.db.sql).first, match.state == "active" else { throw Abort(.forbidden) }
        var state = try FormState.read(req, fields: ["date", "note"], requiring: ["date", "note"])
        let date = state.date("date", required: true)
        let note = state.text("note", required: true, max: 1_000)
        if let date, date > req.today.iso { state.errors["date"] = "panel.error.future" }
        guard let date, state.isValid else { return try await matchPage(req, id, state: state, status: .unprocessableEntity) }
        try await req.db.writeTransaction { db in
            try await db.sql.raw(
                """
                INSERT INTO peer_meetings (id, match_id, date, note, created_at)
                VALUES (\(bind: req.application.newID()), \(bind: id), \(bind: date), \(bind: note), \(bind: req.now))
                """
            ).run()
            try await req.audit.record(.participantUpdate, participant: match.participant_id, detail: "peer meeting", on: db)
        }
        req.flash("peer.meeting_added")
        return req.redirect(to: .peerMatch(.value(id)))
    }

    /// The peer ends a match that was agreed or going on, saying how it ended; an ended match stays
    /// ended (a second post changes nothing).
    @Sendable static func end(req: Request) async throws -> Response {
        let (id, _) = try req.guardedPeerMatch()
        guard let match = try await matches("m.id = \(bind: id)", on: req.db.sql).first else { throw Abort(.notFound) }
        var state = try FormState.read(req, fields: ["outcome"], requiring: ["outcome"])
        let outcome = state.choice("outcome", Outcome.self)
        guard let outcome, state.isValid else { return try await matchPage(req, id, state: state, status: .unprocessableEntity) }
        if ["consented", "active"].contains(match.state) {
            try await req.db.writeTransaction { db in
                try await db.sql.raw(
                    """
                    UPDATE peer_matches SET state = 'ended', ended_on = \(bind: req.today.iso), outcome = \(bind: outcome.rawValue)
                    WHERE id = \(bind: id) AND state IN ('consented', 'active')
                    """
                ).run()
                try await req.audit.record(.participantUpdate, participant: match.participant_id, detail: "peer match ended", on: db)
            }
        }
        req.flash("peer.match.ended_flash")
        return req.redirect(to: .peerMatch(.value(id)))
    }
}
