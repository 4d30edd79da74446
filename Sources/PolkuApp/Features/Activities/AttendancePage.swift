import Fluent
import PolkuCore
import SQLKit
import Vapor

/// One session's attendance form: who can be ticked, who else could be added, and what is recorded,
/// read as id and name; the view needs no request.
struct AttendancePage {
    struct Person: Decodable, Sendable, Equatable { let id: UUID; let first_name: String; let last_name: String; let birth_date: String }

    var activityID: UUID
    var activityName: String
    var kind: Activity.Kind
    var sessionID: UUID
    /// The session's day (ISO).
    var date: String
    /// The checklist: a group's members on the day, or the project's current participants.
    var people: [Person]
    /// Others in the project who could be added to a group's session.
    var others: [Person]
    var state: FormState
    /// Why the save was refused, in the reader's language.
    var message: String?
    /// "Kaikki paikalla" was chosen: every box is ticked, not yet saved.
    var allTicked = false

    static func query(_ ctx: AttendanceController.Context, state: FormState, message: String?, on db: any Database) async throws -> AttendancePage {
        let people = ctx.activity.kind == .training ? [] : try await people(ctx, on: db)
        let others = try await others(ctx, excluding: Set(people.map(\.id)), on: db)
        return AttendancePage(
            activityID: ctx.activity.id, activityName: ctx.activity.name, kind: ctx.activity.kind, sessionID: ctx.session.id,
            date: ctx.session.date, people: people, others: others, state: state, message: message)
    }

    /// The checklist: a group's members on the session's day, or the project's participants who had
    /// not left by then; and always anyone already recorded for the session.
    static func people(_ ctx: AttendanceController.Context, on db: any Database) async throws -> [Person] {
        let sql = db.sql
        let date = ctx.session.date, session = ctx.session.id
        if ctx.activity.kind == .group {
            return try await sql.raw(
                """
                SELECT p.id, p.first_name, p.last_name, p.birth_date FROM participants p
                WHERE EXISTS (SELECT 1 FROM activity_members m WHERE m.activity_id = \(bind: ctx.activity.id) AND m.participant_id = p.id
                              AND m.joined_on <= \(bind: date) AND (m.left_on IS NULL OR m.left_on >= \(bind: date)))
                   OR EXISTS (SELECT 1 FROM attendances a WHERE a.session_id = \(bind: session) AND a.participant_id = p.id)
                ORDER BY p.search_key, p.id
                """
            ).all(decoding: Person.self)
        }
        return try await sql.raw(
            """
            SELECT p.id, p.first_name, p.last_name, p.birth_date FROM participants p
            WHERE EXISTS (SELECT 1 FROM enrolments e WHERE e.participant_id = p.id AND e.project_id = \(bind: ctx.activity.projectID)
                          AND (e.end_date IS NULL OR e.end_date >= \(bind: date)))
               OR EXISTS (SELECT 1 FROM attendances a WHERE a.session_id = \(bind: session) AND a.participant_id = p.id)
            ORDER BY p.search_key, p.id
            """
        ).all(decoding: Person.self)
    }

    /// Others in the project who could be added to a group's session (a visitor from another group).
    static func others(_ ctx: AttendanceController.Context, excluding: Set<UUID>, on db: any Database) async throws -> [Person] {
        guard ctx.activity.kind == .group else { return [] }
        return try await db.sql.raw(
            """
            SELECT p.id, p.first_name, p.last_name, p.birth_date FROM participants p
            WHERE EXISTS (SELECT 1 FROM enrolments e WHERE e.participant_id = p.id AND e.project_id = \(bind: ctx.activity.projectID)
                          AND (e.end_date IS NULL OR e.end_date >= \(bind: ctx.session.date)))
            ORDER BY p.search_key, p.id
            """
        ).all(decoding: Person.self).filter { !excluding.contains($0.id) }
    }
}
