import Fluent
import Foundation
import PolkuAPIContract
import PolkuCore
import SQLKit
import Vapor

/// The API's projects and their ESF report, read with SQL into the contract's types.
enum APIProjects {
    typealias Schemas = Components.Schemas

    private struct Row: Decodable {
        let id: UUID; let code: String; let name: String; let status: String; let start_date: String; let end_date: String
    }

    /// The projects whose figures the user sees (all for an admin), by name, keyset-paged by id.
    static func list(_ req: Request, cursor: UUID?, limit: Int) async throws -> Schemas.ProjectPage {
        let actor = try req.guardedActor()
        var query: SQLQueryString = "SELECT id, code, name, status, start_date, end_date FROM projects"
        var conditions: [SQLQueryString] = []
        if !actor.isAdmin {
            let ids = actor.rolesByProject.keys.filter { actor.access(to: $0).seesAggregates }.sorted { $0.text < $1.text }
            guard !ids.isEmpty else { return Schemas.ProjectPage(items: []) }
            conditions.append("id \(oneOf: ids)")
        }
        if let after = try await APIKeyset.byName(cursor, table: "projects", on: req.db.sql) { conditions.append(after) }
        for (i, c) in conditions.enumerated() {
            query.appendLiteral(i == 0 ? " WHERE " : " AND ")
            query.appendInterpolation(c)
        }
        query.appendLiteral(" ORDER BY name, id LIMIT \(limit + 1)")
        let rows = try await req.db.sql.raw(query).all(decoding: Row.self)
        let items = rows.prefix(limit).map {
            Schemas.ProjectSummary(id: $0.id.text, code: $0.code, name: $0.name, status: $0.status, startDate: $0.start_date, endDate: $0.end_date)
        }
        return Schemas.ProjectPage(items: Array(items), next: rows.count > limit ? rows[limit - 1].id.text : nil)
    }

    static func show(_ req: Request) async throws -> Schemas.Project {
        let (id, _, _) = try req.guardedProject()
        guard let p = try await Project.find(id, on: req.db) else { throw Abort(.notFound) }
        let sites = try await Site.query(on: req.db).filter(\.$project.$id == id).sort(\.$name).all()
        return Schemas.Project(
            id: id.text, code: p.code, name: p.name, summary: p.summary, funder: p.funder, status: p.status.rawValue,
            startDate: p.startDate, endDate: p.endDate, region: p.region, targetGroups: p.targetGroups, phases: p.phasePlan.phases,
            plannedParticipants: p.plannedParticipants,
            sites: sites.map { Schemas.Site(id: $0.id?.text ?? "", name: $0.name, municipality: $0.municipality) })
    }

    /// The ESF report as the funder's JSON export gives it: counts 1–4 as "<5".
    static func esf(_ req: Request, filter: ESFReport.Filter) async throws -> Schemas.ESFReport {
        let (id, _, _) = try req.guardedProject()
        guard let project = try await Project.find(id, on: req.db) else { throw Abort(.notFound) }
        let from = filter.from, to = filter.to
        let r = try await req.reportReading(sharing: ESFReport.sharingKey(project: id, filter: filter)) { db in try await ESFReport.compute(project: id, filter: filter, on: db) }.0
        try await req.audit.record(.reportView, project: id, detail: "esf (api)")
        func count(_ n: Int) -> Schemas.Count {
            if case .exact(let v) = SmallCount(n) { return .case1(v) }
            return .case2(._lt_5)
        }
        func counts<I: IndicatorCode>(_ tally: IndicatorTally<I>, _ i: I) -> Schemas.IndicatorCounts {
            Schemas.IndicatorCounts(
                total: count(tally.count(i)), female: count(tally.count(i, .female)), male: count(tally.count(i, .male)),
                nonBinary: count(tally.count(i, .nonBinary)))
        }
        var indicators: [String: Schemas.IndicatorCounts] = [:]
        for i in ESFPlusIndicator.allCases { indicators[i.code] = counts(r.plus, i) }
        for i in ESF2014Indicator.allCases { indicators[i.code] = counts(r.esf2014, i) }
        var outcomes: [String: Schemas.Count] = [:]
        for o in ServiceOutcome.allCases { outcomes[o.rawValue] = count(r.outcomes[o] ?? 0) }
        outcomes["not_recorded"] = count(r.leaversWithoutOutcome)
        return Schemas.ESFReport(
            project: project.code, from: from?.iso, to: to?.iso, participantsEntered: count(r.entered), leavers: count(r.leavers),
            incompleteRecords: count(r.missing.count), indicators: .init(additionalProperties: indicators),
            outcomes: .init(additionalProperties: outcomes))
    }
}
