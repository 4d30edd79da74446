import Fluent
import PolkuCore
import SQLKit
import Vapor

/// The week's or month's sessions across the projects a person works in, narrowed to one project,
/// site or organiser. Sessions only: no one's name is on the calendar.
enum CalendarController {
    enum View: String, CaseIterable { case week, month }

    struct Row: Decodable {
        let id: UUID; let activity_id: UUID; let name: String; let kind: String; let date: String; let start_time: String; let end_time: String
        let cancelled: Bool; let project_id: UUID; let project_name: String; let site_name: String?
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let actor = try req.guardedActor()
        var state = FormState.read(req.query, fields: ["view", "date", "project", "site", "worker"])
        let view = state.choice("view", View.self, required: false) ?? .week
        let anchor = state.date("date").flatMap(CalendarDate.init(parsing:)) ?? req.today
        var projects = try await Project.query(on: req.db).sort(\.$name).all()
        if !actor.isAdmin { projects = projects.filter { actor.access(to: $0.id!).seesAggregates } }
        let project = state.uuid("project", required: false)
        if let project, !projects.contains(where: { $0.id == project }) { state.errors["project"] = "error.choice" }
        let sites = project == nil ? [] : try await Site.query(on: req.db).filter(\.$project.$id == project!).sort(\.$name).all()
        let site = state.uuid("site", required: false)
        if let site, !sites.contains(where: { $0.id == site }) { state.errors["site"] = "error.choice" }
        let worker: UUID? = state["worker"] == "me" ? actor.userID : state.uuid("worker", required: false)
        let workers = project.map { p in { try await ActivityQueries.staff(project: p, on: req.db) } }
        let staff = try await workers?() ?? []

