import Foundation
import PolkuCore
import SQLKit
import Vapor

/// The multi-professional team around a participant (issue 17): a worker asks the team for a
/// consultation (the question, how urgent, which professions); a team member answers it; a
/// situation assessment (tilannearvio) has its own fields and next review; an observation visit to a
/// work unit has its day, the unit and what was seen. Each is written in one of the person's
/// projects, on the timeline, and a health-marked one is for the project's health roles only.
enum TeamRecords {
    enum Kind: String, CaseIterable, Sendable {
        case consultation
        case situationAssessment = "situation_assessment"
        case observation

        /// The kind's own text fields, in the order they are asked.
        var fields: [String] {
            switch self {
            case .consultation: ["question"]
            case .situationAssessment: ["situation", "strengths", "obstacles", "recommendations"]
            case .observation: ["unit", "findings"]
            }
        }
        /// The field that must not be empty.
        var required: String { fields[0] }
    }

    enum Urgency: String, CaseIterable { case normal, urgent }
    /// The professions a consultation can ask for, as in the seeds' multi-professional teams.
    static let professions = ["social_worker", "nurse", "psychologist", "physiotherapist", "occupational_therapist", "work_coach", "doctor"]

    static let textMax = 5_000

    struct Record: Decodable, Sendable, Equatable {
        let id: UUID; let project_id: UUID; let kind: String; let sensitivity: String; let date: String
        let urgency: String?; let professions: String?; let fields: String
        let author: String?; let created_at: Date
        let answer: String?; let answerer: String?; let answered_at: Date?
        var values: [String: String] { ProjectTexts.decode(fields) }
    }

    /// The person's team records in `projects`, health ones only in `healthProjects`; newest first.
    static func records(of participant: UUID, projects: [UUID], healthProjects: [UUID], on sql: any SQLDatabase) async throws -> [Record] {
        guard let query = recordsQuery(of: participant, projects: projects, healthProjects: healthProjects) else { return [] }
        return try await sql.raw(query).all(decoding: Record.self)
    }

    /// The query of `records`; nil without projects.
    static func recordsQuery(of participant: UUID, projects: [UUID], healthProjects: [UUID]) -> SQLQueryString? {
        guard !projects.isEmpty else { return nil }
        let visible: SQLQueryString =
            healthProjects.isEmpty ? "r.sensitivity = 'normal'" : "(r.sensitivity = 'normal' OR r.project_id \(oneOf: healthProjects))"
        return """
            SELECT r.id, r.project_id, r.kind, r.sensitivity, r.date, r.urgency, r.professions, r.fields, a.name AS author, r.created_at,
              r.answer, b.name AS answerer, r.answered_at
            FROM team_records r LEFT JOIN users a ON a.id = r.created_by LEFT JOIN users b ON b.id = r.answered_by
            WHERE r.participant_id = \(bind: participant) AND r.project_id \(oneOf: projects)
              AND \(visible)
            ORDER BY r.created_at DESC, r.id
            """
    }

    struct Model {
        var participant: UUID
        var name: String
        var projects: [(id: UUID, name: String)]
        var healthProjects: Set<UUID>
        var records: [Record]
        var failed: (form: String, state: FormState)? = nil
    }

    static func model(_ req: Request, scope: ParticipantScope) async throws -> Model {
        struct Person: Decodable { let first_name: String; let last_name: String }
        guard
            let person = try await req.db.sql.raw(
                "SELECT first_name, last_name FROM participants WHERE id = \(bind: scope.participantID)"
            ).first(decoding: Person.self)
        else { throw Abort(.notFound) }
        return Model(
            participant: scope.participantID, name: "\(person.first_name) \(person.last_name)",
            projects: scope.actor.named(scope.writableProjects).sorted { $0.name < $1.name }, healthProjects: Set(scope.healthProjects),
            records: try await records(
                of: scope.participantID, projects: scope.projectIDs, healthProjects: scope.healthProjects, on: req.db.sql))
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let scope = try req.guardedParticipant()
        let m = try await model(req, scope: scope)
        try await req.audit.record(.participantView, participant: scope.participantID, detail: "team records")
        return view(m, context: req.pageContext).response()
    }

