import Foundation
import PolkuCore
import SQLKit
import Vapor

/// Progress against the plan (issue 17): participants planned and started for the project, for
/// each of its sites and, in a joint project, for each sub-project with its implementer and its
/// share of those started; and those started by gender (PARTY's gender analysis). A chart and the
/// same figures as a table. For the project's own people, so counts are exact, as on its page.
enum PlanProgress {
    struct Line: Decodable, Sendable, Equatable {
        let id: UUID; let name: String; let planned: Int?; let started: Int
        /// A sub-project's implementers (its administering organisations), comma-separated.
        var implementer: String? = nil
    }

    struct Model {
        var project: UUID
        var name: String
        var total: Line
        var subProjects: [Line] = []
        var sites: [Line] = []
        var genders: [(key: String, n: Int)] = []
        var manages = false
        var failed: (site: UUID, state: FormState)? = nil
    }

    static func model(project: UUID, on sql: any SQLDatabase) async throws -> Model {
        struct P: Decodable { let id: UUID; let name: String; let planned_participants: Int? }
        guard let p = try await sql.raw("SELECT id, name, planned_participants FROM projects WHERE id = \(bind: project)").first(decoding: P.self)
        else { throw Abort(.notFound) }
        func started(_ ids: [UUID]) async throws -> [UUID: Int] {
            struct Row: Decodable { let project_id: UUID; let n: Int }
            guard !ids.isEmpty else { return [:] }
            return Dictionary(
                try await sql.raw(
                    "SELECT project_id, COUNT(*) AS n FROM enrolments WHERE project_id \(oneOf: ids) GROUP BY project_id"
                ).all(decoding: Row.self).map { ($0.project_id, $0.n) }, uniquingKeysWith: +)
        }
        let subs = try await sql.raw(
            "SELECT id, name, planned_participants FROM projects WHERE parent_id = \(bind: project) ORDER BY code"
        ).all(decoding: P.self)
        let counts = try await started([project] + subs.map(\.id))
        struct Admin: Decodable { let project_id: UUID; let name: String }
        let admins =
            subs.isEmpty
            ? []
            : try await sql.raw(
                """
                SELECT l.project_id, o.name FROM project_organisations l JOIN organisations o ON o.id = l.organisation_id
                WHERE l.project_id \(oneOf: subs.map(\.id)) AND l.role = 'administrator' ORDER BY o.name
                """
            ).all(decoding: Admin.self)
        var m = Model(
            project: project, name: p.name,
            total: Line(id: project, name: p.name, planned: p.planned_participants, started: counts[project] ?? 0))
        m.subProjects = subs.map { s in
            Line(
                id: s.id, name: s.name, planned: s.planned_participants, started: counts[s.id] ?? 0,
                implementer: admins.filter { $0.project_id == s.id }.map(\.name).joined(separator: ", "))
        }
        m.sites = try await sql.raw(
            """
            SELECT s.id, s.name, s.planned_participants AS planned,
              (SELECT COUNT(*) FROM enrolments e WHERE e.site_id = s.id AND e.project_id = \(bind: project)) AS started
            FROM sites s WHERE s.project_id = \(bind: project) ORDER BY s.name
            """
        ).all(decoding: Line.self)
        m.genders = try await PublicFigures.genders(project: project, on: sql).map { ($0.key, $0.n) }
        return m
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let (project, access, _) = try req.guardedProject()
        var m = try await model(project: project, on: req.db.sql)
        m.manages = access.managesProject
        return view(m, context: req.pageContext).response()
    }

    /// A site's planned participants; empty clears the plan.
    @Sendable static func planSite(req: Request) async throws -> Response {
        let (project, access, _) = try req.guardedProject()
        guard let site = req.parameters.get("site", as: UUID.self) else { throw Abort(.notFound) }
        var state = try FormState.read(req, fields: ["planned"], requiring: ["planned"])
        let planned = state.integer("planned", range: 0...10_000_000)
        guard state.isValid else {
            var m = try await model(project: project, on: req.db.sql)
            m.manages = access.managesProject
            m.failed = (site, state)
            return view(m, context: req.pageContext, status: .unprocessableEntity).response()
        }
        let updated = try await req.db.writeTransaction { db -> Int in
            let rows = try await db.sql.raw(
                "SELECT id FROM sites WHERE id = \(bind: site) AND project_id = \(bind: project)"
            ).all()
            guard !rows.isEmpty else { return 0 }
            try await db.sql.raw("UPDATE sites SET planned_participants = \(bind: planned) WHERE id = \(bind: site)").run()
            try await req.audit.record(.projectUpdate, project: project, detail: "site plan", on: db)
            return rows.count
        }
        guard updated > 0 else { throw Abort(.notFound) }
        req.flash("progress.site.saved")
        return req.redirect(to: .projectProgress(.value(project)))
    }
}
