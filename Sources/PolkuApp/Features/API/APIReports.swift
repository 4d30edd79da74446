import Fluent
import Foundation
import PolkuAPIContract
import PolkuCore
import SQLKit
import Vapor

/// The activity, measures and network reports as JSON: computed by the same code as the pages, with
/// the same suppression (counts 1–4 as "<5" for those who do not see the project's people; averages
/// and medians only over five or more) and health lines only for health roles. A period whose end
/// is before its start holds nothing: the report answers with empty figures (schema-valid is accepted).
enum APIReports {
    typealias Schemas = Components.Schemas

    static func count(_ n: Int, exact: Bool = false) -> Schemas.Count {
        if exact { return .case1(n) }
        if case .exact(let v) = SmallCount(n) { return .case1(v) }
        return .case2(._lt_5)
    }

    static func activity(_ req: Request, filter: ActivityReport.Filter) async throws -> Schemas.ActivityReport {
        let (id, access, _) = try req.guardedProject()
        guard let code = try await req.db.sql.raw("SELECT code FROM projects WHERE id = \(bind: id)").first(decodingColumn: "code", as: String.self)
        else { throw Abort(.notFound) }
        let (today, t) = (req.today, req.t)
        let report = try await req.reportReading { db in try await ActivityReport.compute(project: id, filter: filter, today: today, t: t, on: db) }.0
        try await req.audit.record(.reportView, project: id, detail: "activity (api)")
        let exact = access.seesParticipants
        func figures(_ t: ActivityTally<UUID>) -> Schemas.ActivityFigures {
            Schemas.ActivityFigures(
                sessionsHeld: count(t.sessionsHeld, exact: exact), uniqueParticipants: count(t.uniqueParticipants, exact: exact),
                namedAttendances: count(t.namedAttendances, exact: exact), guests: count(t.guests, exact: exact),
                headCount: count(t.headCount, exact: exact), totalAttendances: count(t.totalAttendances, exact: exact))
        }
        return Schemas.ActivityReport(
            project: code, from: filter.from?.iso, to: filter.to?.iso, by: filter.by.rawValue,
            lines: report.lines.map { Schemas.ActivityReportLine(key: $0.key, label: $0.label, figures: figures($0.tally)) },
            total: figures(report.total), recruited: count(report.recruited, exact: exact))
    }

    static func measures(_ req: Request, filter: MeasuresReport.Filter) async throws -> Schemas.MeasuresReport {
        let (id, access, _) = try req.guardedProject()
        guard let code = try await req.db.sql.raw("SELECT code FROM projects WHERE id = \(bind: id)").first(decodingColumn: "code", as: String.self)
        else { throw Abort(.notFound) }
        let seesHealth = access.seesHealthData
        let (report, definitions, hides) = try await req.reportReading { db in
            try await MeasuresReportPage.compute(project: id, filter: filter, seesHealth: seesHealth, on: db)
        }.0
        try await req.audit.record(.reportView, project: id, detail: "measures (api)")
        let lang = req.lang.rawValue
        return Schemas.MeasuresReport(
            project: code, from: filter.from?.iso, to: filter.to?.iso,
            lines: report.lines.map { line in
                var averages: [String: Double] = [:]
                for (score, n) in line.changeCounts where n >= SmallCount.threshold { averages[score] = line.average(score) }
                return Schemas.MeasuresReportLine(
                    instrument: line.key, name: definitions[line.key]?.name.text(lang) ?? line.name.text(lang), measured: count(line.measured),
                    repeated: count(line.repeated), averageChange: .init(additionalProperties: averages))
            },
            healthLeftOut: hides)
    }

    static func network(_ req: Request, from: CalendarDate?, to: CalendarDate?, project: UUID?) async throws -> Schemas.NetworkReport {
        let actor = try req.guardedActor()
        var state = FormState()
        state.values = ["from": from?.iso ?? "", "to": to?.iso ?? "", "project": project?.text ?? ""]
        let m = try await req.reportReading { [state] db in try await NetworkReport.query(state, actor: actor, on: db) }.0
        // A project the user does not manage is answered as one that does not exist. A period that
        // ends before it starts is empty, as in the other reports, not an error.
        if m.state.errors["project"] != nil { throw APIRefusal(status: .notFound, key: "api.problem.project_unknown", field: "project") }
        try await req.audit.record(.reportView, detail: "network (api)")
        func median(_ days: [Int]) -> Double? { days.count >= SmallCount.threshold ? ReferralTiming.median(days).map(Double.init) : nil }
        return Schemas.NetworkReport(
            from: from?.iso, to: to?.iso, project: project?.text,
            providersBySector: .init(additionalProperties: Dictionary(uniqueKeysWithValues: m.providersBySector.map { ($0.key.rawValue, count($0.value)) })),
            servicesByCategory: .init(additionalProperties: m.servicesByCategory.mapValues { count($0) }),
            referralsByState: .init(additionalProperties: m.referralsByState.mapValues { count($0) }),
            referralsByProvider: m.referralsByProvider.map { Schemas.NamedCount(name: $0.name, count: count($0.n)) },
            referralsBySector: .init(additionalProperties: Dictionary(uniqueKeysWithValues: m.referralsBySector.map { ($0.key.rawValue, count($0.value)) })),
            medianDaysToStart: median(m.days),
            areas: m.areas.sorted { $0.key < $1.key }.map { a in
                .init(
                    area: a.key, services: count(a.value.services), referrals: count(a.value.referrals), started: count(a.value.started),
                    medianDaysToStart: median(a.value.days))
            })
    }
}
