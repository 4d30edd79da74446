import Fluent
import PolkuCore
import SQLKit
import Vapor

/// An activity's sessions as a coach uses them: the next few to come, then those held, newest first
/// and paged, so that today's session is at the top of the page instead of after a year of weeks.
extension ActivityPage {
    /// Which part of the list the page shows: held sessions before `before` (keyset), and all the
    /// upcoming ones or only the next few.
    struct SessionPaging {
        var before: UUID? = nil
        var allUpcoming = false
    }

    struct Sessions {
        /// Sessions after today, soonest first.
        var upcoming: [SessionRow] = []
        var upcomingTotal = 0
        /// Sessions today or earlier, newest first: one page.
        var held: [SessionRow] = []
        var heldHasMore = false
        var paging = SessionPaging()
    }

    static let upcomingShown = 5
    static let heldPageSize = 20

    static func sessions(activity id: UUID, today: CalendarDate, paging: SessionPaging, on db: any Database) async throws -> Sessions {
        let sql = db.sql
        let columns: SQLQueryString = """
            SELECT s.id, s.date, s.start_time, s.end_time, s.cancelled, s.scheduled_date, s.head_on_site, s.head_online,
                   (SELECT COUNT(*) FROM attendances t WHERE t.session_id = s.id) AS named,
                   (SELECT COUNT(*) FROM session_guests g WHERE g.session_id = s.id) AS guests,
                   (SELECT CAST(COALESCE(SUM(o.attendees), 0) AS BIGINT) FROM session_organisations o WHERE o.session_id = s.id) AS trainees
            FROM activity_sessions s
            """
        var out = Sessions(paging: paging)
        out.upcomingTotal =
            try await sql.raw("SELECT COUNT(*) AS n FROM activity_sessions WHERE activity_id = \(bind: id) AND date > \(bind: today.iso)")
            .first()?.decode(column: "n", as: Int.self) ?? 0
        var query: SQLQueryString = "\(columns) WHERE s.activity_id = \(bind: id) AND s.date <= \(bind: today.iso)"
        // The anchor is read within this activity: another activity's session id is the first page.
        if let before = paging.before,
            let anchor = try await sql.raw(
                "SELECT date, start_time FROM activity_sessions WHERE id = \(bind: before) AND activity_id = \(bind: id) AND date <= \(bind: today.iso)"
            ).first()
        {
            let date = try anchor.decode(column: "date", as: String.self), start = try anchor.decode(column: "start_time", as: String.self)
            query.appendInterpolation(
                " AND (s.date < \(bind: date) OR (s.date = \(bind: date) AND (s.start_time < \(bind: start) OR (s.start_time = \(bind: start) AND s.id < \(bind: before)))))"
                    as SQLQueryString)
        } else {
            out.paging.before = nil
        }
        if out.paging.before == nil {
            let limit = paging.allUpcoming ? out.upcomingTotal : upcomingShown
            out.upcoming = try await sql.raw(
                "\(columns) WHERE s.activity_id = \(bind: id) AND s.date > \(bind: today.iso) ORDER BY s.date, s.start_time, s.id LIMIT \(literal: limit)"
            ).all(decoding: SessionRow.self)
        }
        query.appendLiteral(" ORDER BY s.date DESC, s.start_time DESC, s.id DESC LIMIT \(heldPageSize + 1)")
        let held = try await sql.raw(query).all(decoding: SessionRow.self)
        out.held = Array(held.prefix(heldPageSize))
        out.heldHasMore = held.count > heldPageSize
        return out
    }

