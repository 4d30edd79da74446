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
        defer { upload.remove() }
        let projectID = try project.requireID()
        let userID = actor.userID
        let stored = try await StoredFiles.store(
            contentsOf: file, name: upload.fileName ?? "import.csv", contentType: "text/csv", purpose: .participantImport,
            owner: userID, app: req.application)
        let job = try await ImportJob.enqueue(
            file: stored, project: projectID, actor: .init(id: userID, email: actor.email, address: req.clientAddress),
            userID: userID, app: req.application)
        return req.redirect(to: .projectImportRun(.value(projectID), .value(job)))
    }

    /// How long the progress page waits for the job to finish before it answers "still running".
    static let waitSeconds = 8.0

    /// The import's progress or outcome, to the person who uploaded it.
    @Sendable static func run(req: Request) async throws -> Response {
        let (project, actor) = try await project(req)
        guard let jobID = req.parameters.get("job", as: UUID.self) else { throw Abort(.notFound) }
        var state = try await ImportRun.load(jobID, project: try project.requireID(), owner: actor.userID, on: req.db.sql)
        var waited = 0.0
        while state?.isPending == true, waited < waitSeconds {
            try await Task.sleep(for: .milliseconds(250))
            waited += 0.25
            state = try await ImportRun.load(jobID, project: try project.requireID(), owner: actor.userID, on: req.db.sql)
        }
        guard let state else { throw Abort(.notFound) }
        let model = ImportPage.Model(project: try project.requireID(), name: project.name, run: state, job: jobID)
        return ImportPage.page(model, context: req.pageContext).response()
    }

    static func page(_ req: Request, project: Project, outcome: ParticipantImport.Outcome?, status: HTTPResponseStatus = .ok) throws -> Response {
        let model = ImportPage.Model(project: try project.requireID(), name: project.name, run: outcome.map { .decided(.init($0)) }, job: nil)
        return ImportPage.page(model, context: req.pageContext, status: status).response()
    }
}

/// The participant import's page: the form, and what the last file did (how many people it added,
/// changed or left as they were) or every problem that refused it, by line and column.
enum ImportPage {
    struct Model {
        var project: UUID
        var name: String
        var run: ImportRun?
        /// The background job whose progress the page shows.
        var job: UUID?
    }

    static func page(_ m: Model, context: PageContext, status: HTTPResponseStatus = .ok) -> Page {
        let t = context.t
        return Page(
            context, title: t("import.title", m.name),
            breadcrumbs: [(t("projects.title"), SiteURL.projects.relativeURL()), (m.name, SiteURL.project(.value(m.project)).relativeURL())],
            status: status
        ) {
            switch m.run {
            case .pending:
                h("div", ["class": "notice", "role": "status"]) {
                    h("p") { t("import.pending") }
                    if let job = m.job {
                        h("p") { h("a", ["href": SiteURL.projectImportRun(.value(m.project), .value(job)).relativeURL()]) { t("import.refresh") } }
                    }
                }
            case .failed:
                h("div", ["class": "error-summary", "role": "alert"]) { h("p") { t("import.failed") } }
            case .decided(let result):
                outcome(result, t)
            case nil: group {}
            }
            h("p") { t("import.intro") }
            h("p") { t("import.columns") }
            h("p") { h("code") { ParticipantImport.columns.joined(separator: ";") } }
            FileUpload.form(context, action: SiteURL.projectImport(.value(m.project)).relativeURL(), label: t("import.file"), accept: ".csv,text/csv", submit: t("import.submit"))
        }
    }

    static func outcome(_ result: ImportJob.Result, _ t: Texts) -> Node {
        if let s = result.summary {
            return h("div", ["class": "ok", "role": "status"]) { h("p") { t("import.done", s.created, s.updated, s.unchanged) } }
        }
        return h("div", ["class": "error-summary", "role": "alert"]) {
            h("p") { t("import.refused", result.problemCount) }
            if result.problemCount > result.problems.count { h("p") { t("import.first_problems", result.problems.count) } }
            dataTable {
                h("caption", ["class": "visually-hidden"]) { t("import.refused", result.problemCount) }
                h("thead") {
                    h("tr") {
                        h("th", ["scope": "col"]) { t("import.line") }
                        h("th", ["scope": "col"]) { t("import.column") }
                        h("th", ["scope": "col"]) { t("import.problem") }
                    }
                }
                h("tbody") {
                    for p in result.problems {
                        h("tr") {
                            h("td") { p.line > 0 ? String(p.line) : "–" }; h("td") { p.column ?? "–" }; h("td") { message(p.message, t) }
                        }
                    }
                }
            }
        }
    }

    /// A problem's message: a key, or `key:argument`.
    static func message(_ key: String, _ t: Texts) -> String {
        let parts = key.split(separator: ":").map(String.init)
        return parts.count > 1 ? t(parts[0], parts[1]) : t(key)
    }
}
