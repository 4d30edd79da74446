import Fluent
import PolkuCore
import Vapor

/// Sites, organisations, own outcomes and steering-group seats of a project: added and removed by
/// its managers (the route's guard admits only them).
enum ProjectPartsController {
    static func add(_ part: SiteURL.ProjectPart) -> GuardedRoutes.Handler {
        switch part {
        case .sites: addSite
        case .organisations: addOrganisation
        case .outcomes: addOutcome
        case .steering: addSteeringMember
        }
    }

    /// Removes one part of the project in the path; a part of another project is left alone.
    static func remove(_ part: SiteURL.ProjectPart) -> GuardedRoutes.Handler {
        { @Sendable req in
            let id = try req.guardedProject().id
            let partID = try req.id("part")
            if let reason = try await inUse(part, partID, on: req.db) {
                var state = FormState()
                state.errors["remove"] = reason
                return try await again(req, id, state, status: .conflict)
            }
            switch part {
            case .sites: try await Site.query(on: req.db).filter(\.$id == partID).filter(\.$project.$id == id).delete()
            case .organisations: try await ProjectOrganisation.query(on: req.db).filter(\.$id == partID).filter(\.$project.$id == id).delete()
            case .outcomes: try await ProjectOutcome.query(on: req.db).filter(\.$id == partID).filter(\.$project.$id == id).delete()
            case .steering: try await SteeringMember.query(on: req.db).filter(\.$id == partID).filter(\.$project.$id == id).delete()
            }
            return req.redirect(to: SiteURL.project(.value(id)).relativeURL(fragment: part.anchor), redirectType: .normal)
        }
    }

    @Sendable static func addSite(req: Request) async throws -> Response {
        let id = try req.guardedProject().id
        var state = try FormState.read(req, fields: ["site_name", "site_municipality", "site_kind"], requiring: ["site_name", "site_kind"])
        let name = state.text("site_name", required: true, max: 120)
        let municipality = state.text("site_municipality", max: 120)
        let kind = state.choice("site_kind", Site.Kind.self)
        guard state.isValid, let kind else { return try await again(req, id, state) }
        try await Site(projectID: id, name: name, municipality: municipality, kind: kind).create(on: req.db)
        return req.redirect(SiteURL.project(.value(id)).relativeURL(fragment: SiteURL.ProjectPart.sites.anchor))
    }

    @Sendable static func addOrganisation(req: Request) async throws -> Response {
        let id = try req.guardedProject().id
        var state = try FormState.read(req, fields: ["organisation_id", "organisation_role"], requiring: ["organisation_id", "organisation_role"])
        let org = state.uuid("organisation_id")
        let role = state.choice("organisation_role", ProjectOrganisation.Role.self)
        if let org, try await Organisation.find(org, on: req.db) == nil { state.errors["organisation_id"] = "error.choice" }
        if let org, let role,
            try await ProjectOrganisation.query(on: req.db).filter(\.$project.$id == id)
                .filter(\.$organisation.$id == org).filter(\.$role == role).first() != nil
        {
            state.errors["organisation_id"] = "error.duplicate"
        }
        guard state.isValid, let org, let role else { return try await again(req, id, state) }
        try await ProjectOrganisation(projectID: id, organisationID: org, role: role).create(on: req.db)
        return req.redirect(SiteURL.project(.value(id)).relativeURL(fragment: SiteURL.ProjectPart.organisations.anchor))
    }

    @Sendable static func addSteeringMember(req: Request) async throws -> Response {
        let id = try req.guardedProject().id
        var state = try FormState.read(
            req, fields: ["steering_name", "steering_organisation", "steering_role"],
            requiring: ["steering_organisation", "steering_role"])
        let name = state.text("steering_name", max: 120)
        let org = state.text("steering_organisation", required: true, max: 200)
        let role = state.text("steering_role", required: true, max: 120)
        guard state.isValid else { return try await again(req, id, state) }
        try await SteeringMember(projectID: id, name: name, organisation: org, role: role).create(on: req.db)
        return req.redirect(SiteURL.project(.value(id)).relativeURL(fragment: SiteURL.ProjectPart.steering.anchor))
    }

    @Sendable static func addOutcome(req: Request) async throws -> Response {
        let id = try req.guardedProject().id
        var state = try FormState.read(req, fields: ["outcome_name", "outcome_maps_to"], requiring: ["outcome_name", "outcome_maps_to"])
        let name = state.text("outcome_name", required: true, max: 120)
        let mapsTo = state.choice("outcome_maps_to", ServiceOutcome.self)
        if !name.isEmpty, try await ProjectOutcome.query(on: req.db).filter(\.$project.$id == id).filter(\.$name == name).first() != nil {
            state.errors["outcome_name"] = "error.duplicate"
        }
        guard state.isValid, let mapsTo else { return try await again(req, id, state) }
        try await ProjectOutcome(projectID: id, name: name, mapsTo: mapsTo).create(on: req.db)
        return req.redirect(SiteURL.project(.value(id)).relativeURL(fragment: SiteURL.ProjectPart.outcomes.anchor))
    }

