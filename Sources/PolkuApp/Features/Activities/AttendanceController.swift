import Fluent
import PolkuCore
import SQLKit
import Vapor

/// Recording one session's attendance on a phone: the group's members (or, for other activities, the
/// project's current participants) as a checklist, anyone else by name, a training's attendees by
/// organisation, and a head count (on site and online, optionally by gender and age band).
enum AttendanceController {
    struct Context { let activity: Activity; let session: ActivitySession; let actor: Actor }

    static func context(_ req: Request) async throws -> Context {
        guard let a = try await Activity.query(on: req.db).filter(\.$id == (try req.id())).with(\.$project).first(),
            let s = try await ActivitySession.query(on: req.db).filter(\.$id == (try req.id("session"))).filter(\.$activity.$id == a.id!).first()
        else { throw Abort(.notFound) }
        // The route's guard admitted only those who write this activity's project's data.
        let actor = try req.guardedProject().actor
        return Context(activity: a, session: s, actor: actor)
    }

    struct Person: Decodable, Sendable { let id: UUID; let first_name: String; let last_name: String }

    /// The checklist: a group's members on the session's day, or the project's participants who had
    /// not left by then; and always anyone already recorded for the session.
    static func people(_ ctx: Context, on db: any Database) async throws -> [Person] {
        let sql = db.sql
        let date = ctx.session.date, session = ctx.session.id!
        if ctx.activity.kind == .group {
            return try await sql.raw(
                """
                SELECT p.id, p.first_name, p.last_name FROM participants p
                WHERE EXISTS (SELECT 1 FROM activity_members m WHERE m.activity_id = \(bind: ctx.activity.id!) AND m.participant_id = p.id
                              AND m.joined_on <= \(bind: date) AND (m.left_on IS NULL OR m.left_on >= \(bind: date)))
                   OR EXISTS (SELECT 1 FROM attendances a WHERE a.session_id = \(bind: session) AND a.participant_id = p.id)
                ORDER BY p.search_key, p.id
                """
            ).all(decoding: Person.self)
        }
        return try await sql.raw(
            """
            SELECT p.id, p.first_name, p.last_name FROM participants p
            WHERE EXISTS (SELECT 1 FROM enrolments e WHERE e.participant_id = p.id AND e.project_id = \(bind: ctx.activity.$project.id)
                          AND (e.end_date IS NULL OR e.end_date >= \(bind: date)))
               OR EXISTS (SELECT 1 FROM attendances a WHERE a.session_id = \(bind: session) AND a.participant_id = p.id)
            ORDER BY p.search_key, p.id
            """
        ).all(decoding: Person.self)
    }

    /// Others in the project who could be added to a group's session (a visitor from another group).
    static func others(_ ctx: Context, excluding: Set<UUID>, on db: any Database) async throws -> [Person] {
        guard ctx.activity.kind == .group else { return [] }
        return try await db.sql.raw(
            """
            SELECT p.id, p.first_name, p.last_name FROM participants p
            WHERE EXISTS (SELECT 1 FROM enrolments e WHERE e.participant_id = p.id AND e.project_id = \(bind: ctx.activity.$project.id)
                          AND (e.end_date IS NULL OR e.end_date >= \(bind: ctx.session.date)))
            ORDER BY p.search_key, p.id
            """
        ).all(decoding: Person.self).filter { !excluding.contains($0.id) }
    }

    static let countFields = [
        "head_on_site", "head_online", "head_women", "head_men", "head_other_gender",
        "head_age_under_18", "head_age_18_29", "head_age_30_54", "head_age_55_plus",
    ]

    @Sendable static func show(req: Request) async throws -> Response {
        let ctx = try await context(req)
        let s = ctx.session
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
        return try await page(req, ctx, state: state)
    }

