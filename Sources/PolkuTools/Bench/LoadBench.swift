import PolkuApp
import Fluent
import Foundation
import PolkuCore
import SQLKit
import Vapor

/// The data `scripts/load.py` puts a team's load on (issue 11): the participant benchmark's people
/// (100,000 by default, in ten projects, with notes), groups in the first project whose ten members
/// are ticked in every attendance save, and enough held sessions that every save of a run writes a
/// fresh session (version 0) instead of being refused as a stale copy. Printed as one JSON line.
public enum LoadBench {
    public struct World: Encodable {
        let cookie: String
        let csrf: String
        let participant: String
        /// The sample participant's project, for a note's form.
        let project: String
        let searchTerm: String
        /// The sample participant's whole name: a search with a few matches.
        let personSearch: String
        /// Each held session's attendance page, in the order the saves use them.
        let sessions: [String]
        let members: [String]
        /// An API token of the same user, every scope (issue 18's `GET /api/v1/participants`).
        let apiToken: String
        /// An administrator's session, for the audit search (issue 19).
        let adminCookie: String
    }

    public static func prepare(_ app: Application, participants: Int, sessions: Int) async throws -> World {
        let (cookie, sample) = try await ParticipantBench.generate(app, participants: participants, projects: 10)
        let sql = app.db.sql
        struct Row: Decodable { let participant_id: UUID; let project_id: UUID }
        guard
            let first = try await sql.raw("SELECT participant_id, project_id FROM enrolments WHERE participant_id = \(bind: sample.participant)")
                .first(decoding: Row.self)
        else { throw Abort(.internalServerError, reason: "no sample enrolment") }
        // The members are ten others of the sample's project: the page measured is a typical person's,
        // not one in every load group (24 daily groups for a year in the short check; issue 11's note).
        let members = try await sql.raw(
            """
            SELECT participant_id FROM enrolments WHERE project_id = \(bind: first.project_id) AND participant_id <> \(bind: sample.participant)
            ORDER BY participant_id LIMIT 10
            """
        ).all(decoding: [String: UUID].self).compactMap { $0["participant_id"] }
        // One session per day per activity: a group for each year of held sessions.
        let now = app.clock.now(), today = Clock.system.today
        let groups = (0..<max(1, (sessions + 364) / 365)).map { _ in app.newID() }
        try await ActivityBench.insert(
            app.db, "activities", activityColumns,
            groups.enumerated().map { i, id in
                [
                    SQLBind(id), SQLBind(now), SQLBind(first.project_id), SQLBind("group"), SQLBind("Kuormaryhmä \(i + 1)"), SQLBind(""),
                    SQLBind("1,2,3,4,5"), SQLBind(1), SQLBind(today.adding(days: -400).iso), SQLBind(today.iso),
                    SQLBind("10:00"), SQLBind("12:00"), SQLBind("peer_group"), SQLBind(FeedToken.make()),
                ]
            })
        try await ActivityBench.insert(
            app.db, "activity_members", ["id", "activity_id", "participant_id", "joined_on"],
            groups.flatMap { g in members.map { [SQLBind(app.newID()), SQLBind(g), SQLBind($0), SQLBind(today.adding(days: -400).iso)] } })
        try await addOtherGroups(app, besides: [sample.participant] + members, today: today)
        var paths: [String] = [], rows: [[any SQLExpression]] = []
        for i in 0..<sessions {
            let id = app.newID(), group = groups[i / 365]
            let date = today.adding(days: -1 - (i % 365)).iso
            paths.append(SiteURL.session(.value(group), .value(id)).relativeURL())
            rows.append([SQLBind(id), SQLBind(group), SQLBind(date), SQLBind(date), SQLBind("10:00"), SQLBind("12:00"), SQLBind(false), SQLBind(0)])
        }
        try await ActivityBench.insert(app.db, "activity_sessions", sessionColumns, rows)
        try await sql.raw(SQLQueryString(sql.dialect.name == "postgresql" ? "VACUUM ANALYZE" : "ANALYZE")).run()
        let token = try await APITokens.issue(app, email: "bench@polku.invalid", name: "load", scopes: [], days: 30)
        let admin = User(email: "bench-admin@polku.invalid", name: "Bench admin", passwordHash: "x")
        try await admin.create(on: app.db)
        try await Membership(userID: admin.id!, projectID: nil, role: .admin).create(on: app.db)
        let adminCookie = try await BenchSession.make(app, user: admin.id!, prefix: "bench-admin")
        return World(
            cookie: cookie, csrf: "bench", participant: sample.participant.text, project: first.project_id.text, searchTerm: sample.searchTerm,
            personSearch: sample.personSearch,
            sessions: paths, members: members.map(\.text), apiToken: token, adminCookie: adminCookie)
    }