    /// The project page again, with the failed form's values and errors in place.
    /// A site or an own outcome that people's enrolments (or activities) name stays: removing it would
    /// quietly blank where they were enrolled or how they left, and the reports with it.
    private static func inUse(_ part: SiteURL.ProjectPart, _ id: UUID, on db: any Database) async throws -> String? {
        switch part {
        case .sites:
            let enrolled = try await Enrolment.query(on: db).filter(\.$site.$id == id).count()
            let activities = try await Activity.query(on: db).filter(\.$site.$id == id).count()
            return enrolled + activities > 0 ? "project.site.in_use" : nil
        case .outcomes:
            return try await Enrolment.query(on: db).filter(\.$projectOutcomeID == id).count() > 0 ? "project.outcome.in_use" : nil
        case .organisations, .steering:
            return nil
        }
    }

    private static func again(_ req: Request, _ id: UUID, _ state: FormState, status: HTTPResponseStatus = .unprocessableEntity) async throws -> Response {
        let actor = try req.guardedActor()
        guard let model = try await ProjectShow.Model.query(id, on: req.db) else { throw Abort(.notFound) }
        req.failedPartForm = state
        let res = ProjectShow.render(req, model: model, access: actor.access(to: id), actor: actor)
        res.status = status
        return res
    }
}

extension Request {
    private struct PartFormKey: StorageKey { typealias Value = FormState }
    /// A failed add-form on the project page, shown again with what was typed.
    var failedPartForm: FormState {
        get { storage[PartFormKey.self] ?? FormState() }
        set { storage[PartFormKey.self] = newValue }
    }
}

enum ProjectPartsView {
    static func organisations(_ req: Request, model m: ProjectShow.Model, manages: Bool) -> Node {
        let t = req.t
        let f = Fields(t: t, state: req.failedPartForm, prefix: "org-")
        return h("section", ["aria-labelledby": SiteURL.ProjectPart.organisations.anchor]) {
            h("h2", ["id": SiteURL.ProjectPart.organisations.anchor]) { t("project.organisations") }
            h("table") {
                h("thead") {
                    h("tr") {
                        h("th", ["scope": "col"]) { t("organisation.name") }
                        h("th", ["scope": "col"]) { t("organisation.business_id") }
                        h("th", ["scope": "col"]) { t("project.organisation_role") }
                        if manages { h("th", ["scope": "col"]) { t("form.actions") } }
                    }
                }
                h("tbody") {
                    for (link, org) in m.organisations {
                        h("tr") {
                            h("td") { org.name }
                            h("td") { org.businessID ?? "–" }
                            h("td") { t("project.organisation_role." + link.role.rawValue) }
                            if manages {
                                h("td") {
                                    removeButton(req, SiteURL.projectPartDelete(.value(m.project.id!), .organisations, .value(link.id!)).relativeURL(), t("form.remove"), org.name)
                                }
                            }
                        }
                    }
                }
            }
            if manages {
                h("form", ["method": "post", "action": SiteURL.projectPart(.value(m.project.id!), .organisations).relativeURL(), "class": "inline"]) {
                    csrfField(req)
                    f.select(
                        "organisation_id", t("project.add_organisation"),
                        options: m.allOrganisations.map { ($0.id!.uuidString, $0.name) }, required: true, blank: "")
                    f.select(
                        "organisation_role", t("project.organisation_role"),
                        options: ProjectOrganisation.Role.allCases.map { ($0.rawValue, t("project.organisation_role." + $0.rawValue)) }, required: true)
                    submit(t("form.add"))
                }
            }
        }
    }

