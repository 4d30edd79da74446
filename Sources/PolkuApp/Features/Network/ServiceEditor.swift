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

    static func form(_ req: Request, action: String, state: FormState, submitLabel: String) -> Node {
        let t = req.t
        let f = Fields(t: t, state: state)
        return h("form", ["method": "post", "action": action]) {
            csrfField(req)
            f.summary()
            f.text("name", t("service.name"), required: true)
            f.textarea("description", t("service.description"), required: true, hint: t("service.description.hint"), rows: 4)
            f.select("category", t("directory.category"), options: ServiceCategory.allCases.map { ($0.rawValue, t("service.category." + $0.rawValue)) }, required: true)
            f.select("threshold", t("directory.threshold"), options: Threshold.allCases.map { ($0.rawValue, t("service.threshold." + $0.rawValue)) }, required: true)
            f.text("target_groups", t("service.target_groups"), hint: t("service.target_groups.hint"))
            f.text("areas", t("directory.area"), required: true, hint: t("service.areas.hint"))
            h("fieldset", ["class": "checks"]) {
                h("legend") { t("directory.language") }
                f.error("lang_fi")
                for l in languages { f.checkbox("lang_\(l)", t("service.language." + l)) }
            }
            f.text("cost", t("service.cost"), hint: t("service.cost.hint"))
            f.textarea("where_when", t("service.where_when"), rows: 2)
            f.textarea("contact", t("service.contact"), required: true, hint: t("service.contact.hint"), rows: 2)
            h("details", ["open": ["name_sv", "name_en", "description_sv", "description_en"].contains { !state[$0].isEmpty } ? "" : nil]) {
                h("summary") { t("service.translations") }
                f.text("name_sv", t("service.name") + " (svenska)")
                f.textarea("description_sv", t("service.description") + " (svenska)", rows: 3)
                f.text("name_en", t("service.name") + " (English)")
                f.textarea("description_en", t("service.description") + " (English)", rows: 3)
            }
            f.checkbox("active", t("service.active"))
            submit(submitLabel)
        }
    }

    @Sendable static func index(req: Request) async throws -> Response {
        let id = try req.id()
        _ = try req.guardedOrganisation()
        var state = FormState()
        state.values = ["active": "on", "lang_fi": "on", "threshold": "low"]
        return try await page(req, organisation: id, state: state)
    }

    static func page(_ req: Request, organisation id: UUID, state: FormState, status: HTTPResponseStatus = .ok) async throws -> Response {
        guard let org = try await Organisation.find(id, on: req.db) else { throw Abort(.notFound) }
        let services = try await Service.query(on: req.db).filter(\.$organisation.$id == id).sort(\.$name).all()
        let t = req.t
        let today = req.today
        return req.page(t("provider.services.title", org.name), breadcrumbs: [(t("directory.title"), SiteURL.directory.relativeURL())], status: status) {
            h("p") { h("a", ["href": SiteURL.organisationReferrals(.value(id)).relativeURL()]) { t("provider.inbox.link") } }
            let stale = services.filter { s in CalendarDate(parsing: s.checkedOn).map { ServiceFreshness.isStale(checked: $0, today: today) } ?? true }
            if !stale.isEmpty { h("p", ["class": "notice", "role": "status"]) { t("provider.services.stale", stale.count) } }
            if services.isEmpty {
                h("p") { t("provider.services.none") }
            } else {
                h("table") {
                    h("thead") {
                        h("tr") {
                            h("th", ["scope": "col"]) { t("service.name") }
                            h("th", ["scope": "col"]) { t("service.checked") }
                            h("th", ["scope": "col"]) { h("span", ["class": "visually-hidden"]) { t("activity.member.actions") } }
                        }
                    }
                    h("tbody") {
                        for s in services {
                            let stale = CalendarDate(parsing: s.checkedOn).map { ServiceFreshness.isStale(checked: $0, today: today) } ?? true
                            h("tr") {
                                h("th", ["scope": "row"]) {
                                    h("a", ["href": SiteURL.directoryService(.value(s.id!)).relativeURL()]) { s.name }
                                    if !s.active { " (" + t("service.inactive.short") + ")" }
                                }
                                h("td") { t.date(s.checkedOn) + (stale ? " – " + t("service.stale.short") : "") }
                                h("td") {
                                    h("a", ["href": SiteURL.serviceEdit(.value(s.id!)).relativeURL()]) { t("service.edit") }
                                    h("form", ["method": "post", "action": SiteURL.serviceChecked(.value(s.id!)).relativeURL(), "class": "inline"]) {
                                        csrfField(req)
                                        h("button", ["type": "submit", "class": "secondary"]) { t("service.mark_checked", s.name) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            h("h2") { t("provider.services.new") }
            form(req, action: SiteURL.organisationServices(.value(id)).relativeURL(), state: state, submitLabel: t("form.save"))
        }
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
        let t = req.t
        return req.page(
            t("service.edit.title", s.name), breadcrumbs: [(t("provider.services.link"), SiteURL.organisationServices(.value(s.$organisation.id)).relativeURL())], status: status
        ) {
            form(req, action: SiteURL.service(.value(s.id!)).relativeURL(), state: state, submitLabel: t("form.save"))
        }
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