    static func again(_ req: Request, _ scope: ParticipantScope, form: String, _ state: FormState) async throws -> Response {
        var m = try await model(req, scope: scope)
        m.failed = (form, state)
        return view(m, context: req.pageContext, status: .unprocessableEntity).response()
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let scope = try req.guardedParticipant()
        let kindValue = try req.content.get(String.self, at: "kind")
        guard let kind = Kind(rawValue: kindValue) else { throw Abort(.badRequest, reason: "unknown kind") }
        let names =
            ["kind", "project_id", "sensitivity", "date"] + kind.fields + (kind == .consultation ? ["urgency"] : [])
            + (kind == .situationAssessment ? ["next_review"] : [])
        var state = try FormState.read(req, fields: names + professions.map { "p_" + $0 }, requiring: names)
        let project = state.uuid("project_id")
        let sensitivity = state.choice("sensitivity", Sensitivity.self)
        let date = state.date("date", required: true)
        var values: [String: String] = [:]
        for field in kind.fields { values[field] = state.text(field, required: field == kind.required, max: textMax) }
        if kind == .situationAssessment, let next = state.date("next_review") { values["next_review"] = next }
        let urgency = kind == .consultation ? state.choice("urgency", Urgency.self) : nil
        let asked = professions.filter { state["p_" + $0] == "on" }
        if kind == .consultation && asked.isEmpty { state.errors["p_" + professions[0]] = "team.error.professions" }
        if let date, date > req.today.iso { state.errors["date"] = "team.error.future" }
        if let project, !scope.writableProjects.contains(project) { state.errors["project_id"] = "error.choice" }
        if let project, let sensitivity, scope.writableProjects.contains(project), !scope.writes(sensitivity, in: project) {
            state.errors["sensitivity"] = "team.error.health"
        }
        guard state.isValid, let project, let sensitivity, let date else { return try await again(req, scope, form: kind.rawValue, state) }
        let id = req.application.newID(), fields = ProjectTexts.encode(values)
        let professionList = kind == .consultation ? asked.joined(separator: ",") : nil
        try await req.db.writeTransaction { db in
            try await db.sql.raw(
                """
                INSERT INTO team_records (id, participant_id, project_id, kind, sensitivity, date, urgency, professions, fields, created_by, created_at)
                VALUES (\(bind: id), \(bind: scope.participantID), \(bind: project), \(bind: kind.rawValue), \(bind: sensitivity.rawValue), \(bind: date),
                  \(bind: urgency?.rawValue), \(bind: professionList), \(bind: fields), \(bind: scope.actor.userID), \(bind: req.now))
                """
            ).run()
            try await req.audit.record(.teamRecord, participant: scope.participantID, project: project, detail: kind.rawValue, on: db)
        }
        req.flash("team.saved." + kind.rawValue)
        return req.redirect(to: .participantTeam(.value(scope.participantID)))
    }

    @Sendable static func answer(req: Request) async throws -> Response {
        let scope = try req.guardedParticipant()
        guard let id = req.parameters.get("record", as: UUID.self),
            let record = try await records(of: scope.participantID, projects: scope.projectIDs, healthProjects: scope.healthProjects, on: req.db.sql)
                .first(where: { $0.id == id && $0.kind == Kind.consultation.rawValue })
        else { throw Abort(.notFound) }
        guard scope.writableProjects.contains(record.project_id) else { throw Abort(.forbidden) }
        var state = try FormState.read(req, fields: ["answer"], requiring: ["answer"])
        let text = state.text("answer", required: true, max: textMax)
        guard state.isValid else { return try await again(req, scope, form: "answer-\(id)", state) }
        guard record.answer == nil else {
            state.errors["answer"] = "team.error.answered"
            return try await again(req, scope, form: "answer-\(id)", state)
        }
        try await req.db.writeTransaction { db in
            try await db.sql.raw(
                """
                UPDATE team_records SET answer = \(bind: text), answered_by = \(bind: scope.actor.userID), answered_at = \(bind: req.now)
                WHERE id = \(bind: id) AND answer IS NULL
                """
            ).run()
            try await req.audit.record(.teamRecord, participant: scope.participantID, project: record.project_id, detail: "consultation answered", on: db)
        }
        req.flash("team.answered")
        return req.redirect(to: .participantTeam(.value(scope.participantID)))
    }

    /// The team's work in the activity report: records of each kind dated in the period (and of
    /// people enrolled at the site), health-marked ones included as counts only.
    static func counts(project: UUID, from: CalendarDate?, to: CalendarDate?, site: UUID?, on sql: any SQLDatabase) async throws -> [String: Int] {
        var q: SQLQueryString = "SELECT r.kind, COUNT(*) AS n FROM team_records r WHERE r.project_id = \(bind: project)"
        if let from { q.appendLiteral(" AND r.date >= "); q.appendInterpolation(bind: from.iso) }
        if let to { q.appendLiteral(" AND r.date <= "); q.appendInterpolation(bind: to.iso) }
        if let site {
            q.appendLiteral(" AND EXISTS (SELECT 1 FROM enrolments e WHERE e.participant_id = r.participant_id AND e.project_id = r.project_id AND e.site_id = ")
            q.appendInterpolation(bind: site)
            q.appendLiteral(")")
        }
        q.appendLiteral(" GROUP BY r.kind")
        struct Row: Decodable { let kind: String; let n: Int }
        return Dictionary(try await sql.raw(q).all(decoding: Row.self).map { ($0.kind, $0.n) }, uniquingKeysWith: +)
    }
}
