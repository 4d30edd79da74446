import Fluent
import Foundation
import PolkuCore
import SQLKit
import Vapor

/// A project's sites or pilot areas side by side (issue 17; Yhdistämö compares its pilot areas):
/// the same figures per site in one table — participants, attendances, leavers and those who found
/// work, study or a benefit, people measured again and those clearly better, referrals — with every
/// column suppressed together with its total (`ComplementarySuppression`), so that no cell of 1–4
/// can be read off the total, here or in anything copied from here. People without a site are a
/// row of their own, so the columns add up.
enum SitesCompared {
    enum Column: String, CaseIterable { case participants, attendances, leavers, solutions, remeasured, improved, referrals }

    struct Model {
        var project: UUID
        var name: String
        /// Site names in order, then the row of people without a site (nil id).
        var rows: [(id: UUID?, name: String)] = []
        /// Column → the counts of `rows` in order.
        var counts: [Column: [Int]] = [:]
    }

    static func model(project: UUID, name: String, today: CalendarDate, on db: any Database) async throws -> Model {
        let sql = db.sql
        struct Site: Decodable { let id: UUID; let name: String }
        let sites = try await sql.raw("SELECT id, name FROM sites WHERE project_id = \(bind: project) ORDER BY name").all(decoding: Site.self)
        var m = Model(project: project, name: name)
        m.rows = sites.map { ($0.id, $0.name) } + [(nil, "")]
        func column(_ values: [UUID?: Int]) -> [Int] { m.rows.map { values[$0.id] ?? 0 } }

        struct Count: Decodable { let site_id: UUID?; let n: Int }
        let people = try await sql.raw(
            "SELECT site_id, COUNT(*) AS n FROM enrolments WHERE project_id = \(bind: project) GROUP BY site_id"
        ).all(decoding: Count.self)
        m.counts[.participants] = column(Dictionary(people.map { ($0.site_id, $0.n) }, uniquingKeysWith: +))
        let referrals = try await sql.raw(
            """
            SELECT e.site_id, COUNT(*) AS n FROM referrals r
            JOIN enrolments e ON e.participant_id = r.participant_id AND e.project_id = r.project_id
            WHERE r.project_id = \(bind: project) GROUP BY e.site_id
            """
        ).all(decoding: Count.self)
        m.counts[.referrals] = column(Dictionary(referrals.map { ($0.site_id, $0.n) }, uniquingKeysWith: +))

        // Attendances by the site of the group or event (the activity report's own grouping).
        let activity = try await ActivityReport.compute(project: project, filter: ActivityReport.Filter(by: .site), today: today, on: db)
        var attendances: [UUID?: Int] = [:]
        for line in activity.lines { attendances[UUID(text: line.key), default: 0] += line.tally.totalAttendances }
        m.counts[.attendances] = column(attendances)

        // Exits and measures by the person's site: the reports filtered to each site; the rest is the
        // project's total less the sites'.
        let health = Set(try await InstrumentLibrary.latest(on: db).filter { $0.definition?.health ?? false }.map(\.key))
        var leavers: [UUID?: Int] = [:], solutions: [UUID?: Int] = [:], again: [UUID?: Int] = [:], better: [UUID?: Int] = [:]
        for row in m.rows {
            let esf = try await ESFReport.compute(project: project, filter: ESFReport.Filter(site: row.id), on: db)
            let measures = try await MeasuresReport.compute(project: project, filter: MeasuresReport.Filter(site: row.id), on: db)
            let lines = measures.lines.filter { !health.contains($0.key) }
            leavers[row.id] = esf.leavers; solutions[row.id] = esf.solutionCount
            again[row.id] = lines.reduce(0) { $0 + $1.repeated }; better[row.id] = lines.reduce(0) { $0 + $1.meaningfulUp }
        }
        // The nil row was computed for the whole project: what no site accounts for is the difference.
        func rest(_ d: inout [UUID?: Int]) { d[nil] = max(0, (d[nil] ?? 0) - sites.reduce(0) { $0 + (d[$1.id] ?? 0) }) }
        rest(&leavers); rest(&solutions); rest(&again); rest(&better)
        m.counts[.leavers] = column(leavers); m.counts[.solutions] = column(solutions)
        m.counts[.remeasured] = column(again); m.counts[.improved] = column(better)
        return m
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let (project, _, _) = try req.guardedProject()
        let name = try await Surveys.project(project, on: req.db.sql)
        // The reports' row readers take the drivers' own databases, not the read pool's wrapper.
        let m = try await model(project: project, name: name, today: req.today, on: req.db)
        try await req.audit.record(.reportView, project: project, detail: "sites compared")
        return view(m, context: req.pageContext).response()
    }

    static func view(_ m: Model, context: PageContext) -> PolkuApp.Page {
        let t = context.t
        let lines = Column.allCases.map { ComplementarySuppression.line(m.counts[$0] ?? []) }
        let names = m.rows.map { $0.id == nil ? t("sites.none") : $0.name }
        return PolkuApp.Page(
            context, title: t("sites.title", m.name),
            breadcrumbs: [(t("projects.title"), SiteURL.projects.relativeURL()), (m.name, SiteURL.project(.value(m.project)).relativeURL())]
        ) {
            h("p", ["class": "lead"]) { t("sites.intro") }
            FigureTable(
                caption: t("sites.caption"), head: [t("sites.site")] + Column.allCases.map { t("sites.column." + $0.rawValue) },
                strings: names.indices.map { i in [names[i]] + lines.map { $0.label(i) } }
                    + [[t("public.total")] + lines.map(\.total.description)]
            ).node
            h("p", ["class": "hint"]) { t("sites.suppressed") }
        }
    }
}
