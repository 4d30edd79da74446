import Fluent
import Foundation
import PolkuCore
import SQLKit

/// Small SQL reads for the activity pages: no Fluent models on lists, no query per row.
package enum ActivityQueries {
    struct Staff: Decodable, Sendable { let id: UUID; let name: String }

    /// The project's working staff (not viewers): those with a role in the project, or in an
    /// organisation that runs it. Organisers are chosen from them.
    static func staff(project: UUID, on db: any Database) async throws -> [Staff] {
        let roles = [Role.projectManager, .worker, .healthProfessional, .peer].map(\.rawValue)
        return try await db.sql.raw(
            """
            SELECT DISTINCT u.id, u.name FROM users u JOIN memberships m ON m.user_id = u.id
            WHERE u.is_active = \(bind: true) AND m.role \(oneOf: roles)
              AND (m.project_id = \(bind: project) OR m.organisation_id IN (
                   SELECT organisation_id FROM project_organisations WHERE project_id = \(bind: project)
                   AND role \(oneOf: [ProjectOrganisation.Role.administrator.rawValue, ProjectOrganisation.Role.coImplementer.rawValue])))
            ORDER BY u.name
            """
        ).all(decoding: Staff.self)
    }

    static func organisers(activity: UUID, on db: any Database) async throws -> [Staff] {
        try await db.sql.raw(
            """
            SELECT u.id, u.name FROM users u JOIN activity_organisers o ON o.user_id = u.id
            WHERE o.activity_id = \(bind: activity) ORDER BY u.name
            """
        ).all(decoding: Staff.self)
    }

    package static func setOrganisers(activity: UUID, users: [UUID], on db: any Database) async throws {
        let sql = db.sql
        try await sql.delete(from: "activity_organisers").where("activity_id", .equal, activity).run()
        for user in Set(users) {
            try await sql.insert(into: "activity_organisers").columns("activity_id", "user_id").values(SQLBind(activity), SQLBind(user)).run()
        }
    }

    struct Member: Decodable, Sendable {
        let id: UUID
        let participant_id: UUID
        let first_name: String
        let last_name: String
        let joined_on: String
        let left_on: String?
    }

    static func members(activity: UUID, on db: any Database) async throws -> [Member] {
        try await db.sql.raw(
            """
            SELECT m.id, m.participant_id, p.first_name, p.last_name, m.joined_on, m.left_on
            FROM activity_members m JOIN participants p ON p.id = m.participant_id
            WHERE m.activity_id = \(bind: activity) ORDER BY p.search_key, p.id
            """
        ).all(decoding: Member.self)
    }

    struct Held: Decodable, Sendable { let date: String }
    struct Came: Decodable, Sendable { let participant_id: UUID; let date: String }

    /// Each member's attendance rate and the group's, from the sessions held up to `today`.
    static func memberRates(
        activity: UUID, members: [Member], today: CalendarDate, on db: any Database
    )
        async throws -> (perMember: [UUID: (attended: Int, held: Int)], group: Double?)
    {
        let sql = db.sql
        let held = try await sql.raw(
            """
            SELECT date FROM activity_sessions WHERE activity_id = \(bind: activity) AND cancelled = \(bind: false) AND date <= \(bind: today.iso)
            """
        ).all(decoding: Held.self).compactMap { CalendarDate(parsing: $0.date) }
        let came = try await sql.raw(
            """
            SELECT a.participant_id, s.date FROM attendances a JOIN activity_sessions s ON s.id = a.session_id
            WHERE s.activity_id = \(bind: activity) AND s.cancelled = \(bind: false) AND s.date <= \(bind: today.iso)
            """
        ).all(decoding: Came.self)
        var attended: [UUID: Set<CalendarDate>] = [:]
        for c in came { if let d = CalendarDate(parsing: c.date) { attended[c.participant_id, default: []].insert(d) } }
        var perMember: [UUID: (Int, Int)] = [:]
        var memberships: [AttendanceRules.Membership] = []
        for m in members {
            guard let joined = CalendarDate(parsing: m.joined_on) else { continue }
            let membership = AttendanceRules.Membership(
                joined: joined, left: m.left_on.flatMap(CalendarDate.init(parsing:)),
                attended: attended[m.participant_id] ?? [])
            memberships.append(membership)
            perMember[m.participant_id] = (membership.attendedDuring(Set(held)), membership.heldDuring(held))
        }
        return (perMember, AttendanceRules.groupRate(held: held, members: memberships))
    }

    struct ParticipantActivityRow: Decodable, Sendable {
        let activity_id: UUID
        let name: String
        let kind: String
        let project_id: UUID
        let joined_on: String?
        let left_on: String?
    }

    struct ParticipantActivity: Sendable {
        let row: ParticipantActivityRow
        let attended: Int
        /// Sessions held while a member, for groups the person belongs to; nil for the rest.
        let heldWhileMember: Int?
        var rate: Double? { heldWhileMember.flatMap { AttendanceRules.rate(attended: attended, held: $0) } }
    }

    /// The activities a participant is a member of or came to, in the given projects, with the
    /// sessions they came to and (for members) their attendance rate. Two queries, whatever the count;
    /// the first starts from the person's memberships and attendances, not from every group of the
    /// projects (a participant page is a hot route: 83 → 23 µs at 100,000 participants).
    static func ofParticipant(_ participant: UUID, projects: [UUID], today: CalendarDate, on db: any Database) async throws -> [ParticipantActivity] {
        guard let query = participantActivitiesQuery(participant, projects: projects) else { return [] }
        let rows = try await db.sql.raw(query).all(decoding: ParticipantActivityRow.self)
        guard let counts = countsQuery(participant, of: rows, today: today) else { return [] }
        return participantActivities(rows, counts: try await db.sql.raw(counts).all(decoding: ActivityCounts.self))
    }

    /// The groups a person is a member of or came to, in `projects`; nil without projects.
    static func participantActivitiesQuery(_ participant: UUID, projects: [UUID]) -> SQLQueryString? {
        guard !projects.isEmpty else { return nil }
        return """
            SELECT a.id AS activity_id, a.name, a.kind, a.project_id, m.joined_on, m.left_on
            FROM activities a LEFT JOIN activity_members m ON m.activity_id = a.id AND m.participant_id = \(bind: participant)
            WHERE a.project_id \(oneOf: projects) AND a.id IN (
                SELECT activity_id FROM activity_members WHERE participant_id = \(bind: participant)
                UNION SELECT s.activity_id FROM attendances t JOIN activity_sessions s ON s.id = t.session_id
                WHERE t.participant_id = \(bind: participant))
            ORDER BY a.from_date DESC, a.name
            """
    }

    struct ActivityCounts: Decodable { let activity_id: UUID; let held: Int; let came: Int }

    /// How many sessions of each of `rows` were held while the person was a member and how many days
    /// they came; nil without rows.
    static func countsQuery(_ participant: UUID, of rows: [ParticipantActivityRow], today: CalendarDate) -> SQLQueryString? {
        guard !rows.isEmpty else { return nil }
        // Counted in the database, not row by row here: a person in a daily group for a year would
        // otherwise have every session decoded on each view of their page (the load check's "stall",
        // issue 11). `inside` is `AttendanceRules.Membership.covers` (joined ≤ day ≤ left; everything for a
        // non-member); days come as in `attendedDuring`: each day once.
        let inside: SQLQueryString = "(m.joined_on IS NULL OR (s.date >= m.joined_on AND (m.left_on IS NULL OR s.date <= m.left_on)))"
        return """
            SELECT s.activity_id, SUM(CASE WHEN \(inside) THEN 1 ELSE 0 END) AS held,
                   COUNT(DISTINCT CASE WHEN t.id IS NOT NULL AND \(inside) THEN s.date END) AS came
            FROM activity_sessions s
            LEFT JOIN activity_members m ON m.activity_id = s.activity_id AND m.participant_id = \(bind: participant)
            LEFT JOIN attendances t ON t.session_id = s.id AND t.participant_id = \(bind: participant)
            WHERE s.activity_id \(oneOf: rows.map(\.activity_id)) AND s.cancelled = \(bind: false) AND s.date <= \(bind: today.iso)
            GROUP BY s.activity_id
            """
    }

    static func participantActivities(_ rows: [ParticipantActivityRow], counts: [ActivityCounts]) -> [ParticipantActivity] {
        let byActivity = Dictionary(counts.map { ($0.activity_id, $0) }, uniquingKeysWith: { a, _ in a })
        return rows.map { row in
            let c = byActivity[row.activity_id]
            return ParticipantActivity(row: row, attended: c?.came ?? 0, heldWhileMember: row.joined_on == nil ? nil : (c?.held ?? 0))
        }
    }
}
