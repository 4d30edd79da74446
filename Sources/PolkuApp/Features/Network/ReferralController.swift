import Fluent
import Foundation
import PolkuCore
import SQLKit
import Vapor

/// Referring a participant to a service: the participant's consent is asked and recorded, only what
/// the referral needs is shared, and the referral moves through its states (PolkuCore's
/// `ReferralState`) with who changed it and when.
enum ReferralController {
    /// What the worker chooses to share; a message typed is always sent (it is written for the
    /// provider: a second box to tick silently kept it back, issue 14).
    static let shareable = ["phone", "email", "language"]

    // MARK: Referring side

    @Sendable static func new(req: Request) async throws -> Response {
        let scope = try req.guardedParticipant()
        var state = FormState.read(req.query, fields: ["service", "q"])
        state.values["share_phone"] = "on"
        return try await form(req, scope: scope, state: state)
    }

    static func form(_ req: Request, scope: ParticipantScope, state: FormState, status: HTTPResponseStatus = .ok) async throws -> Response {
        guard let model = try await ReferralForm.query(scope, state: state, lang: req.lang, on: req.db) else { throw Abort(.notFound) }
        // The form shows the person's name and suggestions from their goals and assessments.
        try await req.audit.record(.referralForm, participant: scope.participantID)
        return model.page(context: req.pageContext, status: status).response()
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let scope = try req.guardedParticipant()
        let pid = scope.participantID
        var state = FormState.read(req, fields: ["service", "project", "message", "consent"] + shareable.map { "share_\($0)" })
        guard let serviceID = state.uuid("service"), let service = try await Service.find(serviceID, on: req.db) else { throw Abort(.badRequest, reason: "Choose a service") }
        let project = state.uuid("project")
        if let project, !scope.writableProjects.contains(project) { state.errors["project"] = "error.choice" }
        let message = state.text("message", max: 2000)
        if state["consent"] != "on" { state.errors["consent"] = "referral.error.consent" }
        if !service.active { state.errors["service"] = "referral.error.inactive" }
        guard let project, state.isValid else { return try await form(req, scope: scope, state: state, status: .unprocessableEntity) }
        let shared = ["name"] + shareable.filter { state["share_\($0)"] == "on" } + (message.isEmpty ? [] : ["message"])
        let r = Referral()
        r.$participant.id = pid; r.$service.id = serviceID; r.$project.id = project; r.state = .sent
        r.consentOn = req.today.iso; r.shared = shared.joined(separator: ","); r.message = shared.contains("message") ? message : ""
        r.$createdBy.id = scope.actor.userID
        try await req.db.writeTransaction { db in
            try await r.create(on: db)
            let e = ReferralEvent()
            e.$referral.id = r.id!; e.at = req.now; e.fromState = nil; e.toState = .sent; e.$user.id = scope.actor.userID
            try await e.create(on: db)
            let c = Consent()
            c.$participant.id = pid; c.purpose = .dataSharing; c.date = r.consentOn; c.given = true; c.$recordedBy.id = scope.actor.userID
            try await c.create(on: db)
            try await req.audit.record(.referralCreate, participant: pid, project: project, detail: "to service \(serviceID), shares \(r.shared)", on: db)
            try await Webhooks.referral(.referralCreated, referral: r.id!, service: serviceID, state: r.state.rawValue, at: req.now, app: req.application, on: db)
        }
        req.flash("flash.referral_sent")
        return req.redirect(SiteURL.referral(.value(r.id!)).relativeURL())
    }

    // MARK: Both sides

    enum Side { case referring(ParticipantScope), provider }

    /// The referring side sees it through the participant; the provider's staff through the service.
    static func access(_ req: Request, _ r: Referral, actor: Actor) async throws -> Side {
        let organisation = try await Service.find(r.$service.id, on: req.db)?.$organisation.id
        if let organisation, try await req.authz.isProviderStaff(actor, organisation) { return .provider }
        if let scope = try? await req.authz.participant(r.$participant.id), scope.projects[r.$project.id] != nil { return .referring(scope) }
        throw Abort(.notFound)
    }

    @Sendable static func show(req: Request) async throws -> Response {
        guard let (r, side) = req.guarded.referral else { throw Abort(.notFound) }
        return try await page(req, r, side: side, state: FormState())
    }