    /// The sessions: upcoming (with a link to all of them), held (paged), and the form to add one.
    static func sessionsSection(_ m: Model, context: PageContext, sessionForm: FormState) -> Node {
        let t = context.t, id = m.activity.id!, s = m.sessions
        let writes = m.access.writesParticipantData
        return h("section", ["aria-labelledby": "sessions"]) {
            h("h2", ["id": "sessions"]) { t("activity.sessions") }
            if s.paging.before == nil {
                h("h3", ["id": "upcoming"]) { t("activity.sessions.upcoming", String(s.upcomingTotal)) }
                if s.upcoming.isEmpty {
                    h("p") { t("activity.sessions.none_upcoming") }
                } else {
                    sessionTable(s.upcoming, m, t: t, caption: t("activity.sessions.upcoming", String(s.upcomingTotal)))
                }
                if !s.paging.allUpcoming && s.upcomingTotal > s.upcoming.count {
                    h("p") {
                        h("a", ["href": SiteURL.activity(.value(id)).relativeURL([("upcoming", "all")], fragment: "upcoming")]) {
                            t("activity.sessions.all_upcoming", String(s.upcomingTotal))
                        }
                    }
                }
            }
            h("h3", ["id": "held"]) { t("activity.sessions.held") }
            if s.held.isEmpty {
                h("p") { t("activity.sessions.none_held") }
            } else {
                sessionTable(s.held, m, t: t, caption: t("activity.sessions.held"))
            }
            Pager(
                label: t("activity.sessions.paging"),
                first: s.paging.before == nil ? nil : (t("activity.sessions.newest"), SiteURL.activity(.value(id)).relativeURL(fragment: "held")),
                next: s.heldHasMore
                    ? s.held.last.map { (t("activity.sessions.older"), SiteURL.activity(.value(id)).relativeURL([("before", $0.id.text)], fragment: "held")) }
                    : nil
            ).node
            if writes {
                let f = Fields(t: t, state: sessionForm, prefix: "s-")
                h("h3") { t("activity.session.add") }
                h("form", ["method": "post", "action": SiteURL.activitySessions(.value(id)).relativeURL()]) {
                    csrfField(context)
                    f.summary()
                    f.date("date", t("activity.session.day"), required: true)
                    f.text("start", t("activity.start"), required: true, hint: t("activity.time.hint"))
                    f.text("end", t("activity.end"), required: true, hint: t("activity.time.hint"))
                    submit(t("activity.session.add.submit"))
                }
            }
        }
    }

    /// One table of sessions; a held one links to its attendance for those who record it.
    private static func sessionTable(_ rows: [SessionRow], _ m: Model, t: Texts, caption: String) -> Node {
        let id = m.activity.id!, writes = m.access.writesParticipantData
        return dataTable {
            h("caption", ["class": "visually-hidden"]) { caption }
            h("thead") {
                h("tr") {
                    h("th", ["scope": "col"]) { t("activity.session.date") }
                    h("th", ["scope": "col"]) { t("activity.session.state") }
                    h("th", ["scope": "col", "class": "num"]) { t("activity.session.named") }
                    h("th", ["scope": "col", "class": "num"]) { t("activity.session.others") }
                    h("th", ["scope": "col", "class": "num"]) { t("activity.session.heads") }
                    if writes { h("th", ["scope": "col"]) { h("span", ["class": "visually-hidden"]) { t("activity.member.actions") } } }
                }
            }
            h("tbody") {
                for s in rows {
                    let held = !s.cancelled && s.date <= m.today.iso
                    h("tr") {
                        h("td") {
                            if writes && held {
                                h("a", ["href": SiteURL.session(.value(id), .value(s.id)).relativeURL()]) { "\(t.date(s.date)) \(s.start_time)–\(s.end_time)" }
                            } else {
                                "\(t.date(s.date)) \(s.start_time)–\(s.end_time)"
                            }
                            if s.scheduled_date != s.date { h("span", ["class": "hint"]) { " " + t("activity.session.moved_from", t.date(s.scheduled_date)) } }
                        }
                        h("td") {
                            s.cancelled ? t("activity.session.cancelled") : held ? t("activity.session.held") : t("activity.session.future")
                        }
                        h("td", ["class": "num"]) { String(s.named) }
                        h("td", ["class": "num"]) { String(s.guests + s.trainees) }
                        h("td", ["class": "num"]) {
                            s.head_on_site == nil && s.head_online == nil ? "–" : String((s.head_on_site ?? 0) + (s.head_online ?? 0))
                        }
                        if writes {
                            h("td") {
                                h("a", ["href": SiteURL.sessionEdit(.value(id), .value(s.id)).relativeURL()]) { t("activity.session.change") }
                            }
                        }
                    }
                }
            }
        }
    }
}
