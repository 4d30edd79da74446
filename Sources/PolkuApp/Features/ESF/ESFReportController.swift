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
        /// The project's managers also get the participants' EURA 2021 data.
        var managesProject = false
        let ownOutcomes: [ProjectOutcome]
    }

    static func context(_ req: Request) async throws -> Context {
        var r = try await ReportRequest.read(req, fields: ["from", "to", "site", "gender", "age_band"])
        var filter = ESFReport.Filter()
        filter.from = r.period.from; filter.to = r.period.to; filter.site = r.period.site
        filter.gender = r.state.choice("gender", ESFGender.self, required: false)
        filter.ageBand = r.state.choice("age_band", ESFReport.AgeBand.self, required: false)
        let own = try await ProjectOutcome.query(on: req.db).filter(\.$project.$id == r.project.requireID()).sort(\.$name).all()
        return Context(
            project: r.project, sites: r.sites, filter: filter, state: r.state, seesPeople: r.access.seesParticipants,
            managesProject: r.access.managesProject, ownOutcomes: own)
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let ctx = try await context(req)
        let (id, filter) = (ctx.project.id!, ctx.filter)
        let (report, source) =
            ctx.state.isValid ? try await req.reportReading { db in try await ESFReport.compute(project: id, filter: filter, on: db) } : (ESFReport(), .primary(.notConfigured))
        var names: [UUID: String] = [:]
        if ctx.seesPeople, !report.missing.isEmpty {
            names = try await ReportPeople.names(report.missing.map(\.participant), on: req.db)
            try await req.audit.record(.participantList, participants: report.missing.map(\.participant), project: ctx.project.id, detail: "esf completeness")
        }
        var context = req.pageContext
        context.dataNote = source.note(req.t)
        return ESFReportView.page(ctx, report, names: names, context: context).response()
    }

    @Sendable static func people(req: Request) async throws -> Response {
        let ctx = try await context(req)
        guard ctx.state.isValid else { throw Abort(.badRequest) }
        let code = (try? req.query.get(String.self, at: "code")) ?? ""
        let t = req.t
        let label: String
        if ESFPlusIndicator(code: code) != nil || ESF2014Indicator(code: code) != nil {
            label = "\(code) \(t("indicator." + code))"
        } else if ServiceOutcome(rawValue: code) != nil {
            label = t("outcome." + code)
        } else if code == "no_outcome" {
            label = t("report.outcome.none")
        } else {
            throw Abort(.notFound)
        }
        let ids = try await ESFReport.compute(project: ctx.project.id!, filter: ctx.filter, collecting: code, on: req.db).people
        let names = try await ReportPeople.names(ids, on: req.db)
        try await req.audit.record(.participantList, participants: ids, project: ctx.project.id, detail: "esf \(code)")
        let people = ids.map { (id: $0, name: names[$0] ?? $0.uuidString) }
        return ReportPeople.page(label, project: (ctx.project.id!, ctx.project.name), people: people, context: req.pageContext).response()
    }

    @Sendable static func csv(req: Request) async throws -> Response {
        let ctx = try await context(req)
        guard ctx.state.isValid else { throw Abort(.badRequest) }
        let (id, filter) = (ctx.project.id!, ctx.filter)
        let report = try await req.reportReading { db in try await ESFReport.compute(project: id, filter: filter, on: db) }.0
        try await req.audit.record(.export, project: ctx.project.id, detail: "esf csv")
        let res = Response(status: .ok, body: .init(string: ESFReportExport.csv(report, project: ctx.project, filter: ctx.filter, today: req.today, t: req.t)))
        res.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        res.headers.contentDisposition = .init(.attachment, filename: "esf-\(ctx.project.code).csv")
        return res
    }

    @Sendable static func xlsx(req: Request) async throws -> Response {
        let ctx = try await context(req)
        guard ctx.state.isValid else { throw Abort(.badRequest) }
        let (id, filter) = (ctx.project.id!, ctx.filter)
        let report = try await req.reportReading { db in try await ESFReport.compute(project: id, filter: filter, on: db) }.0
        let data = try ESFReportExport.xlsx(report, project: ctx.project, filter: ctx.filter, today: req.today, t: req.t)
        try await req.audit.record(.export, project: ctx.project.id, detail: "esf xlsx")
        let res = Response(status: .ok, body: .init(data: data))
        res.headers.contentType = HTTPMediaType(type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        res.headers.contentDisposition = .init(.attachment, filename: "esf-\(ctx.project.code).xlsx")
        return res
    }
}
