import Foundation
import PolkuCore
import SQLKit
import Vapor

/// A site's or pilot area's own page (issue 17): its development plan, its partners by type (the
/// seed counts 30 associations, 15 public bodies and 4 educational organisations), its groups and
/// events, and its row of the sites-side-by-side figures (suppressed the same way).
enum SitePage {
    enum PartnerKind: String, CaseIterable { case association, publicBody = "public_body", education, company, parish, other }

    struct Site: Decodable, Sendable { let id: UUID; let name: String; let municipality: String; let kind: String; let development_plan: String? }
    struct Partner: Decodable, Sendable, Equatable { let id: UUID; let name: String; let kind: String }
    struct Activity: Decodable, Sendable, Equatable { let id: UUID; let name: String; let kind: String; let held: Int }

    struct Model {
        var project: UUID
        var projectName: String
        var site: Site
        var partners: [Partner] = []
        var activities: [Activity] = []
        /// The site's figures, column by column, as the side-by-side table shows them.
        var figures: [(column: SitesCompared.Column, label: String)] = []
        var manages = false
        var failed: (form: String, state: FormState)? = nil
    }

    static func model(_ req: Request, project: UUID, site id: UUID) async throws -> Model {
        let sql = req.db.sql
        guard
            let site = try await sql.raw(
                "SELECT id, name, municipality, kind, development_plan FROM sites WHERE id = \(bind: id) AND project_id = \(bind: project)"
            ).first(decoding: Site.self)
        else { throw Abort(.notFound) }
        let name = try await Surveys.project(project, on: sql)
        var m = Model(project: project, projectName: name, site: site)
        m.partners = try await sql.raw("SELECT id, name, kind FROM site_partners WHERE site_id = \(bind: id) ORDER BY kind, name").all(decoding: Partner.self)
        m.activities = try await sql.raw(
            """
            SELECT a.id, a.name, a.kind,
              (SELECT COUNT(*) FROM activity_sessions s WHERE s.activity_id = a.id AND s.cancelled = \(bind: false) AND s.date <= \(bind: req.today.iso)) AS held
            FROM activities a WHERE a.site_id = \(bind: id) ORDER BY a.name
            """
        ).all(decoding: Activity.self)
        let compared = try await SitesCompared.model(project: project, name: name, today: req.today, on: req.db)
        if let row = compared.rows.firstIndex(where: { $0.id == id }) {
            m.figures = SitesCompared.Column.allCases.map { c in (c, ComplementarySuppression.line(compared.counts[c] ?? []).label(row)) }
        }
        return m
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let (project, access, _) = try req.guardedProject()
        guard let site = req.parameters.get("site", as: UUID.self) else { throw Abort(.notFound) }
        var m = try await model(req, project: project, site: site)
        m.manages = access.managesProject
        return view(m, context: req.pageContext).response()
    }

    static func again(_ req: Request, project: UUID, site: UUID, form: String, _ state: FormState) async throws -> Response {
        var m = try await model(req, project: project, site: site)
        m.manages = true
        m.failed = (form, state)
        return view(m, context: req.pageContext, status: .unprocessableEntity).response()
    }

    @Sendable static func savePlan(req: Request) async throws -> Response {
        let (project, _, _) = try req.guardedProject()
        guard let site = req.parameters.get("site", as: UUID.self) else { throw Abort(.notFound) }
        _ = try await model(req, project: project, site: site)
        var state = try FormState.read(req, fields: ["development_plan"], requiring: ["development_plan"])
        let plan = state.text("development_plan", max: 20_000)
        guard state.isValid else { return try await again(req, project: project, site: site, form: "plan", state) }
        try await req.db.writeTransaction { db in
            try await db.sql.raw("UPDATE sites SET development_plan = \(bind: plan.isEmpty ? nil : plan) WHERE id = \(bind: site)").run()
            try await req.audit.record(.projectUpdate, project: project, detail: "site plan text", on: db)
        }
        req.flash("site.plan.saved")
        return req.redirect(to: .projectSite(.value(project), .value(site)))
    }

    @Sendable static func addPartner(req: Request) async throws -> Response {
        let (project, _, _) = try req.guardedProject()
        guard let site = req.parameters.get("site", as: UUID.self) else { throw Abort(.notFound) }
        let m = try await model(req, project: project, site: site)
        var state = try FormState.read(req, fields: ["name", "kind"], requiring: ["name", "kind"])
        let name = state.text("name", required: true, max: 200)
        let kind = state.choice("kind", PartnerKind.self)
        if m.partners.contains(where: { $0.name.lowercased() == name.lowercased() }) { state.errors["name"] = "error.duplicate" }
        guard state.isValid, let kind else { return try await again(req, project: project, site: site, form: "partner", state) }
        try await req.db.writeTransaction { db in
            try await db.sql.raw(
                "INSERT INTO site_partners (id, site_id, name, kind) VALUES (\(bind: req.application.newID()), \(bind: site), \(bind: name), \(bind: kind.rawValue))"
            ).run()
            try await req.audit.record(.projectUpdate, project: project, detail: "site partner", on: db)
        }
        req.flash("site.partner.added")
        return req.redirect(to: .projectSite(.value(project), .value(site)))
    }
}
