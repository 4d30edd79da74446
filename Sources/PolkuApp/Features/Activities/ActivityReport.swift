import Fluent
import Foundation
import PolkuCore
import SQLKit
import Vapor

/// The project's activity figures for a period, by category: sessions held, unique named participants,
/// attendances (named plus heads). Counting is PolkuCore's `ActivityTally`; this reads the rows.
struct ActivityReport: Sendable {
    struct Line: Sendable { let category: Activity.Category?; var tally: ActivityTally }
    var lines: [Line] = []
    var total = ActivityTally()

    struct Row: Decodable { let session_id: UUID; let category: String?; let head_on_site: Int?; let head_online: Int?; let participant_id: UUID? }

    static func compute(project: UUID, from: CalendarDate?, to: CalendarDate?, today: CalendarDate, on db: any Database) async throws -> ActivityReport {
        let sql = db as! any SQLDatabase
        var query = SQLQueryString("""
            SELECT s.id AS session_id, a.category, s.head_on_site, s.head_online, t.participant_id
            FROM activity_sessions s JOIN activities a ON a.id = s.activity_id LEFT JOIN attendances t ON t.session_id = s.id
            WHERE a.project_id = \(bind: project) AND s.cancelled = \(bind: false) AND s.date <= \(bind: today.iso)
            """)
        if let from { query.appendLiteral(" AND s.date >= "); query.appendInterpolation(bind: from.iso) }
        if let to { query.appendLiteral(" AND s.date <= "); query.appendInterpolation(bind: to.iso) }
        query.appendLiteral(" ORDER BY s.id")
        let rows = try await sql.raw(query).all(decoding: Row.self)
        // Group the joined rows back into sessions, then tally per category and in total.
        var sessions: [(category: String?, heads: HeadCount?, people: [String])] = []
        var current: UUID? = nil
        for r in rows {
            if r.session_id != current {
                current = r.session_id
                let heads = r.head_on_site == nil && r.head_online == nil ? nil : HeadCount(onSite: r.head_on_site ?? 0, online: r.head_online ?? 0)
                sessions.append((r.category, heads, []))
            }
            if let p = r.participant_id { sessions[sessions.count - 1].people.append(p.uuidString) }
        }
        var report = ActivityReport()
        var byCategory: [String: ActivityTally] = [:]
        for s in sessions {
            byCategory[s.category ?? "", default: ActivityTally()].addSession(attendees: s.people, headCount: s.heads)
            report.total.addSession(attendees: s.people, headCount: s.heads)
        }
        for category in Activity.Category.allCases.map(\.rawValue) + [""] {
            if let tally = byCategory[category] { report.lines.append(Line(category: Activity.Category(rawValue: category), tally: tally)) }
        }
        return report
    }
}

enum ActivityReportController {
    @Sendable static func show(req: Request) async throws -> Response {
        let id = try req.id()
        let actor = try req.authz.actor()
        let access = actor.access(to: id)
        guard actor.isAdmin || access.seesAggregates else { throw Abort(.notFound) }
        guard let project = try await Project.find(id, on: req.db) else { throw Abort(.notFound) }
        var state = FormState.read(req.query, fields: ["from", "to"])
        let from = state.date("from").flatMap(CalendarDate.init(parsing:))
        let to = state.date("to").flatMap(CalendarDate.init(parsing:))
        let report = state.isValid ? try await ActivityReport.compute(project: id, from: from, to: to, today: .today(), on: req.db) : ActivityReport()
        let t = req.t
        let f = Fields(t: t, state: state)
        func n(_ v: Int) -> String { access.seesParticipants ? String(v) : SmallCount(v).description }
        func row(_ label: String, _ tally: ActivityTally) -> Node {
            h("tr") {
                h("th", ["scope": "row"]) { label }
                h("td", ["class": "num"]) { String(tally.sessionsHeld) }
                h("td", ["class": "num"]) { n(tally.uniqueParticipants) }
                h("td", ["class": "num"]) { String(tally.totalAttendances) }
                h("td", ["class": "num"]) { String(tally.headCount) + (tally.onlineHeadCount > 0 ? " (\(t("attendance.head_online").lowercased()) \(tally.onlineHeadCount))" : "") }
            }
        }
        return req.page(t("activity_report.title", project.name), breadcrumbs: [(t("projects.title"), "/projects"), (project.name, "/projects/\(id)"),
                                                                                 (t("activities.link"), "/projects/\(id)/activities")],
                        status: state.isValid ? .ok : .badRequest) {
            h("form", ["method": "get", "action": "/projects/\(id)/activities/report", "class": "inline"]) {
                f.date("from", t("report.from"))
                f.date("to", t("report.to"))
                submit(t("report.show"))
            }
            h("table") {
                h("caption") { t("activity_report.title", project.name) }
                h("thead") { h("tr") {
                    h("th", ["scope": "col"]) { t("activity.category") }
                    h("th", ["scope": "col", "class": "num"]) { t("activity_report.sessions") }
                    h("th", ["scope": "col", "class": "num"]) { t("activity_report.participants") }
                    h("th", ["scope": "col", "class": "num"]) { t("activity_report.attendances") }
                    h("th", ["scope": "col", "class": "num"]) { t("activity_report.heads") }
                } }
                h("tbody") {
                    for line in report.lines {
                        row(line.category.map { t("activity.category." + $0.rawValue) } ?? t("activity.category.none"), line.tally)
                    }
                    row(t("report.total"), report.total)
                }
            }
        }
    }
}
