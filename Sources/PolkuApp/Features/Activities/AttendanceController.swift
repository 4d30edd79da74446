import Fluent
import PolkuCore
import SQLKit
import Vapor

/// Recording one session's attendance on a phone: the group's members (or, for other activities, the
/// project's current participants) as a checklist, anyone else by name, a training's attendees by
/// organisation, and a head count (on site and online, optionally by gender and age band).
enum AttendanceController {
    /// What attendance needs of the activity and the session: read as columns in one query on the
    /// hot path's read connection (a save is what a team does most; issue 11).
    struct Context {
        struct ActivityFacts: Sendable { let id: UUID; let projectID: UUID; let name: String; let kind: Activity.Kind }
        struct SessionFacts: Sendable { let id: UUID; let date: String; let cancelled: Bool }
        let activity: ActivityFacts
        let session: SessionFacts
        let actor: Actor
    }

    private struct ContextRow: Decodable {
        let activity_id: UUID, project_id: UUID, name: String, kind: Activity.Kind
        let session_id: UUID, date: String, cancelled: Bool
    }

    static func context(_ req: Request) async throws -> Context {
        let activityID = try req.id(), sessionID = try req.id("session")
        guard
            let row = try await req.readDatabase.sql.raw(
                """
                SELECT a.id AS activity_id, a.project_id, a.name, a.kind, s.id AS session_id, s.date, s.cancelled
                FROM activity_sessions s JOIN activities a ON a.id = s.activity_id
                WHERE s.id = \(bind: sessionID) AND a.id = \(bind: activityID)
                """
            ).first(decoding: ContextRow.self)
        else { throw Abort(.notFound) }
        // The route's guard admitted only those who write this activity's project's data.
        let actor = try req.guardedProject().actor
        return Context(
            activity: .init(id: row.activity_id, projectID: row.project_id, name: row.name, kind: row.kind),
            session: .init(id: row.session_id, date: row.date, cancelled: row.cancelled), actor: actor)
    }

    static let countFields = [
        "head_on_site", "head_online", "head_women", "head_men", "head_other_gender",
        "head_age_under_18", "head_age_18_29", "head_age_30_54", "head_age_55_plus",
    ]

    @Sendable static func show(req: Request) async throws -> Response {
        let ctx = try await context(req)
        guard let s = try await ActivitySession.find(ctx.session.id, on: req.db) else { throw Abort(.notFound) }
        let present = try await Attendance.query(on: req.db).filter(\.$session.$id == s.id!).all().map(\.$participant.id)
        let guests = try await SessionGuest.query(on: req.db).filter(\.$session.$id == s.id!).sort(\.$name).all()
        let orgs = try await SessionOrganisation.query(on: req.db).filter(\.$session.$id == s.id!).sort(\.$organisation).all()
        var state = FormState()
        for id in present { state.values["p_\(id)"] = "on" }
        let counts: [Int?] = [s.headOnSite, s.headOnline, s.headWomen, s.headMen, s.headOtherGender, s.headAgeUnder18, s.headAge18to29, s.headAge30to54, s.headAge55plus]
        for (field, value) in zip(countFields, counts) { state.values[field] = value.map(String.init) ?? "" }
        state.values["guests"] = guests.map { g in g.organisation.map { "\(g.name); \($0)" } ?? g.name }.joined(separator: "\n")
        state.values["organisations"] = orgs.map { "\($0.organisation); \($0.attendees)" }.joined(separator: "\n")
        state.values["version"] = String(s.version)
        return try await page(req, ctx, state: state, tickAll: req.query[String.self, at: "all"] == "1")
    }

    /// `tickAll`: the coach chose "Kaikki paikalla"; they untick who was away and save.
    /// `search`: whom else of the project to look for.
    static func page(
        _ req: Request, _ ctx: Context, state: FormState, status: HTTPResponseStatus = .ok, message: String? = nil, tickAll: Bool = false,
        search: String? = nil
    ) async throws -> Response {
        var model = try await AttendancePage.query(ctx, state: state, message: message, search: search, on: req.db)
        if tickAll {
            for p in model.people { model.state.values["p_\(p.id)"] = "on" }
            model.allTicked = true
        }
        try await req.audit.record(
            .participantList, participants: model.people.map(\.id) + (model.search?.found.map(\.id) ?? []), project: ctx.activity.projectID,
            detail: "attendance form")
        return model.page(context: req.pageContext, status: status).response()
    }

    /// "Name" or "Name; Organisation" per line.
    static func parseGuests(_ text: String) -> (guests: [(name: String, organisation: String?)], badLine: Int?) {
        var out: [(String, String?)] = []
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty { continue }
            let parts = line.split(separator: ";", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard let name = parts.first, !name.isEmpty, name.count <= 200, (parts.count < 2 || parts[1].count <= 200) else { return (out, i + 1) }
            out.append((name, parts.count > 1 ? parts[1].nilIfEmpty : nil))
        }
        return (out, nil)
    }