    static func page(_ req: Request, _ r: Referral, side: Side, state: FormState, status: HTTPResponseStatus = .ok, message: String? = nil) async throws -> Response {
        let isProvider: Bool = { if case .provider = side { return true } else { return false } }()
        var model = try await ReferralPage.query(r, isProvider: isProvider, on: req.db)
        model.form = state
        model.refusal = message
        try await req.audit.record(
            .referralView, participant: model.person == nil ? nil : r.$participant.id, project: r.$project.id,
            detail: isProvider ? "provider view" : "referring view")
        return model.page(context: req.pageContext, status: status).response()
    }

    @Sendable static func move(req: Request) async throws -> Response {
        guard let (r, side) = req.guarded.referral else { throw Abort(.notFound) }
        guard case .provider = side else { throw Abort(.forbidden) }
        // Consent withdrawn: the referral is closed to the provider; a conflict, not a question of access.
        guard r.consentWithdrawnOn == nil else { throw Abort(.conflict) }
        var state = FormState.read(req, fields: ["to", "reason"])
        let reason = state.text("reason", max: 1000)
        guard let target = state.choice("to", ReferralState.self) else {
            return try await page(req, r, side: side, state: state, status: .unprocessableEntity)
        }
        if let problem = r.state.move(to: target, reason: reason) {
            return try await page(req, r, side: side, state: state, status: .unprocessableEntity, message: req.t("referral.error." + problem.rawValue.split(separator: ".").last!))
        }
        try await record(req, r, to: target, reason: reason, actor: try req.guardedActor())
        req.flash("flash.referral_moved", req.t("referral.state." + target.rawValue))
        return req.redirect(SiteURL.referral(.value(r.id!)).relativeURL())
    }

    /// Moves `r` to `target` (already checked with `ReferralState.move`): the referral, its event, the
    /// audit event and the webhooks' deliveries commit together. The page and the API both end here.
    static func record(_ req: Request, _ r: Referral, to target: ReferralState, reason: String, actor: Actor, via: String = "") async throws {
        let from = r.state
        r.state = target
        if target.needsReason { r.reason = reason }
        try await req.db.writeTransaction { db in
            try await r.save(on: db)
            let e = ReferralEvent()
            e.$referral.id = r.id!; e.at = req.now; e.fromState = from; e.toState = target; e.reason = reason.nilIfEmpty; e.$user.id = actor.userID
            try await e.create(on: db)
            try await req.audit.record(
                .referralUpdate, participant: r.$participant.id, project: r.$project.id, detail: "\(from.rawValue) → \(target.rawValue)\(via)", on: db)
            try await Webhooks.referral(
                .referralStateChanged, referral: r.id!, service: r.$service.id, state: target.rawValue, at: req.now, app: req.application, on: db)
        }
    }

    @Sendable static func withdraw(req: Request) async throws -> Response {
        guard let (r, side) = req.guarded.referral, case .referring = side else { throw Abort(.forbidden) }
        let scope = try await req.authz.writeParticipant(r.$participant.id, in: r.$project.id)
        r.consentWithdrawnOn = req.today.iso
        try await req.db.writeTransaction { db in
            try await r.save(on: db)
            let c = Consent()
            c.$participant.id = r.$participant.id; c.purpose = .dataSharing; c.date = r.consentWithdrawnOn!; c.given = false; c.$recordedBy.id = scope.actor.userID
            try await c.create(on: db)
            try await req.audit.record(.referralUpdate, participant: r.$participant.id, project: r.$project.id, detail: "consent withdrawn", on: db)
        }
        return req.redirect(SiteURL.referral(.value(r.id!)).relativeURL())
    }

    // MARK: Lists

    /// The provider's inbox: referrals to its services, with only the person's name (hidden once consent is withdrawn).
    @Sendable static func inbox(req: Request) async throws -> Response {
        let org = try req.guardedOrganisation()
        let openOnly = (try? req.query.get(String.self, at: "all")) == nil
        guard let model = try await ReferralLists.inbox(org, openOnly: openOnly, on: req.db) else { throw Abort(.notFound) }
        try await req.audit.record(
            .participantList, participants: model.rows.filter { $0.consent_withdrawn_on == nil }.map(\.participant_id), project: nil,
            detail: "referral inbox \(org)")
        return ReferralLists.inboxPage(model, context: req.pageContext).response()
    }

    /// The referring worker's open referrals across their projects.
    @Sendable static func open(req: Request) async throws -> Response {
        let actor = try req.guardedActor()
        let rows = try await ReferralLists.open(in: Array(actor.projectsWritingPeople), on: req.db)
        try await req.audit.record(.participantList, participants: rows.map(\.participant_id), project: nil, detail: "open referrals")
        return ReferralLists.openPage(rows, context: req.pageContext).response()
    }
}