    static func sites(_ req: Request, model m: ProjectShow.Model, manages: Bool, counts: Bool) -> Node {
        let t = req.t
        let f = Fields(t: t, state: req.failedPartForm, prefix: "site-")
        return h("section", ["aria-labelledby": SiteURL.ProjectPart.sites.anchor]) {
            h("h2", ["id": SiteURL.ProjectPart.sites.anchor]) { t("project.sites") }
            if let reason = req.failedPartForm.errors["remove"], reason == "project.site.in_use" { h("p", ["class": "error", "role": "alert"]) { t(reason) } }
            h("table") {
                h("thead") {
                    h("tr") {
                        h("th", ["scope": "col"]) { t("site.name") }
                        h("th", ["scope": "col"]) { t("site.municipality") }
                        h("th", ["scope": "col"]) { t("site.kind") }
                        if counts { h("th", ["scope": "col", "class": "num"]) { t("project.participants") } }
                        if manages { h("th", ["scope": "col"]) { t("form.actions") } }
                    }
                }
                h("tbody") {
                    for site in m.sites {
                        h("tr") {
                            h("td") { site.name }
                            h("td") { site.municipality }
                            h("td") { t("site.kind." + site.kind.rawValue) }
                            if counts { h("td", ["class": "num"]) { String(m.participantsBySite[site.id!] ?? 0) } }
                            if manages {
                                h("td") { removeButton(req, SiteURL.projectPartDelete(.value(m.project.id!), .sites, .value(site.id!)).relativeURL(), t("form.remove"), site.name) }
                            }
                        }
                    }
                }
            }
            if manages {
                h("form", ["method": "post", "action": SiteURL.projectPart(.value(m.project.id!), .sites).relativeURL(), "class": "inline"]) {
                    csrfField(req)
                    f.text("site_name", t("site.name"), required: true)
                    f.text("site_municipality", t("site.municipality"))
                    f.select("site_kind", t("site.kind"), options: Site.Kind.allCases.map { ($0.rawValue, t("site.kind." + $0.rawValue)) }, required: true)
                    submit(t("project.add_site"))
                }
            }
        }
    }

    static func outcomes(_ req: Request, model m: ProjectShow.Model, manages: Bool) -> Node {
        let t = req.t
        let f = Fields(t: t, state: req.failedPartForm, prefix: "outcome-")
        return h("section", ["aria-labelledby": SiteURL.ProjectPart.outcomes.anchor]) {
            h("h2", ["id": SiteURL.ProjectPart.outcomes.anchor]) { t("report.own_outcomes") }
            if let reason = req.failedPartForm.errors["remove"], reason == "project.outcome.in_use" { h("p", ["class": "error", "role": "alert"]) { t(reason) } }
            if m.ownOutcomes.isEmpty {
                h("p") { t("project.own_outcomes.none") }
            } else {
                h("ul") {
                    for o in m.ownOutcomes {
                        h("li") {
                            "\(o.name) → \(t("outcome." + o.mapsTo.rawValue)) "
                            if manages { removeButton(req, SiteURL.projectPartDelete(.value(m.project.id!), .outcomes, .value(o.id!)).relativeURL(), t("form.remove"), o.name) }
                        }
                    }
                }
            }
            if manages {
                h("form", ["method": "post", "action": SiteURL.projectPart(.value(m.project.id!), .outcomes).relativeURL(), "class": "inline"]) {
                    csrfField(req)
                    f.text("outcome_name", t("project.own_outcome.name"), required: true)
                    f.select("outcome_maps_to", t("report.maps_to"), options: ServiceOutcome.allCases.map { ($0.rawValue, t("outcome." + $0.rawValue)) }, required: true)
                    submit(t("form.add"))
                }
            }
        }
    }

    static func steering(_ req: Request, model m: ProjectShow.Model, manages: Bool) -> Node {
        let t = req.t
        let f = Fields(t: t, state: req.failedPartForm, prefix: "steer-")
        return h("section", ["aria-labelledby": SiteURL.ProjectPart.steering.anchor]) {
            h("h2", ["id": SiteURL.ProjectPart.steering.anchor]) { t("project.steering") }
            h("table") {
                h("thead") {
                    h("tr") {
                        h("th", ["scope": "col"]) { t("steering.role") }
                        h("th", ["scope": "col"]) { t("steering.organisation") }
                        h("th", ["scope": "col"]) { t("steering.name") }
                        if manages { h("th", ["scope": "col"]) { t("form.actions") } }
                    }
                }
                h("tbody") {
                    for s in m.steering {
                        h("tr") {
                            h("td") { s.role }
                            h("td") { s.organisation }
                            h("td") { s.name.isEmpty ? "–" : s.name }
                            if manages {
                                h("td") { removeButton(req, SiteURL.projectPartDelete(.value(m.project.id!), .steering, .value(s.id!)).relativeURL(), t("form.remove"), s.role) }
                            }
                        }
                    }
                }
            }
            if manages {
                h("form", ["method": "post", "action": SiteURL.projectPart(.value(m.project.id!), .steering).relativeURL(), "class": "inline"]) {
                    csrfField(req)
                    f.text("steering_role", t("steering.role"), required: true)
                    f.text("steering_organisation", t("steering.organisation"), required: true)
                    f.text("steering_name", t("steering.name"))
                    submit(t("project.add_steering"))
                }
            }
        }
    }
}

/// A small form that removes one thing; the accessible name says what it removes.
func removeButton(_ req: Request, _ action: String, _ label: String, _ what: String) -> Node {
    removeButton(req.pageContext, action, label, what)
}

extension SiteURL.ProjectPart {
    /// The id of the part's heading on the project page, where a change returns to.
    var anchor: String {
        switch self {
        case .sites: "sites-h"
        case .organisations: "orgs-h"
        case .outcomes: "outcomes-h"
        case .steering: "steering-h"
        }
    }
}
