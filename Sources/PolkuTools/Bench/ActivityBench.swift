import PolkuApp
import Fluent
import Foundation
import PolkuCore
import SQLKit
import Vapor

/// `polku bench --only activities`: 1,000,000 attendance records across 20 projects (groups of 12
/// meeting 125 times, ten of them at each session, plus events with head counts), then the project's
/// activity report and the save of one session's attendance, through the whole middleware stack.
public enum ActivityBench {
    public static func run(_ app: Application, attendances: Int, projects: Int, repetitions: Int) async throws -> String {
        guard try await Project.query(on: app.db).filter(\.$code == "ABENCH0").count() == 0 else {
            return "The database already has the activity benchmark's data: run it on an empty database."
        }
        let started = Date()
        let world = try await generate(app, attendances: attendances, projects: projects)
        let generated = Date().timeIntervalSince(started)
        let total = try await app.db.sql.raw("SELECT COUNT(*) AS n FROM attendances").first(decoding: [String: Int].self)?["n"] ?? 0
        var lines = ["Generated \(total) attendance records in \(projects) projects in \(String(format: "%.1f", generated)) s (\(ParticipantBench.kind(app)))."]
        func measure(_ label: String, _ n: Int, _ body: () async throws -> Void) async throws {
            lines.append(try await BenchTiming.line(label, n, body))
        }
        var floorRows = 0
        try await measure("floor: the report's two reads to the end", max(5, repetitions / 5)) {
            floorRows = try await ActivityRows.floor(on: app.db, project: world.project, today: Clock.system.today.iso)
        }
        try await measure("activity report computed (\(floorRows) rows, no page)", max(5, repetitions / 5)) {
            _ = try await ActivityReport.compute(project: world.project, filter: .init(), today: Clock.system.today, on: app.db)
        }
        try await measure("activity report, whole project", max(5, repetitions / 5)) {
            let res = try await ParticipantBench.get(app, SiteURL.projectActivityReport(.value(world.project)).relativeURL(), cookie: world.cookie)
            guard res.status == .ok else { throw Abort(.internalServerError, reason: "report answered \(res.status)") }
        }
        try await measure("activity report, one year by site", max(5, repetitions / 5)) {
            let res = try await ParticipantBench.get(
                app, SiteURL.projectActivityReport(.value(world.project)).relativeURL([("from", "1.1.2024"), ("to", "31.12.2024"), ("by", "site")]), cookie: world.cookie)
            guard res.status == .ok else { throw Abort(.internalServerError, reason: "report answered \(res.status)") }
        }
        try await measure("attendance page of a session", repetitions) {
            let res = try await ParticipantBench.get(app, SiteURL.session(.value(world.activity), .value(world.session)).relativeURL(), cookie: world.cookie)
            guard res.status == .ok else { throw Abort(.internalServerError, reason: "attendance page answered \(res.status)") }
        }
        var version = 0
        try await measure("attendance save (10 ticked + heads)", repetitions) {
            var form = ["_csrf=bench", "version=\(version)", "head_on_site=3"]
            for p in world.members.prefix(10) { form.append("p_\(p)=on") }
            let res = try await post(app, SiteURL.session(.value(world.activity), .value(world.session)).relativeURL(), body: form.joined(separator: "&"), cookie: world.cookie)
            guard res.status == .seeOther else { throw Abort(.internalServerError, reason: "save answered \(res.status)") }
            version += 1
        }
        return lines.joined(separator: "\n")
    }

    static func post(_ app: Application, _ path: String, body: String, cookie: String) async throws -> Response {
        var headers = HTTPHeaders()
        headers.add(name: .cookie, value: "polku_session=\(cookie)")
        headers.contentType = .urlEncodedForm
        let req = Request(
            application: app, method: .POST, url: URI(string: path), headers: headers,
            collectedBody: ByteBuffer(string: body), on: app.eventLoopGroup.next())
        return try await app.responder.respond(to: req).get()
    }

    struct World { let cookie: String; let project: UUID; let activity: UUID; let session: UUID; let members: [UUID] }

