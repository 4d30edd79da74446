import Foundation
import PolkuCore
import SQLKit
import Vapor

/// A project's peers (issue 16): peer coaches, buddies and experience experts. A peer is a staff
/// account with the peer role in the project; its managers record what the peer offers, approve
/// them once their training is completed, and may set the day their time ends. Only approved peers
/// whose time has not ended are suggested (`PeerMatching`).
enum Peers {
    enum Kind: String, CaseIterable { case peerCoach = "peer_coach", buddy, experienceExpert = "experience_expert" }

    struct Row: Decodable, Equatable {
        let id: UUID
        let user_id: UUID
        let name: String
        let kind: String
        let interests: String
        let languages: String
        let area: String
        let days: String
        let trained_on: String?
        let approved_on: String?
        let ends_on: String?
        let matches: Int

        var candidate: PeerMatching.Peer {
            PeerMatching.Peer(
                id: id.text, interests: PeerMatching.words(interests), languages: PeerMatching.words(languages), area: area,
                days: PeerMatching.words(days), approved: approved_on != nil, endsOn: ends_on)
        }
    }

    struct Candidate: Decodable, Equatable { let id: UUID; let name: String }

    static let fields = [
        "user_id", "kind", "interests", "languages", "area", "days", "ends_on", "training_activity_id", "participant_id", PersonFinder.searchField,
    ]

    static func peers(projects: [UUID], on sql: any SQLDatabase) async throws -> [Row] {
        guard !projects.isEmpty else { return [] }
        return try await sql.raw(
            """
            SELECT p.id, p.user_id, u.name, p.kind, p.interests, p.languages, p.area, p.days, p.trained_on, p.approved_on, p.ends_on,
              (SELECT COUNT(*) FROM peer_matches m WHERE m.peer_id = p.id AND m.state IN ('consented', 'active')) AS matches
            FROM peers p JOIN users u ON u.id = p.user_id
            WHERE p.project_id \(oneOf: projects) AND u.is_active = \(bind: true) ORDER BY u.name
            """
        ).all(decoding: Row.self)
    }

    /// Accounts with the peer role in the project that have no peer record yet.
    static func candidates(project: UUID, on sql: any SQLDatabase) async throws -> [Candidate] {
        try await sql.raw(
            """
            SELECT DISTINCT u.id, u.name FROM memberships m JOIN users u ON u.id = m.user_id
            WHERE m.project_id = \(bind: project) AND m.role = 'peer' AND u.is_active = \(bind: true)
              AND u.id NOT IN (SELECT user_id FROM peers WHERE project_id = \(bind: project))
            ORDER BY u.name
            """
        ).all(decoding: Candidate.self)
    }

    @Sendable static func index(req: Request) async throws -> Response {
        let (project, _, _) = try req.guardedProject()
        return try await indexPage(req, project: project, state: FormState())
    }

    static func indexPage(_ req: Request, project: UUID, state: FormState, status: HTTPResponseStatus = .ok) async throws -> Response {
        let sql = req.db.sql
        return listPage(
            project: project, name: try await Surveys.project(project, on: sql), peers: try await peers(projects: [project], on: sql),
            candidates: try await candidates(project: project, on: sql), figures: try await PeerFigures.query(project: project, today: req.today.iso, on: sql),
            supervisions: try await PeerSupervisions.list(project: project, on: sql),
            training: try await training(project: project, today: req.today.iso, on: sql),
            choices: (try await programmes(project: project, on: sql), try await formerParticipant(req, project: project, state: state)),
            state: state, context: req.pageContext, status: status
        ).response()
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let (project, _, _) = try req.guardedProject()
        if req.formFields["find"] != nil {
            // A search for the former participant: the form again, as it was sent, with whom it found.
            req.formChangedNothing()
            return try await indexPage(req, project: project, state: FormState.read(req, fields: fields))
        }
        var state = try FormState.read(req, fields: fields, requiring: ["user_id", "kind"])
        let user = state.uuid("user_id")
        let kind = state.choice("kind", Kind.self)
        let interests = state.text("interests", max: 500), languages = state.text("languages", max: 100)
        let area = state.text("area", max: 100), days = state.text("days", max: 100)
        let ends = state.date("ends_on")
        let programme = state.uuid("training_activity_id", required: false), former = state.uuid("participant_id", required: false)
        if let programme, try await !programmes(project: project, on: req.db.sql).contains(where: { $0.id == programme }) {
            state.errors["training_activity_id"] = "error.choice"
        }
        if let former {
            let consented = try await req.db.sql.raw(
                "SELECT 1 AS x FROM enrolments WHERE project_id = \(bind: project) AND participant_id = \(bind: former) AND \(Consent.askedToDevelop)"
            ).first()
            if consented == nil { state.errors["participant_id"] = "error.choice" }
        }
        if let user, try await !candidates(project: project, on: req.db.sql).contains(where: { $0.id == user }) {
            state.errors["user_id"] = "peer.error.not_candidate"
        }
        guard let user, let kind, state.isValid else { return try await indexPage(req, project: project, state: state, status: .unprocessableEntity) }
        try await req.db.writeTransaction { db in
            try await db.sql.raw(
                """
                INSERT INTO peers (id, project_id, user_id, kind, interests, languages, area, days, ends_on, training_activity_id, participant_id, created_at)
                VALUES (\(bind: req.application.newID()), \(bind: project), \(bind: user), \(bind: kind.rawValue), \(bind: interests),
                  \(bind: languages), \(bind: area), \(bind: days), \(bind: ends), \(bind: programme), \(bind: former), \(bind: req.now))
                """
            ).run()
            try await req.audit.record(.projectUpdate, project: project, detail: "peer added", on: db)
        }
        req.flash("peer.added")
        return req.redirect(to: .projectPeers(.value(project)))
    }

    /// Approval needs the day the training was completed; a peer is approved once.
    @Sendable static func approve(req: Request) async throws -> Response {
        let (project, _, actor) = try req.guardedProject()
        guard let id = req.parameters.get("peer", as: UUID.self),
            let peer = try await peers(projects: [project], on: req.db.sql).first(where: { $0.id == id })
        else { throw Abort(.notFound) }
        var state = try FormState.read(req, fields: ["trained_on"], requiring: ["trained_on"])
        let trained = state.date("trained_on", required: true)
        if let trained, trained > req.today.iso { state.errors["trained_on"] = "panel.error.future" }
        // A peer with a coaching programme in Polku is approved only once its rule is met.
        if let training = try await training(project: project, today: req.today.iso, on: req.db.sql)[id], training.hasProgramme, !training.completed {
            state.errors["trained_on"] = "peer.error.training_open"
        }
        guard let trained, state.isValid else {
            state.values["peer"] = id.text
            return try await indexPage(req, project: project, state: state, status: .unprocessableEntity)
        }
        if peer.approved_on == nil {
            try await req.db.writeTransaction { db in
                try await db.sql.raw(
                    """
                    UPDATE peers SET trained_on = \(bind: trained), approved_by = \(bind: actor.userID), approved_on = \(bind: req.today.iso)
                    WHERE id = \(bind: id)
                    """
                ).run()
                try await req.audit.record(.projectUpdate, project: project, detail: "peer approved", on: db)
            }
        }
        req.flash("peer.approved", peer.name)
        return req.redirect(to: .projectPeers(.value(project)))
    }
}
