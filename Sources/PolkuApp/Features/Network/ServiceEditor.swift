import Fluent
import Foundation
import PolkuCore
import Vapor

/// A provider keeps its own services up to date: add, edit, mark as checked, withdraw. Every service
/// needs an area and a contact; a form that fails keeps what was typed.
enum ServiceEditor {
    static let languages = ["fi", "sv", "en", "ar", "ru", "so", "et", "fa", "uk", "se"]
    static let fields =
        [
            "name", "name_sv", "name_en", "description", "description_sv", "description_en", "category", "target_groups",
            "areas", "threshold", "cost", "where_when", "contact", "active",
        ] + languages.map { "lang_\($0)" }

    static func values(of s: Service) -> FormState {
        var st = FormState()
        st.values = [
            "name": s.name, "name_sv": s.nameSv ?? "", "name_en": s.nameEn ?? "", "description": s.description,
            "description_sv": s.descriptionSv ?? "", "description_en": s.descriptionEn ?? "", "category": s.category.rawValue,
            "target_groups": s.targetGroups, "areas": Service.listItems(s.areas).map(DirectoryController.display).joined(separator: ", "),
            "threshold": s.threshold.rawValue, "cost": s.cost, "where_when": s.whereWhen, "contact": s.contact, "active": s.active ? "on" : "",
        ]
        for l in Service.listItems(s.languages) { st.values["lang_\(l)"] = "on" }
        return st
    }

    /// Reads the form into the service; false (with errors in `state`) when something is missing or wrong.
    static func apply(_ state: inout FormState, to s: Service) -> Bool {
        s.name = state.text("name", required: true, max: 200)
        s.nameSv = state.text("name_sv", max: 200).nilIfEmpty
        s.nameEn = state.text("name_en", max: 200).nilIfEmpty
        s.description = state.text("description", required: true, max: 5000)
        s.descriptionSv = state.text("description_sv", max: 5000).nilIfEmpty
        s.descriptionEn = state.text("description_en", max: 5000).nilIfEmpty
        if let c = state.choice("category", ServiceCategory.self) { s.category = c }
        s.targetGroups = state.text("target_groups", max: 500)
        let areas = state.text("areas", required: true, max: 500).split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "\n" })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if state.errors["areas"] == nil && areas.isEmpty { state.errors["areas"] = "error.required" }
        s.areas = Service.listKey(areas)
        let langs = languages.filter { state["lang_\($0)"] == "on" }
        if langs.isEmpty { state.errors["lang_fi"] = "service.error.language" }
        s.languages = Service.listKey(langs)
        if let t = state.choice("threshold", Threshold.self) { s.threshold = t }
        s.cost = state.text("cost", max: 500)
        s.whereWhen = state.text("where_when", max: 1000)
        s.contact = state.text("contact", required: true, max: 500)
        s.active = state["active"] == "on"
        return state.isValid
    }

    @Sendable static func index(req: Request) async throws -> Response {
        let id = try req.id()
        _ = try req.guardedOrganisation()
        var state = FormState()
        state.values = ["active": "on", "lang_fi": "on", "threshold": "low"]
        return try await page(req, organisation: id, state: state)
    }

    static func page(_ req: Request, organisation id: UUID, state: FormState, status: HTTPResponseStatus = .ok) async throws -> Response {
        guard let model = try await ServicePages.services(of: id, state: state, on: req.db) else { throw Abort(.notFound) }
        return ServicePages.servicesPage(model, context: req.pageContext, status: status).response()
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let id = try req.id()
        _ = try req.guardedOrganisation()
        guard let org = try await Organisation.find(id, on: req.db) else { throw Abort(.notFound) }
        var state = FormState.read(req, fields: fields)
        let s = Service()
        s.$organisation.id = id
        guard apply(&state, to: s) else { return try await page(req, organisation: id, state: state, status: .unprocessableEntity) }
        s.checkedOn = req.today.iso
        s.index(organisationName: org.name)
        try await s.create(on: req.db)
        return req.redirect(SiteURL.directoryService(.value(s.id!)).relativeURL())
    }

    static func service(_ req: Request) async throws -> (Service, Organisation) {
        guard let s = try await Service.query(on: req.db).filter(\.$id == (try req.id())).with(\.$organisation).first() else { throw Abort(.notFound) }
        _ = try req.guardedOrganisation()
        return (s, s.organisation)
    }

    @Sendable static func edit(req: Request) async throws -> Response {
        let (s, _) = try await service(req)
        return editPage(req, s, state: values(of: s))
    }

    static func editPage(_ req: Request, _ s: Service, state: FormState, status: HTTPResponseStatus = .ok) -> Response {
        let model = ServicePages.Edit(service: s.id.map { ServicePages.Choice(id: $0, name: s.name) }, organisation: s.$organisation.id, state: state)
        return ServicePages.editPage(model, context: req.pageContext, status: status).response()
    }

    @Sendable static func update(req: Request) async throws -> Response {
        let (s, org) = try await service(req)
        var state = FormState.read(req, fields: fields)
        guard apply(&state, to: s) else { return editPage(req, s, state: state, status: .unprocessableEntity) }
        // Saving the details is checking them.
        s.checkedOn = req.today.iso
        s.index(organisationName: org.name)
        try await s.save(on: req.db)
        return req.redirect(SiteURL.directoryService(.value(s.id!)).relativeURL())
    }

    @Sendable static func checked(req: Request) async throws -> Response {
        let (s, _) = try await service(req)
        s.checkedOn = req.today.iso
        try await s.save(on: req.db)
        return req.redirect(SiteURL.organisationServices(.value(s.$organisation.id)).relativeURL())
    }
}
