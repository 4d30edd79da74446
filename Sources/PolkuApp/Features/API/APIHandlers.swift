import Foundation
import OpenAPIRuntime
import PolkuAPIContract
import PolkuCore
import Vapor

/// The generated server's protocol, answered by the features' API types. Each read is marked for an
/// `ETag`, which `APICall` makes from the body as sent (the generated code would percent-encode its
/// quotes) and answers 304 when the client's copy is current. Access was checked by the route's
/// guard and the token's scope before any of these runs (`APIRoutes`).
struct APIHandlers: APIProtocol {
    func getMe(_ input: Operations.GetMe.Input) async throws -> Operations.GetMe.Output {
        let req = try APIRequest.get()
        let actor = try req.guardedActor()
        guard let caller = req.apiCaller else { throw Abort(.unauthorized) }
        let me = Components.Schemas.Me(
            userId: actor.userID.text, email: actor.email, name: actor.name, tokenName: caller.tokenName,
            scopes: caller.scopes.compactMap { Components.Schemas.Scope(rawValue: $0.rawValue) }, expiresAt: caller.expiresAt)
        return .ok(.init(body: .json(me)))
    }

    func listProjects(_ input: Operations.ListProjects.Input) async throws -> Operations.ListProjects.Output {
        let req = try APIRequest.get()
        let page = try await APIProjects.list(req, cursor: try APIInput.cursor(input.query.cursor), limit: try APIInput.limit(input.query.limit))
        APIETag.mark(req)
        return .ok(.init(body: .json(page)))
    }

    func getProject(_ input: Operations.GetProject.Input) async throws -> Operations.GetProject.Output {
        let req = try APIRequest.get()
        let project = try await APIProjects.show(req)
        APIETag.mark(req)
        return .ok(.init(body: .json(project)))
    }

    func getESFReport(_ input: Operations.GetESFReport.Input) async throws -> Operations.GetESFReport.Output {
        let req = try APIRequest.get()
        let q = input.query
        var filter = ESFReport.Filter()
        filter.from = try APIInput.date(q.from, field: "from")
        filter.to = try APIInput.date(q.to, field: "to")
        filter.site = try await APIInput.site(q.site, project: try req.guardedProject().id, on: req.db.sql)
        filter.gender = q.gender.flatMap { ESFGender(rawValue: $0.rawValue) }
        filter.ageBand = q.ageBand.flatMap { AgeBand(rawValue: $0.rawValue) }
        let report = try await APIProjects.esf(req, filter: filter)
        APIETag.mark(req)
        return .ok(.init(body: .json(report)))
    }

    func listParticipants(_ input: Operations.ListParticipants.Input) async throws -> Operations.ListParticipants.Output {
        let req = try APIRequest.get()
        let q = input.query
        let page = try await APIParticipants.list(
            req, project: try APIInput.uuid(q.project, field: "project"), search: q.q, cursor: try APIInput.cursor(q.cursor),
            limit: try APIInput.limit(q.limit))
        APIETag.mark(req)
        return .ok(.init(body: .json(page)))
    }

    func getParticipant(_ input: Operations.GetParticipant.Input) async throws -> Operations.GetParticipant.Output {
        let req = try APIRequest.get()
        let participant = try await APIParticipants.show(req)
        APIETag.mark(req)
        return .ok(.init(body: .json(participant)))
    }

    func listNotes(_ input: Operations.ListNotes.Input) async throws -> Operations.ListNotes.Output {
        let req = try APIRequest.get()
        let page = try await APIParticipants.notes(req, cursor: try APIInput.cursor(input.query.cursor), limit: try APIInput.limit(input.query.limit))
        APIETag.mark(req)
        return .ok(.init(body: .json(page)))
    }

    func createNote(_ input: Operations.CreateNote.Input) async throws -> Operations.CreateNote.Output {
        let req = try APIRequest.get()
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        return .created(.init(body: .json(try await APIParticipants.addNote(req, body))))
    }
}

// MARK: Activities, measures, the network and the reports

extension APIHandlers {
    func listActivities(_ input: Operations.ListActivities.Input) async throws -> Operations.ListActivities.Output {
        let req = try APIRequest.get()
        let q = input.query
        let page = try await APIActivities.list(req, kind: q.kind, cursor: try APIInput.cursor(q.cursor), limit: try APIInput.limit(q.limit))
        APIETag.mark(req)
        return .ok(.init(body: .json(page)))
    }

    func getActivity(_ input: Operations.GetActivity.Input) async throws -> Operations.GetActivity.Output {
        let req = try APIRequest.get()
        let activity = try await APIActivities.show(req)
        APIETag.mark(req)
        return .ok(.init(body: .json(activity)))
    }

    func getSession(_ input: Operations.GetSession.Input) async throws -> Operations.GetSession.Output {
        let req = try APIRequest.get()
        let session = try await APIActivities.session(req)
        APIETag.mark(req)
        return .ok(.init(body: .json(session)))
    }

