import Fluent
import Foundation
import SQLKit
import Vapor

/// Everything Polku holds about one participant, for staff to hand over on request (GDPR Art. 15
/// and 20): a readable HTML page and the same as JSON, in one ZIP. It covers the projects through
/// which the staff member sees the person (another project's records are asked from that project),
/// holds health notes only for a health professional, and lists who has viewed the person's data
/// (the Finnish client data act lets a client ask that). Exporting is itself audited.
struct PersonExport: Encodable {
    struct Project: Codable { let id: UUID; let code: String; let name: String }
    struct Person: Codable {
        let first_name: String; let last_name: String; let birth_date: String; let gender: String
        let municipality: String; let language: String; let email: String?; let phone: String?
    }
    struct Consent: Codable { let purpose: String; let date: String; let given: Bool }
    struct Enrolment: Codable {
        let project_code: String; let phase: String; let start_date: String; let end_date: String?
        let labour_status: String?; let unemployed_months: Int?; let isced: Int?; let disability: String?
        let foreign_background: String?; let minority: String?; let other_disadvantage: String?
        let third_country_national: Bool?; let homeless: Bool?; let rural: Bool?
        let exit_situation: String?; let exit_situation_date: String?; let qualification_gained: Bool?; let service_outcome: String?
    }
    struct PhaseChange: Codable { let project_code: String; let from_phase: String?; let to_phase: String; let date: String }
    struct Goal: Codable { let project_code: String; let text: String; let status: String; let target_date: String? }
    struct Note: Codable { let project_code: String; let created_at: Date; let sensitivity: String; let body: String }
    struct Assessment: Codable {
        let project_code: String; let instrument: String; let date: String; let total: Double?; let scores: String; let own_comment: String?
    }
    struct Attendance: Codable { let project_code: String; let activity: String; let date: String }
    struct Referral: Codable { let project_code: String; let service: String; let state: String; let created_at: Date; let message: String }
    struct View: Codable { let at: Date; let actor_email: String; let action: String }
    struct PortfolioItem: Codable { let title: String; let body: String; let url: String?; let file_name: String?; let shared: Bool; let created_at: Date }
    /// Feedback given by name (anonymous feedback is no one's).
    struct FeedbackGiven: Codable { let subject_kind: String; let rating: Int; let text: String; let created_at: Date }

    let generated_at: Date
    let projects: [Project]
    let includes_health_notes: Bool
    let person: Person
    let consents: [Consent]
    let enrolments: [Enrolment]
    let phase_changes: [PhaseChange]
    let goals: [Goal]
    let notes: [Note]
    let assessments: [Assessment]
    let attendance: [Attendance]
    let referrals: [Referral]
    let viewed_by: [View]
    /// The participant's portfolio: all of it in their own copy, what they share in the team's (issue 15).
    var portfolio: [PortfolioItem] = []
    var feedback: [FeedbackGiven] = []

    static func gather(_ scope: ParticipantScope, now: Date, on sql: any SQLDatabase) async throws -> PersonExport? {
        guard var export = try await gather(scope.participantID, projects: scope.projectIDs, healthProjects: scope.healthProjects, now: now, on: sql)
        else { return nil }
        try await export.addOwnWork(scope.participantID, sharedOnly: true, projects: scope.projectIDs, on: sql)
        return export
    }

    /// The portfolio and the feedback given by name, in `projects`.
    mutating func addOwnWork(_ id: UUID, sharedOnly: Bool, projects: [UUID], on sql: any SQLDatabase) async throws {
        portfolio = try await Portfolio.entries(of: id, sharedOnly: sharedOnly, on: sql).map {
            PortfolioItem(title: $0.title, body: $0.body, url: $0.url, file_name: $0.file_name, shared: $0.shared, created_at: $0.created_at)
        }
        guard !projects.isEmpty else { return }
        feedback = try await sql.raw(
            """
            SELECT subject_kind, rating, text, created_at FROM feedback
            WHERE participant_id = \(bind: id) AND project_id \(oneOf: projects) ORDER BY created_at
            """
        ).all(decoding: FeedbackGiven.self)
    }

