import Fluent
import PolkuCore
import SQLKit
import Vapor

/// Recording one session's attendance on a phone: the project's current participants as a checklist,
/// and a head count (on site and online) for open events.
enum AttendanceController {
    struct Context { let activity: Activity; let session: ActivitySession; let actor: Actor }

    static func context(_ req: Request) async throws -> Context {
        guard let a = try await Activity.query(on: req.db).filter(\.$id == (try req.id())).with(\.$project).first(),
              let s = try await ActivitySession.query(on: req.db).filter(\.$id == (try req.id("session"))).filter(\.$activity.$id == a.id!).first()
        else { throw Abort(.notFound) }
        let actor = try req.authz.actor()
        guard actor.access(to: a.$project.id).writesParticipantData else { throw Abort(.notFound) }
        return Context(activity: a, session: s, actor: actor)
    }

    struct Person: Decodable { let id: UUID; let first_name: String; let last_name: String }

    /// Who can be ticked: the project's participants who have not left, and anyone already recorded.
    static func people(_ ctx: Context, on db: any Database) async throws -> [Person] {
        try await (db as! any SQLDatabase).raw("""
            SELECT p.id, p.first_name, p.last_name FROM participants p JOIN enrolments e ON e.participant_id = p.id
            WHERE e.project_id = \(bind: ctx.activity.$project.id)
              AND (e.end_date IS NULL OR e.end_date >= \(bind: ctx.session.date)
                   OR EXISTS (SELECT 1 FROM attendances a WHERE a.session_id = \(bind: ctx.session.id!) AND a.participant_id = p.id))
            ORDER BY p.search_key, p.id
            """).all(decoding: Person.self)
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let ctx = try await context(req)
        let present = try await Attendance.query(on: req.db).filter(\.$session.$id == ctx.session.id!).all().map(\.$participant.id)
        var state = FormState()
        for id in present { state.values["p_\(id)"] = "on" }
        state.values["head_on_site"] = ctx.session.headOnSite.map(String.init) ?? ""
        state.values["head_online"] = ctx.session.headOnline.map(String.init) ?? ""
        state.values["version"] = String(ctx.session.version)
        return try await page(req, ctx, state: state)
    }

    static func page(_ req: Request, _ ctx: Context, state: FormState, status: HTTPResponseStatus = .ok, message: String? = nil) async throws -> Response {
        let t = req.t
        let people = try await people(ctx, on: req.db)
        try await req.audit.record(.participantList, participants: people.map(\.id), project: ctx.activity.$project.id, detail: "attendance form")
        let f = Fields(t: t, state: state)
        let s = ctx.session
        return req.page(t("attendance.title", ctx.activity.name, t.date(s.date)),
                        breadcrumbs: [(ctx.activity.name, "/activities/\(ctx.activity.id!)")], status: status) {
            if let message { h("div", ["class": "error-summary", "role": "alert"]) { h("p") { message } } }
            h("form", ["method": "post", "action": "/activities/\(ctx.activity.id!)/sessions/\(s.id!)"]) {
                csrfField(req)
                h("input", ["type": "hidden", "name": "version", "value": state["version"]])
                f.summary()
                h("fieldset", ["class": "checks"]) {
                    h("legend") { t("attendance.present") }
                    if people.isEmpty { h("p") { t("participants.none") } }
                    for p in people { f.checkbox("p_\(p.id)", "\(p.last_name), \(p.first_name)") }
                }
                h("fieldset") {
                    h("legend") { t("attendance.heads") }
                    h("p", ["class": "hint"]) { t("attendance.heads.hint") }
                    f.text("head_on_site", t("attendance.head_on_site"), type: "number")
                    f.text("head_online", t("attendance.head_online"), type: "number")
                }
                submit(t("form.save"))
            }
        }
    }

    @Sendable static func save(req: Request) async throws -> Response {
        let ctx = try await context(req)
        let t = req.t
        let people = try await people(ctx, on: req.db)
        var state = FormState.read(req, fields: ["version", "head_on_site", "head_online"] + people.map { "p_\($0.id)" })
        if let problem = AttendanceRules.problem(sessionDate: CalendarDate(parsing: ctx.session.date)!, cancelled: ctx.session.cancelled,
                                                 today: CalendarDate.today()) {
            return try await page(req, ctx, state: state, status: .unprocessableEntity, message: t("activity.error." + problem.rawValue))
        }
        let onSite = state.integer("head_on_site", range: 0...HeadCount.plausibleMaximum)
        let online = state.integer("head_online", range: 0...HeadCount.plausibleMaximum)
        if let problem = HeadCount(onSite: onSite ?? 0, online: online ?? 0).problem { state.errors["head_on_site"] = "activity.error." + problem.rawValue }
        guard let version = Int(state["version"]) else { throw Abort(.badRequest) }
        guard state.isValid else { return try await page(req, ctx, state: state, status: .unprocessableEntity) }
        let present = people.filter { state["p_\($0.id)"] == "on" }.map(\.id)
        let sessionID = ctx.session.id!
        let saved: Bool = try await req.db.transaction { db in
            let sql = db as! any SQLDatabase
            // Optimistic lock: a save made from an older copy of the page changes nothing.
            let bumped = try await sql.raw("""
                UPDATE activity_sessions SET version = version + 1, head_on_site = \(bind: onSite), head_online = \(bind: online)
                WHERE id = \(bind: sessionID) AND version = \(bind: version) RETURNING id
                """).all()
            guard !bumped.isEmpty else { return false }
            try await sql.delete(from: "attendances").where("session_id", .equal, sessionID).run()
            for p in present { try await Attendance(sessionID: sessionID, participantID: p).create(on: db) }
            return true
        }
        guard saved else {
            // Show what this user ticked against the newer version, so that saving again is a decision.
            if let current = try await ActivitySession.find(sessionID, on: req.db) { state.values["version"] = String(current.version) }
            return try await page(req, ctx, state: state, status: .conflict, message: t("attendance.conflict"))
        }
        try await req.audit.record(.attendanceRecord, participants: present, project: ctx.activity.$project.id, detail: "session \(sessionID)")
        return req.redirect("/activities/\(ctx.activity.id!)")
    }
}
