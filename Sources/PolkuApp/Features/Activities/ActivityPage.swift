import Fluent
import PolkuCore
import SQLKit
import Vapor

/// One activity: what it is, who organises it, the group's members with their attendance rates, and
/// its sessions, which staff can move, cancel or add to.
enum ActivityPage {
    struct Context { let activity: Activity; let actor: Actor; let access: ProjectAccess }

    static func context(_ req: Request) async throws -> Context {
        guard let a = try await Activity.query(on: req.db).filter(\.$id == (try req.id())).with(\.$project).with(\.$site).first()
        else { throw Abort(.notFound) }
        // The route's guard checked the actor's role in the activity's project.
        let (_, access, actor) = try req.guardedProject()
        return Context(activity: a, actor: actor, access: access)
    }

    struct SessionRow: Decodable {
        let id: UUID; let date: String; let start_time: String; let end_time: String; let cancelled: Bool
        let scheduled_date: String; let head_on_site: Int?; let head_online: Int?; let named: Int; let guests: Int; let trainees: Int
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let ctx = try await context(req)
        let paging = SessionPaging(before: try? req.query.get(UUID.self, at: "before"), allUpcoming: (try? req.query.get(String.self, at: "upcoming")) == "all")
        return try await render(req, ctx, memberForm: FormState(), sessionForm: FormState(), paging: paging)
    }

    /// The page; a member form sent back is searched again for whom its search names.
    static func render(
        _ req: Request, _ ctx: Context, memberForm: FormState, sessionForm: FormState,
        paging: SessionPaging = SessionPaging(), status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let context = req.pageContext
        let typed = memberForm[PersonFinder.searchField]
        let search = typed.isEmpty ? nil : typed
        let m = try await query(ctx, today: context.today, paging: paging, memberSearch: search, on: req.db)
        let shown = m.members.map(\.participant_id) + (m.memberSearch?.found.map(\.id) ?? [])
        if !shown.isEmpty {
            try await req.audit.record(.participantList, participants: shown, project: ctx.activity.$project.id, detail: "activity members")
        }
        return page(m, context: context, memberForm: memberForm, sessionForm: sessionForm, status: status).response()
    }

    /// Everything the activity page shows; people only for those who see participants.
    struct Model {
        let activity: Activity
        let access: ProjectAccess
        let today: CalendarDate
        var sessions = Sessions()
        var organisers: [ActivityQueries.Staff] = []
        var members: [ActivityQueries.Member] = []
        var rates: (perMember: [UUID: (attended: Int, held: Int)], group: Double?) = ([:], nil)
        /// Whom the member form's search found: the project's current participants, not yet in the
        /// group. Never the whole project: at 10,000 people the page drew 10,036 names (836 kB).
        var memberSearch: AttendancePage.Search?
    }

    static func query(
        _ ctx: Context, today: CalendarDate, paging: SessionPaging = SessionPaging(), memberSearch: String? = nil, on db: any Database
    ) async throws -> Model {
        let a = ctx.activity, id = a.id!
        var m = Model(activity: a, access: ctx.access, today: today)
        m.sessions = try await sessions(activity: id, today: today, paging: paging, on: db)
        m.organisers = try await ActivityQueries.organisers(activity: id, on: db)
        m.members = ctx.access.seesParticipants ? try await ActivityQueries.members(activity: id, on: db) : []
        m.rates = try await ActivityQueries.memberRates(activity: id, members: m.members, today: today, on: db)
        if let memberSearch, ctx.access.writesParticipantData, a.kind == .group {
            m.memberSearch = try await AttendancePage.find(
                memberSearch, project: a.$project.id, currentOn: today.iso, excluding: Set(m.members.map(\.participant_id)), on: db)
        }
        return m
    }