    static func page(_ req: Request, _ ctx: Context, state: FormState, status: HTTPResponseStatus = .ok, message: String? = nil) async throws -> Response {
        let t = req.t
        let isTraining = ctx.activity.kind == .training
        let people = isTraining ? [] : try await people(ctx, on: req.db)
        let others = try await others(ctx, excluding: Set(people.map(\.id)), on: req.db)
        try await req.audit.record(.participantList, participants: people.map(\.id) + others.map(\.id), project: ctx.activity.$project.id, detail: "attendance form")
        let f = Fields(t: t, state: state)
        let s = ctx.session
        return req.page(
            t("attendance.title", ctx.activity.name, t.date(s.date)),
            breadcrumbs: [(ctx.activity.name, SiteURL.activity(.value(ctx.activity.id!)).relativeURL())], status: status
        ) {
            if let message { h("div", ["class": "error-summary", "role": "alert"]) { h("p") { message } } }
            h("form", ["method": "post", "action": SiteURL.session(.value(ctx.activity.id!), .value(s.id!)).relativeURL()]) {
                csrfField(req)
                h("input", ["type": "hidden", "name": "version", "value": state["version"]])
                f.summary()
                if !isTraining {
                    h("fieldset", ["class": "checks"]) {
                        h("legend") { ctx.activity.kind == .group ? t("attendance.members_present") : t("attendance.present") }
                        if people.isEmpty { h("p") { ctx.activity.kind == .group ? t("activity.members.none") : t("participants.none") } }
                        f.error("people")
                        for p in people { f.checkbox("p_\(p.id)", "\(p.last_name), \(p.first_name)") }
                    }
                    if !others.isEmpty {
                        f.select(
                            "add_participant", t("attendance.add_participant"), options: others.map { ($0.id.uuidString, "\($0.last_name), \($0.first_name)") },
                            blank: t("attendance.add_participant.none"), hint: t("attendance.add_participant.hint"))
                    }
                } else {
                    f.textarea("organisations", t("attendance.organisations"), hint: t("attendance.organisations.hint"), rows: 5)
                }
                f.textarea("guests", t("attendance.guests"), hint: isTraining ? t("attendance.guests.training_hint") : t("attendance.guests.hint"), rows: 3)
                h("fieldset") {
                    h("legend") { t("attendance.heads") }
                    h("p", ["class": "hint"]) { t("attendance.heads.hint") }
                    f.text("head_on_site", t("attendance.head_on_site"), type: "number")
                    f.text("head_online", t("attendance.head_online"), type: "number")
                    h("details", ["open": (countFields.dropFirst(2).contains { !state[$0].isEmpty } || !state.isValid) ? "" : nil]) {
                        h("summary") { t("attendance.breakdown") }
                        h("p", ["class": "hint"]) { t("attendance.breakdown.hint") }
                        h("fieldset") {
                            h("legend") { t("attendance.by_gender") }
                            f.text("head_women", t("attendance.women"), type: "number")
                            f.text("head_men", t("attendance.men"), type: "number")
                            f.text("head_other_gender", t("attendance.other_gender"), type: "number")
                        }
                        h("fieldset") {
                            h("legend") { t("attendance.by_age") }
                            for band in AgeBand.allCases { f.text("head_age_" + band.rawValue, t("report.age_band." + band.rawValue), type: "number") }
                        }
                    }
                }
                submit(t("form.save"))
            }
        }
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
        let posted = (try? req.content.decode([String: String].self)) ?? [:]
        var state = FormState()
        state.values = posted.filter { $0.key.hasPrefix("p_") || countFields.contains($0.key) || ["version", "guests", "organisations", "add_participant"].contains($0.key) }
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
        if let extra = state.uuid("add_participant", required: false) { present.insert(extra) }
        if ctx.activity.kind == .training { present = [] }
        if !present.isEmpty {
            let known = try await req.db.sql.raw(
                """
                SELECT DISTINCT participant_id FROM enrolments WHERE project_id = \(bind: ctx.activity.$project.id)
                AND participant_id IN \(SQLBind.group(Array(present)))
                """
            ).all(decoding: [String: UUID].self).compactMap { $0["participant_id"] }
            if Set(known) != present { state.errors["people"] = "attendance.error.not_in_project" }
        }
        guard state.isValid else { return try await page(req, ctx, state: state, status: .unprocessableEntity) }
        let s = ctx.session, sessionID = s.id!
        let ticked = present.sorted { $0.uuidString < $1.uuidString }, values = counts
        let saved: Bool = try await req.db.transaction { db in
            let sql = db.sql
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
            try await req.audit.record(.attendanceRecord, participants: ticked, project: ctx.activity.$project.id, detail: "session \(sessionID)", on: db)
            return true
        }
        guard saved else {
            // Show what this user ticked against the newer version, so that saving again is a decision.
            if let current = try await ActivitySession.find(sessionID, on: req.db) { state.values["version"] = String(current.version) }
            return try await page(req, ctx, state: state, status: .conflict, message: t("attendance.conflict"))
        }
        return req.redirect(SiteURL.activity(.value(ctx.activity.id!)).relativeURL(fragment: "sessions"))
    }
}
