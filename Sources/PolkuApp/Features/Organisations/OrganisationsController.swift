import Fluent
import PolkuCore
import Vapor

enum OrganisationsController {
    static let fields = ["name", "business_id", "kind", "municipality", "website"]

    @Sendable static func index(req: Request) async throws -> Response {
        let actor = try req.guardedActor()
        return OrganisationPages.listPage(try await OrganisationPages.list(actor: actor, on: req.db), context: req.pageContext).response()
    }

    @Sendable static func new(req: Request) async throws -> Response {
        return form(req, state: FormState(), organisation: nil)
    }

    @Sendable static func create(req: Request) async throws -> Response {
        var state = FormState.read(req, fields: fields)
        let org = Organisation()
        guard try await apply(&state, to: org, on: req.db) else { return form(req, state: state, organisation: nil, status: .unprocessableEntity) }
        try await org.create(on: req.db)
        return req.redirect(to: .organisations)
    }

    @Sendable static func edit(req: Request) async throws -> Response {
        guard let org = try await Organisation.find(try req.id(), on: req.db) else { throw Abort(.notFound) }
        var state = FormState()
        state.values = [
            "name": org.name, "business_id": org.businessID ?? "", "kind": org.kind.rawValue,
            "municipality": org.municipality ?? "", "website": org.website ?? "",
        ]
        return form(req, state: state, organisation: org)
    }

    @Sendable static func update(req: Request) async throws -> Response {
        guard let org = try await Organisation.find(try req.id(), on: req.db) else { throw Abort(.notFound) }
        // A post without one of the form's fields did not come from the form: it blanks nothing.
        var state = try FormState.read(req, fields: fields, requiring: fields)
        guard try await apply(&state, to: org, on: req.db) else { return form(req, state: state, organisation: org, status: .unprocessableEntity) }
        try await org.update(on: req.db)
        return req.redirect(to: .organisations)
    }

    static func apply(_ state: inout FormState, to org: Organisation, on db: any Database) async throws -> Bool {
        org.name = state.text("name", required: true)
        let bid = state.text("business_id", max: 20)
        if bid.isEmpty { org.businessID = nil } else if let valid = BusinessID(bid) { org.businessID = valid.value } else { state.errors["business_id"] = "error.business_id" }
        if let kind = state.choice("kind", Organisation.Kind.self) { org.kind = kind }
        let m = state.text("municipality", max: 120); org.municipality = m.isEmpty ? nil : m
        let w = state.text("website", max: 300); org.website = w.isEmpty ? nil : w
        return state.isValid
    }

    static func form(_ req: Request, state: FormState, organisation: Organisation?, status: HTTPResponseStatus = .ok) -> Response {
        let model = OrganisationPages.Form(state: state, organisation: organisation.flatMap { o in o.id.map { ($0, o.name) } })
        return OrganisationPages.formPage(model, context: req.pageContext, status: status).response()
    }
}
