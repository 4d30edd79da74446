import Fluent
import Foundation
import PolkuAPIContract
import PolkuCore
import SQLKit
import Vapor

/// The API's activities, sessions and attendance: the same rules as the activity and attendance
/// pages (`AttendanceRules`, the project's own participants only, the session's version as an
/// optimistic lock) and the same audit events.
enum APIActivities {
    typealias Schemas = Components.Schemas

    private struct Row: Decodable {
        let id: UUID; let project_id: UUID; let site_id: UUID?; let kind: String; let name: String; let category: String?
        let from_date: String; let to_date: String?
    }

    private static func summary(_ r: Row) -> Schemas.ActivitySummary {
        Schemas.ActivitySummary(
            id: r.id.text, projectId: r.project_id.text, siteId: r.site_id?.text, kind: Schemas.ActivityKind(rawValue: r.kind) ?? .group,
            name: r.name, category: r.category, fromDate: r.from_date, toDate: r.to_date)
    }

    /// The project's activities by name, keyset-paged by (name, id).
    static func list(_ req: Request, kind: Schemas.ActivityKind?, cursor: UUID?, limit: Int) async throws -> Schemas.ActivityPage {
        let (project, _, _) = try req.guardedProject()
        var query: SQLQueryString = """
            SELECT id, project_id, site_id, kind, name, category, from_date, to_date FROM activities WHERE project_id = \(bind: project)
            """
        if let kind { query.appendInterpolation(" AND kind = \(bind: kind.rawValue)" as SQLQueryString) }
        if let after = try await APIKeyset.byName(cursor, table: "activities", within: "project_id = \(bind: project)", on: req.db.sql) {
            query.appendInterpolation(" AND \(after)" as SQLQueryString)
        }
        query.appendLiteral(" ORDER BY name, id LIMIT \(limit + 1)")
        let rows = try await req.db.sql.raw(query).all(decoding: Row.self)
        return Schemas.ActivityPage(items: rows.prefix(limit).map(summary), next: rows.count > limit ? rows[limit - 1].id.text : nil)
    }

    private struct SessionRow: Decodable { let id: UUID; let date: String; let start_time: String?; let end_time: String?; let cancelled: Bool }

    /// One activity and its sessions; no person is in it, so any role in the project reads it.
    static func show(_ req: Request) async throws -> Schemas.Activity {
        let id = try req.id()
        struct Full: Decodable {
            let id: UUID; let project_id: UUID; let site_id: UUID?; let kind: String; let name: String; let description: String
            let category: String?; let from_date: String; let to_date: String?
        }
        guard
            let a = try await req.db.sql.raw(
                "SELECT id, project_id, site_id, kind, name, description, category, from_date, to_date FROM activities WHERE id = \(bind: id)"
            ).first(decoding: Full.self)
        else { throw Abort(.notFound) }
        let sessions = try await req.db.sql.raw(
            "SELECT id, date, start_time, end_time, cancelled FROM activity_sessions WHERE activity_id = \(bind: id) ORDER BY date, start_time, id"
        ).all(decoding: SessionRow.self)
        return Schemas.Activity(
            id: a.id.text, projectId: a.project_id.text, siteId: a.site_id?.text, kind: Schemas.ActivityKind(rawValue: a.kind) ?? .group,
            name: a.name, description: a.description, category: a.category, fromDate: a.from_date, toDate: a.to_date,
            sessions: sessions.map {
                Schemas.SessionSummary(id: $0.id.text, date: $0.date, startTime: $0.start_time, endTime: $0.end_time, cancelled: $0.cancelled)
            })
    }

    /// The session and who came, as the attendance page shows it; everyone named is told (audit).
    static func session(_ req: Request) async throws -> Schemas.Session {
        let ctx = try await AttendanceController.context(req)
        let s = try await read(req, ctx, on: req.db)
        try await req.audit.record(
            .participantList, participants: s.attendees.compactMap { UUID(text: $0.participantId) }, project: ctx.activity.projectID,
            detail: "attendance of session \(ctx.session.id) (api)")
        return s
    }

