import Foundation
import PolkuCore
import SQLKit
import Vapor

/// Feedback after a session or a service (issue 15). The participant answers once per session or
/// referral: a rating from 1 to 5 and words if they like, anonymously unless they choose to give
/// their name. Anonymous feedback keeps no link to its giver (`feedback_given` records only that
/// they answered) and its time only to the day, so it cannot be matched to the audit log's
/// "feedback given" by the minute. The team sees feedback only in sums of five answers or more.
enum Feedback {
    static let textMax = 1_000
    /// Sessions held up to this many days ago can still be answered about.
    static let days = 30

    enum Kind: String { case session, referral }

    /// Something the participant can give feedback on.
    struct Subject: Decodable, Equatable {
        let kind: String
        let id: UUID
        let project_id: UUID
        /// The group's or the service's name.
        let name: String
        /// The session's day, or the day the referral was made.
        let date: String
    }

    /// What the participant may answer about and has not: sessions they attended in the last
    /// `days` days and referrals that started, ended or were interrupted; newest first.
    static func open(_ participant: UUID, today: CalendarDate, on sql: any SQLDatabase) async throws -> [Subject] {
        let sessions = try await sql.raw(
            """
            SELECT 'session' AS kind, s.id, a.project_id, a.name, s.date FROM attendances t
            JOIN activity_sessions s ON s.id = t.session_id JOIN activities a ON a.id = s.activity_id
            WHERE t.participant_id = \(bind: participant) AND s.cancelled = \(bind: false)
              AND s.date <= \(bind: today.iso) AND s.date >= \(bind: today.adding(days: -days).iso)
              AND NOT EXISTS (SELECT 1 FROM feedback_given g WHERE g.participant_id = \(bind: participant) AND g.subject_id = s.id)
            ORDER BY s.date DESC LIMIT 20
            """
        ).all(decoding: Subject.self)
        struct Row: Decodable { let id: UUID; let project_id: UUID; let name: String; let created_at: Date }
        let referrals = try await sql.raw(
            """
            SELECT r.id, r.project_id, sv.name, r.created_at FROM referrals r JOIN services sv ON sv.id = r.service_id
            WHERE r.participant_id = \(bind: participant) AND r.state IN ('started', 'completed', 'interrupted')
              AND NOT EXISTS (SELECT 1 FROM feedback_given g WHERE g.participant_id = \(bind: participant) AND g.subject_id = r.id)
            ORDER BY r.created_at DESC LIMIT 20
            """
        ).all(decoding: Row.self).map {
            Subject(kind: Kind.referral.rawValue, id: $0.id, project_id: $0.project_id, name: $0.name, date: ParticipantShow.dateOnly($0.created_at))
        }
        return sessions + referrals
    }

    static func subject(_ req: Request) async throws -> (participant: UUID, subject: Subject) {
        let (pid, _) = try req.guardedSelf()
        guard let id = req.parameters.get("subject", as: UUID.self),
            let subject = try await open(pid, today: req.today, on: req.db.sql).first(where: { $0.id == id })
        else { throw Abort(.notFound) }
        return (pid, subject)
    }

    @Sendable static func form(req: Request) async throws -> Response {
        let (_, subject) = try await subject(req)
        var state = FormState()
        state.values["anonymous"] = "on"
        return page(subject, state: state, context: req.pageContext).response()
    }

    @Sendable static func save(req: Request) async throws -> Response {
        let (pid, subject) = try await subject(req)
        var state = FormState.read(req, fields: ["rating", "text", "anonymous"])
        let rating = state.integer("rating", required: true, range: 1...5)
        let text = state.text("text", max: textMax)
        guard let rating, state.isValid else { return page(subject, state: state, context: req.pageContext, status: .unprocessableEntity).response() }
        let anonymous = state["anonymous"] == "on"
        // Anonymous answers keep only the day (midnight UTC), named ones the moment.
        let at = anonymous ? Date(timeIntervalSince1970: (req.now.timeIntervalSince1970 / 86_400).rounded(.down) * 86_400) : req.now
        // The app's ids are time-ordered: an anonymous answer gets a random one, or its id would keep the minute.
        let id = anonymous ? UUID() : req.application.newID()
        try await req.db.writeTransaction { db in
            try await db.sql.raw(
                """
                INSERT INTO feedback (id, project_id, subject_kind, subject_id, participant_id, rating, text, created_at)
                VALUES (\(bind: id), \(bind: subject.project_id), \(bind: subject.kind), \(bind: subject.id), \(bind: anonymous ? nil : pid),
                  \(bind: rating), \(bind: text), \(bind: at))
                """
            ).run()
            try await db.sql.raw("INSERT INTO feedback_given (participant_id, subject_id) VALUES (\(bind: pid), \(bind: subject.id))").run()
            try await req.audit.record(.participantUpdate, participant: pid, project: subject.project_id, detail: "feedback given", on: db)
        }
        req.flash("feedback.thanks")
        return req.redirect(to: .me)
    }
}