    /// "Organisation; number" per line; one organisation once.
    static func parseOrganisations(_ text: String) -> (counts: [(organisation: String, attendees: Int)], badLine: Int?) {
        var out: [(String, Int)] = []
        var seen = Set<String>()
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty { continue }
            let parts = line.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 200, let n = Int(parts[1]), (1...HeadCount.plausibleMaximum).contains(n),
                seen.insert(parts[0].lowercased()).inserted
            else { return (out, i + 1) }
            out.append((parts[0], n))
        }
        return (out, nil)
    }

    @Sendable static func save(req: Request) async throws -> Response {
        let ctx = try await context(req)
        let t = req.t
        // The body as parsed once for the CSRF check (a form post; anything else has no fields).
        let posted = req.formFields
        var state = FormState()
        state.values = posted.filter { $0.key.hasPrefix("p_") || countFields.contains($0.key) || ["version", "guests", "organisations", "add_q"].contains($0.key) }
        if posted["find"] != nil {
            // A search for someone else: the form again, as it was sent, with whom it found.
            req.formChangedNothing()
            return try await page(req, ctx, state: state, search: state["add_q"])
        }
        if let problem = AttendanceRules.problem(
            sessionDate: CalendarDate(parsing: ctx.session.date)!, cancelled: ctx.session.cancelled,
            today: req.today)
        {
            return try await page(req, ctx, state: state, status: .unprocessableEntity, message: t("activity.error." + problem.rawValue))
        }
        var counts: [String: Int] = [:]
        for field in countFields { if let n = state.integer(field, range: 0...HeadCount.plausibleMaximum) { counts[field] = n } }
        if state.isValid {
            let heads = HeadCount(
                onSite: counts["head_on_site"] ?? 0, online: counts["head_online"] ?? 0,
                byGender: [.female: counts["head_women"], .male: counts["head_men"], .nonBinary: counts["head_other_gender"]].compactMapValues { $0 },
                byAge: Dictionary(uniqueKeysWithValues: AgeBand.allCases.compactMap { b in counts["head_age_" + b.rawValue].map { (b, $0) } }))
            if let problem = heads.problem {
                state.errors[problem == .breakdownMismatch ? "head_women" : "head_on_site"] = "activity.error." + problem.rawValue
            }
        }
        let (guests, badGuest) = parseGuests(state["guests"])
        if let badGuest { state.errors["guests"] = "attendance.error.guest_line:\(badGuest)" }
        let (orgs, badOrg) = ctx.activity.kind == .training ? parseOrganisations(state["organisations"]) : ([], nil)
        if let badOrg { state.errors["organisations"] = "attendance.error.organisation_line:\(badOrg)" }
        guard let version = Int(state["version"]) else { throw Abort(.badRequest, reason: "version") }
        // The ticked people (a name ticked twice is one attendance); each must be the project's own.
        var present = Set(state.values.filter { $0.key.hasPrefix("p_") && $0.value == "on" }.compactMap { UUID(text: String($0.key.dropFirst(2))) })
        if ctx.activity.kind == .training { present = [] }
        if !present.isEmpty {
            let known = try await req.readDatabase.sql.raw(
                """
                SELECT DISTINCT participant_id FROM enrolments WHERE project_id = \(bind: ctx.activity.projectID)
                AND participant_id \(oneOf: Array(present))
                """
            ).all(decodingColumn: "participant_id", as: UUID.self)
            if Set(known) != present { state.errors["people"] = "attendance.error.not_in_project" }
        }
        guard state.isValid else { return try await page(req, ctx, state: state, status: .unprocessableEntity) }
        let sessionID = ctx.session.id
        let ticked = present.map { ($0.text, $0) }.sorted { $0.0 < $1.0 }.map(\.1), values = counts
        let saved: Bool = try await req.db.sqlTransaction { sql in
            // Optimistic lock: a save made from an older copy of the page changes nothing.
            var update = sql.update(ActivitySession.schema).set(SQLIdentifier("version"), to: SQLRaw("version + 1"))
            for field in countFields { update = update.set(SQLIdentifier(field), to: SQLBind(values[field])) }
            let bumped = try await update.where("id", .equal, sessionID).where("version", .equal, version).returning("id").all()
            guard !bumped.isEmpty else { return false }
            try await sql.delete(from: Attendance.schema).where("session_id", .equal, sessionID).run()
            try await sql.delete(from: SessionGuest.schema).where("session_id", .equal, sessionID).run()
            try await sql.delete(from: SessionOrganisation.schema).where("session_id", .equal, sessionID).run()
            if !ticked.isEmpty {
                var insert = sql.insert(into: Attendance.schema).columns("id", "session_id", "participant_id")
                for p in ticked { insert = insert.values(SQLBind(req.newID()), SQLBind(sessionID), SQLBind(p)) }
                try await insert.run()
            }
            if !guests.isEmpty {
                var insert = sql.insert(into: SessionGuest.schema).columns("id", "session_id", "name", "organisation")
                for g in guests { insert = insert.values(SQLBind(req.newID()), SQLBind(sessionID), SQLBind(g.name), SQLBind(g.organisation)) }
                try await insert.run()
            }
            if !orgs.isEmpty {
                var insert = sql.insert(into: SessionOrganisation.schema).columns("id", "session_id", "organisation", "attendees")
                for o in orgs { insert = insert.values(SQLBind(req.newID()), SQLBind(sessionID), SQLBind(o.organisation), SQLBind(o.attendees)) }
                try await insert.run()
            }
            try await req.audit.record(.attendanceRecord, participants: ticked, project: ctx.activity.projectID, detail: "session \(sessionID)", on: sql)
            return true
        }
        guard saved else {
            // Show what this user ticked against the newer version, so that saving again is a decision.
            if let current = try await ActivitySession.find(sessionID, on: req.db) { state.values["version"] = String(current.version) }
            return try await page(req, ctx, state: state, status: .conflict, message: t("attendance.conflict"))
        }
        req.flash("flash.attendance_saved", String(ticked.count), String(guests.count))
        return req.redirect(SiteURL.activity(.value(ctx.activity.id)).relativeURL(fragment: "sessions"))
    }
}
