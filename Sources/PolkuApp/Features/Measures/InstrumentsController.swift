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

    /// The project's instruments (`InstrumentPages.projectPage`).
    static func projectPage(_ req: Request, project id: UUID, canManage: Bool, message: String? = nil) async throws -> Response {
        guard let model = try await InstrumentPages.project(id, canManage: canManage, message: message, on: req.db) else { throw Abort(.notFound) }
        return InstrumentPages.projectPage(model, context: req.pageContext).response()
    }

    @Sendable static func saveProject(req: Request) async throws -> Response {
        let id = try req.guardedProject().id
        let all = try await InstrumentLibrary.latest(on: req.db)
        let posted = (try? req.content.decode([String: String].self)) ?? [:]
        // A post without the form's marker did not come from the form: it must not clear the choice.
        guard posted["instruments_form"] == "1" else { throw Abort(.badRequest, reason: "missing fields: instruments_form") }
        let keys = all.map(\.key).filter { posted["use_\($0)"] == "on" }
        // Offered for self-report only when used by the project and answerable by a person.
        let selfReport = Set(all.filter { keys.contains($0.key) && $0.definition?.selfReportable == true && posted["self_\($0.key)"] == "on" }.map(\.key))
        try await MeasureQueries.setProjectKeys(id, keys, selfReport: selfReport, on: req.db)
        try await req.audit.record(
            .projectUpdate, project: id, detail: "instruments: \(keys.joined(separator: ", ")); self-report: \(selfReport.sorted().joined(separator: ", "))")
        return try await projectPage(req, project: id, canManage: true, message: req.t("instruments.project.saved"))
    }

    @Sendable static func library(req: Request) async throws -> Response {
        _ = try req.guardedActor()
        return try await libraryPage(req)
    }

    static func libraryPage(_ req: Request, problems: [String] = [], message: String? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        let model = try await InstrumentPages.library(problems: problems, message: message, on: req.db)
        return InstrumentPages.libraryPage(model, context: req.pageContext, status: status).response()
    }

    @Sendable static func upload(req: Request) async throws -> Response {
        _ = try req.guardedActor()
        guard let data = FileUpload.read(req) else {
            return try await libraryPage(req, problems: [req.t("instruments.upload.empty")], status: .unprocessableEntity)
        }
        switch try await InstrumentLibrary.upload(data, on: req.db) {
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
