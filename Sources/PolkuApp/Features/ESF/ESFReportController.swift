import Fluent
import PolkuCore
import SQLKit
import Vapor

/// The project's ESF report in the browser, the people behind each figure, and the CSV export.
enum ESFReportController {
    struct Context {
        let project: Project
        let sites: [Site]
        let filter: ESFReport.Filter
        let state: FormState
        /// Whether figures may be shown exactly and link to people.
        let seesPeople: Bool
    }

    static func context(_ req: Request) async throws -> Context {
        let id = try req.id()
        let actor = try req.authz.actor()
        let access = actor.access(to: id)
        guard actor.isAdmin || access.seesAggregates else { throw Abort(.notFound) }
        guard let project = try await Project.find(id, on: req.db) else { throw Abort(.notFound) }
        let sites = try await Site.query(on: req.db).filter(\.$project.$id == id).sort(\.$name).all()
        var state = FormState.read(req.query, fields: ["from", "to", "site", "gender", "age_band"])
        var filter = ESFReport.Filter()
        filter.from = state.date("from").flatMap(CalendarDate.init(parsing:))
        filter.to = state.date("to").flatMap(CalendarDate.init(parsing:))
        if let from = filter.from, let to = filter.to, to < from { state.errors["to"] = "error.end_before_start" }
        filter.site = state.uuid("site", required: false)
        if let site = filter.site, !sites.contains(where: { $0.id == site }) { state.errors["site"] = "error.choice" }
        filter.gender = state.choice("gender", ESFGender.self, required: false)
        filter.ageBand = state.choice("age_band", ESFReport.AgeBand.self, required: false)
        return Context(project: project, sites: sites, filter: filter, state: state, seesPeople: access.seesParticipants)
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let ctx = try await context(req)
        let report = ctx.state.isValid ? try await ESFReport.compute(project: ctx.project.id!, filter: ctx.filter, on: req.db) : ESFReport()
        var names: [UUID: String] = [:]
        if ctx.seesPeople, !report.missing.isEmpty {
            names = try await ReportPeople.names(report.missing.map(\.participant), on: req.db)
            try await req.audit.record(.participantList, participants: report.missing.map(\.participant), project: ctx.project.id, detail: "esf completeness")
        }
        return ESFReportView.render(req, ctx, report, names: names)
    }

    @Sendable static func people(req: Request) async throws -> Response {
        let ctx = try await context(req)
        guard ctx.seesPeople else { throw Abort(.forbidden) }
        guard ctx.state.isValid else { throw Abort(.badRequest) }
        let code = (try? req.query.get(String.self, at: "code")) ?? ""
        let report = try await ESFReport.compute(project: ctx.project.id!, filter: ctx.filter, on: req.db)
        let t = req.t
        let ids: [UUID]
        let label: String
        if let i = ESFPlusIndicator(rawValue: code) { ids = report.peoplePlus[i] ?? []; label = "\(code) \(t("indicator." + code))" }
        else if let i = ESF2014Indicator(rawValue: code) { ids = report.people2014[i] ?? []; label = "\(code) \(t("indicator." + code))" }
        else if let o = ServiceOutcome(rawValue: code) { ids = report.outcomes[o] ?? []; label = t("outcome." + code) }
        else if code == "no_outcome" { ids = report.leaversWithoutOutcome; label = t("report.outcome.none") }
        else { throw Abort(.notFound) }
        let names = try await ReportPeople.names(ids, on: req.db)
        try await req.audit.record(.participantList, participants: ids, project: ctx.project.id, detail: "esf \(code)")
        let sorted = ids.sorted { (names[$0] ?? "") < (names[$1] ?? "") }
        return req.page(t("report.people", label), breadcrumbs: [(t("projects.title"), "/projects"), (ctx.project.name, "/projects/\(ctx.project.id!)"),
                                                                  (t("report.link"), "/projects/\(ctx.project.id!)/report")]) {
            if sorted.isEmpty { h("p") { t("report.people.none") } }
            h("ul") { for id in sorted { h("li") { h("a", ["href": "/participants/\(id)"]) { names[id] ?? id.uuidString } } } }
        }
    }

    @Sendable static func csv(req: Request) async throws -> Response {
        let ctx = try await context(req)
        guard ctx.state.isValid else { throw Abort(.badRequest) }
        let report = try await ESFReport.compute(project: ctx.project.id!, filter: ctx.filter, on: req.db)
        let res = Response(status: .ok, body: .init(string: ESFReportExport.csv(report, project: ctx.project, t: req.t)))
        res.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        res.headers.contentDisposition = .init(.attachment, filename: "esf-\(ctx.project.code).csv")
        return res
    }
}

enum ReportPeople {
    /// "Last, First" for the given participants, in one query.
    static func names(_ ids: [UUID], on db: any Database) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        struct Row: Decodable { let id: UUID; let first_name: String; let last_name: String }
        var result: [UUID: String] = [:]
        let unique = Array(Set(ids))
        for start in stride(from: 0, to: unique.count, by: 500) {
            let chunk = Array(unique[start..<min(start + 500, unique.count)])
            let rows = try await (db as! any SQLDatabase).select().columns("id", "first_name", "last_name").from("participants")
                .where("id", .in, SQLBind.group(chunk)).all(decoding: Row.self)
            for r in rows { result[r.id] = "\(r.last_name), \(r.first_name)" }
        }
        return result
    }
}

/// The export meant for the funder: counts from 1 to 4 always suppressed, Finnish headers, indicator
/// codes as they are.
enum ESFReportExport {
    static func csv(_ r: ESFReport, project: Project, t: Texts) -> String {
        var lines = [["Kehys", "Koodi", "Indikaattori", "Naiset", "Miehet", "Muunsukupuoliset", "Yhteensä"]]
        for i in ESFPlusIndicator.allCases { lines.append(["ESR+ 2021–2027", i.code, t("indicator." + i.code)] + counts(r.plus, i)) }
        for i in ESF2014Indicator.allCases { lines.append(["ESR 2014–2020", i.code, t("indicator." + i.code)] + counts(r.esf2014, i)) }
        lines.append([])
        lines.append(["Jatkopolku", "", "", "", "", "", "Lukumäärä"])
        for o in ServiceOutcome.allCases { lines.append(["Jatkopolku", o.rawValue, t("outcome." + o.rawValue), "", "", "", SmallCount(r.outcomes[o]?.count ?? 0).description]) }
        return lines.map { $0.map(field).joined(separator: ";") }.joined(separator: "\r\n") + "\r\n"
    }

    static func counts<I>(_ tally: IndicatorTally<I>, _ i: I) -> [String] {
        ESFGender.allCases.map { SmallCount(tally.count(i, $0)).description } + [SmallCount(tally.count(i)).description]
    }

    /// Semicolon-separated (what Finnish Excel expects), quoted when needed.
    static func field(_ s: String) -> String {
        s.contains(where: { ";\"\n\r".contains($0) }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
