import Foundation
import PolkuCore
import SQLKit

/// What a coach's "Tänään" page lists (issue 14), each read with one query in the person's own
/// projects: the groups' sessions this week, the people they worked with lately, their referrals
/// still under way and the goals whose date has passed.
enum TodayQueries {
    struct SessionRow: Decodable, Equatable {
        let activity_id: UUID
        let session_id: UUID
        let name: String
        let date: String
        let start_time: String
        let end_time: String
        let cancelled: Bool
    }

    struct PersonRow: Decodable, Equatable {
        let id: UUID
        let first_name: String
        let last_name: String
        let birth_date: String
    }

    struct ReferralRow: Decodable, Equatable {
        let id: UUID
        let state: String
        let service: String
        let first_name: String
        let last_name: String
    }

    struct GoalRow: Decodable, Equatable {
        let participant_id: UUID
        let text: String
        let target_date: String
        let first_name: String
        let last_name: String
    }

    struct ProjectRow: Decodable, Equatable {
        let id: UUID
        let name: String
        let planned_participants: Int?
        let started: Int
        let followups_due: Int
        /// Participants' unanswered questions about their data; nil where the person does not manage.
        var open_questions: Int? = nil
    }

    /// The projects a manager runs: started against plan, and follow-ups due (left six months ago,
    /// no follow-up recorded). One query, counts by index.
    static func managed(projects: [UUID], managing: [UUID], today: CalendarDate, on sql: any SQLDatabase) async throws -> [ProjectRow] {
        guard !projects.isEmpty else { return [] }
        let questions: SQLQueryString =
            managing.isEmpty
            ? "NULL"
            : """
            CASE WHEN p.id IN (\(binds: managing)) THEN (SELECT COUNT(*) FROM data_questions q WHERE q.answered_at IS NULL
                AND q.participant_id IN (SELECT e.participant_id FROM enrolments e WHERE e.project_id = p.id)) END
            """
        return try await sql.raw(
            """
            SELECT p.id, p.name, p.planned_participants,
                   (SELECT COUNT(*) FROM enrolments e WHERE e.project_id = p.id) AS started,
                   (SELECT COUNT(*) FROM enrolments e WHERE e.project_id = p.id AND e.end_date IS NOT NULL
                      AND e.end_date <= \(bind: today.adding(days: -183).iso) AND e.followup_date IS NULL) AS followups_due,
                   \(questions) AS open_questions
            FROM projects p WHERE p.id IN (\(binds: projects)) ORDER BY p.name
            """
        ).all(decoding: ProjectRow.self)
    }

    /// Sessions from today to six days on, in the projects where the person records attendance.
    static func sessions(projects: [UUID], from today: CalendarDate, on sql: any SQLDatabase) async throws -> [SessionRow] {
        guard !projects.isEmpty else { return [] }
        let until = today.adding(days: 6)
        return try await sql.raw(
            """
            SELECT s.activity_id, s.id AS session_id, a.name, s.date, s.start_time, s.end_time, s.cancelled
            FROM activity_sessions s JOIN activities a ON a.id = s.activity_id
            WHERE a.project_id IN (\(binds: projects)) AND s.date >= \(bind: today.iso) AND s.date <= \(bind: until.iso)
            ORDER BY s.date, s.start_time, a.name LIMIT 60
            """
        ).all(decoding: SessionRow.self)
    }

    /// Sessions of the last two weeks before today with nothing recorded (no one ticked, no guest,
    /// no head count), latest first: attendance a coach still owes.
    static func unrecorded(projects: [UUID], before today: CalendarDate, on sql: any SQLDatabase) async throws -> [SessionRow] {
        guard !projects.isEmpty else { return [] }
        return try await sql.raw(
            """
            SELECT s.activity_id, s.id AS session_id, a.name, s.date, s.start_time, s.end_time, s.cancelled
            FROM activity_sessions s JOIN activities a ON a.id = s.activity_id
            WHERE a.project_id IN (\(binds: projects)) AND s.date >= \(bind: today.adding(days: -14).iso) AND s.date < \(bind: today.iso)
              AND s.cancelled = \(bind: false) AND s.head_on_site IS NULL AND s.head_online IS NULL
              AND NOT EXISTS (SELECT 1 FROM attendances t WHERE t.session_id = s.id)
              AND NOT EXISTS (SELECT 1 FROM session_guests g WHERE g.session_id = s.id)
              AND NOT EXISTS (SELECT 1 FROM session_organisations o WHERE o.session_id = s.id)
            ORDER BY s.date DESC, s.start_time DESC, a.name LIMIT 20
            """
        ).all(decoding: SessionRow.self)
    }

    /// The people this person opened or wrote about in the last 30 days, latest first (from the
    /// audit, by its index on actor and time), still in one of their projects. A list showing a
    /// name is not working with the person, so list events do not count.
    static func recentPeople(actor: UUID, projects: [UUID], since: Date, on sql: any SQLDatabase) async throws -> [PersonRow] {
        guard !projects.isEmpty else { return [] }
        return try await sql.raw(
            """
            SELECT p.id, p.first_name, p.last_name, p.birth_date FROM (
              SELECT participant_id, MAX(at) AS last FROM audit_events
              WHERE actor_id = \(bind: actor) AND at > \(bind: since) AND participant_id IS NOT NULL
                AND action <> \(bind: Audit.Action.participantList.rawValue)
              GROUP BY participant_id) seen
            JOIN participants p ON p.id = seen.participant_id
            WHERE p.anonymised_at IS NULL
              AND EXISTS (SELECT 1 FROM enrolments e WHERE e.participant_id = p.id AND e.project_id IN (\(binds: projects)))
            ORDER BY seen.last DESC LIMIT 8
            """
        ).all(decoding: PersonRow.self)
    }

    /// Referrals this person made that have not ended yet.
    static func openReferrals(actor: UUID, projects: [UUID], on sql: any SQLDatabase) async throws -> [ReferralRow] {
        guard !projects.isEmpty else { return [] }
        return try await sql.raw(
            """
            SELECT r.id, r.state, s.name AS service, p.first_name, p.last_name
            FROM referrals r JOIN services s ON s.id = r.service_id JOIN participants p ON p.id = r.participant_id
            WHERE r.created_by = \(bind: actor) AND r.project_id IN (\(binds: projects))
              AND r.state IN ('sent', 'received', 'accepted', 'started')
            ORDER BY r.updated_at DESC LIMIT 20
            """
        ).all(decoding: ReferralRow.self)
    }

    /// Open goals whose date has passed, oldest first.
    static func goalsDue(projects: [UUID], today: CalendarDate, on sql: any SQLDatabase) async throws -> [GoalRow] {
        guard !projects.isEmpty else { return [] }
        return try await sql.raw(
            """
            SELECT g.participant_id, g.text, g.target_date, p.first_name, p.last_name
            FROM goals g JOIN participants p ON p.id = g.participant_id
            WHERE g.project_id IN (\(binds: projects)) AND g.status = 'open' AND g.target_date < \(bind: today.iso)
              AND p.anonymised_at IS NULL
            ORDER BY g.target_date LIMIT 20
            """
        ).all(decoding: GoalRow.self)
    }
}
