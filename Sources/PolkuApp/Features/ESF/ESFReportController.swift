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
        let ownOutcomes: [ProjectOutcome]
    }

    static func context(_ req: Request) async throws -> Context {
        var r = try await ReportRequest.read(req, fields: ["from", "to", "site", "gender", "age_band"])
        var filter = ESFReport.Filter()
        filter.from = r.period.from; filter.to = r.period.to; filter.site = r.period.site
        filter.gender = r.state.choice("gender", ESFGender.self, required: false)
        filter.ageBand = r.state.choice("age_band", ESFReport.AgeBand.self, required: false)
        let own = try await ProjectOutcome.query(on: req.db).filter(\.$project.$id == r.project.requireID()).sort(\.$name).all()
        return Context(project: r.project, sites: r.sites, filter: filter, state: r.state, seesPeople: r.access.seesParticipants, ownOutcomes: own)
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let ctx = try await context(req)
        let report = ctx.state.isValid ? try await ESFReport.compute(project: ctx.project.id!, filter: ctx.filter, on: req.db) : ESFReport()
        var names: [UUID: String] = [:]
        if ctx.seesPeople, !report.missing.isEmpty {
            names = try await ReportPeople.names(report.missing.map(\.participant), on: req.db)
            try await req.audit.record(.participantList, participants: report.missing.map(\.participant), project: ctx.project.id, detail: "esf completeness")
        }
        return ESFReportView.page(ctx, report, names: names, context: req.pageContext).response()
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
        let report = try await ESFReport.compute(project: ctx.project.id!, filter: ctx.filter, on: req.db)
        try await req.audit.record(.export, project: ctx.project.id, detail: "esf csv")
        let res = Response(status: .ok, body: .init(string: ESFReportExport.csv(report, project: ctx.project, t: req.t)))
        res.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        res.headers.contentDisposition = .init(.attachment, filename: "esf-\(ctx.project.code).csv")
        return res
    }

    @Sendable static func xlsx(req: Request) async throws -> Response {
        let ctx = try await context(req)
        guard ctx.state.isValid else { throw Abort(.badRequest) }
        let report = try await ESFReport.compute(project: ctx.project.id!, filter: ctx.filter, on: req.db)
        let data = try ESFReportExport.xlsx(report, project: ctx.project, t: Texts(lang: .fi))
        try await req.audit.record(.export, project: ctx.project.id, detail: "esf xlsx")
        let res = Response(status: .ok, body: .init(data: data))
        res.headers.contentType = HTTPMediaType(type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        res.headers.contentDisposition = .init(.attachment, filename: "esf-\(ctx.project.code).xlsx")
        return res
    }
}

/// The exports meant for the funder (CSV, XLSX, JSON): counts from 1 to 4 always suppressed, Finnish
/// headers, the indicator codes as they are. One table builder serves all three formats.
enum ESFReportExport {
    typealias Cell = XLSXWorkbook.Cell

    static func cell(_ n: Int) -> Cell {
        switch SmallCount(n) {
        case .exact(let v): .number(v)
        case .suppressed: .text(SmallCount.suppressed.description)
        }
    }

    static func indicatorRows(_ r: ESFReport, t: Texts) -> [[Cell]] {
        var rows: [[Cell]] = [["Kehys", "Koodi", "Indikaattori", "Naiset", "Miehet", "Muunsukupuoliset", "Yhteensä"].map(Cell.text)]
        func counts<I: IndicatorCode>(_ tally: IndicatorTally<I>, _ i: I) -> [Cell] { ESFGender.allCases.map { cell(tally.count(i, $0)) } + [cell(tally.count(i))] }
        for i in ESFPlusIndicator.allCases { rows.append([.text("ESR+ 2021–2027"), .text(i.code), .text(t("indicator." + i.code))] + counts(r.plus, i)) }
        for i in ESF2014Indicator.allCases { rows.append([.text("ESR 2014–2020"), .text(i.code), .text(t("indicator." + i.code))] + counts(r.esf2014, i)) }
        return rows
    }

    static func outcomeRows(_ r: ESFReport, t: Texts) -> [[Cell]] {
        var rows: [[Cell]] = [["Jatkopolku", "Koodi", "Lukumäärä"].map(Cell.text)]
        for o in ServiceOutcome.allCases { rows.append([.text(t("outcome." + o.rawValue)), .text(o.rawValue), cell(r.outcomes[o] ?? 0)]) }
        rows.append([.text(t("report.outcome.none")), .text("not_recorded"), cell(r.leaversWithoutOutcome)])
        return rows
    }

    static func csv(_ r: ESFReport, project: Project, t: Texts) -> String {
        let lines = indicatorRows(r, t: t) + [[]] + outcomeRows(r, t: t)
        return lines.map { $0.map(csvField).joined(separator: ";") }.joined(separator: "\r\n") + "\r\n"
    }

    static func xlsx(_ r: ESFReport, project: Project, t: Texts) throws -> Data {
        try XLSXWorkbook(sheets: [
            .init(name: "Indikaattorit", rows: indicatorRows(r, t: t)),
            .init(name: "Jatkopolut", rows: outcomeRows(r, t: t)),
        ]).data()
    }

    /// `{"project": …, "indicators": {"EECO01": {"female": 3, …, "total": "<5"}}, "outcomes": {…}}`
    static func json(_ r: ESFReport, project: Project, filter: ESFReport.Filter) throws -> Data {
        func value(_ n: Int) -> Any { if case .exact(let v) = SmallCount(n) { return v }; return SmallCount.suppressed.description }
        func counts<I: IndicatorCode>(_ tally: IndicatorTally<I>, _ i: I) -> [String: Any] {
            var d: [String: Any] = ["total": value(tally.count(i))]
            for g in ESFGender.allCases { d[g.rawValue] = value(tally.count(i, g)) }
            return d
        }
        var indicators: [String: Any] = [:]
        for i in ESFPlusIndicator.allCases { indicators[i.code] = counts(r.plus, i) }
        for i in ESF2014Indicator.allCases { indicators[i.code] = counts(r.esf2014, i) }
        var outcomes: [String: Any] = [:]
        for o in ServiceOutcome.allCases { outcomes[o.rawValue] = value(r.outcomes[o] ?? 0) }
        outcomes["not_recorded"] = value(r.leaversWithoutOutcome)
        let object: [String: Any] = [
            "project": project.code, "from": filter.from?.iso ?? NSNull(), "to": filter.to?.iso ?? NSNull(),
            "participants_entered": value(r.entered), "leavers": value(r.leavers), "incomplete_records": value(r.missing.count),
            "indicators": indicators, "outcomes": outcomes,
        ]
        return try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
    }

    /// Semicolon-separated (what Finnish Excel expects), quoted when needed.
    static func csvField(_ c: Cell) -> String {
        let s: String
        switch c {
        case .text(let v): return CSVField.encode(v, quoting: ";\"\n\r");
        case .number(let n): s = String(n);
        case .empty: s = ""
        }
        return s
    }
}
