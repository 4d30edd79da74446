import Fluent
import PolkuCore
import Vapor

enum OrganisationsController {
    static let fields = ["name", "business_id", "kind", "municipality", "website"]

    @Sendable static func index(req: Request) async throws -> Response {
        let actor = try req.guardedActor()
        let t = req.t
        let orgs = try await Organisation.query(on: req.db).sort(\.$name).all()
        let editable = try await Guard.editableOrganisations(actor, among: orgs.compactMap(\.id), on: req.db)
        return req.page(t("organisations.title")) {
            if actor.createsProjects { h("p") { h("a", ["class": "button", "href": SiteURL.organisationNew.relativeURL()]) { t("organisations.new") } } }
            h("table") {
                h("thead") {
                    h("tr") {
                        h("th", ["scope": "col"]) { t("organisation.name") }
                        h("th", ["scope": "col"]) { t("organisation.business_id") }
                        h("th", ["scope": "col"]) { t("organisation.kind") }
                        h("th", ["scope": "col"]) { t("organisation.municipality") }
                        if !editable.isEmpty { h("th", ["scope": "col"]) { t("form.actions") } }
                    }
                }
                h("tbody") {
                    for o in orgs {
                        h("tr") {
                            h("td") { o.name }
                            h("td") { o.businessID ?? "–" }
                            h("td") { t("organisation.kind." + o.kind.rawValue) }
                            h("td") { o.municipality ?? "" }
                            if !editable.isEmpty {
                                h("td") {
                                    if editable.contains(o.id!) {
                                        h("a", ["href": SiteURL.organisationEdit(.value(o.id!)).relativeURL(), "aria-label": "\(t("form.edit")): \(o.name)"]) { t("form.edit") }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
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
        let t = req.t
        let f = Fields(t: t, state: state)
        return req.page(
            organisation.map { t("organisation.edit", $0.name) } ?? t("organisations.new"),
            breadcrumbs: [(t("organisations.title"), SiteURL.organisations.relativeURL())], status: status
        ) {
            h("form", ["method": "post", "action": organisation.map { SiteURL.organisation(.value($0.id!)).relativeURL() } ?? SiteURL.organisations.relativeURL()]) {
                csrfField(req)
                f.summary()
                f.text("name", t("organisation.name"), required: true)
                f.text("business_id", t("organisation.business_id"), hint: t("organisation.business_id.hint"))
                f.select("kind", t("organisation.kind"), options: Organisation.Kind.allCases.map { ($0.rawValue, t("organisation.kind." + $0.rawValue)) }, required: true)
                f.text("municipality", t("organisation.municipality"))
                f.text("website", t("organisation.website"), type: "url")
                submit(t("form.save"))
            }
        }
    }
}
