import Fluent
import PolkuCore
import SQLKit
import Vapor

/// Moving one session to another day or time, cancelling it, or bringing a cancelled one back.
enum SessionController {
    static func context(_ req: Request) async throws -> (ActivityPage.Context, ActivitySession) {
        let ctx = try await ActivityPage.context(req)
        guard
            let s = try await ActivitySession.query(on: req.db).filter(\.$id == (try req.id("session")))
                .filter(\.$activity.$id == ctx.activity.id!).first()
        else { throw Abort(.notFound) }
        return (ctx, s)
    }

    @Sendable static func edit(req: Request) async throws -> Response {
        let (ctx, s) = try await context(req)
        var state = FormState()
        state.values = ["date": s.date, "start": s.startTime, "end": s.endTime, "cancelled": s.cancelled ? "on" : ""]
        return page(req, ctx, s, state: state)
    }

    static func page(
        _ req: Request, _ ctx: ActivityPage.Context, _ s: ActivitySession, state: FormState,
        status: HTTPResponseStatus = .ok, message: String? = nil
    ) -> Response {
        let a = ctx.activity
        let model = SessionEditPage(
            projectID: a.$project.id, activityID: a.id!, activityName: a.name, sessionID: s.id!, scheduled: s.scheduledDate,
            state: state, message: message.map { req.t($0) })
        return model.page(context: req.pageContext, status: status).response()
    }

    @Sendable static func update(req: Request) async throws -> Response {
        let (ctx, s) = try await context(req)
        var state = FormState.read(req, fields: ["date", "start", "end", "cancelled"])
        let date = state.date("date", required: true)
        let start = ClockTime(parsing: state["start"]), end = ClockTime(parsing: state["end"])
        if start == nil { state.errors["start"] = "activity.error.time" }
        if end == nil { state.errors["end"] = "activity.error.time" }
        if let start, let end, end <= start { state.errors["end"] = "activity.error.schedule.end_time" }
        guard let date, let start, let end, state.isValid else { return page(req, ctx, s, state: state, status: .unprocessableEntity) }
        let cancelling = state["cancelled"] == "on"
        let sql = req.db.sql
        struct N: Decodable { let n: Int }
        let recorded =
            try await sql.raw(
                """
                SELECT (SELECT COUNT(*) FROM attendances WHERE session_id = \(bind: s.id!)) + (SELECT COUNT(*) FROM session_guests WHERE session_id = \(bind: s.id!))
                     + (SELECT COUNT(*) FROM session_organisations WHERE session_id = \(bind: s.id!)) AS n
                """
            ).first(decoding: N.self)?.n ?? 0
        let hasAttendance = recorded > 0 || s.headOnSite != nil || s.headOnline != nil
        if let problem = AttendanceRules.changeProblem(
            hasAttendance: hasAttendance, cancelling: cancelling,
            newDate: CalendarDate(parsing: date)!, today: req.today)
        {
            return page(req, ctx, s, state: state, status: .unprocessableEntity, message: "activity.error." + problem.rawValue)
        }
        s.date = date; s.startTime = start.description; s.endTime = end.description; s.cancelled = cancelling
        s.version += 1
        try await s.save(on: req.db)
        return req.redirect(SiteURL.activity(.value(ctx.activity.id!)).relativeURL(fragment: "sessions"))
    }
}
