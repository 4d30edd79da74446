import Fluent
import PolkuCore
import SQLKit
import Vapor

/// A project's activities: groups with a schedule, one-off events, trainings and individual coaching.
enum ActivitiesController {
    static let fields =
        ["kind", "category", "name", "description", "target_group", "co_organisers", "site_id", "from", "to", "start", "end", "interval"]
        + (1...7).map { "wd_\($0)" }

    @Sendable static func index(req: Request) async throws -> Response {
        let (id, access, _) = try req.guardedProject()
        return try await page(req, projectID: id, canCreate: access.writesParticipantData, state: FormState())
    }

    static func page(_ req: Request, projectID: UUID, canCreate: Bool, state: FormState, status: HTTPResponseStatus = .ok) async throws -> Response {
        guard let model = try await ActivityList.query(project: projectID, canCreate: canCreate, state: state, on: req.db) else { throw Abort(.notFound) }
        return ActivityList.page(model, context: req.pageContext, status: status).response()
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let (projectID, _, actor) = try req.guardedProject()
        let staff = try await ActivityQueries.staff(project: projectID, on: req.db)
        var state = FormState.read(req, fields: fields + staff.map { "org_\($0.id)" })
        let a = Activity()
        a.$project.id = projectID
        let kind = state.choice("kind", Activity.Kind.self)
        a.category = state.choice("category", Activity.Category.self, required: false)
        a.name = state.text("name", required: true, max: 200)
        a.description = state.text("description", max: 5000)
        a.targetGroup = state.text("target_group", max: 500).nilIfEmpty
        a.coOrganisers = state.text("co_organisers", max: 500).nilIfEmpty
        a.feedToken = FeedToken.make()
        // Organisers are the ticked staff; with none ticked, whoever made the activity.
        let ticked = staff.map(\.id).filter { state["org_\($0)"] == "on" }
        let organisers = ticked.isEmpty ? [actor.userID] : ticked
        a.$site.id = state.uuid("site_id", required: false)
        if let site = a.$site.id, try await Site.find(site, on: req.db)?.$project.id != projectID { state.errors["site_id"] = "error.site_project" }
        let from = state.date("from", required: true)
        let to = state.date("to") ?? from
        let start = ClockTime(parsing: state["start"]), end = ClockTime(parsing: state["end"])
        if start == nil { state.errors["start"] = "activity.error.time" }
        if end == nil { state.errors["end"] = "activity.error.time" }
        let weekdays = Set((1...7).filter { state["wd_\($0)"] == "on" })
        let interval = state.integer("interval", range: 1...8) ?? 1
        guard let kind, let from, let to, let start, let end, state.isValid else {
            return try await page(req, projectID: projectID, canCreate: true, state: state, status: .unprocessableEntity)
        }
        // A group repeats on its weekdays; anything else is one session (or one per day of a short course).
        let schedule = Schedule(
            weekdays: kind == .group ? weekdays : Set(1...7), interval: kind == .group ? interval : 1,
            from: CalendarDate(parsing: from)!, to: CalendarDate(parsing: kind == .group ? to : from)!, start: start, end: end)
        if let problem = schedule.problem {
            state.errors[problem == .noWeekdays ? "wd_1" : problem == .endBeforeStartTime ? "end" : problem == .badInterval ? "interval" : "to"] =
                "activity.error." + problem.rawValue
            return try await page(req, projectID: projectID, canCreate: true, state: state, status: .unprocessableEntity)
        }
        a.kind = kind; a.fromDate = schedule.from.iso; a.toDate = schedule.to.iso; a.startTime = start.description; a.endTime = end.description
        a.weekdays = kind == .group ? weekdays.sorted().map(String.init).joined(separator: ",") : nil
        a.weekInterval = kind == .group ? interval : nil
        try await req.db.writeTransaction { db in
            try await a.create(on: db)
            try await ActivityQueries.setOrganisers(activity: a.id!, users: organisers, on: db)
            for o in schedule.occurrences() {
                let s = ActivitySession()
                s.$activity.id = a.id!; s.scheduledDate = o.scheduledDate.iso; s.date = o.date.iso
                s.startTime = o.start.description; s.endTime = o.end.description; s.cancelled = o.isCancelled; s.version = 0
                try await s.create(on: db)
            }
        }
        return req.redirect(SiteURL.activity(.value(a.id!)).relativeURL())
    }

}
