import Foundation
import PolkuCore
import SQLKit
import Vapor

/// The manager's side of a project's public page (issue 17): the texts as a draft, publishing and
/// taking the page down, and the financing plan (entered a line at a time or imported from CSV).
enum ProjectPageEditor {
    struct FundingRow: Decodable, Equatable, Sendable {
        let id: UUID; let year: Int?; let source: String; let planned: Int; let realised: Int?
        var line: FundingLine? {
            FundingSource(rawValue: source).map { FundingLine(year: year, source: $0, planned: planned, realised: realised) }
        }
    }

    struct Model {
        var project: UUID
        var name: String
        var code: String
        var texts: ProjectTexts.Stored
        var funding: [FundingRow]
        var figures: PublicFigures?
        /// A form that was refused, shown again with what was typed.
        var failed: (form: String, state: FormState)? = nil
        /// Every problem of a refused CSV import.
        var importProblems: [FundingCSV.Problem] = []
    }

    static func funding(_ project: UUID, on sql: any SQLDatabase) async throws -> [FundingRow] {
        try await sql.raw(
            """
            SELECT id, year, source, planned, realised FROM project_funding WHERE project_id = \(bind: project)
            ORDER BY CASE WHEN year IS NULL THEN 0 ELSE 1 END, year, source
            """
        ).all(decoding: FundingRow.self)
    }

    static func model(_ req: Request, project: UUID) async throws -> Model {
        let sql = req.db.sql
        struct Row: Decodable { let name: String; let code: String }
        guard let p = try await sql.raw("SELECT name, code FROM projects WHERE id = \(bind: project)").first(decoding: Row.self) else {
            throw Abort(.notFound)
        }
        return Model(
            project: project, name: p.name, code: p.code, texts: try await ProjectTexts.load(project, on: sql),
            funding: try await funding(project, on: sql), figures: try await PublicFigures.stored(project, on: sql))
    }

    static func render(_ req: Request, _ m: Model, status: HTTPResponseStatus = .ok) -> Response {
        view(m, context: req.pageContext, status: status).response()
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let (project, _, _) = try req.guardedProject()
        return render(req, try await model(req, project: project))
    }

    @Sendable static func saveTexts(req: Request) async throws -> Response {
        let (project, _, _) = try req.guardedProject()
        let names = ProjectTexts.Section.allCases.map(\.rawValue)
        var state = try FormState.read(req, fields: names, requiring: names)
        var typed: [String: String] = [:]
        for name in names { typed[name] = state.text(name, max: ProjectTexts.maxLength) }
        let texts = typed
        guard state.isValid else {
            var m = try await model(req, project: project)
            m.failed = ("texts", state)
            return render(req, m, status: .unprocessableEntity)
        }
        try await req.db.writeTransaction { db in
            try await ProjectTexts.saveDraft(project, texts, now: req.now, on: db.sql)
            try await req.audit.record(.projectUpdate, project: project, detail: "public page draft", on: db)
        }
        req.flash("public.draft.saved")
        return req.redirect(to: .projectPublicPage(.value(project)))
    }

    @Sendable static func publish(req: Request) async throws -> Response {
        let (project, _, actor) = try req.guardedProject()
        try await req.db.writeTransaction { db in
            try await ProjectTexts.publish(project, by: actor.name, now: req.now, on: db.sql)
            try await req.audit.record(.projectUpdate, project: project, detail: "public page published", on: db)
        }
        await PublicProjectPage.changed(project, app: req.application)
        req.flash("public.published")
        return req.redirect(to: .projectPublicPage(.value(project)))
    }

    @Sendable static func unpublish(req: Request) async throws -> Response {
        let (project, _, _) = try req.guardedProject()
        try await req.db.writeTransaction { db in
            try await ProjectTexts.unpublish(project, now: req.now, on: db.sql)
            try await req.audit.record(.projectUpdate, project: project, detail: "public page taken down", on: db)
        }
        await PublicProjectPage.changed(project, app: req.application)
        req.flash("public.unpublished")
        return req.redirect(to: .projectPublicPage(.value(project)))
    }

    // MARK: - Financing plan