    func setAttendance(_ input: Operations.SetAttendance.Input) async throws -> Operations.SetAttendance.Output {
        let req = try APIRequest.get()
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        return .ok(.init(body: .json(try await APIActivities.setAttendance(req, body))))
    }

    func listInstruments(_ input: Operations.ListInstruments.Input) async throws -> Operations.ListInstruments.Output {
        let req = try APIRequest.get()
        let list = try await APIMeasures.instruments(req)
        APIETag.mark(req)
        return .ok(.init(body: .json(list)))
    }

    func listAssessments(_ input: Operations.ListAssessments.Input) async throws -> Operations.ListAssessments.Output {
        let req = try APIRequest.get()
        let list = try await APIMeasures.assessments(req, instrument: input.query.instrument)
        APIETag.mark(req)
        return .ok(.init(body: .json(list)))
    }

    func listOrganisations(_ input: Operations.ListOrganisations.Input) async throws -> Operations.ListOrganisations.Output {
        let req = try APIRequest.get()
        let page = try await APINetwork.organisations(req, cursor: try APIInput.cursor(input.query.cursor), limit: try APIInput.limit(input.query.limit))
        APIETag.mark(req)
        return .ok(.init(body: .json(page)))
    }

    func getOrganisation(_ input: Operations.GetOrganisation.Input) async throws -> Operations.GetOrganisation.Output {
        let req = try APIRequest.get()
        let organisation = try await APINetwork.organisation(req)
        APIETag.mark(req)
        return .ok(.init(body: .json(organisation)))
    }

    func listReferralInbox(_ input: Operations.ListReferralInbox.Input) async throws -> Operations.ListReferralInbox.Output {
        let req = try APIRequest.get()
        let q = input.query
        let page = try await APINetwork.inbox(req, all: q.all ?? false, cursor: try APIInput.cursor(q.cursor), limit: try APIInput.limit(q.limit))
        APIETag.mark(req)
        return .ok(.init(body: .json(page)))
    }

    func listServices(_ input: Operations.ListServices.Input) async throws -> Operations.ListServices.Output {
        let req = try APIRequest.get()
        let q = input.query
        var filter = DirectoryQueries.Filter()
        filter.category = q.category.flatMap { ServiceCategory(rawValue: $0.rawValue) }
        filter.threshold = q.threshold.flatMap { Threshold(rawValue: $0.rawValue) }
        filter.area = q.area
        filter.language = q.language
        let page = try await APINetwork.services(
            req, organisation: try APIInput.uuid(q.organisation, field: "organisation"), q: q.q, filter: filter, cursor: try APIInput.cursor(q.cursor),
            limit: try APIInput.limit(q.limit))
        APIETag.mark(req)
        return .ok(.init(body: .json(page)))
    }

    func getReferral(_ input: Operations.GetReferral.Input) async throws -> Operations.GetReferral.Output {
        let req = try APIRequest.get()
        let referral = try await APINetwork.referral(req)
        APIETag.mark(req)
        return .ok(.init(body: .json(referral)))
    }

    func moveReferral(_ input: Operations.MoveReferral.Input) async throws -> Operations.MoveReferral.Output {
        let req = try APIRequest.get()
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        return .ok(.init(body: .json(try await APINetwork.move(req, body))))
    }

    func getActivityReport(_ input: Operations.GetActivityReport.Input) async throws -> Operations.GetActivityReport.Output {
        let req = try APIRequest.get()
        let q = input.query
        let filter = ActivityReport.Filter(
            from: try APIInput.date(q.from, field: "from"), to: try APIInput.date(q.to, field: "to"),
            site: try await APIInput.site(q.site, project: try req.guardedProject().id, on: req.db.sql),
            kind: q.kind.flatMap { Activity.Kind(rawValue: $0.rawValue) }, by: q.by.flatMap { ActivityReport.Grouping(rawValue: $0.rawValue) } ?? .category)
        let report = try await APIReports.activity(req, filter: filter)
        APIETag.mark(req)
        return .ok(.init(body: .json(report)))
    }

    func getMeasuresReport(_ input: Operations.GetMeasuresReport.Input) async throws -> Operations.GetMeasuresReport.Output {
        let req = try APIRequest.get()
        let q = input.query
        let filter = MeasuresReport.Filter(
            from: try APIInput.date(q.from, field: "from"), to: try APIInput.date(q.to, field: "to"),
            site: try await APIInput.site(q.site, project: try req.guardedProject().id, on: req.db.sql))
        let report = try await APIReports.measures(req, filter: filter)
        APIETag.mark(req)
        return .ok(.init(body: .json(report)))
    }

    func getNetworkReport(_ input: Operations.GetNetworkReport.Input) async throws -> Operations.GetNetworkReport.Output {
        let req = try APIRequest.get()
        let q = input.query
        let report = try await APIReports.network(
            req, from: try APIInput.date(q.from, field: "from"), to: try APIInput.date(q.to, field: "to"),
            project: try APIInput.uuid(q.project, field: "project"))
        APIETag.mark(req)
        return .ok(.init(body: .json(report)))
    }
}
