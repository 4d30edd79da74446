import Fluent
import Foundation
import PolkuCore
import SQLKit
import Vapor

/// Which instruments a project uses (its managers choose), and the deployment's instrument library,
/// where an admin uploads a definition.
enum InstrumentsController {
    @Sendable static func project(req: Request) async throws -> Response {
        let (id, access, _) = try req.guardedProject()
        return try await projectPage(req, project: id, canManage: access.managesProject)
    }

    /// The project's instruments: a form for its managers, who may change them; a plain list for
    /// everyone else (a form is shown only to those who may submit it).
    static func projectPage(_ req: Request, project id: UUID, canManage: Bool, message: String? = nil) async throws -> Response {
        guard let project = try await Project.find(id, on: req.db) else { throw Abort(.notFound) }
        let used = Set(try await MeasureQueries.projectKeys(id, on: req.db))
        let all = try await InstrumentLibrary.latest(on: req.db)
        let t = req.t
        let lang = t.lang.rawValue
        func label(_ i: Instrument) -> String {
            var text = (i.definition?.name.text(lang) ?? i.name) + " (v\(i.version))"
            if i.health { text += " · " + t("instruments.health") }
            if let k = i.definition?.licence.kind, k != .bundled { text += " · " + t("instruments.licence." + k.rawValue) }
            return text
        }
        return req.page(
            t("instruments.project.title", project.name),
            breadcrumbs: [(t("projects.title"), SiteURL.projects.relativeURL()), (project.name, SiteURL.project(.value(id)).relativeURL())]
        ) {
            if let message { h("p", ["class": "ok", "role": "status"]) { message } }
            h("p") { h("a", ["href": SiteURL.projectMeasures(.value(id)).relativeURL()]) { t("measures_report.link") } }
            if canManage {
                h("form", ["method": "post", "action": SiteURL.projectInstruments(.value(id)).relativeURL()]) {
                    csrfField(req)
                    // Marks a post as this form's: boxes left unticked are not sent, this is.
                    h("input", ["type": "hidden", "name": "instruments_form", "value": "1"])
                    h("fieldset", ["class": "checks"]) {
                        h("legend") { t("instruments.project.legend") }
                        for i in all {
                            h("div", ["class": "field check"]) {
                                h("input", ["type": "checkbox", "id": "i-\(i.key)", "name": "use_\(i.key)", "value": "on", "checked": used.contains(i.key) ? "" : nil])
                                h("label", ["for": "i-\(i.key)"]) { label(i) }
                            }
                        }
                    }
                    submit(t("form.save"))
                }
            } else {
                h("h2") { t("instruments.project.legend") }
                let chosen = all.filter { used.contains($0.key) }
                if chosen.isEmpty { h("p") { t("measures_report.none") } }
                h("ul") { for i in chosen { h("li") { label(i) } } }
            }
        }
    }

    @Sendable static func saveProject(req: Request) async throws -> Response {
        let id = try req.guardedProject().id
        let all = try await InstrumentLibrary.latest(on: req.db)
        let posted = (try? req.content.decode([String: String].self)) ?? [:]
        // A post without the form's marker did not come from the form: it must not clear the choice.
        guard posted["instruments_form"] == "1" else { throw Abort(.badRequest, reason: "missing fields: instruments_form") }
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
        let counts = Dictionary(
            uniqueKeysWithValues: try await req.db.sql
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
                h("thead") {
                    h("tr") {
                        h("th", ["scope": "col"]) { t("instruments.key") }
                        h("th", ["scope": "col", "class": "num"]) { t("instruments.version") }
                        h("th", ["scope": "col"]) { t("activity.name") }
                        h("th", ["scope": "col"]) { t("instruments.origin") }
                        h("th", ["scope": "col", "class": "num"]) { t("instruments.answers") }
                    }
                }
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
            h("form", ["method": "post", "action": SiteURL.adminInstruments.relativeURL(), "enctype": "multipart/form-data"]) {
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
