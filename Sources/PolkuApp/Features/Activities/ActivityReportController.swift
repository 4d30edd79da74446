import Fluent
import PolkuCore
import Vapor

/// The activity report in the browser and as CSV and XLSX for the funder.
enum ActivityReportController {
    struct Context {
        let project: Project
        let projectID: UUID
        let sites: [Site]
        let filter: ActivityReport.Filter
        let state: FormState
        /// Staff who see the project's people see exact figures; others see counts under 5 as "<5".
        let exact: Bool
    }

    static func context(_ req: Request) async throws -> Context {
        var r = try await ReportRequest.read(req, fields: ["from", "to", "site", "kind", "by"])
        var filter = ActivityReport.Filter()
        filter.from = r.period.from; filter.to = r.period.to; filter.site = r.period.site
        filter.kind = r.state.choice("kind", Activity.Kind.self, required: false)
        filter.by = r.state.choice("by", ActivityReport.Grouping.self, required: false) ?? .category
        return Context(project: r.project, projectID: try r.project.requireID(), sites: r.sites, filter: filter, state: r.state, exact: r.access.seesParticipants)
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let ctx = try await context(req)
        let (id, filter, today, t) = (ctx.projectID, ctx.filter, req.today, req.t)
        var (report, source): (ActivityReport, ReplicaChoice) = (ActivityReport(), .primary(.notConfigured))
        if ctx.state.isValid {
            (report, source) = try await req.reportReading { db in
                var report = try await ActivityReport.compute(project: id, filter: filter, today: today, t: t, on: db)
                report.teamWork = try await TeamRecords.counts(project: id, from: filter.from, to: filter.to, site: filter.site, on: db.sql)
                return report
            }
        }
        var context = req.pageContext
        context.dataNote = source.note(t)
        return page(ctx, report, context: context).response()
    }

    /// The report: its filter form (GET), the CSV and XLSX links with the same filter, and its tables.
    /// Those who do not see the project's people see counts under 5 as "<5".
    static func page(_ ctx: Context, _ report: ActivityReport, context: PageContext) -> Page {
        let t = context.t
        let id = ctx.projectID
        let f = Fields(t: t, state: ctx.state)
        let query: [(String, String)] = ["from", "to", "site", "kind", "by"].compactMap { key in ctx.state[key].isEmpty ? nil : (key, ctx.state[key]) }
        func n(_ v: Int) -> String { ctx.exact ? String(v) : SmallCount(v).description }
        return Page(
            context, title: t("activity_report.title", ctx.project.name),
            breadcrumbs: [
                (t("projects.title"), SiteURL.projects.relativeURL()), (ctx.project.name, SiteURL.project(.value(id)).relativeURL()),
                (t("activities.link"), SiteURL.projectActivities(.value(id)).relativeURL()),
            ],
            status: ctx.state.isValid ? .ok : .badRequest
        ) {
            h("form", ["method": "get", "action": SiteURL.projectActivityReport(.value(id)).relativeURL(), "class": "inline"]) {
                f.summary()
                f.date("from", t("report.from"))
                f.date("to", t("report.to"))
                f.select("site", t("enrolment.site"), options: ctx.sites.compactMap { s in s.id.map { ($0.text, s.name) } }, blank: t("report.site.all"))
                f.select("kind", t("activity.kind"), options: Activity.Kind.allCases.map { ($0.rawValue, t("activity.kind." + $0.rawValue)) }, blank: t("report.site.all"))
                f.select("by", t("activity_report.by"), options: ActivityReport.Grouping.allCases.map { ($0.rawValue, t("activity_report.by." + $0.rawValue)) })
                submit(t("report.show"))
            }
            h("ul", ["class": "actions"]) {
                h("li") { h("a", ["href": SiteURL.projectActivityReportCSV(.value(id)).relativeURL(query)]) { t("activity_report.csv") } }
                h("li") { h("a", ["href": SiteURL.projectActivityReportXLSX(.value(id)).relativeURL(query)]) { t("activity_report.xlsx") } }
            }
            FigureTable(
                caption: t("activity_report.title", ctx.project.name),
                head: [
                    t("activity_report.by." + ctx.filter.by.rawValue), t("activity_report.sessions"), t("activity_report.participants"), t("activity_report.named"),
                    t("activity_report.others"), t("activity_report.heads"), t("activity_report.attendances"),
                ],
                strings: (report.lines + [ActivityReport.Line(key: "total", label: t("report.total"), tally: report.total)]).map { line in
                    let tally = line.tally
                    let online = tally.onlineHeadCount > 0 ? " (\(t("attendance.head_online").lowercased()) \(n(tally.onlineHeadCount)))" : ""
                    return [
                        line.label, String(tally.sessionsHeld), n(tally.uniqueParticipants), n(tally.namedAttendances), n(tally.guests),
                        n(tally.headCount) + online, n(tally.totalAttendances),
                    ]
                }
            ).node
            h("p") {
                h("strong") { t("activity_report.recruited") + ": " }; n(report.recruited)
            }
            h("p", ["class": "hint"]) { t("activity_report.recruited.hint") }
            FigureTable(
                caption: t("activity_report.team_work"),
                strings: TeamRecords.Kind.allCases.map { [t("team.kind." + $0.rawValue), n(report.teamWork[$0.rawValue] ?? 0)] }
            ).node
            if !report.total.headByGender.isEmpty || !report.total.headByAge.isEmpty {
                FigureTable(caption: t("activity_report.heads_breakdown"), strings: breakdown(report.total, t: t).map { [$0.0, n($0.1)] }).node
            }
            if !report.groups.isEmpty {
                FigureTable(
                    caption: t("activity_report.group_rates"),
                    head: [t("activity.name"), t("activity.members"), t("activity_report.sessions"), t("activity.member.rate")],
                    rows: report.groups.map { g in
                        FigureTable.Row(
                            label: h("a", ["href": SiteURL.activity(.value(g.activity)).relativeURL()]) { g.name },
                            [n(g.members), String(g.held), (ctx.exact || g.members >= SmallCount.threshold) ? g.rate.map(ActivityPage.percent) ?? "–" : "–"]
                                .map(Node.text))
                    }
                ).node
            }
        }
    }