    /// The page for `m`; a failed member or session form comes back with what was typed.
    static func page(
        _ m: Model, context: PageContext, memberForm: FormState, sessionForm: FormState,
        status: HTTPResponseStatus = .ok
    ) -> Page {
        let a = m.activity, organisers = m.organisers, members = m.members, rates = m.rates
        let memberSearch = m.memberSearch, seesPeople = m.access.seesParticipants, id = a.id!
        let t = context.t
        let writes = m.access.writesParticipantData
        let feed = SiteURL.activityFeed(.value((a.feedToken ?? "") + ".ics")).relativeURL()
        return Page(
            context, title: a.name,
            breadcrumbs: [
                (t("projects.title"), SiteURL.projects.relativeURL()), (a.project.name, SiteURL.project(.value(a.$project.id)).relativeURL()),
                (t("activities.link"), SiteURL.projectActivities(.value(a.$project.id)).relativeURL()),
            ], status: status
        ) {
            h("p", ["class": "lead"]) {
                [
                    t("activity.kind." + a.kind.rawValue), a.category.map { t("activity.category." + $0.rawValue) }, a.site?.name,
                    t("activity.time", a.startTime, a.endTime),
                ].compactMap { $0 }.joined(separator: " · ")
            }
            h("dl", ["class": "facts"]) {
                if !a.description.isEmpty { h("dt") { t("activity.description") }; h("dd") { a.description } }
                if let g = a.targetGroup { h("dt") { t("activity.target_group") }; h("dd") { g } }
                h("dt") { t("activity.organisers") }
                h("dd") { organisers.isEmpty ? "–" : organisers.map(\.name).joined(separator: ", ") }
                if let c = a.coOrganisers { h("dt") { t("activity.co_organisers") }; h("dd") { c } }
                h("dt") { t("project.period") }
                h("dd") { a.fromDate == a.toDate ? t.date(a.fromDate) : "\(t.date(a.fromDate))–\(t.date(a.toDate))" }
                if a.kind == .group, let rate = rates.group {
                    h("dt") { t("activity.group_rate") }; h("dd") { percent(rate) }
                }
            }
            if a.feedToken != nil {
                h("p") {
                    h("a", ["href": feed, "type": "text/calendar"]) { t("activity.feed") }
                    " "
                    h("span", ["class": "hint"]) { t("activity.feed.hint") }
                }
            }
            if a.kind == .group && seesPeople {
                h("section", ["aria-labelledby": "members"]) {
                    h("h2", ["id": "members"]) { t("activity.members") }
                    if members.isEmpty {
                        h("p") { t("activity.members.none") }
                    } else {
                        dataTable {
                            h("thead") {
                                h("tr") {
                                    h("th", ["scope": "col"]) { t("participant.name") }
                                    h("th", ["scope": "col"]) { t("activity.member.joined") }
                                    h("th", ["scope": "col"]) { t("activity.member.left") }
                                    h("th", ["scope": "col", "class": "num"]) { t("activity.member.came") }
                                    h("th", ["scope": "col", "class": "num"]) { t("activity.member.rate") }
                                    if writes { h("th", ["scope": "col"]) { h("span", ["class": "visually-hidden"]) { t("activity.member.actions") } } }
                                }
                            }
                            h("tbody") {
                                for m in members {
                                    let r = rates.perMember[m.participant_id]
                                    h("tr") {
                                        h("th", ["scope": "row"]) {
                                            h("a", ["href": SiteURL.participant(.value(m.participant_id)).relativeURL()]) { "\(m.last_name), \(m.first_name)" }
                                        }
                                        h("td") { t.date(m.joined_on) }
                                        h("td") { m.left_on.map { t.date($0) } ?? "–" }
                                        h("td", ["class": "num"]) { r.map { t("activity.member.came_of", $0.attended, $0.held) } ?? "–" }
                                        h("td", ["class": "num"]) {
                                            r.flatMap { AttendanceRules.rate(attended: $0.attended, held: $0.held) }.map(percent) ?? "–"
                                        }
                                        if writes {
                                            h("td") {
                                                if m.left_on == nil {
                                                    h("form", ["method": "post", "action": SiteURL.activityMemberLeave(.value(id), .value(m.id)).relativeURL(), "class": "inline"])
                                                    {
                                                        csrfField(context)
                                                        h("button", ["type": "submit", "class": "secondary"]) {
                                                            t("activity.member.leave")
                                                            h("span", ["class": "visually-hidden"]) { ": \(m.last_name), \(m.first_name)" }
                                                        }
                                                    }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                    if writes {
                        memberAdding(id, memberSearch, form: memberForm, context: context)
                    }
                }
            }
            sessionsSection(m, context: context, sessionForm: sessionForm)
        }
    }

    static func percent(_ rate: Double) -> String { "\(Int((rate * 100).rounded())) %" }

    @Sendable static func addMember(req: Request) async throws -> Response {
        let ctx = try await context(req)
        let a = ctx.activity
        var state = FormState.read(req, fields: ["participant_id", "joined_on", PersonFinder.searchField])
        if req.formFields["find"] != nil {
            // A search for whom to add: the form again, as it was sent, with whom it found.
            req.formChangedNothing()
            return try await render(req, ctx, memberForm: state, sessionForm: FormState())
        }
        let participant = state.uuid("participant_id")
        let joined = state.date("joined_on") ?? req.today.iso
        if a.kind != .group { state.errors["participant_id"] = "activity.error.members_groups_only" }
        if let participant, state.isValid {
            // Only the project's own participants can join; someone already in the group is told so.
            let enrolled = try await Enrolment.query(on: req.db).filter(\.$participant.$id == participant).filter(\.$project.$id == a.$project.id).count() > 0
            if !enrolled {
                state.errors["participant_id"] = "error.choice"
            } else if try await ActivityMember.query(on: req.db).filter(\.$activity.$id == a.id!).filter(\.$participant.$id == participant).count() > 0 {
                state.errors["participant_id"] = "activity.error.already_member"
            }
        }
        guard let participant, state.isValid else {
            return try await render(req, ctx, memberForm: state, sessionForm: FormState(), status: .unprocessableEntity)
        }
        try await req.db.writeTransaction { db in
            let m = ActivityMember()
            m.$activity.id = a.id!; m.$participant.id = participant; m.joinedOn = joined
            try await m.create(on: db)
            try await req.audit.record(.participantUpdate, participant: participant, project: a.$project.id, detail: "joined activity \(a.id!)", on: db)
        }
        return req.redirect(SiteURL.activity(.value(a.id!)).relativeURL(fragment: "members"))
    }

    @Sendable static func leave(req: Request) async throws -> Response {
        let ctx = try await context(req)
        guard let m = try await ActivityMember.query(on: req.db).filter(\.$id == (try req.id("member"))).filter(\.$activity.$id == ctx.activity.id!).first()
        else { throw Abort(.notFound) }
        let today = req.today.iso
        m.leftOn = max(today, m.joinedOn)
        try await req.db.writeTransaction { db in
            try await m.save(on: db)
            try await req.audit.record(
                .participantUpdate, participant: m.$participant.id, project: ctx.activity.$project.id,
                detail: "left activity \(ctx.activity.id!)", on: db)
        }
        return req.redirect(SiteURL.activity(.value(ctx.activity.id!)).relativeURL(fragment: "members"))
    }

    @Sendable static func addSession(req: Request) async throws -> Response {
        let ctx = try await context(req)
        let a = ctx.activity
        var state = FormState.read(req, fields: ["date", "start", "end"])
        let date = state.date("date", required: true)
        let start = ClockTime(parsing: state["start"]), end = ClockTime(parsing: state["end"])
        if start == nil { state.errors["start"] = "activity.error.time" }
        if end == nil { state.errors["end"] = "activity.error.time" }
        if let start, let end, end <= start { state.errors["end"] = "activity.error.schedule.end_time" }
        if let date, try await ActivitySession.query(on: req.db).filter(\.$activity.$id == a.id!).filter(\.$scheduledDate == date).count() > 0 {
            state.errors["date"] = "activity.error.session_exists"
        }
        guard let date, let start, let end, state.isValid else {
            return try await render(req, ctx, memberForm: FormState(), sessionForm: state, status: .unprocessableEntity)
        }
        let s = ActivitySession()
        s.$activity.id = a.id!; s.scheduledDate = date; s.date = date; s.startTime = start.description; s.endTime = end.description
        s.cancelled = false; s.version = 0
        try await req.db.writeTransaction { db in
            try await s.create(on: db)
            // The activity's period covers all its sessions.
            if date < a.fromDate { a.fromDate = date }
            if date > a.toDate { a.toDate = date }
            try await a.save(on: db)
        }
        return req.redirect(SiteURL.activity(.value(a.id!)).relativeURL(fragment: "sessions"))
    }
}
