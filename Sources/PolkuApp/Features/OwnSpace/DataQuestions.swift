import Fluent
import Foundation
import PolkuCore
import SQLKit
import Vapor

/// A participant's question about an event in "who has seen my data" (issue 15), which reaches the
/// managers of the projects they are in; a manager answers in Polku and the participant reads the
/// answer beside their question.
enum DataQuestions {
    static let maxLength = 2_000

    /// A question as the participant and the manager read it, with the event it is about.
    struct Row: Decodable, Equatable {
        let id: UUID
        let participant_id: UUID
        let question: String
        let created_at: Date
        let answer: String?
        let answered_at: Date?
        let event_at: Date?
        let event_action: String?
        let event_actor: String?
        var first_name: String? = nil
        var last_name: String? = nil
    }

    static let columns: SQLQueryString = """
        SELECT q.id, q.participant_id, q.question, q.created_at, q.answer, q.answered_at,
               a.at AS event_at, a.action AS event_action, u.name AS event_actor
        """
    static let joins: SQLQueryString = """
        FROM data_questions q LEFT JOIN audit_events a ON a.id = q.audit_event_id LEFT JOIN users u ON u.id = a.actor_id
        """

    static func ofParticipant(_ participant: UUID, on db: any Database) async throws -> [Row] {
        try await db.sql.raw("\(columns) \(joins) WHERE q.participant_id = \(bind: participant) ORDER BY q.created_at DESC")
            .all(decoding: Row.self)
    }

    /// The participant's event that a question is about, as "who has seen my data" lists it; nil for
    /// an event that is not theirs to ask about.
    static func event(_ req: Request, participant: UUID) async throws -> SeenBy.Event? {
        guard let id = req.parameters.get("event", as: UUID.self) else { return nil }
        return try await req.db.sql.raw("\(SeenBy.events(of: participant)) AND a.id = \(bind: id)").first(decoding: SeenBy.Event.self)
    }

    @Sendable static func form(req: Request) async throws -> Response {
        let (pid, _) = try req.guardedSelf()
        guard let event = try await event(req, participant: pid) else { throw Abort(.notFound) }
        try await req.audit.record(.participantView, participant: pid, detail: "question form")
        return askPage(event, state: FormState(), context: req.pageContext).response()
    }

    @Sendable static func ask(req: Request) async throws -> Response {
        let (pid, _) = try req.guardedSelf()
        guard let event = try await event(req, participant: pid) else { throw Abort(.notFound) }
        var state = try FormState.read(req, fields: ["question"], requiring: ["question"])
        let question = state.text("question", required: true, max: maxLength)
        guard state.isValid else { return askPage(event, state: state, context: req.pageContext, status: .unprocessableEntity).response() }
        let now = req.now
        try await req.db.writeTransaction { db in
            try await db.sql.raw(
                """
                INSERT INTO data_questions (id, participant_id, audit_event_id, question, created_at)
                VALUES (\(bind: req.application.ids.make(now)), \(bind: pid), \(bind: event.id), \(bind: question), \(bind: now))
                """
            ).run()
            try await req.audit.record(.dataQuestion, participant: pid, detail: "about event \(event.id)", on: db)
        }
        req.flash("flash.question.sent")
        return req.redirect(to: .mySeen)
    }

    // MARK: The managers' side

    /// How long an answered question stays on the managers' list; an unanswered one always does.
    static let answeredShownDays = 90

    /// Questions from the participants of a project the actor manages: every unanswered one first,
    /// then those answered lately; or the one question `only`, whenever it was answered.
    static func ofProject(_ project: UUID, only: UUID? = nil, now: Date, on db: any Database) async throws -> [Row] {
        let which: SQLQueryString =
            only.map { "q.id = \(bind: $0)" }
            ?? "(q.answered_at IS NULL OR q.answered_at >= \(bind: now.addingTimeInterval(-Double(answeredShownDays) * 86_400)))"
        return try await db.sql.raw(
            """
            \(columns), p.first_name, p.last_name \(joins) JOIN participants p ON p.id = q.participant_id
            WHERE q.participant_id IN (SELECT e.participant_id FROM enrolments e WHERE e.project_id = \(bind: project)) AND \(which)
            ORDER BY CASE WHEN q.answered_at IS NULL THEN 0 ELSE 1 END, q.created_at DESC
            """
        ).all(decoding: Row.self)
    }

    @Sendable static func list(req: Request) async throws -> Response {
        let (project, _, _) = try req.guardedProject()
        return try await render(req, project: project, answering: nil, state: FormState())
    }

    static func render(_ req: Request, project: UUID, answering: UUID?, state: FormState, status: HTTPResponseStatus = .ok) async throws -> Response {
        let rows = try await ofProject(project, now: req.now, on: req.db)
        try await req.audit.record(.participantList, participants: Array(Set(rows.map(\.participant_id))), project: project, detail: "data questions")
        let name = req.actor?.projectNames[project] ?? ""
        return listPage(.init(project: project, projectName: name, rows: rows, answering: answering, state: state), context: req.pageContext, status: status)
            .response()
    }

    @Sendable static func answer(req: Request) async throws -> Response {
        let (project, _, actor) = try req.guardedProject()
        guard let id = req.parameters.get("question", as: UUID.self),
            let row = try await ofProject(project, only: id, now: req.now, on: req.db).first
        else { throw Abort(.notFound) }
        var state = try FormState.read(req, fields: ["answer"], requiring: ["answer"])
        let answer = state.text("answer", required: true, max: maxLength)
        guard state.isValid else { return try await render(req, project: project, answering: id, state: state, status: .unprocessableEntity) }
        try await req.db.writeTransaction { db in
            try await db.sql.raw(
                "UPDATE data_questions SET answer = \(bind: answer), answered_at = \(bind: req.now), answered_by = \(bind: actor.userID) WHERE id = \(bind: id)"
            ).run()
            try await req.audit.record(.dataAnswer, participant: row.participant_id, project: project, detail: "question \(id)", on: db)
        }
        req.flash("flash.question.answered")
        return req.redirect(SiteURL.projectQuestions(.value(project)).relativeURL())
    }
}
