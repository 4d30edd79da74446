import Fluent
import Foundation
import PolkuCore
import SQLKit
import Vapor

/// "Kuka on katsonut tietojani": the participant's view of the audit log (issue 15). Finnish client
/// data law lets a client ask who has handled their data; here they see it without asking: each view
/// and change by someone else in the last 24 months, newest first, with the person's name, their
/// roles and organisation, and what they did in plain words.
enum SeenBy {
    static let pageSize = 25
    static let months = 24

    struct Event: Decodable, Equatable {
        let id: UUID
        let at: Date
        let action: String
        let actor_id: UUID?
        let actor_name: String?
    }

    /// A role an actor holds now where it touches this participant: in one of their projects, or in
    /// an organisation (a service provider, an admin).
    struct Role: Decodable, Equatable {
        let user_id: UUID
        let role: String
        let project_name: String?
        let organisation_name: String?
    }

    struct Model {
        var events: [Event] = []
        var roles: [UUID: [Role]] = [:]
        var before: UUID? = nil
        var hasMore = false
        /// The participant's questions about events, with their answers.
        var questions: [DataQuestions.Row] = []
    }

    /// One page of events about `participant` by anyone but themself (any account of theirs, a closed
    /// one too), older than the event `before` when it is one of theirs (else the newest page).
    static func query(participant: UUID, before: UUID?, now: Date, on db: any Database) async throws -> Model {
        let sql = db.sql
        let since = now.addingTimeInterval(-Double(months) * 30.5 * 86_400)
        var query: SQLQueryString = "\(events(of: participant)) AND a.at >= \(bind: since)"
        var model = Model()
        // The anchor's time is compared as stored (a subquery), not read back into a `Date` and bound
        // again: SQLite keeps fractions of a second that a round trip may not reproduce exactly.
        if let before,
            try await sql.raw("SELECT id FROM audit_events WHERE id = \(bind: before) AND participant_id = \(bind: participant)").first() != nil
        {
            let at: SQLQueryString = "(SELECT b.at FROM audit_events b WHERE b.id = \(bind: before))"
            query.appendInterpolation(" AND (a.at < \(at) OR (a.at = \(at) AND a.id < \(bind: before)))" as SQLQueryString)
            model.before = before
        }
        query.appendLiteral(" ORDER BY a.at DESC, a.id DESC LIMIT \(pageSize + 1)")
        let events = try await sql.raw(query).all(decoding: Event.self)
        model.events = Array(events.prefix(pageSize))
        model.hasMore = events.count > pageSize
        let actors = Array(Set(model.events.compactMap(\.actor_id)))
        guard !actors.isEmpty else { return model }
        let roles = try await sql.raw(
            """
            SELECT m.user_id, m.role, p.name AS project_name,
                   COALESCE(o.name, (SELECT MIN(o2.name) FROM project_organisations po JOIN organisations o2 ON o2.id = po.organisation_id
                                     WHERE po.project_id = m.project_id AND po.role = 'administrator')) AS organisation_name
            FROM memberships m LEFT JOIN projects p ON p.id = m.project_id LEFT JOIN organisations o ON o.id = m.organisation_id
            WHERE m.user_id \(oneOf: actors)
              AND (m.project_id IS NULL OR m.project_id IN (SELECT e.project_id FROM enrolments e WHERE e.participant_id = \(bind: participant)))
            ORDER BY p.name, m.role
            """
        ).all(decoding: Role.self)
        model.roles = Dictionary(grouping: roles, by: \.user_id)
        return model
    }

    /// The events about `participant` that others caused (not any account of their own), with the
    /// name of who did it; the list and the question form both read events this way.
    static func events(of participant: UUID) -> SQLQueryString {
        """
        SELECT a.id, a.at, a.action, a.actor_id, u.name AS actor_name FROM audit_events a LEFT JOIN users u ON u.id = a.actor_id
        WHERE a.participant_id = \(bind: participant)
          AND (a.actor_id IS NULL OR a.actor_id NOT IN (SELECT o.id FROM users o WHERE o.participant_id = \(bind: participant)))
        """
    }

    /// What an event means to the person it is about, as a text key.
    static func what(_ action: String) -> String {
        guard let action = Audit.Action(rawValue: action) else { return "seen.what.other" }
        switch action {
        case .participantList: return "seen.what.list"
        case .participantView, .participationView, .referralView, .referralForm: return "seen.what.view"
        case .participantCreate, .participantImport, .enrolmentCreate: return "seen.what.create"
        case .participantUpdate, .participationUpdate, .phaseChange: return "seen.what.update"
        case .consentRecord: return "seen.what.consent"
        case .goalCreate, .goalUpdate: return "seen.what.goal"
        case .noteCreate, .teamRecord: return "seen.what.note"
        case .attendanceRecord: return "seen.what.attendance"
        case .referralCreate, .referralUpdate: return "seen.what.referral"
        case .export: return "seen.what.export"
        case .dataAnswer: return "seen.what.answer"
        default: return "seen.what.other"
        }
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let (pid, _) = try req.guardedSelf()
        let before = try? req.query.get(UUID.self, at: "before")
        var model = try await query(participant: pid, before: before, now: req.now, on: req.db)
        model.questions = try await DataQuestions.ofParticipant(pid, on: req.db)
        try await req.audit.record(.participantView, participant: pid, detail: "who has seen my data")
        return page(model, context: req.pageContext).response()
    }
}
