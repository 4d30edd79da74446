import Fluent
import PolkuCore
import Vapor

/// The upload page for a project's participant spreadsheet (`ImportPage`).
enum ImportController {
    static func project(_ req: Request) async throws -> (Project, Actor) {
        let id = try req.id()
        let actor = try req.guardedProject().actor
        guard let project = try await Project.find(id, on: req.db) else { throw Abort(.notFound) }
        return (project, actor)
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let (project, _) = try await project(req)
        return try page(req, project: project, outcome: nil)
    }

    @Sendable static func upload(req: Request, upload: StreamedUpload) async throws -> Response {
        let (project, actor) = try await project(req)
        guard let file = upload.file else {
            return try page(req, project: project, outcome: .refused([.init(line: 0, column: nil, message: "import.no_file")]), status: .unprocessableEntity)
        }
        let outcome = try await ParticipantImport.run(
            .file(file), project: project,
            actor: .init(id: actor.userID, email: actor.email, address: req.clientAddress), on: req.db,
            clock: req.application.clock, ids: req.application.ids)
        if case .refused = outcome { return try page(req, project: project, outcome: outcome, status: .unprocessableEntity) }
        return try page(req, project: project, outcome: outcome)
    }

    static func page(_ req: Request, project: Project, outcome: ParticipantImport.Outcome?, status: HTTPResponseStatus = .ok) throws -> Response {
        let model = ImportPage.Model(project: try project.requireID(), name: project.name, outcome: outcome)
        return ImportPage.page(model, context: req.pageContext, status: status).response()
    }
}

/// The participant import's page: the form, and what the last file did (how many people it added,
/// changed or left as they were) or every problem that refused it, by line and column.
enum ImportPage {
    struct Model {
        var project: UUID
        var name: String
        var outcome: ParticipantImport.Outcome?
    }

    static func page(_ m: Model, context: PageContext, status: HTTPResponseStatus = .ok) -> Page {
        let t = context.t
        return Page(
            context, title: t("import.title", m.name),
            breadcrumbs: [(t("projects.title"), SiteURL.projects.relativeURL()), (m.name, SiteURL.project(.value(m.project)).relativeURL())],
            status: status
        ) {
            switch m.outcome {
            case .imported(let s):
                h("div", ["class": "ok", "role": "status"]) { h("p") { t("import.done", s.created, s.updated, s.unchanged) } }
            case .refused(let problems):
                h("div", ["class": "error-summary", "role": "alert"]) {
                    h("p") { t("import.refused", problems.count) }
                    h("table") {
                        h("caption", ["class": "visually-hidden"]) { t("import.refused", problems.count) }
                        h("thead") {
                            h("tr") {
                                h("th", ["scope": "col"]) { t("import.line") }
                                h("th", ["scope": "col"]) { t("import.column") }
                                h("th", ["scope": "col"]) { t("import.problem") }
                            }
                        }
                        h("tbody") {
                            for p in problems.prefix(1000) {
                                h("tr") {
                                    h("td") { p.line > 0 ? String(p.line) : "–" }; h("td") { p.column ?? "–" }; h("td") { message(p.message, t) }
                                }
                            }
                        }
                    }
                }
            case nil: group {}
            }
            h("p") { t("import.intro") }
            h("p") { t("import.columns") }
            h("p") { h("code") { ParticipantImport.columns.joined(separator: ";") } }
            FileUpload.form(context, action: SiteURL.projectImport(.value(m.project)).relativeURL(), label: t("import.file"), accept: ".csv,text/csv", submit: t("import.submit"))
        }
    }

    /// A problem's message: a key, or `key:argument`.
    static func message(_ key: String, _ t: Texts) -> String {
        let parts = key.split(separator: ":").map(String.init)
        return parts.count > 1 ? t(parts[0], parts[1]) : t(key)
    }
}