    private static func read(_ req: Request, _ ctx: AttendanceController.Context, on db: any Database) async throws -> Schemas.Session {
        let sql = db.sql, id = ctx.session.id
        struct Full: Decodable {
            let date: String; let start_time: String?; let end_time: String?; let cancelled: Bool; let version: Int
            let head_on_site: Int?; let head_online: Int?; let head_women: Int?; let head_men: Int?; let head_other_gender: Int?
            let head_age_under_18: Int?; let head_age_18_29: Int?; let head_age_30_54: Int?; let head_age_55_plus: Int?
        }
        guard let s = try await sql.raw("SELECT * FROM activity_sessions WHERE id = \(bind: id)").first(decoding: Full.self) else { throw Abort(.notFound) }
        struct Person: Decodable { let id: UUID; let first_name: String; let last_name: String }
        let people = try await sql.raw(
            """
            SELECT p.id, p.first_name, p.last_name FROM attendances a JOIN participants p ON p.id = a.participant_id
            WHERE a.session_id = \(bind: id) ORDER BY p.last_name, p.first_name, p.id
            """
        ).all(decoding: Person.self)
        let guests = try await sql.raw("SELECT COUNT(*) AS n FROM session_guests WHERE session_id = \(bind: id)").first(decodingColumn: "n", as: Int.self) ?? 0
        struct Org: Decodable { let organisation: String; let attendees: Int }
        let orgs = try await sql.raw("SELECT organisation, attendees FROM session_organisations WHERE session_id = \(bind: id) ORDER BY organisation")
            .all(decoding: Org.self)
        return Schemas.Session(
            id: id.text, activityId: ctx.activity.id.text, date: s.date, startTime: s.start_time, endTime: s.end_time, cancelled: s.cancelled,
            version: s.version,
            attendees: people.map { Schemas.Attendee(participantId: $0.id.text, firstName: $0.first_name, lastName: $0.last_name) },
            guests: guests,
            organisations: orgs.map { .init(organisation: $0.organisation, attendees: $0.attendees) },
            headCounts: Schemas.HeadCounts(
                onSite: s.head_on_site, online: s.head_online, women: s.head_women, men: s.head_men, otherGender: s.head_other_gender,
                ageUnder18: s.head_age_under_18, age1829: s.head_age_18_29, age3054: s.head_age_30_54, age55Plus: s.head_age_55_plus))
    }

    /// Replaces who came to a held session. The version sent must be the session's: a save made from
    /// an older read changes nothing and answers 409, as on the attendance page.
    static func setAttendance(_ req: Request, _ input: Schemas.AttendanceInput) async throws -> Schemas.Session {
        let ctx = try await AttendanceController.context(req)
        if let problem = AttendanceRules.problem(sessionDate: CalendarDate(parsing: ctx.session.date)!, cancelled: ctx.session.cancelled, today: req.today) {
            throw APIRefusal.unprocessable("participants", "activity.error." + problem.rawValue)
        }
        var present = Set<UUID>()
        for text in input.participants {
            guard let id = UUID(text: text) else { throw APIRefusal.badParameter("participants") }
            present.insert(id)
        }
        if ctx.activity.kind == .training, !present.isEmpty { throw APIRefusal.unprocessable("participants", "api.problem.training") }
        if !present.isEmpty {
            let known = try await req.db.sql.raw(
                """
                SELECT DISTINCT participant_id FROM enrolments WHERE project_id = \(bind: ctx.activity.projectID)
                AND participant_id \(oneOf: Array(present))
                """
            ).all(decodingColumn: "participant_id", as: UUID.self)
            if Set(known) != present { throw APIRefusal.unprocessable("participants", "attendance.error.not_in_project") }
        }
        let ticked = present.sorted { $0.text < $1.text }, sessionID = ctx.session.id
        return try await req.db.writeTransaction { db in
            let sql = db.sql
            let bumped = try await sql.update(ActivitySession.schema).set(SQLIdentifier("version"), to: SQLRaw("version + 1"))
                .where("id", .equal, sessionID).where("version", .equal, input.version).returning("id").all()
            guard !bumped.isEmpty else { throw APIRefusal(status: .conflict, key: "api.problem.version", field: "version") }
            try await sql.delete(from: Attendance.schema).where("session_id", .equal, sessionID).run()
            if !ticked.isEmpty {
                var insert = sql.insert(into: Attendance.schema).columns("id", "session_id", "participant_id")
                for p in ticked { insert = insert.values(SQLBind(req.newID()), SQLBind(sessionID), SQLBind(p)) }
                try await insert.run()
            }
            try await req.audit.record(.attendanceRecord, participants: ticked, project: ctx.activity.projectID, detail: "session \(sessionID) (api)", on: db)
            return try await read(req, ctx, on: db)
        }
    }
}