        // The days shown: Monday to Sunday of the week, or the whole weeks that hold the month.
        let first: CalendarDate, last: CalendarDate
        switch view {
        case .week:
            first = anchor.adding(days: 1 - anchor.weekday); last = first.adding(days: 6)
        case .month:
            let m1 = CalendarDate(year: anchor.year, month: anchor.month, day: 1)!
            let mEnd = CalendarDate(year: anchor.year, month: anchor.month, day: CalendarDate.days(in: anchor.month, of: anchor.year))!
            first = m1.adding(days: 1 - m1.weekday); last = mEnd.adding(days: 7 - mEnd.weekday)
        }
        let visible = project.map { [$0] } ?? projects.map { $0.id! }
        var rows: [Row] = []
        if state.isValid && !visible.isEmpty {
            var q: SQLQueryString = """
                SELECT s.id, s.activity_id, a.name, a.kind, s.date, s.start_time, s.end_time, s.cancelled, a.project_id, p.name AS project_name, st.name AS site_name
                FROM activity_sessions s JOIN activities a ON a.id = s.activity_id JOIN projects p ON p.id = a.project_id
                LEFT JOIN sites st ON st.id = a.site_id
                WHERE s.date >= \(bind: first.iso) AND s.date <= \(bind: last.iso) AND a.project_id IN \(SQLBind.group(visible))
                """
            if let site { q.appendLiteral(" AND a.site_id = "); q.appendInterpolation(bind: site) }
            if let worker {
                q.appendLiteral(" AND EXISTS (SELECT 1 FROM activity_organisers o WHERE o.activity_id = a.id AND o.user_id = ")
                q.appendInterpolation(bind: worker)
                q.appendLiteral(")")
            }
            q.appendLiteral(" ORDER BY s.date, s.start_time, a.name LIMIT 2000")
            rows = try await req.db.sql.raw(q).all(decoding: Row.self)
        }
        let byDay = Dictionary(grouping: rows, by: \.date)
        let t = req.t
        let f = Fields(t: t, state: state)
        func link(_ date: CalendarDate, _ v: View) -> String {
            var params = [("view", v.rawValue), ("date", date.iso)]
            for key in ["project", "site", "worker"] where !state[key].isEmpty { params.append((key, state[key])) }
            return SiteURL.calendar.relativeURL(params)
        }
        let previous =
            view == .week
            ? anchor.adding(days: -7) : CalendarDate(year: anchor.month == 1 ? anchor.year - 1 : anchor.year, month: anchor.month == 1 ? 12 : anchor.month - 1, day: 1)!
        let next =
            view == .week
            ? anchor.adding(days: 7) : CalendarDate(year: anchor.month == 12 ? anchor.year + 1 : anchor.year, month: anchor.month == 12 ? 1 : anchor.month + 1, day: 1)!
        let heading = view == .week ? t("calendar.week", t.date(first.iso), t.date(last.iso)) : t("calendar.month", t("month.\(anchor.month)"), anchor.year)
        func session(_ r: Row) -> Node {
            h("li", ["class": r.cancelled ? "cancelled" : nil]) {
                h("a", ["href": SiteURL.activity(.value(r.activity_id)).relativeURL()]) { "\(r.start_time)–\(r.end_time) \(r.name)" }
                h("span", ["class": "hint"]) { " · " + ([project == nil ? r.project_name : nil, r.site_name].compactMap { $0 }.joined(separator: " · ")) }
                if r.cancelled { h("strong") { " " + t("activity.session.cancelled") } }
            }
        }
        return req.page(t("calendar.title"), status: state.isValid ? .ok : .badRequest) {
            h("form", ["method": "get", "action": SiteURL.calendar.relativeURL(), "class": "inline"]) {
                f.summary()
                h("input", ["type": "hidden", "name": "date", "value": anchor.iso])
                f.select("view", t("calendar.view"), options: View.allCases.map { ($0.rawValue, t("calendar.view." + $0.rawValue)) })
                f.select("project", t("calendar.project"), options: projects.map { ($0.id!.uuidString, $0.name) }, blank: t("calendar.all_projects"))
                if !sites.isEmpty { f.select("site", t("enrolment.site"), options: sites.map { ($0.id!.uuidString, $0.name) }, blank: t("report.site.all")) }
                f.select("worker", t("calendar.worker"), options: [("me", t("calendar.worker.me"))] + staff.map { ($0.id.uuidString, $0.name) }, blank: t("calendar.worker.all"))
                submit(t("report.show"))
            }
            h("nav", ["aria-label": t("calendar.nav"), "class": "pager"]) {
                h("a", ["href": link(previous, view)]) { view == .week ? t("calendar.previous_week") : t("calendar.previous_month") }
                " "
                h("a", ["href": link(req.today, view)]) { t("calendar.today") }
                " "
                h("a", ["href": link(next, view)]) { view == .week ? t("calendar.next_week") : t("calendar.next_month") }
            }
            h("h2") { heading }
            if rows.isEmpty { h("p") { t("calendar.empty") } }
            if view == .week {
                for i in 0..<7 {
                    let day = first.adding(days: i)
                    h("section", ["aria-labelledby": "d-\(day.iso)"]) {
                        h("h3", ["id": "d-\(day.iso)"]) { "\(t("weekday.\(day.weekday)")) \(t.date(day.iso))" }
                        if let list = byDay[day.iso] {
                            h("ul", ["class": "sessions"]) { for r in list { session(r) } }
                        } else {
                            h("p", ["class": "hint"]) { t("calendar.no_sessions") }
                        }
                    }
                }
            } else {
                h("table", ["class": "month"]) {
                    h("caption") { heading }
                    h("thead") { h("tr") { for d in 1...7 { h("th", ["scope": "col"]) { t("weekday.\(d)") } } } }
                    h("tbody") {
                        for week in stride(from: 0, to: (last.dayNumber - first.dayNumber + 1) / 7, by: 1) {
                            h("tr") {
                                for d in 0..<7 {
                                    let day = first.adding(days: week * 7 + d)
                                    h("td", ["class": day.month == anchor.month ? nil : "other-month"]) {
                                        h("span", ["class": "day"]) { String(day.day) + "." + String(day.month) + "." }
                                        if let list = byDay[day.iso] { h("ul", ["class": "sessions"]) { for r in list { session(r) } } }
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