    static func generate(_ app: Application, attendances: Int, projects: Int) async throws -> World {
        let sql = app.db.sql
        var rng = DemoRandom(seed: 11)
        let user = User(email: "activity-bench@polku.invalid", name: "Bench", passwordHash: "x")
        try await user.create(on: app.db)
        let perProject = attendances / projects
        let groupsPerProject = 40, membersPerGroup = 12, presentPerSession = 10
        let sessionsPerGroup = max(1, perProject / (groupsPerProject * presentPerSession))
        var first: World? = nil
        for pi in 0..<projects {
            let p = Project()
            p.code = "ABENCH\(pi)"; p.name = "Activity bench \(pi)"; p.summary = ""; p.funder = ""; p.priorityAxis = ""
            p.specificObjective = ""; p.status = .running; p.startDate = "2023-01-01"; p.endDate = "2026-12-31"; p.region = ""
            p.budgetBand = ""; p.targetGroups = ""; p.phases = PhasePlan.defaultPhases.joined(separator: "\n")
            try await p.create(on: app.db)
            let projectID = p.id!
            try await Membership(userID: user.id!, projectID: projectID, role: .worker).create(on: app.db)
            var siteIDs: [UUID] = []
            for s in 0..<4 {
                let site = Site(projectID: projectID, name: "Toimipiste \(s + 1)", municipality: "Pori", kind: .servicePoint)
                try await site.create(on: app.db)
                siteIDs.append(site.id!)
            }
            // Participants: each group's members, enrolled from the start.
            var people: [[any SQLExpression]] = [], enrolments: [[any SQLExpression]] = []
            var groupsMembers: [[UUID]] = []
            let now = app.clock.now()
            for _ in 0..<groupsPerProject {
                var members: [UUID] = []
                for _ in 0..<membersPerGroup {
                    let id = app.newID()
                    members.append(id)
                    let firstName = rng.pick(DemoData.firstNames), last = rng.pick(DemoData.lastNames)
                    people.append([
                        SQLBind(id), SQLBind(now), SQLBind(now), SQLBind(firstName), SQLBind(last), SQLBind(SearchKey.make(last, firstName)),
                        SQLBind("1980-05-1\(rng.int(0...9))"), SQLBind(rng.int(0...1) == 0 ? "female" : "male"), SQLBind("Pori"), SQLBind("fi"),
                    ])
                    enrolments.append([
                        SQLBind(app.newID()), SQLBind(now), SQLBind(id), SQLBind(projectID), SQLBind("coaching"), SQLBind("2023-0\(rng.int(1...9))-01"),
                        SQLBind(siteIDs[rng.int(0...3)]),
                    ])
                }
                groupsMembers.append(members)
            }
            try await insert(
                app.db, "participants", ["id", "created_at", "updated_at", "first_name", "last_name", "search_key", "birth_date", "gender", "municipality", "language"], people)
            try await insert(app.db, "enrolments", ["id", "created_at", "participant_id", "project_id", "phase", "start_date", "site_id"], enrolments)
            var activities: [[any SQLExpression]] = [], members: [[any SQLExpression]] = [], sessions: [[any SQLExpression]] = [], rows: [[any SQLExpression]] = []
            var firstSession: (activity: UUID, session: UUID)? = nil
            let start = CalendarDate(parsing: "2023-01-02")!
            for (gi, group) in groupsMembers.enumerated() {
                let activity = app.newID()
                let site = siteIDs[gi % siteIDs.count]
                activities.append([
                    SQLBind(activity), SQLBind(now), SQLBind(projectID), SQLBind(site), SQLBind("group"), SQLBind("Ryhmä \(gi + 1)"), SQLBind(""),
                    SQLBind("1,4"), SQLBind(1), SQLBind(start.iso), SQLBind("2025-12-31"), SQLBind("10:00"), SQLBind("12:00"),
                    SQLBind(gi % 2 == 0 ? "peer_group" : "social_rehabilitation_group"), SQLBind(FeedToken.make()),
                ])
                for m in group { members.append([SQLBind(app.newID()), SQLBind(activity), SQLBind(m), SQLBind(start.iso)]) }
                for si in 0..<sessionsPerGroup {
                    let session = app.newID()
                    let date = start.adding(days: (si / 2) * 7 + (si % 2) * 3)
                    sessions.append([
                        SQLBind(session), SQLBind(activity), SQLBind(date.iso), SQLBind(date.iso), SQLBind("10:00"), SQLBind("12:00"),
                        SQLBind(false), SQLBind(0),
                    ])
                    if firstSession == nil { firstSession = (activity, session) }
                    let skip = Set((0..<(membersPerGroup - presentPerSession)).map { _ in rng.int(0...(membersPerGroup - 1)) })
                    var present = group.enumerated().filter { !skip.contains($0.offset) }.map(\.element)
                    // Keep exactly ten present so that the total is what was asked for.
                    while present.count > presentPerSession { present.removeLast() }
                    for m in group where present.count < presentPerSession && !present.contains(m) { present.append(m) }
                    for m in present { rows.append([SQLBind(app.newID()), SQLBind(session), SQLBind(m)]) }
                }
            }
            // Ten open events with head counts, where a few later participants first came.
            for e in 0..<10 {
                let activity = app.newID(), session = app.newID()
                let date = start.adding(days: 30 * e + 5)
                activities.append([
                    SQLBind(activity), SQLBind(now), SQLBind(projectID), SQLBind(siteIDs[e % 4]), SQLBind("event"), SQLBind("Tapahtuma \(e + 1)"),
                    SQLBind(""), SQLBind(nil as String?), SQLBind(nil as Int?), SQLBind(date.iso), SQLBind(date.iso), SQLBind("12:00"), SQLBind("15:00"),
                    SQLBind("public_event"), SQLBind(FeedToken.make()),
                ])
                sessions.append([SQLBind(session), SQLBind(activity), SQLBind(date.iso), SQLBind(date.iso), SQLBind("12:00"), SQLBind("15:00"), SQLBind(false), SQLBind(0)])
                rows.append([SQLBind(app.newID()), SQLBind(session), SQLBind(groupsMembers[e][0])])
            }
            try await insert(
                app.db, "activities",
                [
                    "id", "created_at", "project_id", "site_id", "kind", "name", "description", "weekdays", "week_interval",
                    "from_date", "to_date", "start_time", "end_time", "category", "feed_token",
                ], activities)
            try await insert(app.db, "activity_members", ["id", "activity_id", "participant_id", "joined_on"], members)
            try await insert(app.db, "activity_sessions", ["id", "activity_id", "scheduled_date", "date", "start_time", "end_time", "cancelled", "version"], sessions)
            try await insert(app.db, "attendances", ["id", "session_id", "participant_id"], rows)
            if pi == 0, let s = firstSession {
                first = World(cookie: "", project: projectID, activity: s.activity, session: s.session, members: groupsMembers[0])
            }
        }
        try await sql.raw(SQLQueryString(sql.dialect.name == "postgresql" ? "VACUUM ANALYZE" : "ANALYZE")).run()
        let cookie = try await BenchSession.make(app, user: user.id!)
        let w = first!
        return World(cookie: cookie, project: w.project, activity: w.activity, session: w.session, members: w.members)
    }

    /// Multi-row inserts in one transaction, 1,000 rows a statement.
    static func insert(_ db: any Database, _ table: String, _ columns: [String], _ rows: [[any SQLExpression]]) async throws {
        guard !rows.isEmpty else { return }
        let chunk = max(1, 30_000 / columns.count)
        try await db.transaction { db in
            let tx = db.sql
            for start in stride(from: 0, to: rows.count, by: chunk) {
                let part = Array(rows[start..<min(start + chunk, rows.count)])
                try await tx.insert(into: table).columns(columns).values(part.first!).rows(part.dropFirst().map { $0 }).run()
            }
        }
    }
}