    /// The person's records in `projects`, health records only from `healthProjects`.
    static func gather(_ id: UUID, projects: [UUID], healthProjects: [UUID], now: Date, on sql: any SQLDatabase) async throws -> PersonExport? {
        guard !projects.isEmpty else { return nil }
        let inScope = SQLBind.group(projects)
        let health = !healthProjects.isEmpty
        guard
            let person = try await sql.raw(
                "SELECT first_name, last_name, birth_date, gender, municipality, language, email, phone FROM participants WHERE id = \(bind: id)"
            ).first(decoding: Person.self)
        else { return nil }
        let healthNotes: SQLQueryString = health ? "(n.sensitivity <> 'health' OR n.project_id \(oneOf: healthProjects))" : "n.sensitivity <> 'health'"
        let healthInstruments: SQLQueryString = health ? "(i.health = \(bind: false) OR a.project_id \(oneOf: healthProjects))" : "i.health = \(bind: false)"
        return PersonExport(
            generated_at: now,
            projects: try await sql.raw("SELECT id, code, name FROM projects WHERE id IN \(inScope) ORDER BY code").all(decoding: Project.self),
            includes_health_notes: health, person: person,
            consents: try await sql.raw("SELECT purpose, date, given FROM consents WHERE participant_id = \(bind: id) ORDER BY date").all(decoding: Consent.self),
            enrolments: try await sql.raw(
                """
                SELECT pr.code AS project_code, e.phase, e.start_date, e.end_date, e.labour_status, e.unemployed_months, e.isced, e.disability,
                  e.foreign_background, e.minority, e.other_disadvantage, e.third_country_national, e.homeless, e.rural, e.exit_situation,
                  e.exit_situation_date, e.qualification_gained, e.service_outcome
                FROM enrolments e JOIN projects pr ON pr.id = e.project_id WHERE e.participant_id = \(bind: id) AND e.project_id IN \(inScope) ORDER BY e.start_date
                """
            ).all(decoding: Enrolment.self),
            phase_changes: try await sql.raw(
                """
                SELECT pr.code AS project_code, c.from_phase, c.to_phase, c.date FROM phase_changes c JOIN enrolments e ON e.id = c.enrolment_id
                JOIN projects pr ON pr.id = e.project_id WHERE e.participant_id = \(bind: id) AND e.project_id IN \(inScope) ORDER BY c.date
                """
            ).all(decoding: PhaseChange.self),
            goals: try await sql.raw(
                """
                SELECT pr.code AS project_code, g.text, g.status, g.target_date FROM goals g JOIN projects pr ON pr.id = g.project_id
                WHERE g.participant_id = \(bind: id) AND g.project_id IN \(inScope) ORDER BY g.created_at
                """
            ).all(decoding: Goal.self),
            notes: try await sql.raw(
                """
                SELECT pr.code AS project_code, n.created_at, n.sensitivity, n.body FROM notes n JOIN projects pr ON pr.id = n.project_id
                WHERE n.participant_id = \(bind: id) AND n.project_id IN \(inScope) AND \(healthNotes) ORDER BY n.created_at
                """
            ).all(decoding: Note.self),
            assessments: try await sql.raw(
                """
                SELECT pr.code AS project_code, i.name AS instrument, a.date, a.total, a.scores, a.own_comment FROM assessments a
                JOIN projects pr ON pr.id = a.project_id JOIN instruments i ON i.id = a.instrument_id
                WHERE a.participant_id = \(bind: id) AND a.project_id IN \(inScope) AND \(healthInstruments)
                ORDER BY a.date
                """
            ).all(decoding: Assessment.self),
            attendance: try await sql.raw(
                """
                SELECT pr.code AS project_code, ac.name AS activity, s.date FROM attendances at JOIN activity_sessions s ON s.id = at.session_id
                JOIN activities ac ON ac.id = s.activity_id JOIN projects pr ON pr.id = ac.project_id
                WHERE at.participant_id = \(bind: id) AND ac.project_id IN \(inScope) ORDER BY s.date
                """
            ).all(decoding: Attendance.self),
            referrals: try await sql.raw(
                """
                SELECT pr.code AS project_code, sv.name AS service, r.state, r.created_at, r.message FROM referrals r
                JOIN services sv ON sv.id = r.service_id JOIN projects pr ON pr.id = r.project_id
                WHERE r.participant_id = \(bind: id) AND r.project_id IN \(inScope) ORDER BY r.created_at
                """
            ).all(decoding: Referral.self),
            viewed_by: try await sql.raw(
                "SELECT at, actor_email, action FROM audit_events WHERE participant_id = \(bind: id) ORDER BY at DESC LIMIT 5000"
            ).all(decoding: View.self))
    }

    /// The ZIP: `tiedot.html` to read, `tiedot.json` to take to another system.
    func zip(context: PageContext) throws -> Data {
        let package = try ZipPackage()
        try package.add("tiedot.html", PersonExportDocument.render(self, context: context))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        try package.add("tiedot.json", String(decoding: try encoder.encode(self), as: UTF8.self))
        guard let data = package.data else { throw Abort(.internalServerError, reason: "the ZIP could not be made") }
        return data
    }

    @Sendable static func download(req: Request) async throws -> Response {
        let scope = try req.guardedParticipant()
        guard let export = try await gather(scope, now: req.now, on: req.db.sql) else { throw Abort(.notFound) }
        try await req.audit.record(
            .export, participant: scope.participantID, detail: "person data zip; projects=\(export.projects.map(\.code).joined(separator: ","))")
        return try export.response(req)
    }

    /// The participant's own copy (issue 15): every project they are in, health records included
    /// (the data is theirs), in their own language.
    @Sendable static func own(req: Request) async throws -> Response {
        let (pid, _) = try req.guardedSelf()
        let projects = try await OwnSpacePages.projects(of: pid, on: req.db.sql).map(\.id)
        guard var export = try await gather(pid, projects: projects, healthProjects: projects, now: req.now, on: req.db.sql) else {
            throw Abort(.notFound)
        }
        try await export.addOwnWork(pid, sharedOnly: false, projects: projects, on: req.db.sql)
        try await req.audit.record(.export, participant: pid, detail: "own data zip")
        return try export.response(req)
    }

    func response(_ req: Request) throws -> Response {
        let res = Response(status: .ok, body: .init(data: try zip(context: req.pageContext)))
        res.headers.contentType = HTTPMediaType(type: "application", subType: "zip")
        res.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"polku-tiedot-\(req.today.iso).zip\"")
        res.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return res
    }
}
