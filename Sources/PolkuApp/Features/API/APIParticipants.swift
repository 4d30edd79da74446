import Fluent
import Foundation
import PolkuAPIContract
import PolkuCore
import SQLKit
import Vapor

/// The API's participants and notes: the same queries and rules as the list and the person's page,
/// and the same audit events (every person listed or shown is told).
enum APIParticipants {
    typealias Schemas = Components.Schemas

    static func list(_ req: Request, project: UUID?, search: String?, cursor: UUID?, limit: Int) async throws -> Schemas.ParticipantPage {
        let actor = try req.guardedActor()
        if let project, !actor.projectsSeeingPeople.contains(project) { throw Abort(.notFound) }
        let search = search ?? ""
        // JSON Schema counts code points, not the characters Swift counts.
        if search.unicodeScalars.count > 100 { throw APIRefusal.badParameter("q") }
        let projects = project.map { [$0] } ?? actor.projectsSeeingPeople
        let page = try await req.reading { db in
            try await ParticipantQueries.list(on: db, projects: projects, search: search, after: cursor, limit: limit)
        }
        try await req.audit.record(
            .participantList, participants: page.rows.map(\.id), project: project,
            detail: search.isEmpty ? "list (api)" : "search, \(search.count) characters (api)")
        return Schemas.ParticipantPage(
            items: page.rows.map {
                Schemas.ParticipantSummary(
                    id: $0.id.text, firstName: $0.first_name, lastName: $0.last_name, birthDate: $0.birth_date, municipality: $0.municipality)
            },
            next: page.hasMore ? page.rows.last?.id.text : nil)
    }

    private struct EnrolmentRow: Decodable {
        let id: UUID; let project_id: UUID; let site_id: UUID?; let phase: String; let start_date: String; let end_date: String?
        let labour_status: String?; let unemployed_months: Int?; let isced: Int?; let exit_situation: String?
        let exit_situation_date: String?; let qualification_gained: Bool?; let service_outcome: String?
    }

    /// The person and their enrolments in the projects whose people the user sees.
    static func show(_ req: Request) async throws -> Schemas.Participant {
        let scope = try req.guardedParticipant()
        guard let p = try await Participant.find(scope.participantID, on: req.db) else { throw Abort(.notFound) }
        let rows = try await req.db.sql.raw(
            """
            SELECT id, project_id, site_id, phase, start_date, end_date, labour_status, unemployed_months, isced, exit_situation,
            exit_situation_date, qualification_gained, service_outcome
            FROM enrolments WHERE participant_id = \(bind: scope.participantID) AND project_id \(oneOf: scope.projectIDs)
            ORDER BY start_date, id
            """
        ).all(decoding: EnrolmentRow.self)
        try await req.audit.record(.participantView, participant: scope.participantID, detail: "api")
        return Schemas.Participant(
            id: scope.participantID.text, firstName: p.firstName, lastName: p.lastName, birthDate: p.birthDate, gender: p.gender.rawValue,
            municipality: p.municipality, language: p.language, email: p.email, phone: p.phone,
            enrolments: rows.map { e in
                Schemas.Enrolment(
                    id: e.id.text, projectId: e.project_id.text, siteId: e.site_id?.text, phase: e.phase,
                    startDate: e.start_date, endDate: e.end_date,
                    esf: Schemas.ESFData(
                        labourStatus: e.labour_status, unemployedMonths: e.unemployed_months, isced: e.isced, exitSituation: e.exit_situation,
                        exitSituationDate: e.exit_situation_date, qualificationGained: e.qualification_gained, serviceOutcome: e.service_outcome))
            })
    }

    private struct NoteRow: Decodable {
        let id: UUID; let project_id: UUID; let sensitivity: String; let body: String; let created_at: Date; let author: String?
    }

    /// Notes newest first: normal notes of the user's projects, health notes only where they are a
    /// health professional (as on the person's page).
    static func notes(_ req: Request, cursor: UUID?, limit: Int) async throws -> Schemas.NotePage {
        let scope = try req.guardedParticipant()
        let pid = scope.participantID
        var query: SQLQueryString = """
            SELECT n.id, n.project_id, n.sensitivity, n.body, n.created_at, u.name AS author FROM notes n LEFT JOIN users u ON u.id = n.author_id
            WHERE n.participant_id = \(bind: pid) AND n.project_id \(oneOf: scope.projectIDs)
            """
        if scope.healthProjects.isEmpty {
            query.appendInterpolation(" AND n.sensitivity = 'normal'" as SQLQueryString)
        } else {
            query.appendInterpolation(" AND (n.sensitivity = 'normal' OR n.project_id \(oneOf: scope.healthProjects))" as SQLQueryString)
        }
        if let after = try await APIKeyset.newestFirst(cursor, table: "notes", alias: "n", within: "participant_id = \(bind: pid)", on: req.db.sql) {
            query.appendInterpolation(" AND \(after)" as SQLQueryString)
        }
        query.appendLiteral(" ORDER BY n.created_at DESC, n.id DESC LIMIT \(limit + 1)")
        let rows = try await req.db.sql.raw(query).all(decoding: NoteRow.self)
        try await req.audit.record(.participantView, participant: pid, detail: "notes (api)")
        let items = rows.prefix(limit).map(note)
        return Schemas.NotePage(items: items, next: rows.count > limit ? rows[limit - 1].id.text : nil)
    }

    private static func note(_ r: NoteRow) -> Schemas.Note {
        Schemas.Note(
            id: r.id.text, projectId: r.project_id.text, sensitivity: Schemas.Sensitivity(rawValue: r.sensitivity) ?? .normal,
            body: r.body, createdAt: r.created_at, author: r.author)
    }

    /// A note written in one of the person's projects, with its audit event in the same transaction.
    static func addNote(_ req: Request, _ input: Schemas.NoteInput) async throws -> Schemas.Note {
        let scope = try req.guardedParticipant()
        guard let project = UUID(text: input.projectId) else { throw APIRefusal.badParameter("project_id") }
        let sensitivity: Sensitivity = input.sensitivity == .health ? .health : .normal
        let body = try APIInput.text(input.body, field: "body", max: 20_000)
        guard scope.writes(sensitivity, in: project) else {
            // Not one of the person's projects here (or no right to write there): one answer for both.
            if scope.writes(.normal, in: project) { throw Abort(.forbidden) }
            throw APIRefusal(status: .notFound, key: "api.problem.project", field: "project_id")
        }
        let note = Note()
        note.id = req.application.newID()
        note.$participant.id = scope.participantID
        note.$project.id = project
        note.sensitivity = sensitivity
        note.body = body
        note.$author.id = scope.actor.userID
        try await req.db.writeTransaction { db in
            try await note.create(on: db)
            try await req.audit.record(.noteCreate, participant: scope.participantID, project: project, detail: "\(sensitivity.rawValue) (api)", on: db)
        }
        return Self.note(
            NoteRow(id: try note.requireID(), project_id: project, sensitivity: sensitivity.rawValue, body: body, created_at: note.createdAt ?? req.now, author: scope.actor.name))
    }
}