    static func breakdown(_ tally: ActivityTally<UUID>, t: Texts) -> [(String, Int)] {
        var rows: [(String, Int)] = []
        let genderKnown = tally.headByGender.values.reduce(0, +)
        for g in ESFGender.allCases { rows.append((t(["female": "report.women", "male": "report.men"][g.rawValue] ?? "report.non_binary"), tally.headByGender[g] ?? 0)) }
        rows.append((t("activity_report.gender_unknown"), tally.headCount - genderKnown))
        let ageKnown = tally.headByAge.values.reduce(0, +)
        for a in AgeBand.allCases { rows.append((t("report.age_band." + a.rawValue), tally.headByAge[a] ?? 0)) }
        rows.append((t("activity_report.age_unknown"), tally.headCount - ageKnown))
        return rows
    }

    typealias Cell = XLSXWorkbook.Cell

    /// The funder's table: counts from 1 to 4 of people always "<5"; sessions are not people.
    static func rows(_ r: ActivityReport, ctx: Context, t: Texts) -> [[Cell]] {
        let c = ESFReportExport.cell
        var rows: [[Cell]] = [
            [
                .text(t("activity_report.by." + ctx.filter.by.rawValue)), .text(t("activity_report.sessions")), .text(t("activity_report.participants")),
                .text(t("activity_report.named")), .text(t("activity_report.others")), .text(t("activity_report.heads")),
                .text(t("attendance.head_online")), .text(t("activity_report.attendances")),
            ]
        ]
        for line in r.lines + [ActivityReport.Line(key: "total", label: t("report.total"), tally: r.total)] {
            let x = line.tally
            rows.append([
                .text(line.label), .number(x.sessionsHeld), c(x.uniqueParticipants), c(x.namedAttendances), c(x.guests),
                c(x.headCount), c(x.onlineHeadCount), c(x.totalAttendances),
            ])
        }
        rows.append([])
        rows.append([.text(t("activity_report.recruited")), c(r.recruited)])
        rows.append([])
        rows.append([.text(t("activity_report.heads_breakdown"))])
        for (label, value) in breakdown(r.total, t: t) { rows.append([.text(label), c(value)]) }
        rows.append([])
        rows.append([.text(t("activity_report.group_rates")), .text(t("activity.members")), .text(t("activity_report.sessions")), .text(t("activity.member.rate"))])
        for g in r.groups {
            let rate: Cell = g.members >= SmallCount.threshold ? g.rate.map { .text(ActivityPage.percent($0)) } ?? .empty : .empty
            rows.append([.text(g.name), c(g.members), .number(g.held), rate])
        }
        return rows
    }

    static func exportReport(_ req: Request) async throws -> (ActivityReport, Context, Texts) {
        let ctx = try await context(req)
        guard ctx.state.isValid else { throw Abort(.badRequest, reason: "Bad report filter") }
        let t = req.t
        let (id, filter, today) = (ctx.projectID, ctx.filter, req.today)
        return (try await req.reportReading { db in try await ActivityReport.compute(project: id, filter: filter, today: today, t: t, on: db) }.0, ctx, t)
    }

    @Sendable static func csv(req: Request) async throws -> Response {
        let (report, ctx, t) = try await exportReport(req)
        let notes = ESFReportExport.notes(project: ctx.project, from: ctx.filter.from, to: ctx.filter.to, today: req.today, t: t)
        let body = (rows(report, ctx: ctx, t: t) + [[]] + notes).map { $0.map(ESFReportExport.csvField).joined(separator: ";") }.joined(separator: "\r\n") + "\r\n"
        try await req.audit.record(.export, project: ctx.project.id, detail: "activity report csv")
        let res = Response(status: .ok, body: .init(string: body))
        res.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        res.headers.contentDisposition = .init(.attachment, filename: "toiminnot-\(ctx.project.code).csv")
        return res
    }

    @Sendable static func xlsx(req: Request) async throws -> Response {
        let (report, ctx, t) = try await exportReport(req)
        let data = try XLSXWorkbook(sheets: [
            .init(name: t("export.sheet.activities"), rows: rows(report, ctx: ctx, t: t)),
            .init(name: t("export.sheet.notes"), rows: ESFReportExport.notes(project: ctx.project, from: ctx.filter.from, to: ctx.filter.to, today: req.today, t: t)),
        ]).data()
        try await req.audit.record(.export, project: ctx.project.id, detail: "activity report xlsx")
        let res = Response(status: .ok, body: .init(data: data))
        res.headers.contentType = HTTPMediaType(type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        res.headers.contentDisposition = .init(.attachment, filename: "toiminnot-\(ctx.project.code).xlsx")
        return res
    }
}
