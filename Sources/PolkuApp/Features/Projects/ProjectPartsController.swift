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
        return ProjectShow.page(model, access: actor.access(to: id), actor: actor, partForm: state, context: req.pageContext, status: status).response()
    }
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
