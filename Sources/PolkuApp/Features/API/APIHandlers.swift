import Foundation
import OpenAPIRuntime
import PolkuAPIContract
import Vapor

/// The generated server's protocol, answered by the features' API types. Each read carries an
/// `ETag` (set by `APICall`: the generated code would percent-encode its quotes) and answers 304
/// when the client's copy is current. Access was checked by the route's
/// guard and the token's scope before any of these runs (`APIRoutes`).
struct APIHandlers: APIProtocol {
    func getMe(_ input: Operations.GetMe.Input) async throws -> Operations.GetMe.Output {
        let req = try APIRequest.get()
        let actor = try req.guardedActor()
        guard let caller = req.apiCaller else { throw Abort(.unauthorized) }
        let me = Components.Schemas.Me(
            userId: actor.userID.uuidString, email: actor.email, name: actor.name, tokenName: caller.tokenName,
            scopes: caller.scopes.compactMap { Components.Schemas.Scope(rawValue: $0.rawValue) }, expiresAt: caller.expiresAt)
        return .ok(.init(body: .json(me)))
    }

    func listProjects(_ input: Operations.ListProjects.Input) async throws -> Operations.ListProjects.Output {
        let req = try APIRequest.get()
        let page = try await APIProjects.list(req, cursor: try APIInput.cursor(input.query.cursor), limit: try APIInput.limit(input.query.limit))
        if APIETag.current(page, req) { return .notModified(.init()) }
        return .ok(.init(body: .json(page)))
    }

    func getProject(_ input: Operations.GetProject.Input) async throws -> Operations.GetProject.Output {
        let req = try APIRequest.get()
        let project = try await APIProjects.show(req)
        if APIETag.current(project, req) { return .notModified(.init()) }
        return .ok(.init(body: .json(project)))
    }

    func getESFReport(_ input: Operations.GetESFReport.Input) async throws -> Operations.GetESFReport.Output {
        let req = try APIRequest.get()
        let from = try APIInput.date(input.query.from, field: "from")
        let to = try APIInput.date(input.query.to, field: "to")
        let report = try await APIProjects.esf(req, from: from, to: to)
        if APIETag.current(report, req) { return .notModified(.init()) }
        return .ok(.init(body: .json(report)))
    }

    func listParticipants(_ input: Operations.ListParticipants.Input) async throws -> Operations.ListParticipants.Output {
        let req = try APIRequest.get()
        let q = input.query
        let page = try await APIParticipants.list(
            req, project: try APIInput.uuid(q.project, field: "project"), search: q.q, cursor: try APIInput.cursor(q.cursor),
            limit: try APIInput.limit(q.limit))
        if APIETag.current(page, req) { return .notModified(.init()) }
        return .ok(.init(body: .json(page)))
    }

    func getParticipant(_ input: Operations.GetParticipant.Input) async throws -> Operations.GetParticipant.Output {
        let req = try APIRequest.get()
        let participant = try await APIParticipants.show(req)
        if APIETag.current(participant, req) { return .notModified(.init()) }
        return .ok(.init(body: .json(participant)))
    }

    func listNotes(_ input: Operations.ListNotes.Input) async throws -> Operations.ListNotes.Output {
        let req = try APIRequest.get()
        let page = try await APIParticipants.notes(req, cursor: try APIInput.cursor(input.query.cursor), limit: try APIInput.limit(input.query.limit))
        if APIETag.current(page, req) { return .notModified(.init()) }
        return .ok(.init(body: .json(page)))
    }

    func createNote(_ input: Operations.CreateNote.Input) async throws -> Operations.CreateNote.Output {
        let req = try APIRequest.get()
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        return .created(.init(body: .json(try await APIParticipants.addNote(req, body))))
    }
}
