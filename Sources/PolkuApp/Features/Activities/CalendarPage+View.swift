import PolkuCore

extension CalendarPage {
    /// The calendar: a filter form (GET), paging by week or month, and the sessions by day.
    static func page(_ m: Model, context: PageContext) -> Page {
        let t = context.t
        let f = Fields(t: t, state: m.state)
        func link(_ date: CalendarDate) -> String {
            var params = [("view", m.view.rawValue), ("date", date.iso)]
            for key in ["project", "site", "worker"] where !m.state[key].isEmpty { params.append((key, m.state[key])) }
            return SiteURL.calendar.relativeURL(params)
        }
        let heading =
            m.view == .week ? t("calendar.week", t.date(m.first.iso), t.date(m.last.iso)) : t("calendar.month", t("month.\(m.anchor.month)"), m.anchor.year)
        return Page(context, title: t("calendar.title"), status: m.state.isValid ? .ok : .badRequest) {
            h("form", ["method": "get", "action": SiteURL.calendar.relativeURL(), "class": "inline"]) {
                f.summary()
                h("input", ["type": "hidden", "name": "date", "value": m.anchor.iso])
                f.select("view", t("calendar.view"), options: View.allCases.map { ($0.rawValue, t("calendar.view." + $0.rawValue)) })
                f.select("project", t("calendar.project"), options: m.projects.map { ($0.id.text, $0.name) }, blank: t("calendar.all_projects"))
                if !m.sites.isEmpty { f.select("site", t("enrolment.site"), options: m.sites.map { ($0.id.text, $0.name) }, blank: t("report.site.all")) }
                f.select(
                    "worker", t("calendar.worker"), options: [("me", t("calendar.worker.me"))] + m.staff.map { ($0.id.text, $0.name) }, blank: t("calendar.worker.all"))
                submit(t("report.show"))
            }
            h("nav", ["aria-label": t("calendar.nav"), "class": "pager"]) {
                h("a", ["href": link(m.previous)]) { m.view == .week ? t("calendar.previous_week") : t("calendar.previous_month") }
                " "
                h("a", ["href": link(context.today)]) { t("calendar.today") }
                " "
                h("a", ["href": link(m.next)]) { m.view == .week ? t("calendar.next_week") : t("calendar.next_month") }
            }
            h("h2") { heading }
            if m.rows.isEmpty { h("p") { t("calendar.empty") } }
            if m.view == .week { week(m, context) } else { month(m, heading: heading, context) }
        }
    }

    private static func week(_ m: Model, _ context: PageContext) -> Node {
        let t = context.t
        let byDay = m.byDay
        return group {
            for i in 0..<7 {
                let day = m.first.adding(days: i)
                h("section", ["aria-labelledby": "d-\(day.iso)"]) {
                    h("h3", ["id": "d-\(day.iso)"]) { "\(t("weekday.\(day.weekday)")) \(t.date(day.iso))" }
                    if let list = byDay[day.iso] {
                        h("ul", ["class": "sessions"]) { for r in list { session(r, showProject: m.project == nil, context) } }
                    } else {
                        h("p", ["class": "hint"]) { t("calendar.no_sessions") }
                    }
                }
            }
        }
    }

    private static func month(_ m: Model, heading: String, _ context: PageContext) -> Node {
        let t = context.t
        let byDay = m.byDay
        // On a phone the month stacks into its days with sessions, each under its weekday's name.
        return dataTable(["class": "month"]) {
            h("caption") { heading }
            h("thead") { h("tr") { for d in 1...7 { h("th", ["scope": "col"]) { t("weekday.\(d)") } } } }
            h("tbody") {
                for week in 0..<((m.last.dayNumber - m.first.dayNumber + 1) / 7) {
                    h("tr") {
                        for d in 0..<7 {
                            let day = m.first.adding(days: week * 7 + d)
                            let classes = [day.month == m.anchor.month ? nil : "other-month", byDay[day.iso] == nil ? "empty" : nil].compactMap { $0 }
                            h("td", ["class": classes.isEmpty ? nil : classes.joined(separator: " ")]) {
                                h("span", ["class": "day"]) { String(day.day) + "." + String(day.month) + "." }
                                if let list = byDay[day.iso] { h("ul", ["class": "sessions"]) { for r in list { session(r, showProject: m.project == nil, context) } } }
                            }
                        }
                    }
                }
            }
        }
    }

    /// A session in the calendar: one held, for someone who records attendance, opens its attendance;
    /// others open the activity.
    private static func session(_ r: Row, showProject: Bool, _ context: PageContext) -> Node {
        let t = context.t
        let recordable = !r.cancelled && r.date <= context.today.iso && (context.actor?.access(to: r.project_id).writesParticipantData ?? false)
        let href = recordable ? SiteURL.session(.value(r.activity_id), .value(r.id)).relativeURL() : SiteURL.activity(.value(r.activity_id)).relativeURL()
        return h("li", ["class": r.cancelled ? "cancelled" : nil]) {
            h("a", ["href": href]) { "\(r.start_time)–\(r.end_time) \(r.name)" }
            h("span", ["class": "hint"]) { " · " + ([showProject ? r.project_name : nil, r.site_name].compactMap { $0 }.joined(separator: " · ")) }
            if r.cancelled { h("strong") { " " + t("activity.session.cancelled") } }
        }
    }
}
