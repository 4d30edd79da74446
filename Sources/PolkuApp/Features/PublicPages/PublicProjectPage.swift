import Fluent
import Foundation
import PolkuCore
import SQLKit
import Vapor

/// A project's public page (`/p/<code>`, no login; issue 17): the facts, the texts its manager
/// published, the financing plan with cost per person, and results computed from Polku's records,
/// every count from 1 to 4 as "<5" and the figures dated. A project whose page is not published
/// answers 404, as does a code that is no project.
enum PublicProjectPage {
    struct Facts: Decodable, Sendable {
        let id: UUID; let code: String; let name: String; let summary: String; let funder: String
        let priority_axis: String; let specific_objective: String; let status: String
        let start_date: String; let end_date: String; let region: String; let budget_band: String
        let planned_participants: Int?; let target_groups: String; let phases: String
    }
    struct Named: Decodable, Sendable, Equatable { let name: String; let role: String }

    struct Model: Sendable {
        var facts: Facts
        var texts: ProjectTexts.Stored
        var organisations: [Named] = []
        var steering: [Named] = []
        var sites: [String] = []
        /// Sub-projects whose own page is published, code and name.
        var subProjects: [(code: String, name: String)] = []
        var funding = FundingSummary([])
        var figures: PublicFigures
    }

    static func facts(code: String, on sql: any SQLDatabase) async throws -> Facts? {
        try await sql.raw(
            """
            SELECT p.id, p.code, p.name, p.summary, p.funder, p.priority_axis, p.specific_objective, p.status, p.start_date, p.end_date,
              p.region, p.budget_band, p.planned_participants, p.target_groups, p.phases
            FROM projects p JOIN project_pages g ON g.project_id = p.id WHERE p.code = \(bind: code) AND g.published IS NOT NULL
            """
        ).first(decoding: Facts.self)
    }

    static func query(code: String, app: Application, on db: any Database) async throws -> Model? {
        let sql = db.sql
        guard let facts = try await facts(code: code, on: sql) else { return nil }
        let id = facts.id
        var m = Model(facts: facts, texts: try await ProjectTexts.load(id, on: sql), figures: try await figures(id, facts: facts, app: app, on: db))
        m.organisations = try await sql.raw(
            """
            SELECT o.name, l.role FROM project_organisations l JOIN organisations o ON o.id = l.organisation_id
            WHERE l.project_id = \(bind: id) ORDER BY o.name
            """
        ).all(decoding: Named.self)
        m.steering = try await sql.raw(
            "SELECT organisation AS name, role FROM steering_members WHERE project_id = \(bind: id) ORDER BY role, organisation"
        ).all(decoding: Named.self)
        struct Site: Decodable { let name: String }
        m.sites = try await sql.raw("SELECT name FROM sites WHERE project_id = \(bind: id) ORDER BY name").all(decoding: Site.self).map(\.name)
        struct Sub: Decodable { let code: String; let name: String }
        m.subProjects = try await sql.raw(
            """
            SELECT p.code, p.name FROM projects p JOIN project_pages g ON g.project_id = p.id
            WHERE p.parent_id = \(bind: id) AND g.published IS NOT NULL ORDER BY p.code
            """
        ).all(decoding: Sub.self).map { ($0.code, $0.name) }
        m.funding = FundingSummary(try await ProjectPageEditor.funding(id, on: sql).compactMap(\.line))
        return m
    }

    /// The stored figures, computed again when missing or older than `PublicFigures.maxAge`.
    static func figures(_ id: UUID, facts: Facts, app: Application, on db: any Database) async throws -> PublicFigures {
        let now = app.clock.now()
        if let stored = try await PublicFigures.stored(id, on: db.sql), now.timeIntervalSince(stored.computedAt) < PublicFigures.maxAge {
            return stored
        }
        let phases = PhasePlan(lines: facts.phases)?.phases ?? PhasePlan.defaultPhases
        // Computed on the application's database, not the request's: other requests share the result.
        return try await app.publicPages.figures(id) {
            let f = try await PublicFigures.compute(project: id, phases: phases, now: now, today: app.clock.today, on: app.db)
            try await PublicFigures.store(f, project: id, on: app.db.sql)
            return f
        }
    }

    @Sendable static func show(req: Request) async throws -> Response {
        guard let code = req.parameters.get("code"), code.count <= 40 else { throw Abort(.notFound) }
        let cache = req.application.publicPages
        let key = code + "|" + req.lang.rawValue
        let cacheable = req.actor == nil
        if cacheable {
            switch cache.lookup(key, now: req.now) {
            case .fresh(let body), .stale(let body): return response(body, cacheable: true)
            case .missing: break
            }
        }
        let model: Model?
        // The public figures read the replica when there is one (issue 19); on SQLite its read connection.
        let app = req.application
        do {
            if app.replica == nil {
                model = try await query(code: code, app: app, on: req.readDatabase)
            } else {
                model = try await req.reportReading { db in try await query(code: code, app: app, on: db) }.0
            }
        } catch {
            if cacheable { cache.release(key) }
            throw error
        }
        guard let model else {
            if cacheable { cache.release(key) }
            throw Abort(.notFound)
        }
        var context = req.pageContext
        if cacheable { context.back = SiteURL.publicProject(.value(code)).relativeURL() }
        let body = ByteBuffer(string: view(model, context: context).render())
        if cacheable { cache.store(key, body, now: req.now) }
        return response(body, cacheable: cacheable)
    }

    static func response(_ body: ByteBuffer, cacheable: Bool) -> Response {
        let res = Response(status: .ok, body: .init(buffer: body))
        res.headers.contentType = .html
        res.headers.replaceOrAdd(name: .cacheControl, value: cacheable ? "public, max-age=30" : "no-store")
        if cacheable { res.headers.replaceOrAdd(name: .vary, value: "Cookie") }
        return res
    }

    /// A change to the project's page in this process: its pages are built again on the next visit.
    static func changed(_ project: UUID, app: Application) async {
        struct Row: Decodable { let code: String }
        if let row = try? await app.db.sql.raw("SELECT code FROM projects WHERE id = \(bind: project)").first(decoding: Row.self) {
            app.publicPages.forget(code: row.code)
        }
    }
}