    static let fundingFields = ["year", "source", "planned", "realised"]

    /// Adds a line, or replaces the line of the same source and year.
    @Sendable static func addFunding(req: Request) async throws -> Response {
        let (project, _, _) = try req.guardedProject()
        var state = try FormState.read(req, fields: fundingFields, requiring: fundingFields)
        let year = state.integer("year", range: 1990...2100)
        let source = state.choice("source", FundingSource.self)
        let planned = state.integer("planned", required: true, range: 0...10_000_000_000)
        let realised = state.integer("realised", range: 0...10_000_000_000)
        guard let source, let planned, state.isValid else {
            var m = try await model(req, project: project)
            m.failed = ("funding", state)
            return render(req, m, status: .unprocessableEntity)
        }
        let line = FundingLine(year: year, source: source, planned: planned, realised: realised)
        try await req.db.writeTransaction { db in
            try await replace(project, with: [line], all: false, req: req, on: db.sql)
            try await req.audit.record(.projectUpdate, project: project, detail: "funding line", on: db)
        }
        await PublicProjectPage.changed(project, app: req.application)
        req.flash("public.funding.saved")
        return req.redirect(to: .projectPublicPage(.value(project)))
    }

    @Sendable static func deleteFunding(req: Request) async throws -> Response {
        let (project, _, _) = try req.guardedProject()
        guard let line = req.parameters.get("line", as: UUID.self) else { throw Abort(.notFound) }
        try await req.db.writeTransaction { db in
            try await db.sql.raw("DELETE FROM project_funding WHERE id = \(bind: line) AND project_id = \(bind: project)").run()
            try await req.audit.record(.projectUpdate, project: project, detail: "funding line removed", on: db)
        }
        await PublicProjectPage.changed(project, app: req.application)
        req.flash("public.funding.removed")
        return req.redirect(to: .projectPublicPage(.value(project)))
    }

    /// A financing plan from CSV replaces the whole plan, or, with any bad row, changes nothing and
    /// lists every problem.
    @Sendable static func importFunding(req: Request, upload: StreamedUpload) async throws -> Response {
        let (project, _, _) = try req.guardedProject()
        let text =
            upload.file.flatMap { try? String(contentsOf: $0, encoding: .utf8) }
            ?? upload.file.flatMap { try? String(contentsOf: $0, encoding: .isoLatin1) }
        let parsed = FundingCSV.parse(text ?? "")
        guard case .success(let lines) = parsed else {
            var m = try await model(req, project: project)
            if case .failure(let problems) = parsed { m.importProblems = problems.all }
            return render(req, m, status: .unprocessableEntity)
        }
        try await req.db.writeTransaction { db in
            try await replace(project, with: lines, all: true, req: req, on: db.sql)
            try await req.audit.record(.projectUpdate, project: project, detail: "funding imported: \(lines.count) lines", on: db)
        }
        await PublicProjectPage.changed(project, app: req.application)
        req.flash("public.funding.imported", String(lines.count))
        return req.redirect(to: .projectPublicPage(.value(project)))
    }

    private static func replace(_ project: UUID, with lines: [FundingLine], all: Bool, req: Request, on sql: any SQLDatabase) async throws {
        if all { try await sql.raw("DELETE FROM project_funding WHERE project_id = \(bind: project)").run() }
        for l in lines {
            if !all {
                if let year = l.year {
                    try await sql.raw(
                        "DELETE FROM project_funding WHERE project_id = \(bind: project) AND source = \(bind: l.source.rawValue) AND year = \(bind: year)"
                    ).run()
                } else {
                    try await sql.raw(
                        "DELETE FROM project_funding WHERE project_id = \(bind: project) AND source = \(bind: l.source.rawValue) AND year IS NULL"
                    ).run()
                }
            }
            try await sql.raw(
                """
                INSERT INTO project_funding (id, project_id, year, source, planned, realised)
                VALUES (\(bind: req.application.newID()), \(bind: project), \(bind: l.year), \(bind: l.source.rawValue), \(bind: l.planned), \(bind: l.realised))
                """
            ).run()
        }
    }
}
