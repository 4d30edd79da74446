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
        typealias Incomplete = (rows: [(missing: ESFReport.Missing, name: String)], total: Int)
        var (report, incomplete, source): (ESFReport, Incomplete, ReplicaChoice) = (ESFReport(), ([], 0), .primary(.notConfigured))
        if ctx.state.isValid {
            // The figures and the first incomplete records by name (all of them a page at a time
            // behind a link), computed once for everyone asking at the same time.
            let shared = try await req.reportReading(sharing: ESFReport.sharingKey(project: id, filter: filter)) { db in
                let report = try await ESFReport.compute(project: id, filter: filter, on: db)
                let (listing, byEnrolment) = try await incompleteListing(report, project: id, after: nil, size: shownIncomplete, on: db)
                let first: Incomplete = (listing.rows.compactMap { row in byEnrolment[row.id].map { ($0, row.name) } }, listing.total)
                return (report, first)
            }
            ((report, incomplete), source) = shared
        }
        if ctx.seesPeople, !incomplete.rows.isEmpty {
            // Only those shown are seen.
            try await req.audit.record(
                .participantList, participants: incomplete.rows.map(\.missing.participant), project: ctx.project.id, detail: "esf completeness")
        } else {
            incomplete = ([], incomplete.total)
        }
        var context = req.pageContext
        context.dataNote = source.note(req.t)
        return ESFReportView.page(ctx, report, incomplete: incomplete, context: context).response()
    }

    /// Incomplete records shown on the report page itself.
    static let shownIncomplete = 50

    /// The report's incomplete records in name order, a record (an enrolment) per row.
    static func incompleteListing(
        _ report: ESFReport, project: UUID, after: UUID?, size: Int, on db: any Database
    ) async throws -> (ReportPeople.Listing, [UUID: ESFReport.Missing]) {
        let names = try await ReportPeople.names(report.missing.map(\.participant), project: project, on: db)
        let rows = report.missing.map { (id: $0.enrolment, name: names[$0.participant] ?? "") }
        let byEnrolment = Dictionary(report.missing.map { ($0.enrolment, $0) }, uniquingKeysWith: { a, _ in a })
        return (ReportPeople.Listing(rows, after: after, size: size), byEnrolment)
    }

    @Sendable static func people(req: Request) async throws -> Response {
        let ctx = try await context(req)
        guard ctx.state.isValid else { throw Abort(.badRequest) }
        let code = (try? req.query.get(String.self, at: "code")) ?? ""
        let after = req.query[String.self, at: "after"].flatMap { UUID(text: $0) }
        let t = req.t
        let project = (id: ctx.project.id!, name: ctx.project.name)
        let query = [("code", code)] + ESFReportView.queryItems(ctx.state)
        if code == "incomplete" {
            let report = try await req.application.reportGate.run { [db = req.db, filter = ctx.filter] in
                try await ESFReport.compute(project: project.id, filter: filter, on: db)
            }
            let (listing, byEnrolment) = try await incompleteListing(report, project: project.id, after: after, size: ReportPeople.pageSize, on: req.db)
            let rows = listing.rows.compactMap { row in byEnrolment[row.id].map { (missing: $0, name: row.name) } }
            try await req.audit.record(.participantList, participants: rows.map(\.missing.participant), project: project.id, detail: "esf completeness")
            return ReportPeople.page(t("report.completeness"), project: project, listing: listing, query: query, context: req.pageContext) { _ in
                ESFReportView.incompleteTable(rows, t: t)
            }.response()
        }
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
        let ids = try await req.application.reportGate.run { [db = req.db, filter = ctx.filter] in
            try await ESFReport.compute(project: project.id, filter: filter, collecting: code, on: db).people
        }
        let names = try await ReportPeople.names(ids, project: project.id, on: req.db)
        let listing = ReportPeople.Listing(Array(Set(ids)).map { (id: $0, name: names[$0] ?? $0.text) }, after: after)
        try await req.audit.record(.participantList, participants: listing.rows.map(\.id), project: project.id, detail: "esf \(code)")
        return ReportPeople.page(label, project: project, listing: listing, query: query, context: req.pageContext).response()
    }

    @Sendable static func csv(req: Request) async throws -> Response {
        let ctx = try await context(req)
        guard ctx.state.isValid else { throw Abort(.badRequest) }
        let (id, filter) = (ctx.project.id!, ctx.filter)
        let report = try await req.reportReading(sharing: ESFReport.sharingKey(project: id, filter: filter)) { db in
            try await ESFReport.compute(project: id, filter: filter, on: db)
        }.0
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
        let report = try await req.reportReading(sharing: ESFReport.sharingKey(project: id, filter: filter)) { db in
            try await ESFReport.compute(project: id, filter: filter, on: db)
        }.0
        let data = try ESFReportExport.xlsx(report, project: ctx.project, filter: ctx.filter, today: req.today, t: req.t)
        try await req.audit.record(.export, project: ctx.project.id, detail: "esf xlsx")
        let res = Response(status: .ok, body: .init(data: data))
        res.headers.contentType = HTTPMediaType(type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        res.headers.contentDisposition = .init(.attachment, filename: "esf-\(ctx.project.code).xlsx")
        return res
    }
}
