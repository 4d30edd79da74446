import Foundation
import Fluent
import PolkuCore
import SQLKit

/// The week's or month's sessions across the projects a person works in, narrowed to one project,
/// site or organiser. Sessions only: no one's name is on the calendar.
enum CalendarPage {
    enum View: String, CaseIterable, Sendable { case week, month }

    struct Row: Decodable, Equatable {
        let id: UUID; let activity_id: UUID; let name: String; let kind: String; let date: String; let start_time: String; let end_time: String
        let cancelled: Bool; let project_id: UUID; let project_name: String; let site_name: String?
    }

    struct Choice: Equatable { let id: UUID; let name: String }

    /// Everything the page shows; `page(_:context:)` needs nothing else.
    struct Model {
        /// What was asked for (the query's fields) and what was wrong with it.
        var state: FormState
        var view: View
        var anchor: CalendarDate
        /// The first and last day shown: Monday to Sunday, or the whole weeks that hold the month.
        var first: CalendarDate
        var last: CalendarDate
        var projects: [Choice] = []
        var project: UUID?
        var sites: [Choice] = []
        var staff: [Choice] = []
        var rows: [Row] = []

        var byDay: [String: [Row]] { Dictionary(grouping: rows, by: \.date) }

        var previous: CalendarDate {
            view == .week
                ? anchor.adding(days: -7) : CalendarDate(year: anchor.month == 1 ? anchor.year - 1 : anchor.year, month: anchor.month == 1 ? 12 : anchor.month - 1, day: 1)!
        }

        var next: CalendarDate {
            view == .week
                ? anchor.adding(days: 7) : CalendarDate(year: anchor.month == 12 ? anchor.year + 1 : anchor.year, month: anchor.month == 12 ? 1 : anchor.month + 1, day: 1)!
        }
    }

    static let fields = ["view", "date", "project", "site", "worker"]

    /// The days a view of `anchor` shows.
    static func days(_ view: View, around anchor: CalendarDate) -> (first: CalendarDate, last: CalendarDate) {
        switch view {
        case .week:
            let first = anchor.adding(days: 1 - anchor.weekday)
            return (first, first.adding(days: 6))
        case .month:
            let m1 = CalendarDate(year: anchor.year, month: anchor.month, day: 1)!
            let mEnd = CalendarDate(year: anchor.year, month: anchor.month, day: CalendarDate.days(in: anchor.month, of: anchor.year))!
            return (m1.adding(days: 1 - m1.weekday), mEnd.adding(days: 7 - mEnd.weekday))
        }
    }

    /// Reads the calendar `state` asks for, as `actor` may see it (projects whose aggregates they see).
    static func query(_ state: FormState, actor: Actor, today: CalendarDate, on db: any Database) async throws -> Model {
        var state = state
        let view = state.choice("view", View.self, required: false) ?? .week
        let anchor = state.date("date").flatMap(CalendarDate.init(parsing:)) ?? today
        let (first, last) = days(view, around: anchor)
        var model = Model(state: state, view: view, anchor: anchor, first: first, last: last)
        let projects = try await db.sql.select().columns("id", "name").from(Project.schema).orderBy("name").all(decoding: ProjectRow.self)
        model.projects = projects.filter { actor.isAdmin || actor.access(to: $0.id).seesAggregates }.map { Choice(id: $0.id, name: $0.name) }
        let project = state.uuid("project", required: false)
        if let project, !model.projects.contains(where: { $0.id == project }) { state.errors["project"] = "error.choice" }
        if let project, state.errors["project"] == nil {
            model.project = project
            model.sites = try await db.sql.select().columns("id", "name").from(Site.schema).where("project_id", .equal, project).orderBy("name")
                .all(decoding: ProjectRow.self).map { Choice(id: $0.id, name: $0.name) }
            model.staff = try await ActivityQueries.staff(project: project, on: db).map { Choice(id: $0.id, name: $0.name) }
        }
        let site = state.uuid("site", required: false)
        if let site, !model.sites.contains(where: { $0.id == site }) { state.errors["site"] = "error.choice" }
        let worker: UUID? = state["worker"] == "me" ? actor.userID : state.uuid("worker", required: false)
        model.state = state
        let visible = model.project.map { [$0] } ?? model.projects.map(\.id)
        guard state.isValid, !visible.isEmpty else { return model }
        var q: SQLQueryString = """
            SELECT s.id, s.activity_id, a.name, a.kind, s.date, s.start_time, s.end_time, s.cancelled, a.project_id, p.name AS project_name, st.name AS site_name
            FROM activity_sessions s JOIN activities a ON a.id = s.activity_id JOIN projects p ON p.id = a.project_id
            LEFT JOIN sites st ON st.id = a.site_id
            WHERE s.date >= \(bind: first.iso) AND s.date <= \(bind: last.iso) AND a.project_id \(oneOf: visible)
            """
        if let site { q = q + " AND a.site_id = \(bind: site)" }
        if let worker { q = q + " AND EXISTS (SELECT 1 FROM activity_organisers o WHERE o.activity_id = a.id AND o.user_id = \(bind: worker))" }
        q = q + " ORDER BY s.date, s.start_time, a.name LIMIT 2000"
        model.rows = try await db.sql.raw(q).all(decoding: Row.self)
        return model
    }

    private struct ProjectRow: Decodable { let id: UUID; let name: String }
}
