import Fluent
import PolkuCore
import Vapor

/// The upload page for a project's participant spreadsheet.
enum ImportController {
    static func project(_ req: Request) async throws -> (Project, Actor) {
        let id = try req.id()
        let actor = try req.guardedProject().actor
        guard let project = try await Project.find(id, on: req.db) else { throw Abort(.notFound) }
        return (project, actor)
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let (project, _) = try await project(req)
        return page(req, project: project, outcome: nil)
    }

    struct Upload: Content { var file: File? }

    @Sendable static func upload(req: Request) async throws -> Response {
        let (project, actor) = try await project(req)
        guard let file = try? req.content.decode(Upload.self).file, file.data.readableBytes > 0 else {
            return page(req, project: project, outcome: .refused([.init(line: 0, column: nil, message: "import.no_file")]), status: .unprocessableEntity)
        }
        let data = Data(buffer: file.data)
        let outcome = try await ParticipantImport.run(
            data, project: project,
            actor: .init(id: actor.userID, email: actor.email, address: req.clientAddress), on: req.db,
            clock: req.application.clock, ids: req.application.ids)
        if case .refused = outcome { return page(req, project: project, outcome: outcome, status: .unprocessableEntity) }
        return page(req, project: project, outcome: outcome)
    }

    static func page(_ req: Request, project: Project, outcome: ParticipantImport.Outcome?, status: HTTPResponseStatus = .ok) -> Response {
        let t = req.t
        return req.page(
            t("import.title", project.name),
            breadcrumbs: [(t("projects.title"), SiteURL.projects.relativeURL()), (project.name, SiteURL.project(.value(project.id!)).relativeURL())],
            status: status
        ) {
            switch outcome {
            case .imported(let s):
                h("div", ["class": "ok", "role": "status"]) { h("p") { t("import.done", s.created, s.updated, s.unchanged) } }
            case .refused(let problems):
                h("div", ["class": "error-summary", "role": "alert"]) {
                    h("p") { t("import.refused", problems.count) }
                    h("table") {
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
            h("form", ["method": "post", "action": SiteURL.projectImport(.value(project.id!)).relativeURL(), "enctype": "multipart/form-data"]) {
                csrfField(req)
                h("div", ["class": "field"]) {
                    h("label", ["for": "f-file"]) { t("import.file") }
                    h("input", ["type": "file", "id": "f-file", "name": "file", "accept": ".csv,text/csv", "required": ""])
                }
                submit(t("import.submit"))
            }
        }
    }

    static func message(_ key: String, _ t: Texts) -> String {
        let parts = key.split(separator: ":").map(String.init)
        return parts.count > 1 ? t(parts[0], parts[1]) : t(key)
    }
}
