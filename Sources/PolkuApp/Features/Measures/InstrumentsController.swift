import Fluent
import Foundation
import PolkuCore
import SQLKit
import Vapor

/// Which instruments a project uses (its managers choose), and the deployment's instrument library,
/// where an admin uploads a definition.
enum InstrumentsController {
    @Sendable static func project(req: Request) async throws -> Response {
        let id = try req.id()
        let actor = try req.guardedActor()
        guard actor.isAdmin || actor.access(to: id).seesAggregates else { throw Abort(.notFound) }
        return try await projectPage(req, project: id, canManage: actor.access(to: id).managesProject)
    }

    static func projectPage(_ req: Request, project id: UUID, canManage: Bool, message: String? = nil) async throws -> Response {
        guard let project = try await Project.find(id, on: req.db) else { throw Abort(.notFound) }
        let used = Set(try await MeasureQueries.projectKeys(id, on: req.db))
        let all = try await InstrumentLibrary.latest(on: req.db)
        let t = req.t
        let lang = t.lang.rawValue
        return req.page(t("instruments.project.title", project.name), breadcrumbs: [(t("projects.title"), "/projects"), (project.name, "/projects/\(id)")]) {
            if let message { h("p", ["class": "ok", "role": "status"]) { message } }
            h("p") { h("a", ["href": "/projects/\(id)/measures"]) { t("measures_report.link") } }
            h("form", ["method": "post", "action": "/projects/\(id)/instruments"]) {
                csrfField(req)
                h("fieldset", ["class": "checks"]) {
                    h("legend") { t("instruments.project.legend") }
                    for i in all {
                        let d = i.definition
                        h("div", ["class": "field check"]) {
                            h("input", ["type": "checkbox", "id": "i-\(i.key)", "name": "use_\(i.key)", "value": "on", "checked": used.contains(i.key) ? "" : nil,
                                        "disabled": canManage ? nil : ""])
                            h("label", ["for": "i-\(i.key)"]) {
                                (d?.name.text(lang) ?? i.name) + " (v\(i.version))"
                                if i.health { " · " + t("instruments.health") }
                                if let k = d?.licence.kind, k != .bundled { " · " + t("instruments.licence." + k.rawValue) }
                            }
                        }
                    }
                }
                if canManage { submit(t("form.save")) }
            }
        }
    }

    @Sendable static func saveProject(req: Request) async throws -> Response {
        let id = try req.id()
        _ = try req.guardedProject()
        let all = try await InstrumentLibrary.latest(on: req.db)
        let posted = (try? req.content.decode([String: String].self)) ?? [:]
        let keys = all.map(\.key).filter { posted["use_\($0)"] == "on" }
        try await MeasureQueries.setProjectKeys(id, keys, on: req.db)
        try await req.audit.record(.projectUpdate, project: id, detail: "instruments: \(keys.joined(separator: ", "))")
        return try await projectPage(req, project: id, canManage: true, message: req.t("instruments.project.saved"))
    }

    @Sendable static func library(req: Request) async throws -> Response {
        _ = try req.guardedActor()
        return try await libraryPage(req)
    }

    static func libraryPage(_ req: Request, problems: [String] = [], message: String? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        let all = try await Instrument.query(on: req.db).sort(\.$key).sort(\.$version).all()
        struct Count: Decodable { let instrument_id: UUID; let n: Int }
        let counts = Dictionary(uniqueKeysWithValues: try await (req.db as! any SQLDatabase)
            .raw("SELECT instrument_id, COUNT(*) AS n FROM assessments GROUP BY instrument_id").all(decoding: Count.self).map { ($0.instrument_id, $0.n) })
        let t = req.t
        return req.page(t("instruments.library.title"), status: status) {
            if let message { h("p", ["class": "ok", "role": "status"]) { message } }
            if !problems.isEmpty {
                h("div", ["class": "error-summary", "role": "alert"]) {
                    h("p") { t("instruments.upload.refused") }
                    h("ul") { for p in problems { h("li") { h("code") { p } } } }
                }
            }
            h("table") {
                h("thead") { h("tr") {
                    h("th", ["scope": "col"]) { t("instruments.key") }
                    h("th", ["scope": "col", "class": "num"]) { t("instruments.version") }
                    h("th", ["scope": "col"]) { t("activity.name") }
                    h("th", ["scope": "col"]) { t("instruments.origin") }
                    h("th", ["scope": "col", "class": "num"]) { t("instruments.answers") }
                } }
                h("tbody") {
                    for i in all {
                        h("tr") {
                            h("td") { h("code") { i.key } }
                            h("td", ["class": "num"]) { String(i.version) }
                            h("td") { i.name + (i.health ? " · " + t("instruments.health") : "") }
                            h("td") { t("instruments.origin." + i.origin) }
                            h("td", ["class": "num"]) { String(counts[i.id!] ?? 0) }
                        }
                    }
                }
            }
            h("h2") { t("instruments.upload") }
            h("p") { t("instruments.upload.hint") }
            h("form", ["method": "post", "action": "/admin/instruments", "enctype": "multipart/form-data"]) {
                csrfField(req)
                h("div", ["class": "field"]) {
                    h("label", ["for": "f-file"]) { t("instruments.upload.file") }
                    h("input", ["type": "file", "id": "f-file", "name": "file", "accept": ".json,application/json", "required": ""])
                }
                submit(t("instruments.upload.submit"))
            }
        }
    }

    struct Upload: Content { var file: File? }

    @Sendable static func upload(req: Request) async throws -> Response {
        _ = try req.guardedActor()
        guard let file = try? req.content.decode(Upload.self).file, file.data.readableBytes > 0 else {
            return try await libraryPage(req, problems: [req.t("instruments.upload.empty")], status: .unprocessableEntity)
        }
        switch try await InstrumentLibrary.upload(Data(buffer: file.data), on: req.db) {
        case .failure(let problems):
            return try await libraryPage(req, problems: problems.problems.map(\.description), status: .unprocessableEntity)
        case .success(let result):
            let t = req.t
            switch result {
            case .stored(let i):
                try await req.audit.record(.instrumentUpload, detail: "\(i.key) v\(i.version)")
                return try await libraryPage(req, message: t("instruments.upload.stored", i.key, i.version))
            case .newVersion(let i, let was):
                try await req.audit.record(.instrumentUpload, detail: "\(i.key) v\(i.version) (v\(was) has answers)")
                return try await libraryPage(req, message: t("instruments.upload.new_version", i.key, was, i.version))
            }
        }
    }
}
