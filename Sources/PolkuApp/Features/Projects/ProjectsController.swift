import Fluent
import PolkuCore
import SQLKit
import Vapor

enum ProjectsController {
    @Sendable static func index(req: Request) async throws -> Response {
        let actor = try req.guardedActor()
        return ProjectList.page(try await ProjectList.query(actor: actor, on: req.db), context: req.pageContext).response()
    }

    @Sendable static func new(req: Request) async throws -> Response {
        var form = ProjectForm(state: FormState())
        form.state.values["status"] = Project.Status.planned.rawValue
        form.state.values["phases"] = PhasePlan.defaultPhases.joined(separator: "\n")
        return try await page(req, form: form, project: nil)
    }

    static func page(_ req: Request, form: ProjectForm, project: Project?, status: HTTPResponseStatus = .ok) async throws -> Response {
        let model = try await ProjectFormPage.query(form, project: project.flatMap { p in p.id.map { ($0, p.name) } }, on: req.db)
        return ProjectFormPage.page(model, context: req.pageContext, status: status).response()
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let actor = try req.guardedActor()
        var form = ProjectForm(state: FormState.read(req, fields: ProjectForm.fields))
        let project = Project()
        guard try await form.apply(to: project, on: req.db) else {
            return try await page(req, form: form, project: nil, status: .unprocessableEntity)
        }
        try await req.db.writeTransaction { db in
            try await project.create(on: db)
            // Whoever creates a project manages it.
            try await Membership(userID: actor.userID, projectID: project.id, role: .projectManager).create(on: db)
        }
        return req.redirect(SiteURL.project(.value(project.id!)).relativeURL())
    }

    @Sendable static func edit(req: Request) async throws -> Response {
        let id = try req.id()
        _ = try req.guardedProject()
        guard let project = try await Project.find(id, on: req.db) else { throw Abort(.notFound) }
        return try await page(req, form: .from(project), project: project)
    }

    @Sendable static func update(req: Request) async throws -> Response {
        let id = try req.id()
        _ = try req.guardedProject()
        guard let project = try await Project.find(id, on: req.db) else { throw Abort(.notFound) }
        var form = ProjectForm(state: FormState.read(req, fields: ProjectForm.fields))
        guard try await form.apply(to: project, on: req.db) else {
            return try await page(req, form: form, project: project, status: .unprocessableEntity)
        }
        try await project.update(on: req.db)
        return req.redirect(SiteURL.project(.value(id)).relativeURL())
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let id = try req.id()
        // A project's facts are public (the seeds are public pages); its counts are for its own people.
        let actor = try req.guardedActor()
        let access = actor.access(to: id)
        guard let model = try await ProjectShow.Model.query(id, on: req.db) else { throw Abort(.notFound) }
        return ProjectShow.page(model, access: access, actor: actor, context: req.pageContext).response()
    }
}

enum ProjectQueries {
    /// Enrolled participants per project, counted in SQL.
    static func participantCounts(on db: any Database) async throws -> [UUID: Int] {
        struct Row: Decodable { let project_id: UUID; let n: Int }
        let rows = try await db.sql.raw(
            "SELECT project_id, COUNT(*) AS n FROM enrolments GROUP BY project_id"
        ).all(decoding: Row.self)
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.project_id, $0.n) })
    }
}