    /// Groups of ten for a fifth of the other people, each in a project of theirs, with ten weekly
    /// sessions held and most members at each, as in a service where many take part in groups.
    /// Without them the load groups' ten members were everyone in a group and everyone with an
    /// attendance, and PostgreSQL, planning for a person with 200 groups or thousands of
    /// attendances, planned the participant page's activity read again on every view (0.45 ms of a
    /// page's 3 ms in PostgreSQL; in the all-route run, once the saves had written attendances,
    /// 2,350 plans in 5,161 calls).
    static func addOtherGroups(_ app: Application, besides: [UUID], today: CalendarDate) async throws {
        struct Row: Decodable { let participant_id: UUID; let project_id: UUID }
        let rows = try await app.db.sql.raw(
            """
            SELECT participant_id, project_id FROM enrolments WHERE participant_id NOT IN \(SQLBind.group(besides))
            ORDER BY project_id, participant_id
            """
        ).all(decoding: Row.self).enumerated().filter { $0.offset % 5 == 0 }.map(\.element)
        let now = app.clock.now(), from = today.adding(days: -400).iso, to = today.adding(days: 365).iso
        var groups: [[any SQLExpression]] = [], members: [[any SQLExpression]] = []
        var sessions: [[any SQLExpression]] = [], attendances: [[any SQLExpression]] = []
        for start in stride(from: 0, to: rows.count, by: 10) {
            let project = rows[start].project_id, id = app.newID()
            groups.append([
                SQLBind(id), SQLBind(now), SQLBind(project), SQLBind("group"), SQLBind("Ryhmä \(groups.count + 1)"), SQLBind(""),
                SQLBind("2"), SQLBind(1), SQLBind(from), SQLBind(to), SQLBind("13:00"), SQLBind("15:00"), SQLBind("peer_group"),
                SQLBind(FeedToken.make()),
            ])
            let people = rows[start..<min(start + 10, rows.count)].filter { $0.project_id == project }.map(\.participant_id)
            members += people.map { [SQLBind(app.newID()), SQLBind(id), SQLBind($0), SQLBind(from)] }
            for week in 1...10 {
                let session = app.newID(), date = today.adding(days: -7 * week).iso
                sessions.append([SQLBind(session), SQLBind(id), SQLBind(date), SQLBind(date), SQLBind("13:00"), SQLBind("15:00"), SQLBind(false), SQLBind(1)])
                // Eight of ten came, a different two away each week.
                attendances += people.enumerated().filter { ($0.offset + week) % 5 != 0 }
                    .map { [SQLBind(app.newID()), SQLBind(session), SQLBind($0.element)] }
            }
        }
        try await ActivityBench.insert(app.db, "activities", activityColumns, groups)
        try await ActivityBench.insert(app.db, "activity_members", ["id", "activity_id", "participant_id", "joined_on"], members)
        try await ActivityBench.insert(app.db, "activity_sessions", sessionColumns, sessions)
        try await ActivityBench.insert(app.db, "attendances", ["id", "session_id", "participant_id"], attendances)
    }

    static let sessionColumns = ["id", "activity_id", "scheduled_date", "date", "start_time", "end_time", "cancelled", "version"]

    static let activityColumns = [
        "id", "created_at", "project_id", "kind", "name", "description", "weekdays", "week_interval",
        "from_date", "to_date", "start_time", "end_time", "category", "feed_token",
    ]
}
